"""Shared fixtures: one strict build of the whole site, served on loopback for the browser.

The site is built once per test session with ``site_url`` set to the local server's address, so
that absolute URLs (hreflang alternates, canonical links, sitemap) point at the server under
test and any request to another host is a real defect, not an artefact of testing.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("fr", "nl", "de")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@dataclass
class BuiltSite:
    dir: Path
    url: str  # ends with "/"
    output: str  # everything mkdocs printed

    def pages(self) -> list[Path]:
        """Every HTML page of the site, relative to its root (404 pages included)."""
        return sorted(p.relative_to(self.dir) for p in self.dir.rglob("*.html"))

    def url_of(self, page: Path) -> str:
        rel = page.as_posix()
        if rel.endswith("index.html"):
            rel = rel[: -len("index.html")]
        return self.url + rel


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static server that answers unknown URLs with the 404 page of their language, like the
    production server configuration does."""

    def log_message(self, *args):  # keep test output quiet
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        path = self.path.split("?", 1)[0]
        lang = next((lang for lang in LANGS[1:] if path.startswith(f"/{lang}/")), None)
        page = Path(self.directory) / (f"{lang}/404.html" if lang else "404.html")
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def build_site(site_dir: Path, site_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BUILD_ONLY_LOCALE", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("build") / "site"
    handler = functools.partial(_SiteHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    result = build_site(site_dir, url)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        server.server_close()
        pytest.fail(f"mkdocs build --strict failed:\n{output}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield BuiltSite(site_dir, url, output)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium (no browser can be downloaded here), without background traffic."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (see .ci/run)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"],
    }


@pytest.fixture(scope="session")
def axe_source() -> str:
    path = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    if not path.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm ci` (make test does)")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    path = ROOT / "test-artifacts"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    return path

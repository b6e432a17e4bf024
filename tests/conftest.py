"""Shared fixtures: one strict build of the whole site, served on loopback for the browser.

The site is built once per test session with ``site_url`` set to the local server's address, so
that absolute URLs (hreflang alternates, canonical links, sitemap) point at the server under
test and any request to another host is a real defect, not an artefact of testing.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
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
    server: str = "python"  # "nginx" when served with deploy/nginx.conf

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


NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_config(site_dir: Path, port: int, work: Path) -> str:
    """deploy/nginx.conf — the production server block, unchanged but for `listen` and
    `root` — inside a minimal main configuration that runs as the current user."""
    server = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    server = re.sub(r"^(\s*)listen .*;$", rf"\1listen 127.0.0.1:{port};", server, count=1,
                    flags=re.M)
    server = re.sub(r"^(\s*)root .*;$", rf"\1root {site_dir};", server, count=1, flags=re.M)
    # As root, nginx's workers would run as "nobody" and could not read the test's private
    # temporary folder.
    user = "user root;\n" if hasattr(os, "geteuid") and os.geteuid() == 0 else ""
    return f"""{user}daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/body; proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi; uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;
{server}
}}
"""


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The site, built strictly and served by nginx with deploy/nginx.conf when nginx is
    installed (CI installs it), else by a small Python server with the same 404 rule."""
    site_dir = tmp_path_factory.mktemp("build") / "site"
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    result = build_site(site_dir, url)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{output}")
    if NGINX:
        work = tmp_path_factory.mktemp("nginx")
        (work / "nginx.conf").write_text(nginx_config(site_dir, port, work), encoding="utf-8")
        process = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-e",
                                    str(work / "error.log")], stderr=subprocess.PIPE)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"nginx did not start: {process.stderr.read().decode()}")
                time.sleep(0.05)
        yield BuiltSite(site_dir, url, output, server="nginx")
        process.terminate()
        process.wait(timeout=10)
        return
    handler = functools.partial(_SiteHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield BuiltSite(site_dir, url, output, server="python")
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


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copy2(source, target)


def copy_project(target: Path) -> Path:
    """A copy of the project's sources to build in isolation (tests that edit content). The PDF
    cache comes along when present, so unchanged PDFs are not rendered again."""
    for name in ("docs", "overrides", "scripts", "data"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    if (ROOT / "node_modules").exists():
        (target / "node_modules").symlink_to(ROOT / "node_modules")
    if (ROOT / ".cache" / "pdf").exists():  # hard links: the cache holds hundreds of PDFs
        shutil.copytree(ROOT / ".cache" / "pdf", target / ".cache" / "pdf",
                        copy_function=_link_or_copy)
    return target

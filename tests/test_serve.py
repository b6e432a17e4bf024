"""`make serve` previews every change: MkDocs rebuilds after a change in docs/, mkdocs.yml,
data/ and overrides/ (`watch:` in mkdocs.yml), and scripts/serve.py starts the server again
after a change in scripts/ (a rebuild would run the Python code loaded at start-up)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from scripts import serve
from tests.conftest import ROOT, _free_port, copy_project


def test_the_server_watches_data_and_overrides_and_nothing_the_build_writes():
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    watched = {Path(path).resolve() for path in config.watch}
    assert watched == {ROOT / "data", ROOT / "overrides"}
    # docs/ is watched by MkDocs itself; the build writes there only what changed
    # (scripts/generated_pages.py). A watched folder the build writes into would rebuild for ever.
    for written in (ROOT / ".cache", ROOT / "site", ROOT / "scripts"):
        assert not any(written == path or written.is_relative_to(path) or
                       path.is_relative_to(written) for path in watched), written


def test_code_changes_are_seen_and_compiled_files_are_not(tmp_path):
    (tmp_path / "scripts" / "__pycache__").mkdir(parents=True)
    code = tmp_path / "scripts" / "a.py"
    code.write_text("A = 1\n", encoding="utf-8")
    before = serve.snapshot(tmp_path, ("scripts",), ".py")
    assert list(before) == ["scripts/a.py"]
    (tmp_path / "scripts" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"x")
    (tmp_path / "scripts" / "notes.txt").write_text("x", encoding="utf-8")
    assert serve.changes(before, serve.snapshot(tmp_path, ("scripts",), ".py")) == []
    os.utime(code, ns=(0, 10**9))
    (tmp_path / "scripts" / "b.py").write_text("B = 2\n", encoding="utf-8")
    assert serve.changes(before, serve.snapshot(tmp_path, ("scripts",), ".py")) == [
        "scripts/a.py", "scripts/b.py"]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:  # the 404 page is served with its status
        return error.read().decode("utf-8")


def _wait_for(url: str, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = _get(url)
            if text in last:
                return last
        except OSError:
            pass  # starting, or starting again
        time.sleep(0.5)
    raise AssertionError(f"{url}: {text!r} not served within {seconds} s")


def test_make_serve_rebuilds_after_data_and_template_changes_and_restarts_after_code(tmp_path):
    project = copy_project(tmp_path / "project")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BUILD_ONLY_LOCALE": "fr"}
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen([sys.executable, "-m", "scripts.serve", "-a",
                                    f"127.0.0.1:{port}"], cwd=project, env=env,
                                   stdout=output, stderr=subprocess.STDOUT)
    try:
        ui = project / "data" / "ui.yml"
        title = yaml.safe_load(ui.read_text(encoding="utf-8"))["not_found_title"]["fr"]
        _wait_for(url + "404.html", title)

        def builds() -> int:
            return log.read_text(encoding="utf-8").count("Building documentation")

        assert builds() == 1

        ui.write_text(ui.read_text(encoding="utf-8").replace(title, title + " (data)", 1),
                      encoding="utf-8")
        _wait_for(url + "404.html", title + " (data)")

        main = project / "overrides" / "main.html"
        main.write_text(main.read_text(encoding="utf-8").replace(
            "{% block content %}", "{% block content %}<!-- template changed -->", 1), "utf-8")
        _wait_for(url, "<!-- template changed -->")

        hooks = project / "scripts" / "mkdocs_hooks.py"
        hooks.write_text(hooks.read_text(encoding="utf-8") + (
            "\n\ndef on_post_page(output, page, config):\n"
            "    return output.replace('</body>', '<!-- code changed --></body>')\n"), "utf-8")
        _wait_for(url, "<!-- code changed -->")
        assert re.search(r"scripts/mkdocs_hooks\.py changed", log.read_text(encoding="utf-8"))

        settled = builds()
        assert settled == 4, log.read_text(encoding="utf-8")
        time.sleep(5)  # nothing changed: no build starts by itself (a build writing into a
        assert builds() == settled  # watched folder would rebuild for ever)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)

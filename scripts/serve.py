"""``make serve``: ``mkdocs serve``, started again when the site's Python code changes.

MkDocs rebuilds the site after a change in ``docs/``, ``mkdocs.yml`` and the paths listed under
``watch:`` in ``mkdocs.yml`` (``data/``, ``overrides/``). A rebuild runs in the same Python
process, which imported ``scripts/`` (the build hooks and generators) once, at start-up: after a
change in one of those files, MkDocs would rebuild with the old code. So ``scripts/`` is not in
``watch:``; this runner watches its ``.py`` files instead and starts ``mkdocs serve`` again when
one changes. The page open in the browser reloads itself once the new server has built the site.

If the first build fails (a typo in a data file, an error in the code), ``mkdocs serve`` stops;
this runner then waits for the next change in the sources and tries again.

    python -m scripts.serve [mkdocs serve options]      e.g. -a 127.0.0.1:8001
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = ("scripts",)
SOURCES = ("scripts", "docs", "data", "overrides", "mkdocs.yml")
POLL_SECONDS = 1.0


def snapshot(root: Path, names: tuple[str, ...], suffix: str | None = None) -> dict[str, int]:
    """{file path relative to root: modification time} for the files under ``names`` (files
    or directories of ``root``), ``__pycache__`` left out; only ``suffix`` files if given."""
    found: dict[str, int] = {}
    for name in names:
        top = root / name
        paths = [top] if top.is_file() else top.rglob("*") if top.is_dir() else []
        for path in paths:
            if (path.is_file() and "__pycache__" not in path.parts
                    and (suffix is None or path.suffix == suffix)):
                try:
                    found[path.relative_to(root).as_posix()] = path.stat().st_mtime_ns
                except OSError:  # removed meanwhile
                    continue
    return found


def changes(before: dict[str, int], after: dict[str, int]) -> list[str]:
    """Files added, removed or modified between two snapshots, sorted."""
    return sorted(name for name in before.keys() | after.keys()
                  if before.get(name) != after.get(name))


def _wait_for_change(root: Path, names: tuple[str, ...], process=None, suffix=None) -> list[str]:
    """Poll until a file under ``names`` changes (returns the changes) or ``process`` ends
    (returns [])."""
    before = snapshot(root, names, suffix)
    while process is None or process.poll() is None:
        time.sleep(POLL_SECONDS)
        after = snapshot(root, names, suffix)
        if changed := changes(before, after):
            return changed
    return []


def _stop(process: subprocess.Popen) -> None:
    # As Ctrl-C does: mkdocs serve then deletes its temporary copy of the site.
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class _Terminated(Exception):
    """SIGTERM (e.g. from `timeout`): stop the server too, as Ctrl-C does."""


def _terminated(signum, frame):
    raise _Terminated


def main(argv: list[str]) -> int:
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", *argv]
    signal.signal(signal.SIGTERM, _terminated)
    while True:
        process = subprocess.Popen(command, cwd=ROOT)
        try:
            changed = _wait_for_change(ROOT, CODE, process, suffix=".py")
            if changed:
                print(f"{', '.join(changed)} changed: starting mkdocs serve again with the new "
                      "code", file=sys.stderr, flush=True)
                _stop(process)
                continue
            if process.returncode == 0:
                return 0
            print("mkdocs serve stopped (see the error above); waiting for a change in "
                  + ", ".join(f"{name}/" if "." not in name else name for name in SOURCES),
                  file=sys.stderr, flush=True)
            _wait_for_change(ROOT, SOURCES)
        except KeyboardInterrupt:  # Ctrl-C reaches mkdocs too: let it shut down
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                _stop(process)
            return 0
        except _Terminated:
            _stop(process)
            return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

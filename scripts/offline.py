"""Offline bundle: the whole site as a zip that works from file://, without a server or
internet — for trainers in a room without a network. Navigation, search (per language) and
checklists (ticks kept in the browser) work; PDFs are included.

    make offline          # → dist/jobcoaching-offline.zip (unzip, open index.html)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_offline(site_dir: Path) -> None:
    env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                    "--site-dir", str(site_dir)], cwd=ROOT, env=env, check=True)


def zip_site(site_dir: Path, archive: Path) -> Path:
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                bundle.write(path, Path("jobcoaching") / path.relative_to(site_dir))
    return archive


def main() -> int:
    site = ROOT / "site-offline"
    shutil.rmtree(site, ignore_errors=True)
    build_offline(site)
    archive = zip_site(site, ROOT / "dist" / "jobcoaching-offline.zip")
    print(f"{archive.relative_to(ROOT)}: unzip it and open jobcoaching/index.html",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Write Markdown pages generated from data into ``docs/`` (git-ignored), only when changed.

mkdocs-static-i18n only localizes real files inside ``docs/`` (generated virtual files crash
it). A file is written only when its content changed: rewriting it on every build would make
``mkdocs serve`` see a change and rebuild forever. Stale pages of removed data are deleted.
"""

from __future__ import annotations

from pathlib import Path

NOTE = "<!-- Generated from {path} by scripts/generated_pages.py: edit the YAML. -->"
MARK = NOTE.split("{")[0]


def write_if_changed(path: Path, text: str) -> bool:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def page(title_md: str, description: str, source_path: str, marker: str) -> str:
    """A generated page: front matter, H1 first (MkDocs takes the title from a leading H1),
    the provenance note, then the marker that renders the content."""
    description = description.replace("\\", "").replace('"', "'")
    return (f'---\ndescription: "{description}"\n---\n\n# {title_md}\n\n'
            f"{NOTE.format(path=source_path)}\n\n{marker}\n")


def sync(target_dir: Path, pages: dict[Path, str]) -> list[Path]:
    """Write ``pages``; delete generated pages in ``target_dir`` that are no longer wanted."""
    changed = [path for path, text in pages.items() if write_if_changed(path, text)]
    for path in target_dir.glob("*.md"):
        if path not in pages and MARK in path.read_text(encoding="utf-8"):
            path.unlink()
            changed.append(path)
    return changed

"""Write one Markdown page per checklist and language, from the checklist data.

mkdocs-static-i18n only localizes real files inside ``docs/`` (generated virtual files crash
it), so ``docs/checklists/<id>.<lang>.md`` are written before the build and git-ignored. A file
is written only when its content changed: rewriting it on every build would make ``mkdocs
serve`` see a change and rebuild forever. Usable without MkDocs:
``python -m scripts.checklist_pages``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from scripts.checklists import Source, load_checklists
from scripts.languages import LANGUAGES
from scripts.markdown_text import escape

GENERATED_NOTE = "<!-- Generated from {path} by scripts/checklist_pages.py: edit the YAML. -->"


def page_markdown(source: Source, lang: str) -> str:
    c = source.checklist
    description = c.intro[lang].replace("\\", "").replace('"', "'")
    # The H1 comes first: MkDocs takes a page's title from a leading H1 only.
    return (f'---\ndescription: "{description}"\n---\n\n'
            f"# {escape(c.title[lang])}\n\n"
            f"{GENERATED_NOTE.format(path=source.path)}\n\n<!-- checklist: {c.id} -->\n")


def write_if_changed(path: Path, text: str) -> bool:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def generate(sources: list[Source], docs_dir: Path) -> list[Path]:
    """Write the pages; remove pages of checklists that no longer exist. Return changed paths."""
    target_dir = docs_dir / "checklists"
    changed, expected = [], set()
    for source in sources:
        for lang in LANGUAGES:
            path = target_dir / f"{source.checklist.id}.{lang}.md"
            expected.add(path)
            if write_if_changed(path, page_markdown(source, lang)):
                changed.append(path)
    for path in target_dir.glob("*.md"):
        if path not in expected and GENERATED_NOTE.split("{")[0] in path.read_text(encoding="utf-8"):
            path.unlink()
            changed.append(path)
    return changed


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    written = generate(load_checklists(root / "data" / "checklists"), root / "docs")
    print("\n".join(str(p) for p in written) or "up to date", file=sys.stderr)

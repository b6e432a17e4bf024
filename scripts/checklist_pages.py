"""One Markdown page per checklist and language, generated from the checklist data
(see scripts/generated_pages.py). Usable without MkDocs: ``python -m scripts.checklist_pages``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from scripts import generated_pages
from scripts.checklists import Source, load_checklists
from scripts.languages import LANGUAGES
from scripts.markdown_text import escape


def page_markdown(source: Source, lang: str) -> str:
    c = source.checklist
    return generated_pages.page(escape(c.title[lang]), c.intro[lang], source.path,
                                f"<!-- checklist: {c.id} -->")


def generate(sources: list[Source], docs_dir: Path) -> list[Path]:
    pages = {docs_dir / "checklists" / f"{s.checklist.id}.{lang}.md": page_markdown(s, lang)
             for s in sources for lang in LANGUAGES}
    return generated_pages.sync(docs_dir / "checklists", pages)


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    written = generate(load_checklists(root / "data" / "checklists"), root / "docs")
    print("\n".join(str(p) for p in written) or "up to date", file=sys.stderr)

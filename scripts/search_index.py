"""One search index per language, each with its own stemmer.

Why: one index for every language would give a Dutch reader searching "werkgever" French and
German pages too, stemmed the French way. Each language has its own index:
``search/search_index.json`` for French, ``nl/search/…`` Dutch and ``de/search/…`` German, each
with locations relative to its language root (the template points Material's ``base`` there)
and ``lang`` set to that language alone. The entries come from scripts/search_sections.py
(Material's search plugin is disabled: it would index every page a second time); the index
keeps the format and settings Material's search worker reads.
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.languages import DEFAULT, root_prefix

INDEX = Path("search") / "search_index.json"

# Material's defaults for its search worker (separator: whitespace and hyphens; the title
# weighs more than the text, tags most).
CONFIG = {"separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
          "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0},
                     "tags": {"boost": 1000000.0}}}


def write_indexes(site_dir: Path, docs: dict[str, list[dict]],
                  as_script: bool = False) -> dict[str, Path]:
    """Write each language's index (``docs``: language → entries with locations relative to
    its root); return their paths. ``as_script`` also writes ``search_index.js``
    (``var __index = …``), which Material loads instead of the JSON when the site is opened
    from ``file://`` (offline bundle)."""
    written: dict[str, Path] = {}
    for lang, entries in docs.items():
        if not entries:
            raise ValueError(f"{INDEX}: no page indexed for language '{lang}'")
        index = {"config": {"lang": [lang], **CONFIG}, "docs": entries}
        path = site_dir / root_prefix(lang) / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
        if as_script:
            path.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")
        written[lang] = path
    return written

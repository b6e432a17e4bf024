"""One search index per language, each with its own stemmer.

Why: mkdocs-static-i18n merges every language into one index, so a Dutch reader searching
"werkgever" would also get French and German pages, stemmed the French way. We split the merged
index after the build: ``search/search_index.json`` keeps French, ``nl/search/…`` Dutch and
``de/search/…`` German, each with locations relative to its language root (the template points
Material's ``base`` there) and ``lang`` set to that language alone. Each file is also lighter.
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.languages import DEFAULT, root_prefix

INDEX = Path("search") / "search_index.json"


def split_index(index: dict, languages: list[str]) -> dict[str, dict]:
    """Split a merged Material/MkDocs search index into one index per language."""
    prefixes = {lang: root_prefix(lang) for lang in languages if lang != DEFAULT}
    result: dict[str, dict] = {}
    for lang in languages:
        docs = []
        for doc in index["docs"]:
            location = doc["location"]
            owner = next((code for code, prefix in prefixes.items()
                          if location.startswith(prefix)), DEFAULT)
            if owner == lang:
                docs.append({**doc, "location": location[len(root_prefix(lang)):]})
        result[lang] = {"config": {**index["config"], "lang": [lang]}, "docs": docs}
    return result


def write_split_indexes(site_dir: Path, languages: list[str],
                        as_script: bool = False) -> dict[str, Path]:
    """Replace the merged index in ``site_dir`` by one index per language; return their paths.
    ``as_script`` also writes ``search_index.js`` (``var __index = …``), which Material loads
    instead of the JSON when the site is opened from ``file://`` (offline bundle)."""
    merged = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    written: dict[str, Path] = {}
    for lang, index in split_index(merged, languages).items():
        if not index["docs"]:
            raise ValueError(f"{INDEX}: no page indexed for language '{lang}'")
        path = site_dir / root_prefix(lang) / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
        if as_script:
            path.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")
        written[lang] = path
    return written

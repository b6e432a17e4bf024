"""scripts.search_index: one index per language, in the format Material's search worker reads."""

from __future__ import annotations

import json

import pytest

from scripts.search_index import CONFIG, write_indexes

DOCS = {
    "fr": [{"location": "", "title": "Accueil", "text": "a"},
           {"location": "about/#main-source", "title": "Source", "text": "b"}],
    "nl": [{"location": "about/", "title": "Over", "text": "d"}],
    "de": [{"location": "about/", "title": "Über", "text": "e"}],
}


def test_each_language_has_its_own_index_at_its_root(tmp_path):
    paths = write_indexes(tmp_path, DOCS, as_script=True)
    assert paths["fr"] == tmp_path / "search" / "search_index.json"
    assert paths["de"] == tmp_path / "de" / "search" / "search_index.json"
    german = json.loads(paths["de"].read_text(encoding="utf-8"))
    assert german == {"config": {"lang": ["de"], **CONFIG}, "docs": DOCS["de"]}
    assert "Über" in paths["de"].read_text(encoding="utf-8")  # not \\u00dc: lighter
    script = paths["nl"].with_suffix(".js").read_text(encoding="utf-8")
    assert script.startswith("var __index = {") and '"location":"about/"' in script


def test_a_language_without_pages_is_refused(tmp_path):
    with pytest.raises(ValueError, match="no page indexed for language 'nl'"):
        write_indexes(tmp_path, {"fr": DOCS["fr"], "nl": []})


def test_the_built_site_has_one_index_per_language(site):
    for lang, prefix in (("fr", ""), ("nl", "nl/"), ("de", "de/")):
        index = json.loads((site.dir / prefix / "search" / "search_index.json")
                           .read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        locations = [doc["location"] for doc in index["docs"]]
        assert "" in locations and "glossary/" in locations
        assert not any(loc.startswith(("nl/", "de/")) for loc in locations)
        assert len(index["docs"]) > 300, len(index["docs"])

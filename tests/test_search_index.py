"""scripts.search_index: the merged index is split by language root."""

from __future__ import annotations

import json

import pytest

from scripts.search_index import split_index, write_split_indexes

MERGED = {
    "config": {"lang": ["fr", "nl", "de"], "separator": "[\\s\\-]+"},
    "docs": [
        {"location": "", "title": "Accueil", "text": "a"},
        {"location": "about/#main-source", "title": "Source", "text": "b"},
        {"location": "nl/", "title": "Start", "text": "c"},
        {"location": "nl/about/", "title": "Over", "text": "d"},
        {"location": "de/about/", "title": "Über", "text": "e"},
        {"location": "denken/", "title": "Une page française qui commence par de", "text": "f"},
    ],
}


def test_split_keeps_each_language_with_relative_locations():
    result = split_index(MERGED, ["fr", "nl", "de"])
    assert [d["location"] for d in result["fr"]["docs"]] == ["", "about/#main-source", "denken/"]
    assert [d["location"] for d in result["nl"]["docs"]] == ["", "about/"]
    assert [d["location"] for d in result["de"]["docs"]] == ["about/"]
    assert result["nl"]["config"] == {"lang": ["nl"], "separator": "[\\s\\-]+"}


def test_written_files_and_empty_language_refused(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(MERGED), encoding="utf-8")
    paths = write_split_indexes(tmp_path, ["fr", "nl", "de"])
    assert paths["de"] == tmp_path / "de" / "search" / "search_index.json"
    assert json.loads(paths["de"].read_text(encoding="utf-8"))["config"]["lang"] == ["de"]
    (tmp_path / "search" / "search_index.json").write_text(
        json.dumps({"config": {}, "docs": MERGED["docs"][:2]}), encoding="utf-8")
    with pytest.raises(ValueError, match="no page indexed for language 'nl'"):
        write_split_indexes(tmp_path, ["fr", "nl"])

"""Tools and practices: the practice template in every language, tags and their index,
worksheet PDFs with named fields, the self-assessment data."""

from __future__ import annotations

import re

import pytest
import yaml
from pypdf import PdfReader

from scripts.self_assessment import load_self_assessment
from scripts.worksheets import field_id, field_names, load_worksheets
from tests.conftest import LANGS, ROOT

PRACTICES = ROOT / "docs" / "practices"
SECTIONS = ["what", "when", "for-whom", "time", "how", "tips", "pitfalls", "origin"]
SLUGS = sorted(p.name[: -len(".fr.md")] for p in PRACTICES.glob("*.fr.md")
               if not p.name.startswith("index."))


def _front_matter(text: str) -> dict:
    match = re.match(r"\A---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(match[1]) if match else {}


def test_there_are_at_least_eight_practices():
    assert len(SLUGS) >= 8, SLUGS


@pytest.mark.parametrize("slug", SLUGS)
def test_practice_follows_the_template_in_every_language(slug):
    for lang in LANGS:
        path = PRACTICES / f"{slug}.{lang}.md"
        text = path.read_text(encoding="utf-8")
        ids = re.findall(r"^## .*\{#([a-z-]+)\}\s*$", text, re.M)
        missing = [s for s in SECTIONS if s not in ids]
        assert not missing, f"docs/practices/{slug}.{lang}.md: missing section(s) {missing}"
        assert ids[: len(SECTIONS)] == SECTIONS, f"docs/practices/{slug}.{lang}.md: order {ids}"
        tags = _front_matter(text).get("tags") or []
        assert tags, f"docs/practices/{slug}.{lang}.md: no tag"


def test_tag_index_lists_every_practice_in_each_language(site):
    for lang in LANGS:
        prefix = "" if lang == "fr" else f"{lang}/"
        index = (site.dir / prefix / "practices" / "index.html").read_text(encoding="utf-8")
        for slug in SLUGS:
            assert f'href="../{slug}/' in index or f'href="{slug}/' in index, (lang, slug)
        # Tags are those of the language's own pages, never another language's.
        own = {t for slug in SLUGS for t in _front_matter(
            (PRACTICES / f"{slug}.{lang}.md").read_text(encoding="utf-8"))["tags"]}
        for tag in own:
            assert tag in index, (lang, tag)


WORKSHEETS = load_worksheets(ROOT / "data" / "worksheets")


def test_at_least_six_worksheets():
    assert len(WORKSHEETS) >= 6


@pytest.mark.parametrize("lang", LANGS)
def test_worksheet_pdfs_have_named_fields_in_their_language(site, lang):
    for source in WORKSHEETS:
        w = source.worksheet
        reader = PdfReader(site.dir / "pdf" / "worksheets" / f"{w.id}.{lang}.pdf")
        assert reader.trailer["/Root"]["/Lang"] == lang
        assert "/StructTreeRoot" in reader.trailer["/Root"]
        fields = {name.split('.')[0]: f for name, f in (reader.get_fields() or {}).items()}
        assert sorted(fields) == sorted(field_names(w)), w.id
        for field in (f for s in w.sections for f in s.fields if f.type in ("text", "textarea",
                                                                              "checkbox")):
            name = field_id(w, field)
            label = " ".join(field.label[lang].split())
            assert fields[name].get("/TU") == label, (w.id, name)


def test_self_assessment_is_complete():
    data = load_self_assessment(ROOT / "data" / "self-assessment.yml")
    items = [item for d in data.dimensions for item in d.items]
    assert len(items) >= 15 and len(data.dimensions) >= 5
    assert all(len(item.anchors) == 5 for item in items)

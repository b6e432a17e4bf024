"""Glossary and system-equivalence data: precise errors, complete pages, tooltips in the
page's language only, an entry for each country on each phase (the method pages show the
countries through data/countries.yml: tests/test_country_notes.py)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from scripts import glossary, systems
from scripts.markdown_text import plain
from scripts.yaml_source import DataFileError
from tests.conftest import LANGS, ROOT

FIX = Path(__file__).parent / "fixtures"

GLOSSARY_ERRORS = {
    "missing-language": "data/glossary/a.yml:14: term beta: term.de: missing",
    "empty-definition": "data/glossary/a.yml:9: term alpha: definition.nl: empty",
    "unknown-key": "data/glossary/a.yml:11: term alpha: souce: unknown key (typo?)",
    "unknown-variant": "data/glossary/a.yml:12: term alpha: variants.nl_nl: unknown key (typo?)",
    "duplicate-id": "data/glossary/b.yml:12: term alpha: duplicate term id (already in "
                    "data/glossary/a.yml:2)",
    "missing-source": "data/glossary/a.yml:2: term alpha: give its sources (ids of "
                      "data/sources.yml), or usage: true for a term of current professional usage",
}

SYSTEMS_ERRORS = {
    "missing-region": "data/systems.yml:66: row P3: ostbelgien: missing",
    "missing-phase": "data/systems.yml:1: rows: every phase needs a row; missing P5",
    "who-without-sources": "data/systems.yml:37: row P2: wallonia: give who, how and sources "
                           "— or an explicit unknown note",
    "instrument-without-label": "data/systems.yml:162: row internship: label: missing "
                                "(instruments need a label)",
}


@pytest.mark.parametrize("case", sorted(GLOSSARY_ERRORS))
def test_glossary_bad_input(case):
    with pytest.raises(DataFileError) as error:
        glossary.load_glossary(FIX / "glossary" / case)
    assert str(error.value) == GLOSSARY_ERRORS[case]


@pytest.mark.parametrize("case", sorted(SYSTEMS_ERRORS))
def test_systems_bad_input(case):
    with pytest.raises(DataFileError) as error:
        systems.load_systems(FIX / "systems" / f"{case}.yml")
    assert str(error.value) == SYSTEMS_ERRORS[case]


def test_explicit_unknown_counts_as_an_entry():
    data = systems.load_systems(FIX / "systems" / "good.yml")
    assert systems.row(data, "P2").ostbelgien.unknown.de == "Unbekannt"


ENTRIES = glossary.load_glossary(ROOT / "data" / "glossary")
SYSTEMS = systems.load_systems(ROOT / "data" / "systems.yml")


def test_glossary_is_large_enough_and_sourced():
    assert len(ENTRIES) >= 60, len(ENTRIES)
    # Every term rests on sources of the bibliography or is marked as current usage; most cite.
    assert all(entry.term.sources or entry.term.usage for entry in ENTRIES)
    assert sum(1 for entry in ENTRIES if entry.term.sources) >= 0.9 * len(ENTRIES)


def test_every_phase_and_key_instrument_has_three_regions():
    ids = [row.id for row in SYSTEMS.rows]
    for required in ["P1", "P2", "P3", "P4", "P5", "internship", "trial-placement",
                     "wage-subsidy", "in-work-support", "public-employment-service",
                     "social-assistance"]:
        assert required in ids
    for row in SYSTEMS.rows:
        for region in systems.REGIONS:
            assert getattr(row, region) is not None


def test_alphabetical_order_per_language():
    assert glossary.sort_key("Écart", "fr") < glossary.sort_key("emploi", "fr")
    assert glossary.sort_key("de werkgever", "nl") > glossary.sort_key("vacature", "nl")
    assert glossary.sort_key("Übergang", "de") < glossary.sort_key("Vertrag", "de")


def _page(site, rel: str, lang: str) -> str:
    prefix = "" if lang == "fr" else f"{lang}/"
    return (site.dir / prefix / rel / "index.html").read_text(encoding="utf-8")


def test_glossary_page_lists_every_term_once_in_order(site):
    for lang in LANGS:
        page = _page(site, "glossary", lang)
        terms = [html.unescape(t) for t in re.findall(r"<dfn(?: lang=\"[a-z]{2}\")?>(.*?)</dfn>", page)]
        assert len(terms) == len(ENTRIES)
        expected = [e.term.term[lang] for e in glossary.sorted_entries(ENTRIES, lang)]
        assert terms == expected
        for entry in ENTRIES:
            assert f'id="{glossary.anchor(entry.term.id)}"' in page


def test_tooltips_are_in_the_page_language_only(site):
    definitions = {lang: {plain(e.term.definition[lang]) for e in ENTRIES} for lang in LANGS}
    for lang in LANGS:
        page = _page(site, "method/p3-job-search", lang)
        titles = [html.unescape(t) for t in
                  re.findall(r'<a class="glossary-link" href="[^"]*" title="([^"]*)"', page)]
        assert len(titles) >= 3, f"{lang}: only {len(titles)} glossary links"
        for title in titles:
            assert title in definitions[lang], f"{lang} page has a foreign definition: {title}"
            others = set().union(*(definitions[o] for o in LANGS if o != lang))
            assert title not in others - definitions[lang]
        links = re.findall(r'<a class="glossary-link" href="([^"]+)"', page)
        prefix = "" if lang == "fr" else f"{lang}/"
        base = site.dir / prefix / "method/p3-job-search"
        for href in links:
            target = (base / href.split("#")[0]).resolve()
            assert (target / "index.html").exists(), href
            assert target == (site.dir / prefix / "glossary").resolve()


def test_concordance_pdf_per_language(site):
    from pypdf import PdfReader
    for lang in LANGS:
        reader = PdfReader(site.dir / "pdf" / f"concordance.{lang}.pdf")
        assert reader.trailer["/Root"]["/Lang"] == lang
        text = re.sub(r"\s+", "", " ".join(p.extract_text() for p in reader.pages))
        for entry in ENTRIES[:10]:
            assert re.sub(r"\s+", "", entry.term.term["nl"])[:20] in text


def _entry(term_id: str, fr: str, forms: list[str] | None = None) -> glossary.Entry:
    text = {"fr": fr, "nl": fr, "de": fr}
    return glossary.Entry(glossary.Term(
        id=term_id, term=text, definition={"fr": f"Déf. {fr}", "nl": "nl", "de": "de"},
        usage=True, forms={"fr": forms} if forms else None), "data/glossary/t.yml")


def test_link_terms_first_use_longest_form_outside_headings_and_links():
    entries = [_entry("jobcoaching", "jobcoaching"),
               _entry("jobcoaching-collectif", "jobcoaching collectif"),
               _entry("stage", "stage en entreprise", forms=["stages en entreprise"])]
    page = ("<h2>Le jobcoaching collectif</h2><p><a href='x'>jobcoaching</a> puis "
            "Jobcoaching\n  collectif, encore jobcoaching collectif et jobcoaching.</p>"
            "<p>Deux stages en entreprise ; mini-jobcoaching ; stage en entreprise.</p>")
    out = glossary.link_terms(page, entries, "fr", "/glossary/")
    links = re.findall(r'<a class="glossary-link" href="/glossary/#([^"]+)" '
                       r'title="([^"]+)">([^<]+)</a>', out)
    # Headings and existing links are skipped; a capital and a line break still match; the
    # longer term wins and its words are not linked again as the shorter term; each term once.
    assert [(a, t) for a, _, t in links] == [
        ("term-jobcoaching-collectif", "Jobcoaching\n  collectif"),
        ("term-jobcoaching", "jobcoaching"),
        ("term-stage", "stages en entreprise")]
    assert links[0][1] == "Déf. jobcoaching collectif"
    assert "encore jobcoaching collectif et <a" in out  # the term's second use stays plain
    assert "mini-jobcoaching" in out and out.endswith("stage en entreprise.</p>")
    assert glossary.link_terms(page, entries, "fr", "/g/").count("glossary-link") == 3

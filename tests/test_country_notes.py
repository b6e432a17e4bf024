"""The country blocks of the method pages (data/countries.yml, scripts/country_notes.py): bad
input stops the build with file:line, every method page shows each of its blocks in its own
language, and a marker for a block the data does not have is an error naming the page."""

from __future__ import annotations

import html
import re

import pytest

from scripts import country_notes
from scripts.markdown_text import plain
from scripts.yaml_source import DataFileError
from tests.conftest import LANGS, ROOT

COUNTRIES = country_notes.load_countries(ROOT / "data" / "countries.yml", ROOT / "docs")

NOTE = """\
    called: {fr: "Appel", nl: "Naam", de: "Name"}
    pays: {fr: "Payeur", nl: "Betaler", de: "Zahler"}
    instrument: {fr: "Outil", nl: "Middel", de: "Mittel"}
    report: {fr: "Rapport", nl: "Verslag", de: "Bericht"}
    ask: {fr: "Forem", nl: "UWV", de: "ADG"}
    sources: [pw-qe-220-2016]
"""


def _write(tmp_path, text: str):
    path = tmp_path / "countries.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads_with_an_optional_wallonia_block(tmp_path):
    path = _write(tmp_path, "pages:\n- page: method/p1-project\n  netherlands:\n"
                  + NOTE + "  ostbelgien:\n" + NOTE)
    countries = country_notes.load_countries(path, ROOT / "docs")
    assert countries.note("method/p1-project", "ostbelgien").ask.de == "ADG"
    with pytest.raises(KeyError, match="no 'wallonia' block for 'method/p1-project'"):
        countries.note("method/p1-project", "wallonia")


@pytest.mark.parametrize("text, expected", [
    ("pages:\n- page: method/p1-project\n  netherlands:\n" + NOTE.replace(
        '    pays: {fr: "Payeur", nl: "Betaler", de: "Zahler"}\n', "") + "  ostbelgien:\n" + NOTE,
     "data/countries.yml:4: page method/p1-project: netherlands.pays: missing"),
    ("pages:\n- page: method/p1-project\n  netherlands:\n" + NOTE + "  ostbelgien:\n"
     + NOTE.replace('de: "ADG"', 'de: ""'),
     "data/countries.yml:15: page method/p1-project: ostbelgien.ask.de: empty"),
    ("pages:\n- page: method/no-such-page\n  netherlands:\n" + NOTE + "  ostbelgien:\n" + NOTE,
     "data/countries.yml:2: page method/no-such-page: no such page in docs/"),
])
def test_bad_input_names_file_line_page_and_problem(tmp_path, text, expected):
    with pytest.raises(DataFileError) as error:
        country_notes.load_countries(_write(tmp_path, text), ROOT / "docs")
    assert str(error.value).splitlines()[0].startswith(expected), str(error.value)


def _text(site, page: str, lang: str) -> str:
    prefix = "" if lang == "fr" else f"{lang}/"
    raw = (site.dir / prefix / page.removeprefix("method/").join(("method/", "/index.html"))
           ).read_text(encoding="utf-8")
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", "", raw)))


def test_every_method_page_shows_its_blocks_in_its_own_language(site):
    for entry in COUNTRIES.data.pages:
        for lang in LANGS:
            text = _text(site, entry.page, lang)
            for country in country_notes.COUNTRIES:
                note = getattr(entry, country)
                if note is None:
                    continue
                for aspect in country_notes.ASPECTS:
                    words = re.sub(r"\s+", "", plain(getattr(note, aspect)[lang]))[:40]
                    assert words in text, (entry.page, lang, country, aspect)


PAGE = """\
<!-- phase-title: P1 -->

Intro.

## Goal {#purpose}

Text.

## Elsewhere {#elsewhere}

### In Wallonia {#elsewhere-wa}

<!-- country: wallonia -->

### In the Netherlands {#elsewhere-nl}

<!-- country: netherlands -->

A line under the block.

### In Ostbelgien {#elsewhere-de}

<!-- country: ostbelgien -->

## Sources {#sources}
"""


def _headings(markdown: str) -> list[str]:
    return [line for line in markdown.split("\n") if line.startswith("#")]


def test_the_reader_country_block_comes_right_after_the_introduction():
    moved = country_notes.reader_country_first(PAGE, "nl", "docs/x.nl.md")
    assert _headings(moved) == [
        "## In the Netherlands {#elsewhere-nl}", "## Goal {#purpose}", "## Elsewhere {#elsewhere}",
        "### In Wallonia {#elsewhere-wa}", "### In Ostbelgien {#elsewhere-de}",
        "## Sources {#sources}"]
    assert moved.index("A line under the block.") < moved.index("## Goal")
    assert moved.index("Intro.") < moved.index("<!-- country: netherlands -->")
    german = country_notes.reader_country_first(PAGE, "de", "docs/x.de.md")
    assert _headings(german)[0] == "## In Ostbelgien {#elsewhere-de}"
    # French pages describe the reader's own (Walloon) system: every block stays at the bottom
    assert country_notes.reader_country_first(PAGE, "fr", "docs/x.fr.md") == PAGE
    assert country_notes.reader_country_first("# T\n\n## A\n", "nl", "x") == "# T\n\n## A\n"


@pytest.mark.parametrize("text, expected", [
    ("Intro.\n\n<!-- country: netherlands -->\n\n## A\n",
     r"docs/x\.nl\.md:3: <!-- country: netherlands --> has no heading above it"),
    (PAGE + "\n### Again\n\n<!-- country: netherlands -->\n",
     r"docs/x\.nl\.md:29: a second <!-- country: netherlands --> marker"),
])
def test_a_misplaced_reader_country_block_names_page_and_line(text, expected):
    with pytest.raises(ValueError, match=expected):
        country_notes.reader_country_first(text, "nl", "docs/x.nl.md")


def test_dutch_and_german_method_pages_open_with_their_own_country(site):
    for entry in COUNTRIES.data.pages:
        for lang, country_id in (("fr", "elsewhere-nl"), ("nl", "elsewhere-nl"),
                                 ("de", "elsewhere-de")):
            prefix = "" if lang == "fr" else f"{lang}/"
            raw = (site.dir / prefix / entry.page / "index.html").read_text(encoding="utf-8")
            ids = re.findall(r'<h2 id="([^"]+)"', raw)
            own = next((i for i in ids if i.endswith(country_id.split("-")[1])
                        and i.startswith(("elsewhere", "instruments"))), None)
            if lang == "fr":
                assert own is None, (entry.page, "French keeps the blocks as subsections")
            else:
                assert own == ids[0], (entry.page, lang, ids[:3])


def test_lines_starting_with_a_dash_become_a_list():
    text = "Ask the ADG.\nContacts:\n- ADG Eupen · {de|Hütte} 79\n- ÖSHZ Eupen · 087\nThen agree."
    assert country_notes.field_html(text) == (
        '<p>Ask the ADG. Contacts:</p><ul><li>ADG Eupen · <span lang="de">Hütte</span> 79</li>'
        "<li>ÖSHZ Eupen · 087</li></ul><p>Then agree.</p>")
    assert country_notes.field_html("One line - with a dash") == "One line - with a dash"

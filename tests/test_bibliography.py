"""The bibliography (data/sources.yml): checks with file:line messages, citations by id, the
rendering of citations and of the Sources page, the re-check list; the synthesis label."""

from __future__ import annotations

import datetime as dt
import re
import textwrap

import pytest

from scripts import bibliography, synthesis
from scripts.markers import expand
from scripts.ui_strings import load_ui_strings
from scripts.yaml_source import DataFileError
from tests.conftest import LANGS, ROOT

UI = load_ui_strings(ROOT / "data" / "ui.yml")

GOOD = """\
sources:
  - id: pw-qe-220-2016
    kind: parliament
    region: wallonia
    title: "Le job coaching"
    lang: fr
    publisher: "Parlement de Wallonie"
    date: "2016-05-09"
    url: "https://www.parlement-wallonie.be/pwpages?p=interp-questions-voir&type=28&iddoc=69082"
    consulted: 2026-11-26
    note:
      fr: "Point de départ du site."
      nl: "Vertrekpunt van de site."
      de: "Ausgangspunkt der Website."
  - id: adg-report-2019
    kind: official
    region: ostbelgien
    title: "Tätigkeitsbericht 2019 des Arbeitsamtes"
    lang: de
    publisher: "Arbeitsamt der DG"
    date: "2020"
    url: "https://www.adg.be/fr/desktopdefault.aspx/tabid-5404/9350_read-51253/"
    consulted: 2024-01-10
    volatile: true
"""


def _write(tmp_path, text: str):
    path = tmp_path / "sources.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _load(tmp_path, text: str = GOOD):
    return bibliography.load_bibliography(_write(tmp_path, text))


def test_a_good_bibliography_loads(tmp_path):
    entries = _load(tmp_path)
    assert [s.id for s in entries] == ["pw-qe-220-2016", "adg-report-2019"]
    assert entries.lines == {"pw-qe-220-2016": 2, "adg-report-2019": 15}


@pytest.mark.parametrize("change, message", [
    (("    publisher: \"Parlement de Wallonie\"\n", ""),
     "sources.yml:2: source pw-qe-220-2016: publisher: missing"),
    (("https://www.adg.be", "ftp://www.adg.be"),
     "sources.yml:22: source adg-report-2019: url: must start with http:// or https://"),
    (("https://www.adg.be", "www.adg.be"),
     "sources.yml:22: source adg-report-2019: url: must start with http:// or https://"),
    (("kind: official", "kind: blog"), "sources.yml:16: source adg-report-2019: kind:"),
    (("date: \"2020\"", "date: \"last year\""), "sources.yml:21: source adg-report-2019: date:"),
    (("lang: de", "lang: es"), "sources.yml:19: source adg-report-2019: lang:"),
    (("id: adg-report-2019", "id: pw-qe-220-2016"),
     "sources.yml:15: source pw-qe-220-2016: duplicate id (first at line 2)"),
    (("    consulted: 2024-01-10\n", ""), "sources.yml:15: source adg-report-2019: consulted: missing"),
])
def test_bad_entries_are_named_with_file_and_line(tmp_path, change, message):
    with pytest.raises(DataFileError) as error:
        _load(tmp_path, GOOD.replace(*change))
    assert message in str(error.value), str(error.value)


def test_unknown_ids_and_uncited_entries_stop_the_build(tmp_path):
    entries = _load(tmp_path)
    docs = tmp_path / "docs"
    (docs / "method").mkdir(parents=True)
    (docs / "method" / "p1.fr.md").write_text(
        "# P1\n\n## Sources {#sources}\n\n<!-- sources: pw-qe-220-2016\n     no-such-source -->\n",
        encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        bibliography.check(entries, bibliography.page_citations(docs))
    message = str(error.value)
    assert "docs/method/p1.fr.md:5: unknown source 'no-such-source'" in message
    assert "sources.yml:15: source adg-report-2019: cited by no page and no data file" in message
    assert "pw-qe-220-2016" not in message


def test_data_files_cite_by_id_and_unknown_ids_are_named(tmp_path):
    entries = _load(tmp_path)
    data = tmp_path / "data"
    data.mkdir()
    (data / "systems.yml").write_text(
        "rows:\n  - id: P1\n    wallonia:\n      sources: [pw-qe-220-2016]\n"
        "  - id: P2\n    wallonia:\n      sources:\n        - adg-report-2019\n        - nope\n",
        encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        bibliography.data_citations(data, entries)
    assert str(error.value) == ("data/systems.yml:7: unknown source 'nope' (not in "
                                f"{entries.path})")
    (data / "systems.yml").write_text(
        "rows:\n  - id: P1\n    wallonia:\n      sources: [pw-qe-220-2016, adg-report-2019]\n",
        encoding="utf-8")
    citations = bibliography.data_citations(data, entries)
    assert citations.places == {"pw-qe-220-2016": ["data/systems.yml:4"],
                                "adg-report-2019": ["data/systems.yml:4"]}
    bibliography.check(entries, citations)  # every entry cited: no error


def test_a_citation_links_the_title_marked_with_its_own_language(tmp_path):
    entries = _load(tmp_path)
    html = bibliography.list_markdown(["adg-report-2019", "pw-qe-220-2016"], entries, "nl", UI)
    assert html.startswith('<ul class="sources"><li><span lang="de">Arbeitsamt der DG</span>, '
                           '<a href="https://www.adg.be/fr/desktopdefault.aspx/tabid-5404/'
                           '9350_read-51253/" hreflang="de"><cite lang="de">Tätigkeitsbericht '
                           '2019 des Arbeitsamtes</cite></a>, 2020')
    assert "9 mei 2016" in html and "(parlement-wallonie.be)" in html
    french = bibliography.list_markdown(["pw-qe-220-2016"], entries, "fr", UI)
    assert "<cite>Le job coaching</cite>" in french and 'lang="fr"' not in french
    assert bibliography.link_share(french) == (1, 1)


def test_the_sources_marker_takes_ids_over_several_lines(tmp_path):
    entries = _load(tmp_path)
    page = "x\n\n<!-- sources:\n  pw-qe-220-2016,\n  adg-report-2019 -->\n\nend\n"
    out = expand(page, {"sources": lambda arg: bibliography.list_markdown(
        bibliography.marker_ids(arg), entries, "de", UI)}, page="p.md", prefixes=("sources",))
    assert out.count("<li>") == 2 and out.endswith("</ul>\n\nend\n")
    assert "9. Mai 2016" in out
    from scripts.markers import MarkerError
    with pytest.raises(MarkerError, match=r"p.md:3: marker 'sources' is not well formed"):
        expand("x\n\n<!-- sources: pw-qe-220-2016 > -->\n", {"sources": lambda arg: ""},
               page="p.md", prefixes=("sources",))


def test_sources_page_groups_by_region_and_lists_old_volatile_sources(tmp_path):
    entries = _load(tmp_path)
    page = bibliography.page_markdown(entries, "fr", UI, dt.date(2025, 2, 1))
    assert page.index("{#wallonia}") < page.index("{#ostbelgien}")
    assert '<li id="src-adg-report-2019">' in page and "Point de départ du site." in page
    recheck = page.split("{#re-check}")[1]
    assert 'href="#src-adg-report-2019"' in recheck and "10 janvier 2024" in recheck
    assert "src-pw-qe" not in recheck  # not volatile
    recent = _load(tmp_path, GOOD.replace('date: "2020"', 'date: "2024-03"'))
    fresh = bibliography.page_markdown(recent, "fr", UI, dt.date(2024, 6, 1))
    assert UI["src_recheck_none"]["fr"] in fresh.split("{#re-check}")[1]


def test_volatile_sources_with_old_or_no_content_date_are_listed_to_re_check(tmp_path):
    """Consulted this year, but the rule itself dates from 2020: the reader is told so."""
    entries = _load(tmp_path)  # adg-report-2019: volatile, dated 2020, consulted 2024-01-10
    recheck = bibliography.page_markdown(entries, "de", UI, dt.date(2024, 6, 1)).split(
        "{#re-check}")[1]
    assert UI["src_recheck_old"]["de"] in recheck and 'href="#src-adg-report-2019"' in recheck
    assert "— 2020</li>" in recheck and UI["src_recheck_none"]["de"] not in recheck
    assert UI["src_recheck_intro"]["de"] not in recheck  # consulted less than a year ago
    # a month counts until its last day: 2022-06 is not two years before 2024-06-30
    assert [s.id for s in bibliography.old_content(
        _load(tmp_path, GOOD.replace('date: "2020"', 'date: "2022-06"')), dt.date(2024, 6, 30))
    ] == []
    undated = _load(tmp_path, GOOD.replace('date: "2020"', 'date: "undated"'))
    text = bibliography.page_markdown(undated, "nl", UI, dt.date(2024, 6, 1))
    assert UI["src_recheck_undated"]["nl"].replace("{n}", "1") in text.split("{#re-check}")[1]


def test_dates_in_each_language():
    assert [bibliography.date_text("2016-05", lang, UI) for lang in LANGS] == [
        "mai 2016", "mei 2016", "Mai 2016"]
    assert [bibliography.date_text("undated", lang, UI) for lang in LANGS] == [
        "s. d.", "z.d.", "o. J."]


def test_synthesis_blocks_get_the_fixed_title_and_refuse_their_own():
    text = "Intro\n\n!!! synthesis\n\n    « Réaliste » signifie …\n"
    out = synthesis.label(text, UI["synthesis_title"]["fr"], "docs/x.fr.md")
    assert f'!!! synthesis "{UI["synthesis_title"]["fr"]}"' in out
    with pytest.raises(synthesis.SynthesisError, match=r"docs/x.fr.md:3: a synthesis block"):
        synthesis.label('Intro\n\n!!! synthesis "Mon titre"\n', "T", "docs/x.fr.md")
    generated = synthesis.block("- one\n- two", "T")
    assert generated == '!!! synthesis "T"\n\n    - one\n    - two\n'


def test_the_site_bibliography_is_valid_and_complete():
    """Every source has its publisher's address; none is a copy on a document-dump host."""
    entries = bibliography.load_bibliography(ROOT / "data" / "sources.yml")
    dumps = re.compile(r"readkong|docplayer|expydoc|fdocuments|studylib|adoc\.pub|vdocument|"
                       r"doczz|yumpu|slideum|9dok|pdfslide|dokumen\.pub")
    assert not [s.id for s in entries if dumps.search(s.url)]
    assert len(entries.by_id) >= 60


# ---------------------------------------------------------------------------------------------
# The built site
# ---------------------------------------------------------------------------------------------

DUMP_HOSTS = re.compile(r"readkong|docplayer|expydoc|fdocuments|studylib|adoc\.pub|vdocument|"
                        r"doczz|yumpu|slideum|9dok")


def test_every_source_item_links_to_its_publisher_and_no_page_cites_a_copy(site):
    from scripts.prose_language import page_language
    counts = {lang: [0, 0] for lang in LANGS}
    for path in site.dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not DUMP_HOSTS.search(html), path.relative_to(site.dir)
        items, linked = bibliography.link_share(html)
        counts[page_language(html)][0] += items
        counts[page_language(html)][1] += linked
    for lang, (items, linked) in counts.items():
        assert items >= 250 and linked / items >= 0.95, (lang, items, linked)


def test_sources_page_and_sections_come_from_the_bibliography(site):
    entries = bibliography.load_bibliography(ROOT / "data" / "sources.yml")
    for lang in LANGS:
        prefix = "" if lang == "fr" else f"{lang}/"
        page = (site.dir / prefix / "sources" / "index.html").read_text(encoding="utf-8")
        for source in entries:
            assert f'<li id="src-{source.id}">' in page, (lang, source.id)
            assert f'href="{source.url.replace("&", "&amp;")}"' in page, (lang, source.id)
    # In the Markdown, a Sources section holds the marker only: no hand-written list.
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"^## [^\n]*\{#(?:sources|origin)\}\n(.*?)(?=^## |\Z)", text,
                                 re.S | re.M):
            assert "<!-- sources:" in match[1], path
            assert not re.search(r"^- .*https?://", match[1], re.M), path


def test_foreign_titles_are_marked_with_their_language(site):
    page = (site.dir / "nl" / "sources" / "index.html").read_text(encoding="utf-8")
    assert '<cite lang="fr">Le job coaching</cite>' in page
    assert '<cite lang="de">' in page and '<cite lang="en">' in page
    assert "<cite>" in page  # Dutch titles on the Dutch page: no mark


def test_few_paragraphs_are_in_another_language_than_their_page(site):
    """At most 1 % of prose paragraphs, outside parts marked with lang (scripts/prose_language)."""
    from scripts import prose_language
    judged, found = prose_language.mismatches(site.dir)
    for lang, count in judged.items():
        wrong = [(page, code, text) for page, code, text in found
                 if prose_language.page_language(
                     (site.dir / page).read_text(encoding="utf-8")) == lang]
        assert count >= 1000 and len(wrong) <= 0.01 * count, (lang, count, wrong[:10])


def test_the_site_synthesis_is_labelled_on_phase_pages(site):
    for lang in LANGS:
        prefix = "" if lang == "fr" else f"{lang}/"
        page = (site.dir / prefix / "method" / "p3-job-search" / "index.html").read_text(
            encoding="utf-8")
        assert page.count('class="admonition synthesis"') >= 2, lang  # criteria and duration
        assert UI["synthesis_title"][lang] in page

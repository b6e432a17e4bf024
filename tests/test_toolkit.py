"""The toolkit: every tool a method page uses, built in three languages and linked where it is
used; checklists pointing to their worksheets; the self-assessment turned into a plan; trainer's
sheets and the worksheet pack. Data checks stop the build with file:line."""

from __future__ import annotations

import html as html_lib
import re
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

from scripts import checklists, method_tools, self_assessment, site_data, trainer_sheets
from scripts.worksheets import field_names, load_worksheet, load_worksheets
from scripts.yaml_source import DataFileError
from tests.conftest import LANGS, ROOT

WORKSHEETS = load_worksheets(ROOT / "data" / "worksheets")
METHOD_PAGES = ["p1-project", "p2-competences", "p3-job-search", "p4-hiring", "p5-follow-up",
                "company-internship", "collective-jobcoaching", "follow-up-in-employment"]


def _page(site, path: str, lang: str) -> str:
    prefix = "" if lang == "fr" else f"{lang}/"
    return (site.dir / prefix / path / "index.html").read_text(encoding="utf-8")


def test_at_least_eighteen_worksheets_with_guidance_and_fillable_pdfs(site):
    assert len(WORKSHEETS) >= 18
    for source in WORKSHEETS:
        w = source.worksheet
        for lang in LANGS:
            words = sum(len(re.findall(r"[^\W\d_][\w'’-]*", p[lang])) for p in w.guidance)
            assert words >= 150, (w.id, lang, words)
            reader = PdfReader(site.dir / "pdf" / "worksheets" / f"{w.id}.{lang}.pdf")
            assert reader.trailer["/Root"]["/Lang"] == lang
            fields = {name.split('.')[0] for name in reader.get_fields() or {}}
            assert len(fields) >= 5 and set(field_names(w)) <= fields, w.id


@pytest.mark.parametrize("page", METHOD_PAGES)
def test_each_method_page_links_its_tools_and_their_pdfs(site, page):
    for lang in LANGS:
        html = _page(site, f"method/{page}", lang)
        section = re.search(r'id="tools".*?<div class="tools">(.*?)</div>', html, re.S)
        assert section, (page, lang)
        hrefs = re.findall(r'href="([^"#]+)"', section[1])
        assert len(hrefs) >= 4, (page, lang)
        base = site.dir / ("" if lang == "fr" else lang) / "method" / page
        for href in hrefs:
            target = (base / href).resolve()
            assert target.exists() or (target / "index.html").exists(), (page, lang, href)
        pdfs = [h for h in hrefs if h.endswith(".pdf")]
        assert pdfs and all(h.endswith(f".{lang}.pdf") for h in pdfs), (page, lang)


def test_every_worksheet_is_used_by_a_method_page():
    tools = site_data.load(ROOT / "data", {})["tools"]
    assert set(tools.worksheet_order()) == {s.worksheet.id for s in WORKSHEETS}


def test_checklist_items_link_their_worksheet_on_the_web_and_name_it_on_paper(site):
    source = checklists.find(checklists.load_checklists(ROOT / "data" / "checklists"),
                             "p3-job-search")
    item = next(i for i in source.checklist.items if i.tools)
    sheet = next(s for s in WORKSHEETS if s.worksheet.id == item.tools[0]).worksheet
    for lang in LANGS:
        html = _page(site, "checklists/p3-job-search", lang)
        block = html_lib.unescape(re.search(
            rf'id="cl-p3-job-search-{item.id.replace(".", "-")}-item">(.*?)</li>', html, re.S)[1])
        assert f"worksheets/{sheet.id}/" in block and sheet.title[lang] in block
        text = " ".join(PdfReader(site.dir / "pdf" / "checklists" /
                                  f"p3-job-search.{lang}.pdf").pages[0].extract_text().split())
        assert " ".join(sheet.title[lang].split())[:30] in text, lang


def test_trainer_sheets_and_worksheet_pack_in_each_language(site):
    sheets = trainer_sheets.load_sheets(ROOT / "data" / "training", ROOT / "docs")
    assert {s.sheet.plan for s in sheets} == {"session-plan", "method-training-day"}
    for source in sheets:
        s = source.sheet
        assert s.role_cards
        for lang in LANGS:
            html = _page(site, f"training/{s.plan}-trainer", lang)
            for exercise in s.exercises:
                assert exercise.title[lang].split()[0] in html
            assert html.count('class="ts-card"') == len(s.role_cards)
            plan = _page(site, f"training/{s.plan}", lang)
            assert f"../{s.plan}-trainer/" in plan
            reader = PdfReader(site.dir / "pdf" / "training" / f"{s.plan}-trainer.{lang}.pdf")
            assert reader.trailer["/Root"]["/Lang"] == lang
    for lang in LANGS:
        reader = PdfReader(site.dir / "pdf" / "worksheets" / f"all-worksheets.{lang}.pdf")
        names = {name.split('.')[0] for name in reader.get_fields() or {}}
        assert all(set(field_names(s.worksheet)) <= names for s in WORKSHEETS)
        cover = " ".join((reader.pages[0].extract_text() + reader.pages[1].extract_text()).split())
        assert all(" ".join(s.worksheet.title[lang].split())[:25] in cover for s in WORKSHEETS)


# ---------------------------------------------------------------------------------------------
# Data checks with file:line
# ---------------------------------------------------------------------------------------------


def _write(tmp_path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


KNOWN = {"worksheet": {"mobility-map"}, "checklist": {"p1-project"}, "practice": {"x"},
         "training": set()}


def test_an_unknown_tool_id_is_named_with_its_line(tmp_path):
    (tmp_path / "docs" / "method").mkdir(parents=True)
    (tmp_path / "docs" / "method" / "p1-project.fr.md").write_text("# P1\n", encoding="utf-8")
    path = _write(tmp_path, "tools.yml", """\
        pages:
          - page: method/p1-project
            tools:
              - checklist: p1-project
                when: {fr: "a", nl: "b", de: "c"}
              - worksheet: mobility-mapp
                when: {fr: "a", nl: "b", de: "c"}
        """)
    with pytest.raises(DataFileError) as error:
        method_tools.load_tools(path, KNOWN, tmp_path / "docs", "data/tools.yml")
    assert str(error.value).startswith("data/tools.yml:6: page method/p1-project: unknown "
                                       "worksheet 'mobility-mapp'")


def test_a_tool_with_a_missing_language_is_named(tmp_path):
    (tmp_path / "docs" / "method").mkdir(parents=True)
    (tmp_path / "docs" / "method" / "p1-project.fr.md").write_text("# P1\n", encoding="utf-8")
    path = _write(tmp_path, "tools.yml", """\
        pages:
          - page: method/p1-project
            tools:
              - checklist: p1-project
                when: {fr: "a", nl: "b"}
              - worksheet: mobility-map
                when: {fr: "a", nl: "b", de: "c"}
        """)
    with pytest.raises(DataFileError, match=r"data/tools.yml:5: page method/p1-project: "
                                            r"tools.when.de: missing"):
        method_tools.load_tools(path, KNOWN, tmp_path / "docs", "data/tools.yml")


def test_a_worksheet_without_fields_is_refused(tmp_path):
    text = (ROOT / "data" / "worksheets" / "one-page-profile.yml").read_text(encoding="utf-8")
    head = text.split("\nsections:")[0]
    path = tmp_path / "one-page-profile.yml"
    path.write_text(head + "\nidentity: [date]\nsections:\n  - id: notes\n    title: {fr: a, nl: b,"
                    " de: c}\n    fields:\n      - id: verbs\n        label: {fr: a, nl: b, de: c}\n"
                    "        type: list\n        items: [{fr: a, nl: b, de: c}, {fr: d, nl: e, de: f}]\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match=r"one-page-profile.yml:\d+: worksheet one-page-profile:"
                                            r" 1 named field\(s\); a worksheet needs at least 5"):
        load_worksheet(path, "one-page-profile.yml")


def test_self_assessment_helps_name_known_tools(tmp_path):
    text = (ROOT / "data" / "self-assessment.yml").read_text(encoding="utf-8")
    bad = text.replace("worksheet:intake-interview-guide", "worksheet:no-such-sheet", 1)
    path = tmp_path / "self-assessment.yml"
    path.write_text(bad, encoding="utf-8")
    known = site_data.known_tools({"worksheets": WORKSHEETS, "checklists":
                                   checklists.load_checklists(ROOT / "data" / "checklists")},
                                  ROOT / "docs")
    line = bad.splitlines().index(next(l for l in bad.splitlines() if "no-such-sheet" in l)) + 1
    with pytest.raises(DataFileError, match=rf"self-assessment.yml:{line}: item A1: helps: "
                                            r"unknown worksheet 'no-such-sheet'"):
        self_assessment.load_self_assessment(path, "self-assessment.yml", known=known)


def test_a_checklist_item_pointing_to_an_unknown_worksheet_is_named(tmp_path):
    source_dir = ROOT / "data" / "checklists"
    text = (source_dir / "p1-project.yml").read_text(encoding="utf-8")
    (tmp_path / "p1-project.yml").write_text(
        text.replace("tools: [intake-interview-guide", "tools: [intake-guide", 1), "utf-8")
    sources = [checklists.load_checklist(tmp_path / "p1-project.yml", str(tmp_path /
                                                                           "p1-project.yml"))]
    with pytest.raises(DataFileError, match=r"p1-project.yml:\d+: checklist p1-project, item "
                                            r"P1\.\d+: tools: unknown worksheet 'intake-guide'"):
        checklists.check_tools(sources, {s.worksheet.id for s in WORKSHEETS})


def test_a_trainer_exercise_must_be_a_heading_of_its_plan(tmp_path):
    text = (ROOT / "data" / "training" / "session-plan.yml").read_text(encoding="utf-8")
    path = tmp_path / "session-plan.yml"
    path.write_text(text.replace("id: exercise-guest", "id: exercise-guests", 1), "utf-8")
    with pytest.raises(DataFileError, match=r"session-plan.yml:\d+: exercise exercise-guests: no "
                                            r"heading \{#exercise-guests\}"):
        trainer_sheets.load_sheet(path, "session-plan.yml", ROOT / "docs")


def test_a_phrase_marked_in_another_language_keeps_its_language_in_worksheets_and_checklists():
    """`{de|…}` in a worksheet or checklist text becomes <span lang="de"> in the page and the
    PDF, and plain text in attributes (aria-label, PDF field names), never raw braces."""
    from scripts import worksheets
    from scripts.ui_strings import load_ui_strings
    ui = load_ui_strings(ROOT / "data" / "ui.yml")
    source = next(s for s in WORKSHEETS if s.worksheet.id == "follow-up-log")
    raw = source.worksheet.model_dump()
    raw["title"]["fr"] = "Carnet avec {de|Vorarbeiter}"
    raw["sections"][0]["fields"][0]["label"]["fr"] = "Avis du {de|Vorarbeiter}"
    sheet = worksheets.Worksheet.model_validate(raw)
    marked = worksheets.WorksheetSource(sheet, source.path)
    for html in (worksheets.web_html(marked, "fr", ui, []),
                 worksheets.sections_html(sheet, "fr", ui, for_pdf=True)):
        assert '<span lang="de">Vorarbeiter</span>' in html
        assert "{de|" not in html
        for attribute in re.findall(r'(?:aria-label|title)="([^"]*)"', html):
            assert "<span" not in attribute and "{" not in attribute
    check = checklists.find(checklists.load_checklists(ROOT / "data" / "checklists"),
                            "p5-follow-up")
    item = check.checklist.model_dump()
    item["items"][0]["hint"]["fr"] = "Voir le {de|Vorarbeiter}"
    marked = checklists.Source(checklists.Checklist.model_validate(item), "x.yml", "abc", "")
    html = checklists.web_html(marked, "fr", ui, canonical_url=None, qr_svg="", pdf_links=[])
    assert '<span lang="de">Vorarbeiter</span>' in html and "{de|" not in html


def test_a_worksheet_cites_the_sources_of_the_rules_its_guidance_states(site):
    from scripts.bibliography import load_bibliography
    entries = load_bibliography(ROOT / "data" / "sources.yml")
    cited = [s for s in WORKSHEETS if s.worksheet.sources]
    assert {s.worksheet.id for s in cited} >= {"communication-agreement", "inter-service-consent"}
    for source in cited:
        for lang in LANGS:
            page = _page(site, f"worksheets/{source.worksheet.id}", lang)
            block = page.split('class="worksheet__sources"')[1].split("</p>")[0]
            for source_id in source.worksheet.sources:
                assert f'href="{html_lib.escape(entries.get(source_id).url)}"' in block, (
                    source.worksheet.id, lang, source_id)


def test_an_unknown_source_in_a_worksheet_is_named_with_its_line(tmp_path):
    from scripts.bibliography import data_citations, load_bibliography
    entries = load_bibliography(ROOT / "data" / "sources.yml")
    (tmp_path / "worksheets").mkdir()
    text = (ROOT / "data" / "worksheets" / "inter-service-consent.yml").read_text(encoding="utf-8")
    (tmp_path / "worksheets" / "x.yml").write_text(
        text.replace("sources: [ec-consent-valid]", "sources: [no-such-source]"), encoding="utf-8")
    line = text.split("\n").index("sources: [ec-consent-valid]") + 1
    with pytest.raises(DataFileError,
                       match=rf"data/worksheets/x\.yml:{line}: unknown source 'no-such-source'"):
        data_citations(tmp_path, entries)

"""Paper a trainer hands out as is: measured on the built PDFs and on browser prints.

Margins an office printer does not trim, page counts, identity blocks, headings and languages in
the PDF structure, the pack's cover and contents, the concordance in the reader's language, and
what a coach typed in a browser form printed in full with a footer on every page.
"""

from __future__ import annotations

import re
import subprocess

import pdfplumber
import pytest
from pypdf import PdfReader

from scripts import checklists, paper, pdf_render, site_pdfs
from scripts.checklist_pdf import PdfJob, document_html
from scripts.ui_strings import load_ui_strings
from scripts.worksheets import field_names, identity_id, load_worksheets
from tests.conftest import LANGS, ROOT

UI = load_ui_strings(ROOT / "data" / "ui.yml")
WORKSHEETS = load_worksheets(ROOT / "data" / "worksheets")
CHECKLISTS = checklists.load_checklists(ROOT / "data" / "checklists")
MM = 72 / 25.4


def _pdfs(site) -> list:
    return sorted((site.dir / "pdf").rglob("*.pdf"))


def _too_close(path) -> list[str]:
    """What is drawn or fillable within MIN_MARGIN_MM of an edge, per page."""
    limit = paper.MIN_MARGIN_MM * MM
    problems = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            width, height = page.width, page.height
            things = ([("text", c) for c in page.chars] + [("image", i) for i in page.images]
                      + [("rule", r) for r in page.rects + page.lines]
                      + [("field", a) for a in page.annots])
            for kind, thing in things:
                edges = (thing["x0"], thing["top"], width - thing["x1"], height - thing["bottom"])
                if min(edges) < limit - 0.5:
                    problems.append(f"page {number}: {kind} {thing.get('text', '')!r} "
                                    f"{min(edges) / MM:.1f} mm from the edge")
                    break
    return problems


def test_nothing_is_printed_within_10_mm_of_an_edge(site):
    problems = []
    for path in _pdfs(site):
        problems += [f"{path.relative_to(site.dir)}: {p}" for p in _too_close(path)]
    assert not problems, "\n".join(problems[:30])


def test_no_text_is_printed_under_a_form_field(site):
    """Fields laid out side by side once collapsed and the next label was drawn over them."""
    problems = []
    for path in sorted((site.dir / "pdf").rglob("*.pdf")):
        if "all-checklists" in path.name:
            continue  # the same layouts as the single checklists
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                boxes = [(a["x0"] + 1, a["top"] + 1, a["x1"] - 1, a["bottom"] - 1)
                         for a in page.annots if a.get("data", {}).get("Subtype") and
                         "Widget" in str(a["data"]["Subtype"])]
                under = [c["text"] for c in page.chars
                         if any(x0 < (c["x0"] + c["x1"]) / 2 < x1 and top < (c["top"] + c["bottom"]) / 2 < bottom
                                for x0, top, x1, bottom in boxes)]
                if under:
                    problems.append(f"{path.relative_to(site.dir)}: page {number}: "
                                    f"{''.join(under)[:40]!r} under a field")
    assert not problems, "\n".join(problems[:20])


def _pages(path) -> int:
    return len(PdfReader(path).pages)


def test_every_checklist_fits_on_two_sheets_single_or_bilingual(site):
    too_long = [f"{p.name}: {_pages(p)} pages" for p in (site.dir / "pdf" / "checklists").glob("*.pdf")
                if not p.name.startswith("all-checklists") and _pages(p) > 2]
    assert not too_long, too_long


def test_every_worksheet_fits_on_its_sheets_and_opens_with_its_identity_block(site):
    problems = []
    for source in WORKSHEETS:
        w = source.worksheet
        for lang in LANGS:
            path = site.dir / site_pdfs.worksheet_target(w.id, lang)
            reader = PdfReader(path)
            if len(reader.pages) > w.pages:
                problems.append(f"{path.name}: {len(reader.pages)} pages (at most {w.pages})")
            first = {a.get_object().get("/T") for a in reader.pages[0].get("/Annots", [])}
            missing = [identity_id(w, key) for key in w.identity
                       if identity_id(w, key) not in first]
            if missing:
                problems.append(f"{path.name}: identity fields not on page 1: {missing}")
            names = {name.split('.')[0] for name in reader.get_fields() or {}}
            if set(field_names(w)) - names:
                problems.append(f"{path.name}: fields missing {sorted(set(field_names(w)) - names)}")
    assert not problems, "\n".join(problems)


def _structure(reader: PdfReader) -> list[tuple[str, str | None]]:
    """(structure type, /Lang) of every element of the PDF's structure tree."""
    found = []
    stack = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if "/S" in node:
                found.append((str(node["/S"]), str(node["/Lang"]) if "/Lang" in node else None))
            kids = node.get("/K")
            if kids is not None:
                stack.extend(kids if isinstance(kids, list) else [kids])
        elif isinstance(node, list):
            stack.extend(node)
    return found


def test_bilingual_pdfs_mark_each_language_in_their_structure(site):
    for source in CHECKLISTS:
        for a, b in checklists.LANGUAGE_PAIRS:
            reader = PdfReader(site.dir / site_pdfs.checklist_target(source.checklist.id, (a, b)))
            assert reader.trailer["/Root"]["/Lang"] == a
            langs = [lang for _, lang in _structure(reader) if lang]
            assert langs.count(b) >= len(source.checklist.items), (source.checklist.id, a, b)
            assert langs.count(a) >= len(source.checklist.items), (source.checklist.id, a, b)
            footer = reader.pages[0].extract_text()
            assert UI["cl_language"][a] in footer and UI["cl_language"][b] in footer


def test_worksheet_section_titles_are_tagged_as_headings(site):
    for source in WORKSHEETS:
        w = source.worksheet
        reader = PdfReader(site.dir / site_pdfs.worksheet_target(w.id, "de"))
        kinds = [kind for kind, _ in _structure(reader)]
        assert kinds.count("/H2") == len(w.sections), w.id
        assert kinds.count("/H1") == 1, w.id


def test_checkbox_names_keep_their_spaces(site):
    reader = PdfReader(site.dir / site_pdfs.checklist_target("employer-follow-up", ("nl", "de")))
    source = checklists.find(CHECKLISTS, "employer-follow-up")
    fields = reader.get_fields()
    for item in source.checklist.items:
        assert fields[item.id]["/TU"] == f"{item.id} {' '.join(item.text['nl'].split())}"


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", LANGS)
def test_the_trainer_pack_has_a_cover_contents_and_running_titles(site, lang):
    with pdfplumber.open(site.dir / "pdf" / "checklists" / f"all-checklists.{lang}.pdf") as pdf:
        pages = [_flat(page.extract_text()) for page in pdf.pages]
    cover = pages[0]
    assert UI["cl_pack_contents"][lang] in cover
    # The contents give each checklist's first page; every later page of a checklist starts
    # with its title (running title), the first one with its phase and title.
    starts = []
    for source in CHECKLISTS:
        title = _flat(source.checklist.title[lang])
        found = re.search(re.escape(title) + r"\s*\.{3,}\s*(\d+)", cover)
        assert found, f"{title!r} not in the contents"
        starts.append((int(found[1]), title))
    assert [n for n, _ in starts] == sorted(n for n, _ in starts)
    ends = [n for n, _ in starts[1:]] + [len(pages) + 1]
    for (start, title), end in zip(starts, ends):
        assert title in pages[start - 1][:200], (title, start)
        for number in range(start + 1, end):
            assert pages[number - 1].startswith(title), (title, number, pages[number - 1][:80])


@pytest.mark.parametrize("lang", LANGS)
def test_the_concordance_starts_with_the_reader_language_and_glosses_one_system_terms(site, lang):
    from scripts.glossary import load_glossary
    entries = load_glossary(ROOT / "data" / "glossary")
    with pdfplumber.open(site.dir / "pdf" / f"concordance.{lang}.pdf") as pdf:
        first = pdf.pages[0].extract_text()
        header = " ".join(UI[f"lang_{code}"][lang] for code in (lang, *[o for o in LANGS
                                                                        if o != lang]))
        assert header in first.splitlines(), first[:300]
        assert UI["cl_version"][lang] in first
        text = " ".join(p.extract_text() for p in pdf.pages)
    glossed = [e.term for e in entries if e.term.system]
    assert len(glossed) >= 8
    flat = " ".join(text.split())
    for term in glossed:
        from scripts.glossary import SYSTEM_LANGUAGE
        if SYSTEM_LANGUAGE[term.system] != lang:
            assert " ".join(term.gloss[lang].split())[:40] in flat, term.id


def test_without_a_public_address_paper_shows_no_address_and_no_qr_code():
    names = {lang: f"Site {lang}" for lang in LANGS}
    for job in site_pdfs.checklist_jobs(CHECKLISTS[:1], UI, list(LANGS), paper_url=""):
        html = document_html(job, UI, names)
        assert "<img" not in html and "http" not in html, job.target
        assert UI["paper_no_address"][job.langs[0]] in html, job.target
    job = site_pdfs.checklist_jobs(CHECKLISTS[:1], UI, ["fr"], "https://example.org/")[0]
    html = document_html(job, UI, names)
    assert f"https://example.org/checklists/{CHECKLISTS[0].checklist.id}/" in html
    assert html.count("<img") == 1  # the QR code


def test_notes_fill_the_room_left_without_adding_a_page():
    job = PdfJob((checklists.find(CHECKLISTS, "p3-job-search"),), ("fr",), "x.pdf", "x", None)
    html = document_html(job, UI, {lang: "Site" for lang in LANGS})
    plain = pdf_render.render_pdf(html.replace('class="fill-lines"', 'class="no-fill"'))
    laid = pdf_render.render_pdf(html)
    assert len(laid.pages) == len(plain.pages)
    short = PdfJob((checklists.find(CHECKLISTS, "exchange-visit"),), ("fr", "de"), "x.pdf", "x",
                   None)
    short_html = document_html(short, UI, {lang: "Site" for lang in LANGS})
    assert 'class="fill-lines"' in short_html
    assert len(pdf_render.render_pdf(short_html).pages) <= 2


def test_a_worksheet_printed_from_the_browser_keeps_every_typed_line(site, page, tmp_path):
    """A long answer typed in a field prints in full (not as a scroll box), with a footer on
    every page and no form chrome."""
    source = next(s for s in WORKSHEETS if s.worksheet.id == "follow-up-log")
    page.goto(site.url + "nl/worksheets/follow-up-log/")
    lines = [f"Regel {n:02d}: afspraak met werkgever nagekomen" for n in range(1, 31)]
    field = source.worksheet.sections[0].fields[0]
    page.locator(f"#ws-follow-up-log-{field.id}").fill("\n".join(lines))
    page.locator("#ws-follow-up-log-person").fill("Testpersoon Janssen")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert not page.locator(".worksheet__form textarea").first.is_visible()
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for line in lines:
        assert line in text, line
    assert "Testpersoon Janssen" in text
    pages = text.count("\f")
    assert pages >= 2
    for n in range(1, pages + 1):
        assert re.search(rf"\b{n}\s*/\s*{pages}\b", text), f"page number {n} / {pages}:\n{text}"
    assert text.count(UI["language_name"]["nl"]) >= pages  # the footer, on every page
    # The form starts on page 1; the guidance follows it.
    first_page = text.split("\f")[0]
    assert source.worksheet.sections[0].title["nl"] in first_page
    assert text.index(source.worksheet.guidance[0]["nl"][:40]) > text.index(lines[-1])


def test_forget_everything_erases_what_the_site_kept_in_the_browser(site, page):
    page.goto(site.url + "de/checklists/p2-competences/")
    page.locator("form.checklist input[type=checkbox]").first.check()
    page.locator("form.checklist input[type=text]").first.fill("Name")
    assert page.evaluate("Object.keys(localStorage).length") >= 1
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-forget-all]").click()
    assert page.evaluate("Object.keys(localStorage).length") == 0
    page.goto(site.url + "de/checklists/p2-competences/")
    assert page.locator("form.checklist input[type=checkbox]:checked").count() == 0
    assert page.locator("form.checklist input[type=text]").first.input_value() == ""
    assert UI["cl_shared_notice"]["de"][:40] in page.locator("form.checklist").inner_text()


def test_a_large_stream_is_compressed_once_per_process_with_the_same_bytes(monkeypatch):
    """Every PDF embeds the whole font of its form fields: pdf_render compresses it once per
    process; the bytes written are pydyf's own."""
    import zlib

    import pydyf
    pdf_render._compress_repeated_streams_once()
    original = pydyf.Stream.data.fget.original
    font = bytes(range(256)) * 600  # 150 KB, above LARGE_STREAM
    streams = [pydyf.Stream([font], compress=True),
               pydyf.Stream([font], {"Length1": len(font)}, compress=True),
               pydyf.Stream([b"q 1 0 0 1 0 0 cm Q"], compress=True)]
    expected = [original(stream) for stream in streams]
    calls = []
    real = zlib.compressobj
    monkeypatch.setattr(zlib, "compressobj", lambda **kw: calls.append(kw) or real(**kw))
    assert [stream.data for stream in streams] == expected
    assert [stream.data for stream in streams] == expected
    # the font's bytes: compressed at most once (a single miss); the small stream each time
    assert len(calls) <= 1 + 2

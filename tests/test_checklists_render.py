"""Checklist outputs: the web page in each language, the PDFs (fillable, tagged, bilingual,
trainer pack), all generated from data/checklists/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from scripts import checklists
from scripts.ui_strings import load_ui_strings
from tests.conftest import LANGS, ROOT

UI = load_ui_strings(ROOT / "data" / "ui.yml")
SOURCES = checklists.load_checklists(ROOT / "data" / "checklists")
HEADER_FIELDS = 3  # person, date, coach


def _page(site, cid: str, lang: str) -> str:
    prefix = "" if lang == "fr" else f"{lang}/"
    return (site.dir / f"{prefix}checklists/{cid}/index.html").read_text(encoding="utf-8")


def _text(html: str) -> str:
    import html as h
    return h.unescape(re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.checklist.id)
def test_each_language_page_holds_its_items_and_no_other_language(site, source):
    for lang in LANGS:
        page = _page(site, source.checklist.id, lang)
        form = re.search(r'<form class="checklist".*?</form>', page, re.S)[0]
        text = _text(form)
        assert len(re.findall(r'<input type="checkbox"', form)) == len(source.checklist.items)
        for item in source.checklist.items:
            fid = checklists.field_id(source.checklist.id, item.id)
            assert f'<label for="{fid}">' in form and f'id="{fid}"' in form
            assert item.id in text
            assert item.text[lang] in text, f"{lang} {item.id}"
            for other in LANGS:
                if other != lang and item.text[other] != item.text[lang]:
                    assert item.text[other] not in text, f"{lang} page has {other} {item.id}"


def _pdf(site, name: str) -> PdfReader:
    return PdfReader(site.dir / "pdf" / "checklists" / name)


def _fields(reader: PdfReader) -> dict:
    """The PDF's form fields, without the notes field added where a page has room."""
    return {name: field for name, field in (reader.get_fields() or {}).items()
            if not name.endswith("-notes")}


@pytest.mark.parametrize("lang", LANGS)
def test_single_language_pdfs_are_fillable_and_tagged(site, lang):
    for source in SOURCES:
        c = source.checklist
        reader = _pdf(site, f"{c.id}.{lang}.pdf")
        root = reader.trailer["/Root"]
        assert root["/Lang"] == lang
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
        fields = _fields(reader)
        assert len(fields) == len(c.items) + HEADER_FIELDS, c.id
        text = " ".join(page.extract_text() for page in reader.pages)
        flat = re.sub(r"\s+", "", text)
        for item in c.items:
            field = fields[item.id]
            assert field["/FT"] == "/Btn"
            names = re.sub(r"\s+", "", field.get("/TU", ""))
            assert item.id in names and re.sub(r"\s+", "", item.text[lang])[:40] in names
            assert re.sub(r"\s+", "", item.text[lang])[:40] in flat, f"{c.id} {item.id}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_pdf_names_the_site_in_its_own_language(site, lang):
    """The French PDFs once carried the German site name: the last language built sets it."""
    from mkdocs.config import load_config
    config = load_config(str(ROOT / "mkdocs.yml"))
    names = {language.locale: language.site_name or config.site_name
             for language in config.plugins["i18n"].config.languages}
    assert len(set(names.values())) == 3
    pdfs = [f"checklists/p5-follow-up.{lang}.pdf", f"checklists/all-checklists.{lang}.pdf",
            f"concordance.{lang}.pdf", f"self-assessment.{lang}.pdf"]
    for name in pdfs:
        reader = PdfReader(site.dir / "pdf" / name)
        text = re.sub(r"\s+", " ", reader.pages[0].extract_text())
        assert names[lang] in text, name
        assert not any(other in text for code, other in names.items() if code != lang), name
        assert reader.metadata.get("/Author", names[lang]) == names[lang], name


def test_bilingual_pdfs_carry_both_languages_side_by_side(site):
    for source in SOURCES:
        c = source.checklist
        for a, b in checklists.LANGUAGE_PAIRS:
            reader = _pdf(site, f"{c.id}.{a}-{b}.pdf")
            assert reader.trailer["/Root"]["/Lang"] == a
            flat = re.sub(r"\s+", "", " ".join(p.extract_text() for p in reader.pages))
            for item in c.items:
                for lang in (a, b):
                    assert re.sub(r"\s+", "", item.text[lang])[:30] in flat, (c.id, item.id, lang)
            assert len(_fields(reader)) == len(c.items) + HEADER_FIELDS


@pytest.mark.parametrize("lang", LANGS)
def test_trainer_pack_holds_every_checklist(site, lang):
    reader = _pdf(site, f"all-checklists.{lang}.pdf")
    fields = _fields(reader)
    assert len(fields) == sum(len(s.checklist.items) + HEADER_FIELDS for s in SOURCES)
    assert len(reader.pages) >= len(SOURCES)


def test_each_checklist_page_links_its_pdfs(site):
    for source in SOURCES:
        for lang in LANGS:
            page = _page(site, source.checklist.id, lang)
            hrefs = re.findall(r'<a href="([^"]+\.pdf)"', page)
            assert len(hrefs) == 3, hrefs
            base = site.dir / ("" if lang == "fr" else lang) / "checklists" / source.checklist.id
            for href in hrefs:
                assert (base / href).resolve().exists(), href


def _render_one(job, site_dir, cache) -> bool:
    """Render one checklist job through the site's PDF path; True if WeasyPrint had to run."""
    from scripts import checklist_pdf, pdf_render
    html = checklist_pdf.document_html(job, UI, {lang: "Site" for lang in LANGS})
    return pdf_render.render_documents([(html, job.target)], site_dir, cache, workers=1) == 1


def test_unchanged_pdfs_are_not_rendered_again(tmp_path):
    from scripts.checklist_pdf import PdfJob
    job = PdfJob((SOURCES[0],), ("fr",), "pdf/x.pdf", "x", {"fr": "https://x.org/"})
    cache = tmp_path / "cache"
    assert _render_one(job, tmp_path / "a", cache) is True
    assert _render_one(job, tmp_path / "b", cache) is False
    assert (tmp_path / "b/pdf/x.pdf").read_bytes() == (tmp_path / "a/pdf/x.pdf").read_bytes()
    # Placed by a hard link to the cached file (same file system here), not copied; a file
    # already at the target (an earlier build) is replaced.
    (cached,) = cache.glob("*.pdf")
    assert (tmp_path / "b/pdf/x.pdf").stat().st_ino == cached.stat().st_ino
    (tmp_path / "b/pdf/x.pdf").unlink()
    (tmp_path / "b/pdf/x.pdf").write_bytes(b"stale")
    assert _render_one(job, tmp_path / "b", cache) is False
    assert (tmp_path / "b/pdf/x.pdf").read_bytes() == cached.read_bytes()


def test_the_pdf_cache_keeps_only_the_most_recently_used_pdfs(tmp_path, monkeypatch):
    """Each site URL has its own PDFs (QR code, printed address): the cache must not grow
    with every new URL (each test run, `mkdocs serve`)."""
    import os
    from scripts import checklist_pdf, pdf_render
    monkeypatch.setattr(pdf_render, "CACHE_KEEP", 3)
    cache = tmp_path / "cache"
    cache.mkdir()
    old = [cache / f"old{n}.pdf" for n in range(5)]
    for n, path in enumerate(old):
        path.write_bytes(b"%PDF old")
        os.utime(path, ns=(10**9 * (1000 + n),) * 2)  # long ago, old4 the most recent
    job = checklist_pdf.PdfJob((SOURCES[0],), ("fr",), "pdf/x.pdf", "x", {"fr": "https://x.org/"})
    _render_one(job, tmp_path / "site", cache)
    kept = sorted(p.name for p in cache.glob("*.pdf"))
    assert len(kept) == 3 and "old4.pdf" in kept and "old3.pdf" in kept, kept  # + the new one
    assert (tmp_path / "site/pdf/x.pdf").read_bytes().startswith(b"%PDF")


def test_qr_codes_are_kept_on_disk_for_the_next_build(tmp_path, monkeypatch):
    from scripts import qr

    monkeypatch.setattr(qr, "CACHE", tmp_path)
    qr.qr_svg.cache_clear()
    url = "https://jobcoaching.example.org/checklists/p1-project/"
    first = qr.qr_svg(url)
    assert first.startswith("<svg") and "<path" in first
    stored = list(tmp_path.glob("*.txt"))
    assert len(stored) == 1 and stored[0].read_text(encoding="utf-8") == first
    stored[0].write_text("<svg>from disk</svg>", encoding="utf-8")
    qr.qr_svg.cache_clear()  # a new build process: memory is empty, the disk copy is read
    assert qr.qr_svg(url) == "<svg>from disk</svg>"
    assert qr.qr_data_uri(url).startswith("data:image/svg+xml")  # its own entry
    assert len(list(tmp_path.glob("*.txt"))) == 2
    qr.qr_svg.cache_clear()
    qr.qr_data_uri.cache_clear()


def test_site_js_refuses_a_script_source_left_out_and_keeps_sources_apart(tmp_path):
    from scripts import site_js

    for name in site_js.SOURCES:
        (tmp_path / name).write_text(f"(function () {{ window.{name[:4]} = 1; }})()\n", "utf-8")
    joined = site_js.joined(tmp_path)
    # A semicolon ends each source: "…})()" followed by "(function…" would call its result.
    assert joined.count("})()\n;") == len(site_js.SOURCES)
    assert [line for line in joined.splitlines() if line.startswith("/* ")] == \
        [f"/* {name} */" for name in site_js.SOURCES]
    (tmp_path / "extra.js").write_text("1", "utf-8")
    with pytest.raises(ValueError, match=r"extra\.js not joined into assets/javascripts/site\.js"):
        site_js.joined(tmp_path)

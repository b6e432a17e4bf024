"""What every PDF of the site shares on paper: the A4 page and its margins, the paper trace in
the footer, the identity block at the top of a form, and bilingual labels.

Why: trainers print these files on office printers and hand them out as they are. An office
printer trims up to about 5 mm; nothing — text, QR code, form field — may come within 10 mm of
an edge (``MIN_MARGIN_MM``, checked by the tests on every PDF). The footer says where the paper
comes from (site, language, version) and, when the site has a public address, where its
current version is: a printed placeholder address would lead nowhere, so without one the
footer shows the version and date only.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from scripts.qr import qr_data_uri

MIN_MARGIN_MM = 10
_e = html.escape

# Footer: the trace (left) and the page number (right) sit in the bottom margin; the tallest
# footer (two QR codes of 13 mm) ends 12 mm above the edge of the sheet.
PAGE_CSS = """
@page {
  size: A4;
  margin: 14mm 14mm 29mm;
  @bottom-left { content: element(trace); width: 158mm; vertical-align: top; padding-top: 2.5mm; }
  @bottom-right { content: "@@PAGE@@ " counter(page) " / " counter(pages); font-size: 7.5pt;
                  color: #222; vertical-align: top; padding-top: 2.5mm; white-space: nowrap; }
}
html { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 10pt; color: #000;
       line-height: 1.3; font-variant-ligatures: none; }  /* "fi" stays two letters when read */
body { margin: 0; }
.trace { position: running(trace); font-size: 6.8pt; line-height: 1.3; color: #222; }
.trace img { float: left; width: 13mm; height: 13mm; margin: 0 2.5mm 0 0; }
.trace p { margin: 0 0 0.6mm; }
.identity { display: table; width: 100%; margin: 0 0 4mm; border: 0.5pt solid #555;
            border-collapse: collapse; }
.identity p { display: table-cell; padding: 1.2mm 2mm 1.5mm; border-right: 0.5pt solid #555;
              vertical-align: top; margin: 0; }
.identity p:last-child { border-right: 0; }
.identity label { display: block; font-size: 7.5pt; color: #333; }
.identity input { appearance: auto; display: block; width: 100%; height: 6mm; border: none; }
.personal { font-size: 7pt; color: #333; white-space: nowrap; }
"""


@dataclass(frozen=True)
class Trace:
    """Where a sheet of paper comes from."""

    site_names: dict[str, str]  # language → site name in that language
    langs: tuple[str, ...]  # the document's language(s), first = main
    version: str  # e.g. "Version 3f9a1c2e7b · 2026-12-05"
    urls: dict[str, str] | None  # language → current online version; None: no public address
    title: str = ""  # the document's title, on every page: a loose sheet says what it is


def page_css(langs: tuple[str, ...], ui: dict) -> str:
    """The page CSS with the word "Page" in the document's language(s)."""
    word = " / ".join(dict.fromkeys(ui["cl_page"][lang] for lang in langs))
    return PAGE_CSS.replace("@@PAGE@@", word.replace('"', "").replace("\\", ""))


def trace_html(trace: Trace, ui: dict) -> str:
    """The running footer: one QR code per language with a public address; the site, the
    languages and the version, with labels in each of the document's languages (each part
    marked with its language, so that a screen reader's voice follows); then the address of
    the online version in each language, or where to find it."""
    langs = trace.langs
    codes = ""
    if trace.urls:
        codes = "".join(f'<img src="{qr_data_uri(trace.urls[lang])}" alt="">' for lang in langs)
    names = " / ".join(f'<span lang="{lang}">{_e(trace.site_names[lang])}</span>'
                       for lang in dict.fromkeys(langs))
    language = " | ".join(ui["language_name"][code] for code in langs)
    first = ((f'<strong>{_e(trace.title)}</strong> · ' if trace.title else "")
             + f'{names} · {bilingual("cl_language", langs, ui)} {_e(language)} · '
             f'{bilingual("cl_generated", langs, ui)} {_e(trace.version)}')
    if trace.urls:
        where = " · ".join(
            (f'{_e(ui["language_name"][lang])} ' if len(langs) > 1 else "")
            + _e(trace.urls[lang]) for lang in langs)
        second = f'{bilingual("cl_current", langs, ui)} {where}'
    else:
        second = " / ".join(f'<span lang="{lang}">{_e(ui["paper_no_address"][lang])}</span>'
                            for lang in langs)
    return f'<div class="trace">{codes}<p>{first}</p><p>{second}</p></div>'


def bilingual(key: str, langs: tuple[str, ...], ui: dict) -> str:
    """A label in the document's languages, each part marked with its language."""
    parts = dict.fromkeys(ui[key][lang] for lang in langs)
    if len(parts) == 1:
        return _e(next(iter(parts)))
    return " / ".join(f'<span lang="{lang}">{_e(ui[key][lang])}</span>' for lang in langs)


def plain(key: str, langs: tuple[str, ...], ui: dict) -> str:
    """The same label as plain text (for a field's accessible name)."""
    return " / ".join(dict.fromkeys(ui[key][lang] for lang in langs))


def identity_html(cells: list[tuple[str, str]], langs: tuple[str, ...], ui: dict) -> str:
    """The identity block on page 1 of a form: ``cells`` are (field name, ui key of the label);
    a cell whose key names a person is marked as personal data."""
    parts = []
    for name, key in cells:
        personal = ""
        if key in PERSONAL_LABELS:
            personal = f' <span class="personal">({bilingual("ws_personal_short", langs, ui)})</span>'
        title = plain(key, langs, ui)
        parts.append(f'<p><label for="{name}">{bilingual(key, langs, ui)}{personal}</label>'
                     f'<input type="text" id="{name}" name="{name}" title="{_e(title)}"></p>')
    return f'<div class="identity">{"".join(parts)}</div>'


# Identity labels that name a person: the field carries personal data.
PERSONAL_LABELS = {"ws_id_person", "ws_id_employer_contact", "ws_id_tutor", "cl_field_person"}

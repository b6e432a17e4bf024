"""Checklist PDFs with WeasyPrint: fillable (form fields named after the items), tagged
(PDF/UA-1, each language's text marked with its language), A4, with the paper trace.

Rendered from a lean dedicated HTML template, not from the site's pages: small CSS, no JS,
full control of labels and field ids. A checklist fits on two sheets, single or bilingual;
where its last page has room, ruled lines for notes and next steps fill it (scripts/pdf_render.py
measures the room). The trainer pack opens with a cover and a printed table of contents, and
each page after the first of a checklist carries its title.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from scripts import paper
from scripts.checklists import Source, field_id, phase_label, version_label
from scripts.markdown_text import html_text, plain

_e = html_text  # element text: a phrase marked {xx|…} in data gets its language


def _a(text: str) -> str:
    """An attribute value (or a <title>): the text without language marks, escaped."""
    return html.escape(plain(text))

CSS = """
section + section { break-before: page; }
.kicker { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.04em; color: #1d4e74;
          margin: 0 0 1mm; }
h1 { font-size: 15pt; margin: 0 0 1.5mm; line-height: 1.2; string-set: running content(text); }
h1 .second { display: block; font-size: 12pt; font-weight: normal; color: #333; }
.intro { margin: 0 0 3mm; font-size: 9pt; }
.intro span + span { display: block; margin-top: 1mm; color: #333; }
ol { list-style: none; margin: 0; padding: 0; }
li { position: relative; break-inside: avoid; padding: 1.5mm 0 1.5mm 7mm;
     border-bottom: 0.3pt solid #bbb; font-size: 9.5pt; }
li input { appearance: auto; position: absolute; left: 0; top: 1.7mm; width: 4.2mm;
           height: 4.2mm; margin: 0; }
.item { display: block; }
.col { display: inline-block; width: 48%; margin-right: 2.5%; vertical-align: top; }
.col + .col { margin-right: 0; }
.two li { font-size: 8.6pt; padding-top: 1.2mm; padding-bottom: 1.2mm; }
.two .meta, .two .hint { font-size: 7.3pt; }
.id { font-weight: bold; display: inline-block; min-width: 9mm; }
.meta { display: block; font-size: 7.5pt; color: #333; margin-top: 0.3mm; }
.hint { display: block; font-size: 7.8pt; font-style: italic; margin-top: 0.3mm; }
.tools { display: block; font-size: 7.5pt; font-style: normal; color: #1d4e74; margin-top: 0.3mm; }
.notes { break-inside: avoid; }
.notes h2 { font-size: 10pt; margin: 4mm 0 1mm; color: #10304a; break-after: avoid; }
.notes textarea { appearance: auto; display: block; width: 100%; border: none; font-size: 9pt;
                  background-image: linear-gradient(to bottom, transparent 6.7mm, #8a8a8a 6.7mm,
                                                    #8a8a8a 7mm);
                  background-size: 100% 7mm; background-repeat: repeat-y; }
"""

PACK_CSS = """
@page { margin-top: 20mm;
        @top-left { content: string(running, first-except); font-size: 7.5pt; color: #333;
                    vertical-align: bottom; padding-bottom: 3mm; } }
@page :first { @top-left { content: none; } }
.cover { break-after: page; }
.cover h1 { font-size: 20pt; margin: 30mm 0 4mm; string-set: none; }
.cover .lead { font-size: 10.5pt; margin: 0 0 10mm; }
.toc { list-style: none; padding: 0; margin: 0; border: 0; }
.toc li { padding: 1.5mm 0; border-bottom: 0.3pt solid #bbb; font-size: 10pt; }
.toc a { color: #000; text-decoration: none; }
.toc a::after { content: leader(".") target-counter(attr(href), page); }
"""


@dataclass(frozen=True)
class PdfJob:
    """One PDF to produce: which checklists, in which language(s), where."""

    sources: tuple[Source, ...]
    langs: tuple[str, ...]  # one language, or two for a bilingual parallel PDF
    target: str  # path relative to the site root, e.g. "pdf/checklists/p3-job-search.nl.pdf"
    title: str
    urls: dict[str, str] | None  # language → online version (None: no public address)


def _item(source: Source, item, langs: tuple[str, ...], ui: dict, tools: dict) -> str:
    fid = field_id(source.checklist.id, item.id)
    cols = []
    for lang in langs:
        meta = _e(ui["who_" + item.who][lang]) + (f" · {_e(item.when[lang])}" if item.when else "")
        hint = f'<span class="hint">{_e(item.hint[lang])}</span>' if item.hint else ""
        named = [t for t in item.tools if t in tools]
        if named:  # on paper, the worksheet is named (the web page links it)
            names = ", ".join(f"« {_e(tools[t][lang])} »" if lang == "fr" else
                              f"„{_e(tools[t][lang])}“" if lang == "de" else
                              f"‘{_e(tools[t][lang])}’" for t in named)
            hint += f'<span class="tools">{_e(ui["cl_tool"][lang])} {names}</span>'
        cols.append(f'<span class="{"col" if len(langs) == 2 else "one"}" lang="{lang}">'
                    f'<span class="id">{_e(item.id)}</span> {_e(item.text[lang])}'
                    f'<span class="meta">{meta}</span>{hint}</span>')
    # The field's accessible name (PDF /TU): the item in the document's first language, spaces
    # kept (a label's wrapped lines would run words together).
    name = f"{item.id} {' '.join(item.text[langs[0]].split())}"
    return (f'<li><input type="checkbox" id="{fid}" name="{_a(item.id)}" title="{_a(name)}">'
            f'<span class="item">{"".join(cols)}</span></li>')


def _notes(source: Source, langs: tuple[str, ...], ui: dict) -> str:
    """Room left on the last page: ruled lines for notes and next steps (scripts/pdf_render)."""
    return (f'<div class="fill-lines" data-name="{source.checklist.id}-notes" '
            f'data-title="{_a(paper.plain("cl_notes", langs, ui))}" '
            f'data-heading="{_a(paper.bilingual("cl_notes", langs, ui))}"></div>')


def _section(source: Source, langs: tuple[str, ...], ui: dict, tools: dict, *,
             pack: bool) -> str:
    c = source.checklist
    first = langs[0]
    title = _e(c.title[first])
    if len(langs) == 2:
        title += f'<span class="second" lang="{langs[1]}">{_e(c.title[langs[1]])}</span>'
    fields = paper.identity_html(
        [(f"{c.id}-{key}", key) for key in ("cl_field_person", "cl_field_date", "cl_field_coach")],
        langs, ui)
    intro = "".join(f'<span lang="{lang}">{_e(c.intro[lang])}</span>' for lang in langs)
    items = "\n".join(_item(source, item, langs, ui, tools) for item in c.items)
    kicker = " · ".join(dict.fromkeys(_e(phase_label(c, lang, ui)) for lang in langs))
    notes = "" if pack else _notes(source, langs, ui)
    return (f'<section id="cl-{c.id}"{" class=two" if len(langs) == 2 else ""}>'
            f'<p class="kicker">{kicker}</p><h1>{title}</h1>'
            f'<p class="intro">{intro}</p>{fields}<ol>{items}</ol>{notes}</section>')


def _cover(job: PdfJob, ui: dict, site_name: str) -> str:
    lang = job.langs[0]
    toc = "".join(f'<li><a href="#cl-{s.checklist.id}">{_e(s.checklist.title[lang])}</a></li>'
                  for s in job.sources)
    return (f'<div class="cover"><p class="kicker">{_e(site_name)}</p><h1>{_e(job.title)}</h1>'
            f'<p class="lead">{_e(ui["cl_pack_lead"][lang])}</p>'
            f'<h2>{_e(ui["cl_pack_contents"][lang])}</h2><ol class="toc">{toc}</ol></div>')


def document_html(job: PdfJob, ui: dict, site_names: dict[str, str],
                  tools: dict | None = None) -> str:
    """``tools``: worksheet id → its title (Translated), to name on paper the worksheet an item
    uses."""
    tools = tools or {}
    lang = job.langs[0]
    pack = len(job.sources) > 1
    if pack:
        version = ui["cl_version"][lang] + " " + ", ".join(s.digest for s in job.sources)
    else:
        version = version_label(job.sources[0], lang, ui)
    trace = paper.trace_html(paper.Trace(site_names, job.langs, version, job.urls), ui)
    body = "\n".join(_section(s, job.langs, ui, tools, pack=pack) for s in job.sources)
    cover = _cover(job, ui, site_names[lang]) if pack else ""
    css = paper.page_css(job.langs, ui) + CSS + (PACK_CSS if pack else "")
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<title>{_a(job.title)}</title><meta name="author" content="{_a(site_names[lang])}">'
            f'<style>{css}</style></head>'
            f'<body>{trace}{cover}<form>{body}</form></body></html>')

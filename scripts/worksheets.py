"""Worksheets: forms a coach fills in with a job seeker or an employer, on paper or as a
fillable PDF, with guidance for the coach. One trilingual YAML file each, like the checklists.

Source: ``data/worksheets/<id>.yml``. Generated: the page ``/worksheets/<id>/`` (guidance and a
preview of the form) and fillable, tagged PDFs (one per language) through the checklist PDF
path (scripts/checklist_pdf.py): A4, named fields, paper trace.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from scripts.translated import Translated
from scripts.validation import validate
from scripts.yaml_source import DataFileError, line_of, load_folder, load_yaml

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WorksheetField(_Strict):
    id: Slug
    label: Translated
    type: Literal["text", "textarea", "checkbox"]
    lines: Annotated[int, Field(ge=2, le=12)] = 3  # height of a textarea, in lines
    hint: Translated | None = None


class Section(_Strict):
    id: Slug
    title: Translated
    fields: Annotated[list[WorksheetField], Field(min_length=1)]


class Worksheet(_Strict):
    id: Slug
    phase: Literal["P1", "P2", "P3", "P4", "P5", "transversal"]
    audience: Annotated[list[Literal["jobcoach", "job_seeker", "employer", "trainer"]],
                        Field(min_length=1)]
    title: Translated
    intro: Translated
    guidance: Annotated[list[Translated], Field(min_length=2)]  # paragraphs for the coach
    sections: Annotated[list[Section], Field(min_length=1)]


@dataclass(frozen=True)
class WorksheetSource:
    worksheet: Worksheet
    path: str


def _label(data: Any, loc: tuple) -> str:
    label = f"worksheet {data.get('id', '?') if isinstance(data, dict) else '?'}"
    if len(loc) >= 2 and loc[0] == "sections" and isinstance(loc[1], int):
        try:
            label += f", section {data['sections'][loc[1]]['id']}"
        except (KeyError, IndexError, TypeError):
            pass
    return label


def load_worksheet(path: Path, name: str) -> WorksheetSource:
    raw = load_yaml(path, name)
    sheet = validate(raw, Worksheet, name, _label)
    problems = []
    if sheet.id != path.stem:
        problems.append(f"{name}:{line_of(raw, ('id',))}: worksheet {sheet.id}: id must be the "
                        f"file name ('{path.stem}')")
    ids = [f.id for s in sheet.sections for f in s.fields]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"{name}:1: worksheet {sheet.id}: duplicate field id "
                        f"{', '.join(duplicates)}")
    if problems:
        raise DataFileError("\n".join(problems))
    return WorksheetSource(sheet, name)


def load_worksheets(directory: Path, display_dir: str = "data/worksheets") -> list[WorksheetSource]:
    return load_folder(directory, display_dir, load_worksheet)


def find(sources: list[WorksheetSource], worksheet_id: str) -> WorksheetSource:
    for source in sources:
        if source.worksheet.id == worksheet_id:
            return source
    raise KeyError(f"no worksheet '{worksheet_id}' in data/worksheets")


_e = html.escape


def field_id(sheet: Worksheet, field: WorksheetField) -> str:
    return f"ws-{sheet.id}-{field.id}"


def sections_html(sheet: Worksheet, lang: str, *, for_pdf: bool) -> str:
    """The form's sections: labelled fields (real inputs, so that PDFs get named fields)."""
    parts = []
    for section in sheet.sections:
        rows = []
        for field in section.fields:
            fid = field_id(sheet, field)
            hint = (f'<span class="ws-hint">{_e(field.hint[lang])}</span>' if field.hint else "")
            if field.type == "checkbox":
                rows.append(f'<p class="ws-check"><input type="checkbox" id="{fid}" name="{fid}">'
                            f' <label for="{fid}">{_e(field.label[lang])}</label>{hint}</p>')
            elif field.type == "text":
                rows.append(f'<p class="ws-field"><label for="{fid}">{_e(field.label[lang])}'
                            f'</label>{hint}<input type="text" id="{fid}" name="{fid}"></p>')
            else:
                # PDF: a fixed height per line (WeasyPrint ignores rows); web: rows only, no
                # style attribute (the Content-Security-Policy allows no inline styles).
                height = f' style="height: {field.lines * 7}mm"' if for_pdf else ""
                rows.append(f'<p class="ws-field"><label for="{fid}">{_e(field.label[lang])}'
                            f'</label>{hint}<textarea id="{fid}" name="{fid}" '
                            f'rows="{field.lines}"{height}></textarea></p>')
        parts.append(f'<fieldset class="ws-section"><legend>{_e(section.title[lang])}</legend>'
                     + "".join(rows) + "</fieldset>")
    return "\n".join(parts)


def page_markdown(source: WorksheetSource, lang: str) -> str:
    from scripts import generated_pages
    from scripts.markdown_text import escape
    w = source.worksheet
    return generated_pages.page(escape(w.title[lang]), w.intro[lang], source.path,
                                f"<!-- worksheet: {w.id} -->")


def web_html(source: WorksheetSource, lang: str, ui: dict,
             pdf_links: list[tuple[str, str]]) -> str:
    """Guidance for the coach, then the form (fill on screen and print, or take the PDF)."""
    w = source.worksheet
    t = lambda key: _e(ui[key][lang])  # noqa: E731
    guidance = "".join(f"<p>{_e(p[lang])}</p>" for p in w.guidance)
    links = " · ".join(f'<a href="{_e(href)}">{_e(label)}</a>' for label, href in pdf_links)
    return (f'<div class="worksheet">'
            f'<p class="worksheet__intro">{_e(w.intro[lang])}</p>'
            f'<div class="admonition tip worksheet__guidance"><p class="admonition-title">'
            f'{t("ws_guidance")}</p>{guidance}</div>'
            f'<p class="worksheet__pdfs">{t("ws_pdf")} {links}</p>'
            f'<form class="worksheet__form" aria-label="{_e(w.title[lang])}">'
            f'{sections_html(w, lang, for_pdf=False)}</form>'
            f'<p class="worksheet__print"><button type="button" class="md-button" '
            f'data-print-page>{t("ws_print")}</button></p></div>')


PDF_CSS = """
@page { size: A4; margin: 15mm 15mm 28mm;
  @bottom-left { content: element(trace); width: 150mm; vertical-align: top; }
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 7.5pt; } }
html { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 10pt;
       font-variant-ligatures: none; }
.kicker { font-size: 8.5pt; text-transform: uppercase; color: #1d4e74; margin: 0 0 1mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
.intro { margin: 0 0 4mm; }
fieldset { border: 0.4pt solid #888; margin: 0 0 4mm; padding: 2mm 3mm 3mm; break-inside: avoid; }
legend { font-weight: bold; padding: 0 1.5mm; }
.ws-field { margin: 2mm 0 0; }
.ws-field label { display: block; font-size: 9pt; margin-bottom: 1mm; }
.ws-hint { display: block; font-size: 8pt; font-style: italic; color: #333; }
input[type=text] { appearance: auto; display: block; width: 100%; height: 7mm;
                   border: none; border-bottom: 0.5pt solid #000; }
textarea { appearance: auto; display: block; width: 100%; border: 0.4pt solid #666; }
.ws-check { margin: 2mm 0 0; }
input[type=checkbox] { appearance: auto; width: 4.5mm; height: 4.5mm; vertical-align: middle; }
.trace { position: running(trace); font-size: 7pt; color: #222; }
.trace img { float: left; width: 15mm; height: 15mm; margin-right: 3mm; }
"""


def document_html(source: WorksheetSource, lang: str, ui: dict, site_name: str, url: str,
                  version: str) -> str:
    from scripts.qr import qr_data_uri
    w = source.worksheet
    kicker = (ui["cl_transversal"][lang] if w.phase == "transversal"
              else f"{ui['cl_phase'][lang]} {w.phase}")
    trace = (f'<div class="trace"><img src="{qr_data_uri(url)}" alt="">{_e(site_name)} · '
             f'{_e(ui["cl_language"][lang])} {_e(ui["language_name"][lang])}<br>'
             f'{_e(ui["cl_generated"][lang])} {_e(ui["cl_version"][lang])} {_e(version)}<br>'
             f'{_e(ui["cl_current"][lang])} {_e(url)}</div>')
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<title>{_e(w.title[lang])}</title><style>{PDF_CSS}</style></head><body>{trace}'
            f'<p class="kicker">{_e(ui["ws_kind"][lang])} · {_e(kicker)}</p>'
            f'<h1>{_e(w.title[lang])}</h1><p class="intro">{_e(w.intro[lang])}</p>'
            f'<form>{sections_html(w, lang, for_pdf=True)}</form></body></html>')

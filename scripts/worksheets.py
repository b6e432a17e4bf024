"""Worksheets: forms a coach fills in with a job seeker or an employer, on paper or as a
fillable PDF, with guidance for the coach. One trilingual YAML file each, like the checklists.

Source: ``data/worksheets/<id>.yml``. Generated: the page ``/worksheets/<id>/`` (guidance, then
the form, which can be filled on screen and printed — nothing typed is stored or sent) and a
fillable, tagged A4 PDF per language.

Paper first: a worksheet opens with an identity block (person, coach, date …), lists are
ruled lines or tables, boxes are as high as what goes in them (``lines``), short fields sit
side by side (``width: half``), and the layout flows from one section to the next instead of
leaving half-empty pages: a worksheet takes at most ``pages`` sheets (2 unless its content
truly needs more; tests hold it). A field that carries personal data says so (``personal``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scripts import paper
from scripts.markdown_text import html_text, plain
from scripts.translated import Translated
from scripts.validation import validate
from scripts.yaml_source import DataFileError, line_of, load_folder, load_yaml

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
IdentityKey = Literal["person", "coach", "date", "employer", "employer_contact", "group", "place",
                      "tutor"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Column(_Strict):
    label: Translated
    type: Literal["text", "check"] = "text"
    width: Annotated[int, Field(ge=5, le=80)] | None = None  # share of the table, in %


class WorksheetField(_Strict):
    id: Slug
    label: Translated
    type: Literal["text", "textarea", "checkbox", "choice", "table", "list"]
    lines: Annotated[int, Field(ge=1, le=24)] = 3  # textarea: ruled writing lines
    width: Literal["full", "half"] = "full"
    hint: Translated | None = None
    personal: bool = False  # the answer carries personal data (named person, health, money…)
    options: Annotated[list[Translated], Field(min_length=2)] | None = None  # choice
    columns: Annotated[list[Column], Field(min_length=2)] | None = None  # table
    rows: Annotated[int, Field(ge=1, le=30)] | None = None  # table: blank rows
    row_labels: Annotated[list[Translated], Field(min_length=1)] | None = None  # table
    items: Annotated[list[Translated], Field(min_length=2)] | None = None  # list (printed)

    @model_validator(mode="after")
    def _shape(self) -> "WorksheetField":
        needs = {"choice": ("options",), "table": ("columns",), "list": ("items",)}
        for key in ("options", "columns", "items"):
            wanted = key in needs.get(self.type, ())
            if wanted and getattr(self, key) is None:
                raise ValueError(f"a {self.type} field needs '{key}'")
            if not wanted and getattr(self, key) is not None:
                raise ValueError(f"'{key}' is only for {[t for t, k in needs.items() if key in k][0]}"
                                 " fields")
        if self.type == "table" and (self.rows is None) == (self.row_labels is None):
            raise ValueError("a table needs either 'rows' (blank rows) or 'row_labels'")
        if self.type != "table" and (self.rows is not None or self.row_labels is not None):
            raise ValueError("'rows' and 'row_labels' are only for table fields")
        if self.width == "half" and self.type not in ("text", "textarea", "choice"):
            raise ValueError("only text, textarea and choice fields can be half width")
        return self


class Section(_Strict):
    id: Slug
    title: Translated
    intro: Translated | None = None
    fields: Annotated[list[WorksheetField], Field(min_length=1)]


class Worksheet(_Strict):
    id: Slug
    phase: Literal["P1", "P2", "P3", "P4", "P5", "transversal"]
    audience: Annotated[list[Literal["jobcoach", "job_seeker", "worker", "employer", "trainer"]],
                        Field(min_length=1)]
    title: Translated
    intro: Translated
    guidance: Annotated[list[Translated], Field(min_length=2)]  # paragraphs for the coach
    identity: Annotated[list[IdentityKey], Field(min_length=1)] = ["person", "coach", "date"]
    pages: Annotated[int, Field(ge=1, le=4)] = 2  # sheets of A4 it may take
    sections: Annotated[list[Section], Field(min_length=1)]
    # ids of data/sources.yml for the facts the guidance states (a rule, a law): cited under
    # the guidance on the web page
    sources: list[Slug] = []


@dataclass(frozen=True)
class WorksheetSource:
    worksheet: Worksheet
    path: str


MIN_FIELDS = 5  # a worksheet is a form: at least five named fields in its PDF


def _label(data: Any, loc: tuple) -> str:
    label = f"worksheet {data.get('id', '?') if isinstance(data, dict) else '?'}"
    if len(loc) >= 2 and loc[0] == "sections" and isinstance(loc[1], int):
        try:
            section = data["sections"][loc[1]]
            label += f", section {section['id']}"
            if len(loc) >= 4 and loc[2] == "fields" and isinstance(loc[3], int):
                label += f", field {section['fields'][loc[3]]['id']}"
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
    ids = [f.id for s in sheet.sections for f in s.fields] + list(sheet.identity)
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"{name}:1: worksheet {sheet.id}: duplicate field id "
                        f"{', '.join(duplicates)}")
    named = len(field_names(sheet))
    if named < MIN_FIELDS:
        problems.append(f"{name}:{line_of(raw, ('sections',))}: worksheet {sheet.id}: {named} "
                        f"named field(s); a worksheet needs at least {MIN_FIELDS}")
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


# ---------------------------------------------------------------------------------------------
# Field names: stable, they are the PDF's form field names
# ---------------------------------------------------------------------------------------------

_e = html_text  # element text: a phrase marked {xx|…} in data gets its language


def _a(text: str) -> str:
    """An attribute value (or a <title>): the text without language marks, escaped."""
    return html.escape(plain(text))


def field_id(sheet: Worksheet, field: WorksheetField) -> str:
    return f"ws-{sheet.id}-{field.id}"


def cell_id(sheet: Worksheet, field: WorksheetField, row: int, column: int) -> str:
    return f"{field_id(sheet, field)}-r{row}-c{column}"


def identity_id(sheet: Worksheet, key: str) -> str:
    return f"ws-{sheet.id}-{key.replace('_', '-')}"


def _row_count(field: WorksheetField) -> int:
    return len(field.row_labels) if field.row_labels else field.rows or 0


def field_names(sheet: Worksheet) -> list[str]:
    """Every named form field of the worksheet, in order (identity block first)."""
    names = [identity_id(sheet, key) for key in sheet.identity]
    for section in sheet.sections:
        for field in section.fields:
            if field.type == "list":
                continue
            if field.type == "table":
                first = 2 if field.row_labels else 1  # labelled rows: column 1 holds the labels
                names += [cell_id(sheet, field, r, c)
                          for r in range(1, _row_count(field) + 1)
                          for c in range(first, len(field.columns) + 1)]
            else:
                names.append(field_id(sheet, field))
    return names


# ---------------------------------------------------------------------------------------------
# The form, for the web page and for the PDF (the same markup; PDF inputs carry a title, which
# WeasyPrint uses as the field's accessible name without running wrapped words together)
# ---------------------------------------------------------------------------------------------


def _personal(lang: str, ui: dict) -> str:
    return f' <span class="ws-personal">({_e(ui["ws_personal_short"][lang])})</span>'


def _label_html(field: WorksheetField, fid: str, lang: str, ui: dict, for_pdf: bool) -> str:
    personal = _personal(lang, ui) if field.personal else ""
    hint = f'<span class="ws-hint">{_e(field.hint[lang])}</span>' if field.hint else ""
    return (f'<label for="{fid}">{_e(field.label[lang])}{personal}</label>{hint}'
            if not for_pdf else
            f'<span class="ws-label">{_e(field.label[lang])}{personal}</span>{hint}')


def _title(text: str, for_pdf: bool) -> str:
    return f' title="{_a(text)}"' if for_pdf else ""


def _width(column: Column) -> str:
    return f' class="w{column.width - column.width % 5}"' if column.width else ""


def _table_html(sheet: Worksheet, field: WorksheetField, lang: str, ui: dict,
                for_pdf: bool) -> str:
    head = "".join(f'<th scope="col"{_width(c)}>{_e(c.label[lang])}</th>' for c in field.columns)
    first = ('<th scope="col" class="ws-rowhead">#</th>' if field.rows else "")
    body = []
    for r in range(1, _row_count(field) + 1):
        row_name = field.row_labels[r - 1][lang] if field.row_labels else str(r)
        cells = []
        start = 1
        if field.row_labels:  # the first column holds the fixed row labels
            cells.append(f'<th scope="row">{_e(row_name)}</th>')
            start = 2
        else:
            cells.append(f'<th scope="row" class="ws-rowhead">{r}</th>')
        for c, column in enumerate(field.columns, start=1):
            if c < start:
                continue
            cid = cell_id(sheet, field, r, c)
            name = f"{column.label[lang]} – {row_name}"
            if column.type == "check":
                control = (f'<input type="checkbox" id="{cid}" name="{cid}" '
                           f'aria-label="{_a(name)}"{_title(name, for_pdf)}>')
            else:
                control = (f'<input type="text" id="{cid}" name="{cid}" autocomplete="off" '
                           f'aria-label="{_a(name)}"{_title(name, for_pdf)}>')
            cells.append(f'<td class="ws-cell--{column.type}">{control}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    if field.row_labels:
        first = ""
    caption = _e(field.label[lang]) + (_personal(lang, ui) if field.personal else "")
    hint = f'<span class="ws-hint">{_e(field.hint[lang])}</span>' if field.hint else ""
    return (f'<div class="ws-table-wrap"><table class="ws-table"><caption>{caption}{hint}'
            f'</caption><thead><tr>{first}{head}</tr></thead><tbody>{"".join(body)}</tbody>'
            f'</table></div>')


def _field_html(sheet: Worksheet, field: WorksheetField, lang: str, ui: dict,
                for_pdf: bool) -> str:
    fid = field_id(sheet, field)
    label_text = field.label[lang]
    half = " ws-half" if field.width == "half" else ""
    if field.type == "text":
        return (f'<div class="ws-field{half}">{_label_html(field, fid, lang, ui, for_pdf)}'
                f'<input type="text" id="{fid}" name="{fid}" autocomplete="off"'
                f'{_title(label_text, for_pdf)}></div>')
    if field.type == "textarea":
        height = f' style="height: {field.lines * 6.5:.1f}mm"' if for_pdf else ""
        return (f'<div class="ws-field{half}">{_label_html(field, fid, lang, ui, for_pdf)}'
                f'<textarea id="{fid}" name="{fid}" rows="{field.lines}" '
                f'data-lines="{field.lines}"{height}{_title(label_text, for_pdf)}></textarea>'
                f'</div>')
    if field.type == "checkbox":
        personal = _personal(lang, ui) if field.personal else ""
        label = (f'<span class="ws-label">{_e(label_text)}{personal}</span>' if for_pdf else
                 f'<label for="{fid}">{_e(label_text)}{personal}</label>')
        return (f'<div class="ws-check"><input type="checkbox" id="{fid}" name="{fid}"'
                f'{_title(label_text, for_pdf)}>{label}</div>')
    if field.type == "choice":
        options = []
        for n, option in enumerate(field.options, start=1):
            oid = f"{fid}-{n}"
            text = option[lang]
            label = (f'<span class="ws-label">{_e(text)}</span>' if for_pdf else
                     f'<label for="{oid}">{_e(text)}</label>')
            options.append(f'<span class="ws-option"><input type="radio" id="{oid}" name="{fid}" '
                           f'value="{n}"{_title(f"{label_text}: {text}", for_pdf)}>{label}</span>')
        personal = _personal(lang, ui) if field.personal else ""
        return (f'<fieldset class="ws-choice{half}"><legend>{_e(label_text)}{personal}</legend>'
                f'{"".join(options)}</fieldset>')
    if field.type == "table":
        return _table_html(sheet, field, lang, ui, for_pdf)
    items = "".join(f"<li>{_e(item[lang])}</li>" for item in field.items)
    hint = f'<p class="ws-hint">{_e(field.hint[lang])}</p>' if field.hint else ""
    return (f'<div class="ws-list"><p class="ws-list__title">{_e(label_text)}</p>{hint}'
            f'<ul>{items}</ul></div>')


def _rows(sheet: Worksheet, section: Section, lang: str, ui: dict, for_pdf: bool) -> str:
    """The section's fields; two consecutive half-width fields share a row."""
    parts, pending = [], []
    for field in section.fields:
        html_ = _field_html(sheet, field, lang, ui, for_pdf)
        if field.width == "half":
            pending.append(html_)
            if len(pending) == 2:
                parts.append(f'<div class="ws-row">{"".join(pending)}</div>')
                pending = []
            continue
        if pending:
            parts.append(f'<div class="ws-row">{pending[0]}</div>')
            pending = []
        parts.append(html_)
    if pending:
        parts.append(f'<div class="ws-row">{pending[0]}</div>')
    return "".join(parts)


def sections_html(sheet: Worksheet, lang: str, ui: dict, *, for_pdf: bool) -> str:
    """The form's sections: a heading each, then its fields (real inputs: named PDF fields)."""
    parts = []
    for section in sheet.sections:
        intro = (f'<p class="ws-section__intro">{_e(section.intro[lang])}</p>'
                 if section.intro else "")
        fields = _rows(sheet, section, lang, ui, for_pdf)
        parts.append(f'<section class="ws-section" id="ws-{section.id}">'
                     f'<h2>{_e(section.title[lang])}</h2>{intro}{fields}</section>')
    return "\n".join(parts)


def _identity_web(sheet: Worksheet, lang: str, ui: dict) -> str:
    cells = []
    for key in sheet.identity:
        fid = identity_id(sheet, key)
        personal = _personal(lang, ui) if f"ws_id_{key}" in paper.PERSONAL_LABELS else ""
        cells.append(f'<p><label for="{fid}">{_e(ui["ws_id_" + key][lang])}{personal}</label>'
                     f'<input type="text" id="{fid}" name="{fid}" autocomplete="off"></p>')
    return f'<div class="ws-identity">{"".join(cells)}</div>'


def page_markdown(source: WorksheetSource, lang: str) -> str:
    from scripts import generated_pages
    from scripts.markdown_text import escape
    w = source.worksheet
    return generated_pages.page(escape(w.title[lang]), w.intro[lang], source.path,
                                f"<!-- worksheet: {w.id} -->")


def web_html(source: WorksheetSource, lang: str, ui: dict,
             pdf_links: list[tuple[str, str]], citations: str = "") -> str:
    """Guidance for the coach (with the sources of the facts it states, ``citations``: HTML),
    then the form (fill on screen and print, or take the PDF). On paper the guidance comes
    after the form (extra.css), so that the form starts on page 1."""
    w = source.worksheet
    t = lambda key: _e(ui[key][lang])  # noqa: E731
    guidance = "".join(f"<p>{_e(p[lang])}</p>" for p in w.guidance)
    if citations:
        guidance += f'<p class="worksheet__sources"><small>{t("sys_sources")} {citations}</small></p>'
    links = " · ".join(f'<a href="{_a(href)}">{_e(label)}</a>' for label, href in pdf_links)
    return (f'<div class="worksheet">'
            f'<p class="worksheet__intro">{_e(w.intro[lang])}</p>'
            f'<div class="admonition tip worksheet__guidance"><p class="admonition-title">'
            f'{t("ws_guidance")}</p>{guidance}</div>'
            f'<p class="worksheet__pdfs">{t("ws_pdf")} {links}</p>'
            f'<p class="worksheet__privacy">{t("ws_privacy")}</p>'
            f'<form class="worksheet__form" aria-label="{_a(w.title[lang])}">'
            f'{_identity_web(w, lang, ui)}{sections_html(w, lang, ui, for_pdf=False)}</form>'
            f'<p class="worksheet__print"><button type="button" class="md-button" '
            f'data-print-page>{t("ws_print")}</button></p></div>')


# ---------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------

PDF_CSS = """
.kicker { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.04em; color: #1d4e74;
          margin: 0 0 1mm; }
h1 { font-size: 15pt; margin: 0 0 1.5mm; line-height: 1.2; }
.intro { margin: 0 0 2mm; font-size: 9pt; }
.privacy { margin: 0 0 3mm; font-size: 7.5pt; color: #333; }
h2 { font-size: 10.5pt; margin: 3.5mm 0 1.5mm; padding-bottom: 0.6mm;
     border-bottom: 0.8pt solid #1d4e74; color: #10304a; break-after: avoid; }
.ws-section__intro { margin: 0 0 1.5mm; font-size: 8.5pt; }
.ws-field, .ws-check, .ws-choice, .ws-table-wrap, .ws-list { margin: 0 0 2mm; break-inside: avoid; }
.ws-row { margin: 0 0 2mm; break-inside: avoid; }
.ws-row::after { content: ""; display: block; clear: both; }
.ws-row > .ws-half { float: left; width: 48%; margin: 0; }
.ws-row > .ws-half + .ws-half { float: right; }
.ws-label { display: block; font-size: 8.5pt; }
.ws-hint { display: block; font-size: 7.5pt; font-style: italic; color: #333; }
.ws-personal { font-size: 7pt; font-style: normal; color: #333; }
input[type=text] { appearance: auto; display: block; width: 100%; height: 6.5mm; border: none;
                   border-bottom: 0.5pt solid #555; font-size: 9pt; }
textarea { appearance: auto; display: block; width: 100%; border: none; font-size: 9pt;
           background-image: linear-gradient(to bottom, transparent 6.2mm, #8a8a8a 6.2mm,
                                             #8a8a8a 6.5mm);
           background-size: 100% 6.5mm; background-repeat: repeat-y; }
.ws-check { position: relative; padding-left: 6.5mm; }
.ws-check input, .ws-option input { appearance: auto; width: 4mm; height: 4mm; margin: 0; }
.ws-check input { position: absolute; left: 0; top: 0.2mm; }
.ws-check .ws-label { font-size: 8.5pt; }
.ws-choice { border: 0; padding: 0; }
.ws-choice legend { font-size: 8.5pt; padding: 0; margin-bottom: 1mm; }
.ws-option { display: inline-block; position: relative; padding-left: 6.5mm; margin-right: 5mm;
             font-size: 8.5pt; }
.ws-option input { position: absolute; left: 0; top: 0.3mm; }
.ws-option .ws-label { display: inline; font-size: 8.5pt; }
table.ws-table { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
.ws-table caption { text-align: left; font-size: 8.5pt; padding-bottom: 1mm; }
.ws-table th, .ws-table td { border: 0.5pt solid #777; padding: 0.8mm 1.2mm; text-align: left;
                             vertical-align: top; font-weight: normal; }
.ws-table thead th { background: #eef2f6; font-weight: bold; font-size: 8pt; }
.ws-table tbody th { width: 30%; }
.ws-table .ws-rowhead { width: 5mm; text-align: center; color: #333; }
.ws-table td input[type=text] { height: 5.5mm; border: none; }
.ws-table td.ws-cell--check { text-align: center; width: 12mm; }
.ws-table td input[type=checkbox] { appearance: auto; width: 4mm; height: 4mm; margin: 0.3mm 0 0; }
.ws-table tr { break-inside: avoid; }
.ws-list ul { columns: 2; column-gap: 6mm; margin: 0; padding-left: 4mm; font-size: 8.5pt; }
.ws-list__title { font-size: 8.5pt; font-weight: bold; margin: 0 0 0.5mm; }
""" + "".join(f".w{n} {{ width: {n}%; }}\n" for n in range(5, 81, 5))


def _sheet_body(w: Worksheet, lang: str, ui: dict) -> str:
    kicker = (ui["cl_transversal"][lang] if w.phase == "transversal"
              else f"{ui['cl_phase'][lang]} {w.phase}")
    identity = paper.identity_html(
        [(identity_id(w, key), f"ws_id_{key}") for key in w.identity], (lang,), ui)
    return (f'<p class="kicker">{_e(ui["ws_kind"][lang])} · {_e(kicker)}</p>'
            f'<h1 id="sheet-{w.id}">{_e(w.title[lang])}</h1><p class="intro">{_e(w.intro[lang])}</p>'
            f'<p class="privacy">{_e(ui["ws_privacy_paper"][lang])}</p>'
            f'{identity}{sections_html(w, lang, ui, for_pdf=True)}')


def document_html(source: WorksheetSource, lang: str, ui: dict, trace: paper.Trace) -> str:
    w = source.worksheet
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<title>{_a(w.title[lang])}</title>'
            f'<meta name="author" content="{_a(trace.site_names[lang])}">'
            f'<style>{paper.page_css((lang,), ui)}{PDF_CSS}</style></head><body>'
            f'{paper.trace_html(trace, ui)}<form>{_sheet_body(w, lang, ui)}</form></body></html>')


PHASE_ORDER = ("P1", "P2", "P3", "P4", "P5", "transversal")


def in_method_order(sources: list[WorksheetSource],
                    order: list[str] | None = None) -> list[WorksheetSource]:
    """By phase, then in ``order`` (the order the method pages use them, data/tools.yml)."""
    order = order or []
    def key(s: WorksheetSource):
        w = s.worksheet
        return (PHASE_ORDER.index(w.phase), order.index(w.id) if w.id in order else len(order))
    return sorted(sources, key=key)


def pack_html(sources: list[WorksheetSource], lang: str, ui: dict, trace: paper.Trace,
              order: list[str] | None = None) -> tuple[str, list[WorksheetSource]]:
    """The cover of the trainer's pack (every worksheet in one PDF), with its printed contents,
    and the worksheets in the pack's order. The pack is this cover followed by each
    worksheet's own pages, as in its own PDF (scripts/pdf_render.py lays each worksheet out
    once for both): each sheet keeps its title and version in its footer, and the contents give
    the pack page where it starts (``@@PAGE:n@@``, filled in when the parts are laid out)."""
    from scripts.checklist_pdf import PACK_CSS
    ordered = in_method_order(sources, order)
    toc = "".join(f'<li><a href="#sheet-{s.worksheet.id}" data-page="@@PAGE:{n}@@">'
                  f'{_e(s.worksheet.title[lang])}</a></li>' for n, s in enumerate(ordered))
    cover = (f'<div class="cover"><p class="kicker">{_e(trace.site_names[lang])}</p>'
             f'<h1>{_e(ui["ws_pack"][lang])}</h1><p class="lead">{_e(ui["ws_pack_lead"][lang])}</p>'
             f'<h2>{_e(ui["cl_pack_contents"][lang])}</h2><ol class="toc">{toc}</ol></div>')
    # The cover's own page numbers would count the cover only: the sheets number their pages.
    css = (paper.page_css((lang,), ui) + PDF_CSS + PACK_CSS
           + "@page { @bottom-right { content: none; } } .cover { break-after: auto; } "
             ".cover h2 { border: 0; } .toc a::after { content: leader('.') attr(data-page); }")
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<title>{_a(ui["ws_pack"][lang])}</title>'
            f'<meta name="author" content="{_a(trace.site_names[lang])}">'
            f'<style>{css}</style></head><body>{paper.trace_html(trace, ui)}{cover}'
            f'</body></html>'), ordered

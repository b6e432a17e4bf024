"""Scored self-assessment of a jobcoaching service: items grouped in dimensions, each scored
1–5 against written anchors; the score is computed in the browser (self-assessment.js), never
sent anywhere. Source: ``data/self-assessment.yml``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from scripts.bibliography import SourceId
from scripts.translated import Translated
from scripts.validation import validate
from scripts.yaml_source import DataFileError, load_yaml


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Item(_Strict):
    id: Annotated[str, Field(pattern=r"^[A-Z][0-9]{1,2}$")]
    question: Translated
    anchors: Annotated[list[Translated], Field(min_length=5, max_length=5)]  # scores 1 … 5


class Dimension(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z]+(-[a-z]+)*$")]
    title: Translated
    sources: Annotated[list[SourceId], Field(min_length=1)]  # what the dimension rests on
    items: Annotated[list[Item], Field(min_length=2)]


class SelfAssessment(_Strict):
    title: Translated
    intro: Translated
    dimensions: Annotated[list[Dimension], Field(min_length=4)]


def _label(data: Any, loc: tuple) -> str | None:
    if len(loc) >= 2 and loc[0] == "dimensions" and isinstance(loc[1], int):
        try:
            label = f"dimension {data['dimensions'][loc[1]]['id']}"
            if len(loc) >= 4 and loc[2] == "items" and isinstance(loc[3], int):
                label += f", item {data['dimensions'][loc[1]]['items'][loc[3]]['id']}"
            return label
        except (KeyError, IndexError, TypeError):
            return None
    return None


def load_self_assessment(path: Path, name: str = "data/self-assessment.yml") -> SelfAssessment:
    raw = load_yaml(path, name)
    data = validate(raw, SelfAssessment, name, _label)
    ids = [item.id for d in data.dimensions for item in d.items]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise DataFileError(f"{name}:1: duplicate item id {', '.join(duplicates)}")
    if len(ids) < 15:
        raise DataFileError(f"{name}:1: {len(ids)} items; the self-assessment needs at least 15")
    return data


def web_html(data: SelfAssessment, lang: str, ui: dict, pdf_href: str, bibliography) -> str:
    """The questionnaire (radio groups with the anchors as labels) and the result panel that
    self-assessment.js fills in; the answers never leave the browser."""
    import html
    from scripts.bibliography import inline_html
    e = html.escape
    t = lambda key: e(ui[key][lang])  # noqa: E731
    parts = [f'<form class="self-assessment" aria-label="{e(data.title[lang])}">']
    for dim in data.dimensions:
        parts.append(f'<fieldset class="sa-dimension" data-dimension="{dim.id}">'
                     f'<legend>{e(dim.title[lang])}</legend>')
        for item in dim.items:
            parts.append(f'<fieldset class="sa-item" data-item="{item.id}"><legend>'
                         f'<span class="sa-id">{item.id}</span> {e(item.question[lang])}</legend>'
                         '<ol class="sa-scale">')
            for score, anchor in enumerate(item.anchors, start=1):
                fid = f"sa-{item.id}-{score}"
                parts.append(f'<li><input type="radio" id="{fid}" name="{item.id}" '
                             f'value="{score}"><label for="{fid}"><strong>{score}</strong> '
                             f'{e(anchor[lang])}</label></li>')
            parts.append("</ol></fieldset>")
        parts.append(f'<p class="sa-basis">{t("sa_basis")} '
                     f'{inline_html(dim.sources, bibliography, lang, ui)}</p></fieldset>')
    rows = "".join(f'<tr data-result="{d.id}"><th scope="row">{e(d.title[lang])}</th>'
                   f'<td class="sa-score">—</td><td class="sa-answered">0 / {len(d.items)}</td></tr>'
                   for d in data.dimensions)
    total = sum(len(d.items) for d in data.dimensions)
    parts.append(
        f'<div class="sa-results" role="status" aria-live="polite">'
        f'<p class="sa-results__title">{t("sa_results")}</p>'
        f'<table><thead><tr><th scope="col">{t("sa_dimension")}</th>'
        f'<th scope="col">{t("sa_score")}</th><th scope="col">{t("sa_answered")}</th></tr>'
        f'</thead><tbody>{rows}<tr data-result="overall"><th scope="row">{t("sa_overall")}</th>'
        f'<td class="sa-score">—</td><td class="sa-answered">0 / {total}</td></tr></tbody>'
        f'</table></div>'
        f'<p class="sa-actions"><button type="reset" class="md-button">{t("sa_reset")}</button> '
        f'<button type="button" class="md-button" data-print-page>{t("sa_print")}</button> '
        f'<a class="md-button" href="{e(pdf_href)}">{t("sa_blank_pdf")}</a></p></form>')
    return "\n".join(parts)


def document_html(data: SelfAssessment, lang: str, ui: dict, site_names: dict[str, str],
                  urls: dict[str, str] | None, changed: str) -> str:
    """Blank A4 version for paper: each score is a checkbox labelled by its anchor."""
    import html
    from scripts import paper
    e = html.escape
    css = """h1 { font-size: 15pt; margin: 0 0 2mm; } h2 { font-size: 11.5pt; margin: 4mm 0 1mm;
      color: #10304a; break-after: avoid; }
    .lead { font-size: 9pt; margin: 0 0 3mm; }
    .item { break-inside: avoid; margin: 2mm 0; }
    .q { font-weight: bold; margin: 0 0 1mm; font-size: 9.5pt; }
    ol { list-style: none; margin: 0; padding: 0; }
    li { position: relative; padding: 0.5mm 0 0.5mm 6.5mm; font-size: 9pt; }
    input { appearance: auto; position: absolute; left: 0; top: 0.9mm; width: 4mm; height: 4mm;
            margin: 0; }"""
    body = []
    for dim in data.dimensions:
        body.append(f"<h2>{e(dim.title[lang])}</h2>")
        for item in dim.items:
            opts = "".join(
                f'<li><input type="checkbox" id="p-{item.id}-{n}" name="{item.id}-{n}" '
                f'title="{e(item.id)} {n}: {e(" ".join(a[lang].split()))}">'
                f'<span>{n} — {e(a[lang])}</span></li>'
                for n, a in enumerate(item.anchors, start=1))
            body.append(f'<div class="item"><p class="q">{item.id} {e(item.question[lang])}</p>'
                        f"<ol>{opts}</ol></div>")
    version = f'{ui["cl_version"][lang]} {changed}'
    trace = paper.trace_html(paper.Trace(site_names, (lang,), version, urls), ui)
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<title>{e(data.title[lang])}</title>'
            f'<meta name="author" content="{e(site_names[lang])}">'
            f"<style>{paper.page_css((lang,), ui)}{css}</style></head><body>{trace}"
            f'<h1>{e(data.title[lang])}</h1><p class="lead">{e(data.intro[lang])}</p>'
            f"<form>{''.join(body)}</form></body></html>")

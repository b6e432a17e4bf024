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
from scripts.yaml_source import DataFileError, line_of, load_yaml


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


ToolRef = Annotated[str, Field(pattern=r"^(worksheet|checklist|practice|training):[a-z0-9-]+$")]


class Item(_Strict):
    id: Annotated[str, Field(pattern=r"^[A-Z][0-9]{1,2}$")]
    question: Translated
    anchors: Annotated[list[Translated], Field(min_length=5, max_length=5)]  # scores 1 … 5
    helps: Annotated[list[ToolRef], Field(min_length=1)]  # tools that help raise the score


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


def load_self_assessment(path: Path, name: str = "data/self-assessment.yml",
                         known: dict[str, set[str]] | None = None) -> SelfAssessment:
    """``known``: the tool ids by kind (scripts/site_data.known_tools); an item's ``helps``
    naming an unknown tool stops the build with the line."""
    raw = load_yaml(path, name)
    data = validate(raw, SelfAssessment, name, _label)
    if known is not None:
        problems = []
        for d, dim in enumerate(data.dimensions):
            for i, item in enumerate(dim.items):
                for ref in item.helps:
                    kind, _, ref_id = ref.partition(":")
                    if ref_id not in known[kind]:
                        line = line_of(raw, ("dimensions", d, "items", i, "helps"))
                        problems.append(f"{name}:{line}: item {item.id}: helps: unknown {kind} "
                                        f"'{ref_id}'")
        if problems:
            raise DataFileError("\n".join(problems))
    ids = [item.id for d in data.dimensions for item in d.items]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise DataFileError(f"{name}:1: duplicate item id {', '.join(duplicates)}")
    if len(ids) < 15:
        raise DataFileError(f"{name}:1: {len(ids)} items; the self-assessment needs at least 15")
    return data


PLAN_SIZE = (3, 5)  # the plan shows the 3 weakest items, up to 5 when scores tie


def plan_html(data: SelfAssessment, lang: str, ui: dict, tool) -> str:
    """From self-assessment to plan: every item with the tools that help raise it, hidden until
    self-assessment.js shows the weakest (``tool(ref)`` gives a tool's title and URL)."""
    import html
    e = html.escape
    items = []
    for dim in data.dimensions:
        for item in dim.items:
            links = "".join(f'<li><a href="{e(tool(ref)[1])}">{e(tool(ref)[0])}</a></li>'
                            for ref in item.helps)
            items.append(f'<li class="sa-plan__item" data-plan-item="{item.id}" hidden>'
                         f'<p><strong>{item.id}</strong> {e(item.question[lang])}<br>'
                         f'<span class="sa-plan__score">{e(ui["sa_plan_score"][lang])} '
                         f'<span data-plan-score></span> / 5</span></p>'
                         f'<p class="sa-plan__tools">{e(ui["sa_plan_tools"][lang])}</p>'
                         f'<ul>{links}</ul></li>')
    return (f'<section class="sa-plan" aria-labelledby="sa-plan-title" '
            f'data-plan-min="{PLAN_SIZE[0]}" data-plan-max="{PLAN_SIZE[1]}">'
            f'<h2 id="sa-plan-title">{e(ui["sa_plan_title"][lang])}</h2>'
            f'<p>{e(ui["sa_plan_intro"][lang])}</p>'
            f'<p class="sa-plan__empty">{e(ui["sa_plan_empty"][lang])}</p>'
            f'<ol class="sa-plan__list">{"".join(items)}</ol></section>')


def web_html(data: SelfAssessment, lang: str, ui: dict, pdf_href: str, bibliography,
             tool=None) -> str:
    """The questionnaire (radio groups with the anchors as labels), the result panel and the
    plan that self-assessment.js fills in; the answers never leave the browser."""
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
    if tool is not None:
        parts.append(plan_html(data, lang, ui, tool))
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

"""Trainer's sheets: for each training plan (docs/training/<plan>.*.md), the expected answers of
every exercise and printable role cards, in the three languages, on the web and on paper.

Source: ``data/training/<plan>.yml``. Generated: the page ``/training/<plan>-trainer/`` and a PDF
per language (the role cards two to a page, to cut out). An exercise id must be an exercise
heading's id on the plan page (``### … {#exercise-guest}``), so that the sheet and the plan can
never drift apart; the build stops otherwise, naming file and line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from scripts import paper
from scripts.markdown_text import html_text, plain
from scripts.translated import Translated
from scripts.validation import validate
from scripts.yaml_source import DataFileError, line_of, load_folder, load_yaml

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Exercise(_Strict):
    id: Slug  # the exercise's heading id on the plan page
    title: Translated
    expected: Annotated[list[Translated], Field(min_length=2)]  # what good answers contain
    watch_for: list[Translated] = []  # frequent mistakes, what to correct


class RoleCard(_Strict):
    id: Slug
    exercise: Slug
    role: Translated  # who the player is
    situation: Translated  # what the player knows
    instructions: Annotated[list[Translated], Field(min_length=1)]  # how to play


class TrainerSheet(_Strict):
    plan: Slug  # docs/training/<plan>.<lang>.md
    title: Translated
    intro: Translated
    exercises: Annotated[list[Exercise], Field(min_length=2)]
    role_cards: list[RoleCard] = []


@dataclass(frozen=True)
class SheetSource:
    sheet: TrainerSheet
    path: str


def _label(data, loc: tuple) -> str | None:
    if len(loc) >= 2 and loc[0] in ("exercises", "role_cards") and isinstance(loc[1], int):
        try:
            return f"{loc[0][:-1].replace('_', ' ')} {data[loc[0]][loc[1]]['id']}"
        except (KeyError, IndexError, TypeError):
            return None
    return None


def load_sheet(path: Path, name: str, docs_dir: Path | None = None) -> SheetSource:
    raw = load_yaml(path, name)
    sheet = validate(raw, TrainerSheet, name, _label)
    problems = []
    if sheet.plan != path.stem:
        problems.append(f"{name}:{line_of(raw, ('plan',))}: plan must be the file name "
                        f"('{path.stem}')")
    exercise_ids = [e.id for e in sheet.exercises]
    for i, card in enumerate(sheet.role_cards):
        if card.exercise not in exercise_ids:
            problems.append(f"{name}:{line_of(raw, ('role_cards', i, 'exercise'))}: role card "
                            f"{card.id}: unknown exercise '{card.exercise}'")
    if docs_dir is not None:
        plan = docs_dir / "training" / f"{sheet.plan}.fr.md"
        if not plan.exists():
            problems.append(f"{name}:{line_of(raw, ('plan',))}: no training plan "
                            f"docs/training/{sheet.plan}.fr.md")
        else:
            anchors = set(re.findall(r"\{#([a-z0-9-]+)\}", plan.read_text(encoding="utf-8")))
            for i, exercise in enumerate(sheet.exercises):
                if exercise.id not in anchors:
                    problems.append(f"{name}:{line_of(raw, ('exercises', i, 'id'))}: exercise "
                                    f"{exercise.id}: no heading {{#{exercise.id}}} on "
                                    f"docs/training/{sheet.plan}.fr.md")
    if problems:
        raise DataFileError("\n".join(problems))
    return SheetSource(sheet, name)


def load_sheets(directory: Path, docs_dir: Path | None = None,
                display_dir: str = "data/training") -> list[SheetSource]:
    return load_folder(directory, display_dir,
                       lambda path, name: load_sheet(path, name, docs_dir))


def page_markdown(source: SheetSource, lang: str) -> str:
    from scripts import generated_pages
    from scripts.markdown_text import escape
    s = source.sheet
    return generated_pages.page(escape(s.title[lang]), s.intro[lang], source.path,
                                f"<!-- trainer-sheet: {s.plan} -->")


_e = html_text  # element text: a phrase marked {xx|…} in data gets its language


def _a(text: str) -> str:
    """An attribute value (or a <title>): the text without language marks, escaped."""
    return html.escape(plain(text))


def _exercises(sheet: TrainerSheet, lang: str, ui: dict, heading: str) -> str:
    parts = []
    for exercise in sheet.exercises:
        expected = "".join(f"<li>{html_text(p[lang])}</li>" for p in exercise.expected)
        watch = ""
        if exercise.watch_for:
            items = "".join(f"<li>{html_text(p[lang])}</li>" for p in exercise.watch_for)
            watch = f'<p class="ts-label">{_e(ui["ts_watch_for"][lang])}</p><ul>{items}</ul>'
        parts.append(f'<section class="ts-exercise" id="ts-{exercise.id}">'
                     f'<{heading}>{_e(exercise.title[lang])}</{heading}>'
                     f'<p class="ts-label">{_e(ui["ts_expected"][lang])}</p><ul>{expected}</ul>'
                     f'{watch}</section>')
    return "".join(parts)


def _cards(sheet: TrainerSheet, lang: str, ui: dict, heading: str) -> str:
    titles = {e.id: e.title[lang] for e in sheet.exercises}
    parts = []
    for card in sheet.role_cards:
        steps = "".join(f"<li>{html_text(p[lang])}</li>" for p in card.instructions)
        parts.append(f'<div class="ts-card" id="card-{card.id}">'
                     f'<p class="ts-card__kicker">{_e(ui["ts_role_card"][lang])} · '
                     f'{_e(titles[card.exercise])}</p>'
                     f'<{heading}>{html_text(card.role[lang])}</{heading}>'
                     f'<p>{html_text(card.situation[lang])}</p><ol>{steps}</ol></div>')
    return "".join(parts)


def web_html(source: SheetSource, lang: str, ui: dict, plan_href: str, pdf_href: str) -> str:
    s = source.sheet
    cards = ""
    if s.role_cards:
        cards = (f'<h2 id="role-cards">{_e(ui["ts_role_cards"][lang])}</h2>'
                 f'<p>{_e(ui["ts_cards_how"][lang])}</p>'
                 f'<div class="ts-cards">{_cards(s, lang, ui, "h3")}</div>')
    return (f'<div class="trainer-sheet"><p>{_e(s.intro[lang])}</p>'
            f'<p><a href="{_a(plan_href)}">{_e(ui["ts_plan_link"][lang])}</a> · '
            f'<a href="{_a(pdf_href)}">{_e(ui["ts_pdf"][lang])}</a></p>'
            f'<h2 id="expected-answers">{_e(ui["ts_expected_title"][lang])}</h2>'
            f'{_exercises(s, lang, ui, "h3")}{cards}</div>')


PDF_CSS = """
.kicker { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.04em; color: #1d4e74;
          margin: 0 0 1mm; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; color: #10304a; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 3mm 0 1mm; break-after: avoid; }
.ts-exercise { break-inside: avoid; }
.ts-label { font-weight: bold; font-size: 8.5pt; margin: 1mm 0 0.5mm; }
ul, ol { margin: 0 0 1.5mm; padding-left: 5mm; font-size: 9.5pt; }
.cards { break-before: page; }
.ts-card { border: 0.8pt dashed #555; padding: 4mm 5mm; margin: 0 0 6mm; break-inside: avoid;
           min-height: 105mm; }
.ts-card__kicker { font-size: 7.5pt; text-transform: uppercase; color: #1d4e74; margin: 0; }
.ts-card h3 { font-size: 13pt; margin: 1mm 0 2mm; }
.ts-card p, .ts-card li { font-size: 10pt; }
"""


def document_html(source: SheetSource, lang: str, ui: dict, trace: paper.Trace) -> str:
    s = source.sheet
    cards = ""
    if s.role_cards:
        cards = (f'<div class="cards"><h2>{_e(ui["ts_role_cards"][lang])}</h2>'
                 f'{_cards(s, lang, ui, "h3")}</div>')
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<title>{_a(s.title[lang])}</title>'
            f'<meta name="author" content="{_a(trace.site_names[lang])}">'
            f'<style>{paper.page_css((lang,), ui)}{PDF_CSS}</style></head><body>'
            f'{paper.trace_html(trace, ui)}<p class="kicker">{_e(ui["ts_kind"][lang])}</p>'
            f'<h1>{_e(s.title[lang])}</h1><p>{_e(s.intro[lang])}</p>'
            f'<h2>{_e(ui["ts_expected_title"][lang])}</h2>{_exercises(s, lang, ui, "h3")}'
            f'{cards}</body></html>')

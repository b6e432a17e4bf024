"""Who does what, with which instrument, on each side of the border.

Source: ``data/systems.yml``. One row per phase (P1…P5) and per key instrument; for each row an
entry for Wallonia, the Netherlands and Ostbelgien — either who/how with sources, or an explicit
``unknown`` note (a missing country key is an error: "not researched" must be visible as such).
Rendered as a comparison page (a table per row, readable on mobile and printable) and as an
"Elsewhere" panel on each phase page, in the reader's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scripts.markdown_text import escape
from scripts.bibliography import Entries, SourceId, inline_html
from scripts.translated import Translated
from scripts.validation import list_item, validate
from scripts.yaml_source import DataFileError, line_of, load_yaml

REGIONS = ("wallonia", "netherlands", "ostbelgien")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RegionEntry(_Strict):
    who: Translated | None = None
    how: Translated | None = None
    sources: list[SourceId] = []  # ids of data/sources.yml
    unknown: Translated | None = None  # what is not known, said plainly

    @model_validator(mode="after")
    def _known_or_unknown(self) -> "RegionEntry":
        if self.unknown is None and (self.who is None or self.how is None or not self.sources):
            raise ValueError("give who, how and sources — or an explicit unknown note")
        return self


class Row(_Strict):
    id: Annotated[str, Field(pattern=r"^(P[1-5]|[a-z]+(-[a-z]+)*)$")]
    kind: Literal["phase", "instrument"]
    label: Translated | None = None  # instruments only; phases take their name from phases.yml
    wallonia: RegionEntry
    netherlands: RegionEntry
    ostbelgien: RegionEntry


class SystemsData(_Strict):
    rows: Annotated[list[Row], Field(min_length=1)]


_label = list_item("rows", "row")


def load_systems(path: Path, display_name: str = "data/systems.yml") -> SystemsData:
    raw = load_yaml(path, display_name)
    data = validate(raw, SystemsData, display_name, _label)
    errors, seen = [], set()
    for i, row in enumerate(data.rows):
        line = line_of(raw, ("rows", i, "id"))
        if row.id in seen:
            errors.append(f"{display_name}:{line}: row {row.id}: duplicate row id")
        seen.add(row.id)
        if row.kind == "instrument" and row.label is None:
            errors.append(f"{display_name}:{line}: row {row.id}: label: missing (instruments "
                          "need a label)")
        if row.kind == "phase" and row.label is not None:
            errors.append(f"{display_name}:{line}: row {row.id}: label: phases take their name "
                          "from data/phases.yml")
    missing = {f"P{n}" for n in range(1, 6)} - seen
    if missing:
        errors.append(f"{display_name}:1: rows: every phase needs a row; missing "
                      f"{', '.join(sorted(missing))}")
    if errors:
        raise DataFileError("\n".join(errors))
    return data


def row(data: SystemsData, row_id: str) -> Row:
    for item in data.rows:
        if item.id == row_id:
            return item
    raise KeyError(f"no row '{row_id}' in data/systems.yml")


def row_markdown(item: Row, lang: str, ui: dict, bibliography: Entries) -> str:
    """One row as a table: region | who | how (with sources). Each cell also carries its
    column name as text, shown only on narrow screens where the table is stacked (CSS)."""
    def label(key: str) -> str:
        return f'<span class="systems__label">{ui[key][lang]}</span> '

    lines = ['<div class="systems" markdown>', "",
             f"| {ui['sys_region'][lang]} | {ui['sys_who'][lang]} | {ui['sys_how'][lang]} |",
             "| --- | --- | --- |"]
    for region in REGIONS:
        entry: RegionEntry = getattr(item, region)
        name = f"**{ui[f'region_{region}'][lang]}**"
        if entry.unknown is not None and entry.who is None:
            lines.append(f"| {name} | {label('sys_who')}{ui['sys_unknown'][lang]} | "
                         f"{label('sys_how')}{escape(entry.unknown[lang])} |")
            continue
        how = escape(entry.how[lang])
        if entry.unknown is not None:
            how += f"<br>*{ui['sys_unknown'][lang]}* {escape(entry.unknown[lang])}"
        how += (f"<br><small>{ui['sys_sources'][lang]} "
                + inline_html(entry.sources, bibliography, lang, ui) + "</small>")
        lines.append(f"| {name} | {label('sys_who')}{escape(entry.who[lang])} | "
                     f"{label('sys_how')}{how} |")
    lines += ["", "</div>"]
    return "\n".join(lines)

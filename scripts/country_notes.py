""""In the Netherlands" and "In Ostbelgien": each method step seen from the reader's own system.

Why: a re-integration coach in Maastricht or a job coach in Eupen reads the Walloon method to do
their own work: for each step they need what their system calls it, who pays, which instrument
applies, what they must report and to whom, and whom to ask. Source: ``data/countries.yml``,
one entry per method page and country, every fact sourced (ids of data/sources.yml) with its
year in the text; where nothing is published, the text says who would know. The French page
carries the same blocks, so that a Walloon coach learns the partner's system.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from scripts.bibliography import Entries, SourceId, inline_html
from scripts.markdown_text import html_text
from scripts.translated import Translated
from scripts.validation import page_entry, page_entry_problems, validate
from scripts.yaml_source import DataFileError, load_yaml

COUNTRIES = ("wallonia", "netherlands", "ostbelgien")
ASPECTS = ("called", "pays", "instrument", "report", "ask")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CountryNote(_Strict):
    called: Translated  # what this system calls the step
    pays: Translated  # who pays for it
    instrument: Translated  # which instrument or scheme applies
    report: Translated  # what the practitioner reports, and to whom
    ask: Translated  # whom to call (an organisation, never a person's name)
    sources: Annotated[list[SourceId], Field(min_length=1)]


class PageNotes(_Strict):
    page: Annotated[str, Field(pattern=r"^[a-z0-9/-]+$")]
    wallonia: CountryNote | None = None  # the MIRE's own frame, where a page shows it
    netherlands: CountryNote
    ostbelgien: CountryNote


class CountriesData(_Strict):
    pages: Annotated[list[PageNotes], Field(min_length=1)]


@dataclass(frozen=True)
class Countries:
    data: CountriesData
    path: str

    def note(self, page: str, country: str) -> CountryNote:
        for entry in self.data.pages:
            if entry.page == page:
                note = getattr(entry, country)
                if note is None:
                    raise KeyError(f"no '{country}' block for '{page}' in {self.path}")
                return note
        raise KeyError(f"no entry for '{page}' in {self.path}")


def load_countries(path: Path, docs_dir: Path, name: str = "data/countries.yml") -> Countries:
    raw = load_yaml(path, name)
    data = validate(raw, CountriesData, name, page_entry)
    problems = page_entry_problems(raw, data.pages, name, docs_dir)
    if problems:
        raise DataFileError("\n".join(problems))
    return Countries(data, name)


def field_html(text: str) -> str:
    """A field's text; lines that start with "- " (a YAML literal block) become a list, for
    contacts a reader looks up one by one rather than reads."""
    lines = text.strip().split("\n")
    if not any(line.startswith("- ") for line in lines):
        return html_text(text)
    parts, prose, items = [], [], []

    def flush() -> None:
        if prose:
            parts.append(f"<p>{html_text(' '.join(prose))}</p>")
            prose.clear()
        if items:
            parts.append("<ul>" + "".join(f"<li>{html_text(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for line in lines:
        line = line.strip()
        if line.startswith("- "):
            if prose:
                flush()
            items.append(line[2:].strip())
        elif line:
            if items:
                flush()
            prose.append(line)
    flush()
    return "".join(parts)


def block_html(note: CountryNote, lang: str, ui: dict, bibliography: Entries) -> str:
    """One country's block: the five aspects as a description list, then its sources."""
    rows = "".join(f'<dt>{html.escape(ui["country_" + aspect][lang])}</dt>'
                   f'<dd>{field_html(getattr(note, aspect)[lang])}</dd>' for aspect in ASPECTS)
    return (f'<dl class="country-note">{rows}</dl>\n'
            f'<p class="country-note__sources"><small>{html.escape(ui["sys_sources"][lang])} '
            f'{inline_html(note.sources, bibliography, lang, ui)}</small></p>')


# The country whose block a reader of each language needs first: a coach in Maastricht reads
# the Walloon method to do their own work, so on Dutch pages "In the Netherlands" comes right
# after the introduction, not after the Walloon steps (likewise Ostbelgien on German pages).
# French pages keep every block at the bottom: their reader's system is the page's subject.
READER_COUNTRY = {"nl": "netherlands", "de": "ostbelgien"}

_HEADING = re.compile(r"^(#{1,6})[ \t]+\S")


def reader_country_first(markdown: str, lang: str, where: str) -> str:
    """``markdown`` with the reader's own country block (its heading, marker and any text up to
    the next heading of the same or a higher level) moved before the page's first ``##``
    heading, as an ``##`` section. Pages without that country's marker are returned as is."""
    country = READER_COUNTRY.get(lang)
    if not country:
        return markdown
    lines = markdown.split("\n")
    marker = re.compile(rf"^\s*<!--\s*country:\s*{country}\s*-->\s*$")
    found = [i for i, line in enumerate(lines) if marker.match(line)]
    if not found:
        return markdown
    if len(found) > 1:
        raise ValueError(f"{where}:{found[1] + 1}: a second <!-- country: {country} --> marker "
                         "(one block per country and page)")
    at = found[0]
    start = next((i for i in range(at - 1, -1, -1) if _HEADING.match(lines[i])), None)
    if start is None:
        raise ValueError(f"{where}:{at + 1}: <!-- country: {country} --> has no heading above "
                         "it (give the block its own heading, e.g. ### In Nederland)")
    level = len(_HEADING.match(lines[start])[1])
    end = next((i for i in range(at + 1, len(lines))
                if _HEADING.match(lines[i]) and len(_HEADING.match(lines[i])[1]) <= level),
               len(lines))
    first_h2 = next((i for i, line in enumerate(lines) if line.startswith("## ")), None)
    if first_h2 is None or first_h2 >= start:
        return markdown  # the block already comes first
    section = ["##" + lines[start][level:]] + lines[start + 1:end]
    while section and not section[-1].strip():
        section.pop()
    rest = lines[:start] + lines[end:]
    return "\n".join(rest[:first_h2] + section + [""] + rest[first_h2:])

"""The bibliography: every source the site relies on, described once and cited by id.

Why: a practitioner who reads "the UWV pays the jobcoach" must be able to check it at the
publisher's own address, with the date the site consulted it, in a title marked with its own
language (a screen reader then reads a French decree title in French on a Dutch page).

Source: ``data/sources.yml``. Pages cite with a marker alone on its line under their
"Sources" heading, ``<!-- sources: id-1 id-2 … -->`` (several lines allowed); data files cite
with ``sources: [id, …]``. The build stops, naming file and line, on an unknown id, an entry
that nothing cites, a URL that is not http(s) or a missing field. Rules that change
(``volatile: true``) are listed on the Sources page as "to re-check" when the site consulted
them more than twelve months before the build or when their own content is more than two years
old; those without a date of their own are counted there. A consultation date says when the
site last read a page, not how current its content is: both are shown.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Iterable, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from scripts.markdown_text import html_text
from scripts.translated import Text, Translated
from scripts.validation import list_item, validate
from scripts.yaml_source import DataFileError, line_of, load_yaml

Kind = Literal["law", "parliament", "official", "organisation", "press", "guidance", "research",
               "reference"]
Region = Literal["wallonia", "belgium", "netherlands", "ostbelgien", "euregio", "europe"]
REGIONS: tuple[str, ...] = Region.__args__  # order of the Sources page
SourceId = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
STALE_AFTER_DAYS = 365  # a volatile source consulted longer ago is listed "to re-check"
OLD_CONTENT_YEARS = 2  # ... and so is one whose own date is older than this


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    id: SourceId
    kind: Kind
    region: Region
    title: Text  # in the language it was published in
    lang: Literal["fr", "nl", "de", "en"]  # the title's language
    publisher: Text
    author: Text | None = None
    date: Annotated[str, Field(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?|undated)$")]
    url: Annotated[str, Field(pattern=r"^https?://[^\s/]+\.[^\s/]+\S*$")]
    consulted: dt.date
    volatile: bool = False  # a rule, rate or procedure that changes: re-check yearly
    note: Translated | None = None  # what the site takes from it (Sources page)


class Bibliography(_Strict):
    sources: Annotated[list[Source], Field(min_length=1)]


@dataclass(frozen=True)
class Entries:
    """The validated bibliography, by id, with the line of each entry (for messages)."""

    by_id: dict[str, Source]
    lines: dict[str, int]
    path: str = "data/sources.yml"

    def __iter__(self):
        return iter(self.by_id.values())

    def get(self, source_id: str) -> Source:
        try:
            return self.by_id[source_id]
        except KeyError:
            raise KeyError(f"unknown source '{source_id}' (not in {self.path})") from None


def load_bibliography(path: Path, name: str = "data/sources.yml") -> Entries:
    raw = load_yaml(path, name)
    if not isinstance(raw, dict):
        raise DataFileError(f"{name}:1: expected a mapping with a 'sources:' list")
    sources = raw.get("sources")
    # A URL or a date that does not match gets a message a contributor understands.
    problems = []
    if isinstance(sources, list):
        for i, entry in enumerate(sources):
            if not isinstance(entry, dict):
                continue
            sid = entry.get("id", f"#{i + 1}")
            url = entry.get("url")
            if isinstance(url, str) and not re.match(r"^https?://", url):
                problems.append(f"{name}:{line_of(raw, ('sources', i, 'url'))}: source {sid}: "
                                f"url: must start with http:// or https:// (got {url!r})")
    if problems:
        raise DataFileError("\n".join(problems))
    data = validate(raw, Bibliography, name, list_item("sources", "source"))
    by_id: dict[str, Source] = {}
    lines: dict[str, int] = {}
    for i, source in enumerate(data.sources):
        line = line_of(raw, ("sources", i, "id"))
        if source.id in by_id:
            problems.append(f"{name}:{line}: source {source.id}: duplicate id (first at line "
                            f"{lines[source.id]})")
            continue
        by_id[source.id] = source
        lines[source.id] = line
    if problems:
        raise DataFileError("\n".join(problems))
    return Entries(by_id, lines, name)


# ---------------------------------------------------------------------------------------------
# Citations: who cites what
# ---------------------------------------------------------------------------------------------

MARKER = re.compile(r"^[ \t]*<!--[ \t]*sources[ \t]*:(?P<ids>[^>]*?)-->[ \t]*$", re.M)


def marker_ids(arg: str | None) -> list[str]:
    """The ids of a ``<!-- sources: … -->`` marker (spaces, commas or new lines between)."""
    ids = [part for part in re.split(r"[\s,]+", arg or "") if part]
    if not ids:
        raise ValueError("which sources? write <!-- sources: id-1 id-2 -->")
    return ids


@dataclass
class Citations:
    """Every place that cites a source: {source id: ["file:line", …]}."""

    places: dict[str, list[str]] = field(default_factory=dict)

    def add(self, source_id: str, place: str) -> None:
        self.places.setdefault(source_id, []).append(place)

    def copy(self) -> "Citations":
        return Citations({key: list(value) for key, value in self.places.items()})


def page_citations(docs_dir: Path, citations: Citations | None = None) -> Citations:
    """Scan every Markdown page for ``<!-- sources: … -->`` markers."""
    citations = citations or Citations()
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if "sources" not in text:
            continue
        for match in MARKER.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            for source_id in re.split(r"[\s,]+", match["ids"].strip()):
                if source_id:
                    citations.add(source_id, f"docs/{path.relative_to(docs_dir).as_posix()}:{line}")
    return citations


def data_citations(data_dir: Path, entries: Entries) -> Citations:
    """Every ``sources: [id, …]`` list in the data files (any file, any depth); an unknown id
    raises DataFileError naming file and line."""
    citations = Citations()
    problems: list[str] = []

    def walk(node, name: str, line: int) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                key_line = node.line_of(key) if hasattr(node, "line_of") else line
                if key == "sources" and isinstance(value, list) and all(
                        isinstance(v, str) for v in value):
                    for source_id in value:
                        citations.add(source_id, f"{name}:{key_line}")
                        if source_id not in entries.by_id:
                            problems.append(f"{name}:{key_line}: unknown source "
                                            f"'{source_id}' (not in {entries.path})")
                else:
                    walk(value, name, key_line)
        elif isinstance(node, list):
            for value in node:
                walk(value, name, getattr(value, "line", line))

    for path in sorted(data_dir.rglob("*.yml")):
        rel = path.relative_to(data_dir).as_posix()
        if rel in ("sources.yml", "translations.lock.yml") or path.name.startswith("_"):
            continue
        walk(load_yaml(path, f"data/{rel}"), f"data/{rel}", 1)
    if problems:
        raise DataFileError("\n".join(problems))
    return citations


def check(entries: Entries, citations: Citations) -> None:
    """Unknown ids anywhere, entries nobody cites: every problem at once, ``file:line``."""
    problems = []
    for source_id, places in sorted(citations.places.items()):
        if source_id not in entries.by_id:
            problems += [f"{place}: unknown source '{source_id}' (not in {entries.path})"
                         for place in places]
    for source_id in entries.by_id:
        if source_id not in citations.places:
            problems.append(f"{entries.path}:{entries.lines[source_id]}: source {source_id}: "
                            "cited by no page and no data file (cite it or remove it)")
    if problems:
        raise DataFileError("\n".join(problems))


def check_ids(ids: Iterable[str], entries: Entries, place: str) -> list[str]:
    """Problems for the ids a data file cites at ``place`` ("data/x.yml:12")."""
    return [f"{place}: unknown source '{i}' (not in {entries.path})"
            for i in ids if i not in entries.by_id]


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------

_e = html.escape


def date_text(value: str, lang: str, ui: dict) -> str:
    """"2016-05-09" → "9 mai 2016"; "2016-05" → "mai 2016"; "2016"; "undated" → "s. d."."""
    if value == "undated":
        return ui["src_undated"][lang]
    parts = [int(p) for p in value.split("-")]
    months = [m.strip() for m in ui["months"][lang].split(",")]
    if len(parts) == 1:
        return str(parts[0])
    month = months[parts[1] - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return (f"{parts[2]}. {month} {parts[0]}" if lang == "de"
            else f"{parts[2]} {month} {parts[0]}")


def _consulted_text(day: dt.date, lang: str, ui: dict) -> str:
    return date_text(day.isoformat(), lang, ui)


def host(url: str) -> str:
    name = urlsplit(url).netloc.lower()
    return name[4:] if name.startswith("www.") else name


def citation_html(source: Source, lang: str, ui: dict) -> str:
    """One citation in the reader's language: publisher (author), linked title marked with its
    own language, date, host. Used in page Sources sections and data panels."""
    return (f'{_who(source, lang)}, <a href="{_e(source.url)}"{_hreflang(source, lang)}>'
            f'{_cite(source, lang)}</a>, {_e(date_text(source.date, lang, ui))} '
            f'<span class="source__host">({_e(host(source.url))})</span>')


def _who(source: Source, lang: str) -> str:
    """Publisher (and author): names in the source's language, marked as such."""
    who = _e(source.publisher) + (f" ({_e(source.author)})" if source.author else "")
    return f'<span lang="{source.lang}">{who}</span>' if source.lang != lang else who


def _cite(source: Source, lang: str) -> str:
    """The title, marked with its language when it is not the page's."""
    mark = f' lang="{source.lang}"' if source.lang != lang else ""
    return f"<cite{mark}>{_e(source.title)}</cite>"


def _hreflang(source: Source, lang: str) -> str:
    return f' hreflang="{source.lang}"' if source.lang != lang else ""


def list_markdown(ids: list[str], entries: Entries, lang: str, ui: dict) -> str:
    """A page's Sources section: one list item per cited source, in the order cited."""
    seen: list[str] = []
    for source_id in ids:
        entries.get(source_id)  # KeyError (→ page:line) for an unknown id
        if source_id not in seen:
            seen.append(source_id)
    items = "".join(f"<li>{citation_html(entries.get(i), lang, ui)}</li>" for i in seen)
    return f'<ul class="sources">{items}</ul>'


def inline_html(ids: Iterable[str], entries: Entries, lang: str, ui: dict) -> str:
    """Citations inside a data panel (systems, glossary): separated by semicolons."""
    return "; ".join(citation_html(entries.get(i), lang, ui) for i in ids)


def stale(entries: Entries, today: dt.date) -> list[Source]:
    """Volatile sources consulted more than a year before ``today``, oldest first."""
    limit = today - dt.timedelta(days=STALE_AFTER_DAYS)
    return sorted((s for s in entries if s.volatile and s.consulted < limit),
                  key=lambda s: (s.consulted, s.id))


def old_content(entries: Entries, today: dt.date) -> list[Source]:
    """Volatile sources whose own date (a year, month or day: its last possible day counts)
    is more than ``OLD_CONTENT_YEARS`` before ``today``, oldest first; the consulted ones
    already listed by :func:`stale` are left out."""
    limit = today.replace(year=today.year - OLD_CONTENT_YEARS)
    consulted_long_ago = {s.id for s in stale(entries, today)}
    return sorted((s for s in entries if s.volatile and s.date != "undated"
                   and s.id not in consulted_long_ago and _latest_day(s.date) < limit),
                  key=lambda s: (s.date, s.id))


def undated_volatile(entries: Entries) -> list[Source]:
    return [s for s in entries if s.volatile and s.date == "undated"]


def _latest_day(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


def page_markdown(entries: Entries, lang: str, ui: dict, today: dt.date) -> str:
    """The Sources page: every entry by region, with its kind, consultation date and what the
    site takes from it; then the rules to re-check."""
    parts = []
    for region in REGIONS:
        mine = sorted((s for s in entries if s.region == region),
                      key=lambda s: (s.publisher.casefold(), s.date, s.id))
        if not mine:
            continue
        parts.append(f"## {ui['src_region_' + region][lang]} {{#{region}}}\n")
        items = []
        for s in mine:
            note = (f'<br><span class="source__note">{html_text(s.note[lang])}</span>'
                    if s.note else "")
            flag = (f' <strong class="source__recheck">{_e(ui["src_volatile"][lang])}</strong>'
                    if s.volatile else "")
            items.append(
                f'<li id="src-{s.id}">{citation_html(s, lang, ui)}. '
                f'<span class="source__meta">{_e(ui["src_kind_" + s.kind][lang])} · '
                f'{_e(ui["src_consulted"][lang])} {_e(_consulted_text(s.consulted, lang, ui))}'
                f'</span>{flag}{note}</li>')
        parts.append(f'<ul class="sources sources--full">{"".join(items)}</ul>\n')
    parts.append(f"## {ui['src_recheck_title'][lang]} {{#re-check}}\n")
    consulted, dated, undated = (stale(entries, today), old_content(entries, today),
                                 undated_volatile(entries))
    if consulted:
        items = "".join(f'<li><a href="#src-{s.id}">{_who(s, lang)}, {_cite(s, lang)}</a> — '
                        f'{_e(ui["src_consulted"][lang])} '
                        f'{_e(_consulted_text(s.consulted, lang, ui))}</li>' for s in consulted)
        parts.append(f'{_e(ui["src_recheck_intro"][lang])}\n\n<ul class="recheck">{items}</ul>\n')
    if dated:
        items = "".join(f'<li><a href="#src-{s.id}">{_who(s, lang)}, {_cite(s, lang)}</a> — '
                        f'{_e(date_text(s.date, lang, ui))}</li>' for s in dated)
        parts.append(f'{_e(ui["src_recheck_old"][lang])}\n\n<ul class="recheck">{items}</ul>\n')
    if undated:
        parts.append(_e(ui["src_recheck_undated"][lang].replace("{n}", str(len(undated))))
                     + "\n")
    if not (consulted or dated or undated):
        parts.append(_e(ui["src_recheck_none"][lang]))
    return "\n".join(parts)


def link_share(built_html: str) -> tuple[int, int]:
    """(source items, items with an http(s) link) in a built page's Sources lists — the measure
    the tests hold to 95 % and more."""
    items = re.findall(r'<ul class="sources[^"]*">(.*?)</ul>', built_html, re.S)
    lis = [li for block in items for li in re.findall(r"<li[ >].*?</li>", block, re.S)]
    linked = [li for li in lis if re.search(r'href="https?://', li)]
    return len(lis), len(linked)

"""Checklists: one trilingual YAML file per checklist, validated, rendered for screen and paper.

Source: ``data/checklists/<id>.yml``. Trainers print them, coaches tick them during a meeting,
and a Walloon and a Dutch coach must be able to say "item P3.4" and mean the same thing: item
ids are stable and identical in every language, and every output (web page, print, PDF) is
generated from the same data. Bad data stops the build with ``file:line: checklist id, item id:
problem`` — never a half-rendered or silently empty checklist.
"""

from __future__ import annotations

import hashlib
import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from scripts.markdown_text import html_text, plain
from scripts.translated import Translated
from scripts.validation import validate
from scripts.yaml_source import DataFileError, line_of, load_folder, load_yaml

PHASES = ("P1", "P2", "P3", "P4", "P5")
# "worker": the person once hired (P5), no longer a job seeker.
Audience = Literal["jobcoach", "job_seeker", "worker", "employer", "trainer"]
Who = Literal["jobcoach", "job_seeker", "worker", "employer", "trainer", "together"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Item(_Strict):
    id: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9]{1,2}\.[1-9][0-9]?$")]
    text: Translated
    hint: Translated | None = None
    who: Who
    when: Translated | None = None
    tools: list[Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]] = []  # worksheets

    @property
    def prefix(self) -> str:
        return self.id.split(".")[0]


class Checklist(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    phase: Literal["P1", "P2", "P3", "P4", "P5", "transversal"]
    audience: Annotated[list[Audience], Field(min_length=1)]
    title: Translated
    intro: Translated
    items: Annotated[list[Item], Field(min_length=1)]


@dataclass(frozen=True)
class Source:
    """A validated checklist with what the outputs need to trace it back to its source."""

    checklist: Checklist
    path: str  # as shown in messages, e.g. data/checklists/p3-job-search.yml
    digest: str  # sha256 of the file, first 10 hex digits: the content version
    changed: str  # date of the last commit touching the file (YYYY-MM-DD), or ""


# ---------------------------------------------------------------------------------------------
# Loading and validation
# ---------------------------------------------------------------------------------------------


def _item_label(data: Any, loc: tuple) -> str:
    checklist = data.get("id", "?") if isinstance(data, dict) else "?"
    label = f"checklist {checklist}"
    if len(loc) >= 2 and loc[0] == "items" and isinstance(loc[1], int):
        try:
            label += f", item {data['items'][loc[1]]['id']}"
        except (KeyError, IndexError, TypeError):
            label += f", item #{loc[1] + 1}"
    return label


def _last_change(path: Path) -> str:
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path.name],
                                cwd=path.parent, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def load_checklist(path: Path, display_name: str | None = None,
                   changes: dict[str, str] | None = None) -> Source:
    """One checklist file. ``changes``: last commit date by repository path, as made by
    scripts/page_dates.py for the whole tree (else one `git log` for this file)."""
    name = display_name or path.as_posix()
    try:
        raw = load_yaml(path, name)
    except DataFileError as error:  # name the checklist (its file name) in YAML-level errors
        where, _, problem = str(error).partition(": ")
        raise DataFileError(f"{where}: checklist {path.stem}: {problem}") from None
    if raw is None:
        raise DataFileError(f"{name}:1: checklist {path.stem}: the file is empty")
    if not isinstance(raw, dict):
        raise DataFileError(f"{name}:1: checklist {path.stem}: expected a mapping "
                            "(id, phase, audience, title, intro, items)")
    if isinstance(raw.get("items"), list) and not raw["items"]:
        raise DataFileError(f"{name}:{line_of(raw, ('items',))}: checklist {raw.get('id')}: "
                            "items: the checklist has no item")
    checklist = validate(raw, Checklist, name,
                         lambda data, loc: _item_label(data, loc))
    problems = []
    if checklist.id != path.stem:
        problems.append(f"{name}:{line_of(raw, ('id',))}: checklist {checklist.id}: id must be "
                        f"the file name ('{path.stem}')")
    seen: dict[str, int] = {}
    for i, item in enumerate(checklist.items):
        line = line_of(raw, ("items", i, "id"))
        if item.id in seen:
            problems.append(f"{name}:{line}: checklist {checklist.id}, item {item.id}: "
                            f"duplicate item id (first at line {seen[item.id]})")
        seen.setdefault(item.id, line)
        expected = checklist.phase if checklist.phase != "transversal" else checklist.items[0].prefix
        if checklist.phase == "transversal" and item.prefix in PHASES:
            problems.append(f"{name}:{line}: checklist {checklist.id}, item {item.id}: a "
                            "transversal checklist must not use a phase prefix")
        elif item.prefix != expected:
            problems.append(f"{name}:{line}: checklist {checklist.id}, item {item.id}: item ids "
                            f"must start with '{expected}.'")
    if problems:
        raise DataFileError("\n".join(problems))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
    changed = _last_change(path) if changes is None else changes.get(name, "")
    return Source(checklist, name, digest, changed)


def load_checklists(directory: Path, display_dir: str = "data/checklists",
                    changes: dict[str, str] | None = None) -> list[Source]:
    """Every checklist of ``directory``, in method order (P1…P5, then transversal by id)."""
    sources = load_folder(directory, display_dir,
                          lambda path, name: load_checklist(path, name, changes))
    order = {phase: i for i, phase in enumerate(PHASES + ("transversal",))}
    return sorted(sources, key=lambda s: (order[s.checklist.phase], s.checklist.id))


def check_tools(sources: list[Source], worksheet_ids: set[str]) -> None:
    """Every worksheet an item points to exists (else file:line: checklist, item: problem)."""
    problems = []
    for source in sources:
        for item in source.checklist.items:
            for tool in item.tools:
                if tool not in worksheet_ids:
                    raw = load_yaml(Path(source.path), source.path)
                    index = [i["id"] for i in raw["items"]].index(item.id)
                    line = line_of(raw, ("items", index, "tools"))
                    problems.append(f"{source.path}:{line}: checklist {source.checklist.id}, "
                                    f"item {item.id}: tools: unknown worksheet '{tool}'")
    if problems:
        raise DataFileError("\n".join(problems))


def find(sources: list[Source], checklist_id: str) -> Source:
    for source in sources:
        if source.checklist.id == checklist_id:
            return source
    known = ", ".join(s.checklist.id for s in sources)
    raise KeyError(f"no checklist '{checklist_id}' in data/checklists (known: {known})")


# ---------------------------------------------------------------------------------------------
# Web page: real inputs with labels, state kept in the browser only (checklists.js)
# ---------------------------------------------------------------------------------------------

_e = html_text  # element text: a phrase marked {xx|…} in data gets its language


def _a(text: str) -> str:
    """An attribute value (or a <title>): the text without language marks, escaped."""
    return html.escape(plain(text))


def field_id(checklist_id: str, item_id: str) -> str:
    return f"cl-{checklist_id}-{re.sub(r'[^A-Za-z0-9]', '-', item_id)}"


def version_label(source: Source, lang: str, ui: dict) -> str:
    date = f" · {source.changed}" if source.changed else ""
    return f"{ui['cl_version'][lang]} {source.digest}{date}"


def phase_label(checklist: Checklist, lang: str, ui: dict) -> str:
    if checklist.phase == "transversal":
        return ui["cl_transversal"][lang]
    return f"{ui['cl_phase'][lang]} {checklist.phase}"


def web_html(source: Source, lang: str, ui: dict, *, canonical_url: str | None, qr_svg: str,
             pdf_links: list[tuple[str, str]], show_title: bool = True,
             tool_links: dict[str, tuple[str, str]] | None = None) -> str:
    """The checklist as an HTML block for a page (form, items, actions, print header/trace).

    ``show_title`` is False on the checklist's own page, whose H1 already is the title.
    """
    c = source.checklist
    t = lambda key: _e(ui[key][lang])  # noqa: E731
    lines = [f'<form class="checklist" data-checklist="{_a(c.id)}" '
             f'data-version="{_a(source.digest)}" aria-label="{_a(c.title[lang])}" '
             f'data-msg-saved="{t("cl_saved")}" data-msg-cleared="{t("cl_cleared")}" '
             f'data-msg-confirm="{t("cl_confirm_reset")}">',
             f'<p class="checklist__kicker">{_e(phase_label(c, lang, ui))} · '
             f'{t("cl_for")} {", ".join(_e(ui["audience_" + a][lang]) for a in c.audience)}</p>']
    if show_title:
        lines.append(f'<p class="checklist__title">{_e(c.title[lang])}</p>')
    lines += [f'<p class="checklist__intro">{_e(c.intro[lang])}</p>',
              '<div class="checklist__fields">']
    for key in ("cl_field_person", "cl_field_date", "cl_field_coach"):
        fid = f"{c.id}-{key}"
        lines.append(f'<p><label for="{fid}">{t(key)}</label> '
                     f'<input type="text" id="{fid}" name="{key}" autocomplete="off"></p>')
    lines += ["</div>", '<ol class="checklist__items">']
    for item in c.items:
        fid = field_id(c.id, item.id)
        meta = [_e(ui["who_" + item.who][lang])]
        if item.when:
            meta.append(_e(item.when[lang]))
        hint = (f'<span class="checklist__hint">{_e(item.hint[lang])}</span>'
                if item.hint else "")
        if item.tools and tool_links:
            links = ", ".join(f'<a href="{_a(tool_links[t][1])}">{_e(tool_links[t][0])}</a>'
                              for t in item.tools)
            hint += f'<span class="checklist__tools">{t("cl_tool")} {links}</span>'
        lines.append(
            f'<li class="checklist__item" id="{fid}-item">'
            f'<input type="checkbox" id="{fid}" name="{_a(item.id)}">'
            f'<label for="{fid}"><span class="checklist__id">{_e(item.id)}</span> '
            f'<span class="checklist__text">{_e(item.text[lang])}</span>'
            f'<span class="checklist__meta">{" · ".join(meta)}</span>{hint}</label></li>')
    lines.append("</ol>")
    lines.append('<div class="checklist__actions">'
                 f'<button type="button" class="md-button" data-checklist-reset>{t("cl_reset")}</button> '
                 f'<button type="button" class="md-button" data-checklist-print>{t("cl_print")}</button> '
                 f'<button type="button" class="md-button" data-checklist-print-blank>'
                 f'{t("cl_print_blank")}</button> '
                 f'<button type="button" class="md-button" data-forget-all '
                 f'data-confirm="{t("forget_confirm")}" data-done="{t("forget_done")}">'
                 f'{t("forget_all")}</button>'
                 f'<span class="checklist__status" role="status" aria-live="polite"></span></div>'
                 f'<p class="checklist__shared">{t("cl_shared_notice")}</p>')
    if pdf_links:
        links = " · ".join(f'<a href="{_a(href)}">{_e(label)}</a>' for label, href in pdf_links)
        lines.append(f'<p class="checklist__pdfs">{t("cl_pdfs")} {links}</p>')
    qr_block = f'<div class="checklist__qr" aria-hidden="true">{qr_svg}</div>' if qr_svg else ""
    address = (f'<br>{t("cl_current")} <span class="checklist__url">{_e(canonical_url)}</span>'
               if canonical_url else "")
    lines.append(
        f'<div class="checklist__trace">{qr_block}<p>'
        f'{t("cl_language")} {_e(ui["language_name"][lang])} · {_e(version_label(source, lang, ui))}'
        f' · {t("cl_printed")} <span data-print-date></span>{address}</p></div>')
    lines.append("</form>")
    return "\n".join(lines)


def index_markdown(sources: list[Source], lang: str, ui: dict, link_of) -> str:
    """A table of every checklist for the checklists index page (Markdown)."""
    from scripts.markdown_text import escape
    rows = [f"| {ui['cl_col_checklist'][lang]} | {ui['cl_col_phase'][lang]} | "
            f"{ui['cl_col_for'][lang]} | {ui['cl_col_items'][lang]} |",
            "| --- | --- | --- | --- |"]
    for source in sources:
        c = source.checklist
        audience = ", ".join(ui["audience_" + a][lang] for a in c.audience)
        rows.append(f"| [{escape(c.title[lang])}]({link_of(c.id)}) | "
                    f"{escape(phase_label(c, lang, ui))} | {escape(audience)} | "
                    f"{c.items[0].id} – {c.items[-1].id} ({len(c.items)}) |")
    return "\n".join(rows)


def link_markdown(source: Source, lang: str, ui: dict, href: str) -> str:
    """One line pointing a method page at its checklist (Markdown, title from the data)."""
    from scripts.markdown_text import escape
    return (f"**{ui['cl_link'][lang]}** [{escape(source.checklist.title[lang])}]({href}) — "
            f"{ui['cl_link_how'][lang]}")


LANGUAGE_PAIRS = (("fr", "nl"), ("fr", "de"), ("nl", "de"))

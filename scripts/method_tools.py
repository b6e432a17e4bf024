"""The tools each method page uses: worksheets, checklists, practices and training plans, each a
link to its page (and its PDF) with one line on when to use it.

Why: a coach who reads "use the mobility map" must find the mobility map one click away, in
their language; a tool that does not exist must not be named. Source: ``data/tools.yml``. A
method page ends its practical part with ``## … {#tools}`` and the marker ``<!-- tools -->``;
the page's entry in the data file gives the list. An unknown tool id stops the build with the
data file's line.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Callable

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scripts.markdown_text import escape
from scripts.translated import Translated
from scripts.validation import page_entry, page_entry_problems, validate
from scripts.yaml_source import DataFileError, line_of, load_yaml

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
KINDS = ("worksheet", "checklist", "practice", "training")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Tool(_Strict):
    worksheet: Slug | None = None
    checklist: Slug | None = None
    practice: Slug | None = None
    training: Slug | None = None
    when: Translated

    @model_validator(mode="after")
    def _one_kind(self) -> "Tool":
        given = [kind for kind in KINDS if getattr(self, kind)]
        if len(given) != 1:
            raise ValueError(f"name exactly one of {', '.join(KINDS)}")
        return self

    @property
    def kind(self) -> str:
        return next(kind for kind in KINDS if getattr(self, kind))

    @property
    def ref(self) -> str:
        return getattr(self, self.kind)


class PageTools(_Strict):
    page: Annotated[str, Field(pattern=r"^[a-z0-9/-]+$")]  # docs-relative, without suffix
    tools: Annotated[list[Tool], Field(min_length=2)]


class ToolsData(_Strict):
    pages: Annotated[list[PageTools], Field(min_length=1)]


@dataclass(frozen=True)
class Tools:
    data: ToolsData
    path: str

    def worksheet_order(self) -> list[str]:
        """Worksheet ids in the order the method pages first use them."""
        return list(dict.fromkeys(t.worksheet for p in self.data.pages for t in p.tools
                                  if t.worksheet))

    def for_page(self, page: str) -> PageTools:
        for entry in self.data.pages:
            if entry.page == page:
                return entry
        raise KeyError(f"no entry for '{page}' in {self.path}")


def load_tools(path: Path, known: dict[str, set[str]], docs_dir: Path,
               name: str = "data/tools.yml") -> Tools:
    """Load and check ``data/tools.yml``: ``known`` gives the ids of each kind (worksheets and
    checklists from their data files, practices and training plans from their pages)."""
    raw = load_yaml(path, name)
    data = validate(raw, ToolsData, name, page_entry)
    problems = page_entry_problems(raw, data.pages, name, docs_dir)
    for i, entry in enumerate(data.pages):
        for j, tool in enumerate(entry.tools):
            if tool.ref not in known[tool.kind]:
                line = line_of(raw, ("pages", i, "tools", j, tool.kind))
                problems.append(f"{name}:{line}: page {entry.page}: unknown {tool.kind} "
                                f"'{tool.ref}' (known: {', '.join(sorted(known[tool.kind]))})")
    if problems:
        raise DataFileError("\n".join(problems))
    return Tools(data, name)


@dataclass(frozen=True)
class Target:
    """Where a tool lives, as seen from the page that links it."""

    title: str
    page: str  # Markdown link target (docs-relative .md, relative to the linking page)
    pdf: str | None  # URL relative to the linking page's URL


def section_markdown(entry: PageTools, lang: str, ui: dict,
                     target: Callable[[Tool], Target]) -> str:
    """The tools list of a method page: kind, linked title, PDF, when to use it."""
    lines = []
    for tool in entry.tools:
        t = target(tool)
        pdf = f' · <a href="{html.escape(t.pdf)}">PDF</a>' if t.pdf else ""
        lines.append(f"- *{ui['tool_kind_' + tool.kind][lang]}* — [{escape(t.title)}]({t.page})"
                     f"{pdf}<br>{escape(tool.when[lang])}")
    return '<div class="tools" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"

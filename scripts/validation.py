"""Turn pydantic validation errors into ``file:line: <item id>: <field>: problem`` messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, TypeVar

from pydantic import BaseModel, ValidationError

from scripts.yaml_source import DataFileError, line_of, load_yaml

M = TypeVar("M", bound=BaseModel)

_MESSAGES = {
    "missing": "missing",
    "extra_forbidden": "unknown key (typo?)",
    "string_too_short": "empty",
    "string_type": "must be a text",
}


def _field(loc: tuple) -> str:
    return ".".join(str(part) for part in loc if not isinstance(part, int)) or "(file)"


def list_item(list_key: str, noun: str) -> Callable[[Any, tuple], str | None]:
    """An ``item_id`` for files holding one list of items with an ``id``: errors inside
    ``<list_key>[i]`` are labelled "<noun> <id>", or "<noun> #<i+1>" when the id is missing."""
    def label(data: Any, loc: tuple) -> str | None:
        if len(loc) >= 2 and loc[0] == list_key and isinstance(loc[1], int):
            try:
                return f"{noun} {data[list_key][loc[1]]['id']}"
            except (KeyError, IndexError, TypeError):
                return f"{noun} #{loc[1] + 1}"
        return None
    return label


def validate(data: Any, model: type[M], name: str,
             item_id: Callable[[Any, tuple], str | None] = lambda data, loc: None) -> M:
    """Validate loaded YAML ``data`` against ``model``; raise DataFileError on the first errors.

    ``item_id(data, loc)`` names the item an error belongs to (e.g. "phase P3"), so that the
    message points at something a contributor recognises, not only at a line.
    """
    try:
        return model.model_validate(data)
    except ValidationError as error:
        lines = []
        for problem in error.errors():
            loc = tuple(problem["loc"])
            where = f"{name}:{line_of(data, loc)}"
            item = item_id(data, loc)
            label = f"{item}: " if item else ""
            if item and len(loc) >= 2 and isinstance(loc[1], int):
                loc = loc[2:]  # "phase P3: name.nl", not "phase P3: phases.name.nl"
            message = _MESSAGES.get(problem["type"], problem["msg"])
            message = message.removeprefix("Value error, ")
            if problem["type"] == "string_type" and problem.get("input") is None:
                message = "empty"
            field = _field(loc)
            field = "" if field == "(file)" and label else f"{field}: "  # a whole item's problem
            lines.append(f"{where}: {label}{field}{message}")
        raise DataFileError("\n".join(lines)) from None


def load_model(path: Path, model: type[M], display_name: str | None = None,
               item_id: Callable[[Any, tuple], str | None] = lambda data, loc: None) -> M:
    name = display_name or path.as_posix()
    return validate(load_yaml(path, name), model, name, item_id)


def page_entry(data: Any, loc: tuple) -> str | None:
    """An ``item_id`` for files holding a ``pages`` list keyed by ``page`` (tools, countries)."""
    if len(loc) >= 2 and loc[0] == "pages" and isinstance(loc[1], int):
        try:
            return f"page {data['pages'][loc[1]]['page']}"
        except (KeyError, IndexError, TypeError):
            return None
    return None


def page_entry_problems(raw: Any, pages: list, name: str, docs_dir: Path) -> list[str]:
    """Each entry of a ``pages`` list names an existing French page, once."""
    problems, seen = [], set()
    for i, entry in enumerate(pages):
        where = f"{name}:{line_of(raw, ('pages', i, 'page'))}"
        if entry.page in seen:
            problems.append(f"{where}: page {entry.page}: listed twice")
        seen.add(entry.page)
        if not (docs_dir / f"{entry.page}.fr.md").exists():
            problems.append(f"{where}: page {entry.page}: no such page in docs/")
    return problems

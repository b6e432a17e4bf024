"""Load a YAML data file strictly, keeping line numbers for error messages.

Plain PyYAML silently keeps the last of two duplicate keys and forgets where things were; a
contributor who made a typo deserves ``data/x.yml:12: duplicate key 'nl'`` instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, TypeVar

import yaml


class DataFileError(Exception):
    """A data file cannot be used; the message starts with ``file:line:``."""


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when available


class _Loader(_Base):
    """SafeLoader that refuses duplicate keys and records each mapping's key lines."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    loader.flatten_mapping(node)
    mapping: dict[Any, Any] = {}
    lines: dict[Any, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in mapping:
            raise DataFileError(
                f"{loader.name}:{key_node.start_mark.line + 1}: duplicate key {key!r} "
                f"(first at line {lines[key]})")
        mapping[key] = loader.construct_object(value_node, deep=deep)
        lines[key] = key_node.start_mark.line + 1
    return LineDict(mapping, lines, node.start_mark.line + 1)


class LineDict(dict):
    """A dict that remembers the line of the mapping and of each key."""

    def __init__(self, data: dict, key_lines: dict, line: int):
        super().__init__(data)
        self.key_lines = key_lines
        self.line = line

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, display_name: str | None = None) -> Any:
    """Parse ``path``; raise :class:`DataFileError` naming file and line on any problem."""
    name = display_name or path.as_posix()
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise DataFileError(f"{name}:{line}: not valid UTF-8 (save the file as UTF-8)") from None
    loader = _Loader(text)
    loader.name = name
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise DataFileError(f"{name}:{line}: YAML syntax error: {error.problem}") from None
    finally:
        loader.dispose()


T = TypeVar("T")


def load_folder(directory: Path, display_dir: str, load_one: Callable[[Path, str], T]) -> list[T]:
    """``load_one(path, display name)`` for every ``*.yml`` of a folder, in name order (files
    whose name starts with "_" are bookkeeping, not data); the problems of every file are
    reported together, or :class:`DataFileError` when the folder holds no data file."""
    results, errors = [], []
    files = [p for p in sorted(directory.glob("*.yml")) if not p.name.startswith("_")]
    if not files:
        raise DataFileError(f"{display_dir}: no data file (*.yml) found")
    for path in files:
        try:
            results.append(load_one(path, f"{display_dir}/{path.name}"))
        except DataFileError as error:
            errors.append(str(error))
    if errors:
        raise DataFileError("\n".join(errors))
    return results


def load_checked(path: Path) -> Any:
    """Plain data of a file that ``load_yaml`` has already checked, or that the tools wrote: no
    line numbers, no duplicate-key check, libyaml's speed."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Base)
    except (yaml.YAMLError, UnicodeDecodeError):
        return load_yaml(path)  # raises the file:line message


def line_of(data: Any, loc: tuple) -> int:
    """Best line for a path into loaded data (as in a pydantic error ``loc``), or 1."""
    line = getattr(data, "line", 1)
    node = data
    for part in loc:
        if isinstance(node, LineDict):
            if part in node:
                line = node.line_of(part)
                node = node[part]
                line = getattr(node, "line", line)
                continue
            return line
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            line = getattr(node, "line", line)
            continue
        return line
    return line

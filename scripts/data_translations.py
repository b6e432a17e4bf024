"""Translation drift for the trilingual data files (checklists, phases, glossary, worksheets…).

Every string exists in fr, nl and de in the same mapping. ``data/translations.lock.yml``
records, for each such mapping, a hash of its French text at the time the Dutch and German were
last checked. When the French changes, the mapping is "outdated" until a translator has looked
at nl/de and recorded the new version:

    python -m scripts.translations status          # pages and data
    python -m scripts.translations mark-data data/checklists/p3-job-search.yml
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Iterator

import yaml

from scripts.yaml_source import load_checked

LOCK = "translations.lock.yml"
LANGS = {"fr", "nl", "de"}


def _hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]


def strings(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(key path, French text) of every trilingual mapping in a loaded YAML document. List
    items are named by their ``id`` when they have one (stable across reordering)."""
    if isinstance(node, dict):
        if LANGS <= set(node) and isinstance(node.get("fr"), str):
            yield path, node["fr"]
            return
        for key, value in node.items():
            yield from strings(value, f"{path}/{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            name = value.get("id") if isinstance(value, dict) and "id" in value else i
            yield from strings(value, f"{path}[{name}]")


def data_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.rglob("*.yml")
                  if p.name != LOCK and not p.name.startswith("_"))


def current(data_dir: Path) -> dict[str, dict[str, str]]:
    """{data file (relative to data/): {key path: hash of the French}} for the data as it is
    (files already checked by their loader)."""
    found = {}
    for path in data_files(data_dir):
        rel = path.relative_to(data_dir).as_posix()
        found[rel] = {key: _hash(text) for key, text in strings(load_checked(path))}
    return found


def recorded(data_dir: Path) -> dict[str, dict[str, str]]:
    path = data_dir / LOCK
    return (load_checked(path) or {}) if path.exists() else {}


def outdated(data_dir: Path) -> dict[str, list[str]]:
    """{data file: [key paths whose French changed or that were never recorded]}"""
    now, then = current(data_dir), recorded(data_dir)
    result = {}
    for rel, keys in now.items():
        old = then.get(rel) or {}
        stale = [key for key, digest in keys.items() if old.get(key) != digest]
        if stale:
            result[rel] = stale
    return result


def mark(data_dir: Path, files: list[str] | None = None) -> None:
    """Record the current French of ``files`` (relative to data/; all when None) as checked."""
    now, lock = current(data_dir), recorded(data_dir)
    for rel in (files or list(now)):
        lock[rel] = now[rel]
    lock = {rel: keys for rel, keys in sorted(lock.items()) if rel in now}
    header = ("# Hash of the French text of every trilingual string, as last checked by a\n"
              "# translator (scripts/data_translations.py). Do not edit by hand.\n")
    (data_dir / LOCK).write_text(header + yaml.safe_dump(lock, sort_keys=True, width=100),
                                 encoding="utf-8")

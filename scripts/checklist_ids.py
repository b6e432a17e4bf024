"""Checklist item ids are never renumbered silently.

Why: a Walloon and a Dutch coach refer to "item P3.4" on paper printed months apart. Once an
id is published it keeps its meaning: it stays in its checklist or is explicitly retired, and a
retired id is never given to another item. ``data/checklists/_published-ids.yml`` records the
published ids; ``python -m scripts.checklist_ids update`` adds new ones after a review.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from scripts.checklists import Source, load_checklists
from scripts.yaml_source import DataFileError, load_yaml

LOCK_NAME = "_published-ids.yml"
HEADER = """\
# Item ids published so far, per checklist (see scripts/checklist_ids.py). An id listed here
# must stay in its checklist; to drop an item, move its id under `retired:` — a retired id is
# never reused. After adding items, run: python -m scripts.checklist_ids update
"""


def problems(sources: list[Source], lock: dict, lock_name: str) -> list[str]:
    published: dict = lock.get("published") or {}
    retired: dict = lock.get("retired") or {}
    found = []
    current = {s.checklist.id: s for s in sources}
    for checklist_id, ids in sorted(published.items()):
        source = current.get(checklist_id)
        gone_retired = set(retired.get(checklist_id) or [])
        if source is None:
            if set(ids) - gone_retired:
                found.append(f"{lock_name}: checklist {checklist_id}: published checklist has "
                             "disappeared; restore it, or retire all its ids")
            continue
        present = {item.id for item in source.checklist.items}
        for item_id in ids:
            if item_id not in present and item_id not in gone_retired:
                found.append(f"{source.path}: checklist {checklist_id}, item {item_id}: a "
                             "published item has disappeared; items are never renumbered — "
                             f"restore it, or retire its id in data/checklists/{lock_name}")
    for checklist_id, ids in sorted(retired.items()):
        source = current.get(checklist_id)
        if source is None:
            continue
        for item in source.checklist.items:
            if item.id in (ids or []):
                found.append(f"{source.path}: checklist {checklist_id}, item {item.id}: this id "
                             "was retired and must not be reused; give the item the next free "
                             "number")
    return found


def check(sources: list[Source], directory: Path) -> None:
    path = directory / LOCK_NAME
    if not path.exists():
        raise DataFileError(f"data/checklists/{LOCK_NAME}: missing; create it with "
                            "`python -m scripts.checklist_ids update`")
    lock = load_yaml(path, f"data/checklists/{LOCK_NAME}") or {}
    found = problems(sources, lock, LOCK_NAME)
    if found:
        raise DataFileError("\n".join(found))


def updated_lock(sources: list[Source], lock: dict) -> dict:
    published = {k: list(v) for k, v in (lock.get("published") or {}).items()}
    for source in sources:
        ids = published.setdefault(source.checklist.id, [])
        for item in source.checklist.items:
            if item.id not in ids:
                ids.append(item.id)
    return {"published": published, "retired": lock.get("retired") or {}}


def main(argv: list[str]) -> int:
    directory = Path(__file__).resolve().parent.parent / "data" / "checklists"
    if argv != ["update"]:
        print("usage: python -m scripts.checklist_ids update", file=sys.stderr)
        return 2
    sources = load_checklists(directory)
    path = directory / LOCK_NAME
    lock = (load_yaml(path) or {}) if path.exists() else {}
    found = problems(sources, lock, LOCK_NAME)
    if found:
        print("\n".join(found), file=sys.stderr)
        return 1
    text = HEADER + yaml.safe_dump(updated_lock(sources, lock), allow_unicode=True,
                                   sort_keys=True, default_flow_style=None, width=100)
    path.write_text(text, encoding="utf-8")
    print(f"{path.relative_to(directory.parent.parent)} updated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Published checklist item ids are never renumbered or reused silently."""

from __future__ import annotations

import pytest

from scripts import checklist_ids
from scripts.checklists import load_checklists
from scripts.yaml_source import DataFileError, load_yaml
from tests.conftest import ROOT
from tests.test_checklists_data import FIXTURES

GOOD = load_checklists(FIXTURES / "good")  # items P2.1, P2.2


def test_unchanged_checklist_passes():
    assert checklist_ids.problems(GOOD, {"published": {"good": ["P2.1", "P2.2"]}}, "lock") == []


def test_new_items_are_allowed_and_recorded():
    lock = {"published": {"good": ["P2.1"]}}
    assert checklist_ids.problems(GOOD, lock, "lock") == []
    assert checklist_ids.updated_lock(GOOD, lock)["published"]["good"] == ["P2.1", "P2.2"]


def test_a_published_item_that_disappears_is_reported():
    lock = {"published": {"good": ["P2.1", "P2.2", "P2.3"]}}
    assert checklist_ids.problems(GOOD, lock, "_published-ids.yml") == [
        "data/checklists/good.yml: checklist good, item P2.3: a published item has "
        "disappeared; items are never renumbered — restore it, or retire its id in "
        "data/checklists/_published-ids.yml"]


def test_retiring_an_id_is_explicit_and_final():
    lock = {"published": {"good": ["P2.1", "P2.2", "P2.3"]}, "retired": {"good": ["P2.3"]}}
    assert checklist_ids.problems(GOOD, lock, "lock") == []
    lock = {"published": {"good": ["P2.1", "P2.2"]}, "retired": {"good": ["P2.2"]}}
    assert checklist_ids.problems(GOOD, lock, "lock") == [
        "data/checklists/good.yml: checklist good, item P2.2: this id was retired and must "
        "not be reused; give the item the next free number"]


def test_project_lock_is_complete_and_respected():
    directory = ROOT / "data" / "checklists"
    sources = load_checklists(directory)
    checklist_ids.check(sources, directory)
    lock = load_yaml(directory / checklist_ids.LOCK_NAME)
    for source in sources:
        published = lock["published"].get(source.checklist.id, [])
        missing = [i.id for i in source.checklist.items if i.id not in published]
        assert not missing, f"{source.checklist.id}: run python -m scripts.checklist_ids update"


def test_missing_lock_file_is_an_error(tmp_path):
    with pytest.raises(DataFileError, match="_published-ids.yml: missing"):
        checklist_ids.check(GOOD, tmp_path)

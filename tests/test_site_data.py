"""scripts/site_data.py: the data files are checked once per process while they do not change
(three languages per build, a rebuild after each save under `mkdocs serve`)."""

from __future__ import annotations

import shutil

import pytest

from scripts import site_data
from scripts.yaml_source import DataFileError
from tests.conftest import ROOT

P1 = "data/checklists/p1-project.yml"


def _copy(tmp_path):
    """The data and the pages some data checks rely on (tools, training plans)."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return shutil.copytree(ROOT / "data", tmp_path / "data")


def test_unchanged_data_is_not_loaded_again_and_a_change_is_seen(tmp_path):
    data = _copy(tmp_path)
    first = site_data.load(data, {})
    assert site_data.load(data, {})["checklists"] is first["checklists"]  # kept

    path = data / "phases.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Rechercher activement un emploi", "Chercher un emploi", 1),
                    encoding="utf-8")
    changed = site_data.load(data, {})
    assert changed["phases"] is not first["phases"]
    assert "Chercher un emploi" in changed["phases"].phase("P3").name["fr"]

    path.write_text(text + "\nphases: []\n", encoding="utf-8")  # a duplicate key
    with pytest.raises(DataFileError, match=r"phases\.yml:\d+: duplicate key 'phases'"):
        site_data.load(data, {})
    path.write_text(text, encoding="utf-8")
    assert "Rechercher activement" in site_data.load(data, {})["phases"].phase("P3").name["fr"]


def test_checklist_versions_carry_the_last_commit_date_given(tmp_path):
    data = _copy(tmp_path)

    def p1(loaded):
        return next(s for s in loaded["checklists"] if s.checklist.id == "p1-project")

    assert p1(site_data.load(data, {P1: "2026-03-04"})).changed == "2026-03-04"
    # A new commit touching the file (no change on disk) is a new version date.
    assert p1(site_data.load(data, {P1: "2026-05-06"})).changed == "2026-05-06"
    assert p1(site_data.load(data, {"docs/about.fr.md": "2026-05-06"})).changed == ""


def test_a_new_process_reuses_the_checked_data_until_a_file_or_the_code_changes(tmp_path,
                                                                                 monkeypatch):
    data = _copy(tmp_path)
    site_data.load(data, {})
    cache = tmp_path / ".cache" / "data" / "site-data.pickle"
    assert cache.exists()

    def not_again(*args, **kwargs):
        raise AssertionError("the data was checked again")

    site_data._loaded.clear()  # a new `mkdocs build`: nothing kept in memory
    monkeypatch.setattr(site_data.phases, "load_phases", not_again)
    assert site_data.load(data, {})["phases"].phase("P3").name["fr"]

    path = data / "phases.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Rechercher activement un emploi", "Chercher un emploi", 1), encoding="utf-8")
    site_data._loaded.clear()
    with pytest.raises(AssertionError, match="checked again"):
        site_data.load(data, {})  # a data file changed: everything is checked again
    monkeypatch.undo()

    site_data._loaded.clear()
    cache.write_bytes(b"not a pickle")  # a damaged cache is ignored, not trusted
    assert "Chercher un emploi" in site_data.load(data, {})["phases"].phase("P3").name["fr"]

    site_data._loaded.clear()
    monkeypatch.setattr(site_data, "_code_signature", lambda: ("other code",))
    monkeypatch.setattr(site_data.phases, "load_phases", not_again)
    with pytest.raises(AssertionError, match="checked again"):
        site_data.load(data, {})  # the code in scripts/ changed


def test_editing_a_method_page_keeps_the_data_but_a_new_page_or_plan_is_seen(tmp_path):
    data = _copy(tmp_path)
    first = site_data.load(data, {})
    page = tmp_path / "docs" / "method" / "p3-job-search.fr.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nUne ligne de plus.\n", "utf-8")
    assert site_data.load(data, {})["checklists"] is first["checklists"]  # a writer's edit

    (tmp_path / "docs" / "practices" / "new-practice.fr.md").write_text("# New\n", "utf-8")
    assert site_data.load(data, {})["checklists"] is not first["checklists"]  # a tool may name it

    second = site_data.load(data, {})
    plan = next((tmp_path / "docs" / "training").glob("*.fr.md"))
    plan.write_text(plan.read_text(encoding="utf-8") + "\n", "utf-8")  # exercise headings
    assert site_data.load(data, {})["checklists"] is not second["checklists"]

"""scripts.phases: the phase data is checked precisely and is the only source of phase text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts import phases
from scripts.yaml_source import DataFileError
from tests.conftest import ROOT, copy_project

DATA = ROOT / "data" / "phases.yml"
UI = {"phase_duration": {"fr": "Durée :", "nl": "Duur:", "de": "Dauer:"},
      "phase_entry": {"fr": "Entrée", "nl": "Begin", "de": "Beginn"},
      "phase_exit": {"fr": "Sortie", "nl": "Einde", "de": "Ende"},
      "mapping_phase": {"fr": "Phase", "nl": "Fase", "de": "Phase"},
      "mapping_euse": {"fr": "EUSE", "nl": "EUSE", "de": "EUSE"},
      "mapping_decree": {"fr": "Décret", "nl": "Decreet", "de": "Dekret"},
      "synthesis_title": {"fr": "Synthèse", "nl": "Synthese", "de": "Synthese"}}


@pytest.fixture(scope="module")
def data() -> phases.PhaseData:
    return phases.load_phases(DATA)


def _load_modified(tmp_path, old: str, new: str, count: int = 1):
    text = DATA.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"fixture text not found: {old!r}"
    path = tmp_path / "phases.yml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return phases.load_phases(path, "data/phases.yml")


def _line(old: str) -> int:
    text = DATA.read_text(encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_project_data_is_valid(data):
    assert [p.id for p in data.phases] == ["P1", "P2", "P3", "P4", "P5"]
    for phase in data.phases:
        assert (ROOT / "docs" / phase.page.replace(".md", ".fr.md")).exists(), phase.page


@pytest.mark.parametrize("old, new, message", [
    ('      nl: "Een realistisch beroepsdoel bepalen"\n', "",
     "phase P1: name.nl: missing"),
    ('      de: "Kompetenzen und Erfahrungen erfassen"', '      de: ""',
     "phase P2: name.de: empty"),
    ('      de: "Kompetenzen und Erfahrungen erfassen"', "      de:",
     "phase P2: name.de: empty"),
    ('    purpose:\n      fr: "La personne mène', '    purpsoe:\n      fr: "La personne mène',
     "phase P3: purpsoe: unknown key (typo?)"),
    ("  - id: P4", "  - id: P9", "phase P9: id: Input should be 'P1', 'P2', 'P3', 'P4' or 'P5'"),
    ("    euse_stages: [5]", "    euse_stages: [7]", "phase P5: unknown EUSE stage 7"),
])
def test_bad_data_is_reported_with_file_line_and_phase(tmp_path, old, new, message):
    with pytest.raises(DataFileError) as error:
        _load_modified(tmp_path, old, new)
    assert message in str(error.value)
    assert str(error.value).startswith("data/phases.yml:")


def test_error_line_points_at_the_problem(tmp_path):
    old = '      de: "Kompetenzen und Erfahrungen erfassen"'
    with pytest.raises(DataFileError) as error:
        _load_modified(tmp_path, old, '      de: ""')
    assert str(error.value).startswith(f"data/phases.yml:{_line(old)}: phase P2: name.de")


def test_duplicate_key_is_refused(tmp_path):
    old = '      fr: "Définir un projet professionnel réaliste"\n'
    with pytest.raises(DataFileError, match=r"data/phases.yml:\d+: duplicate key 'fr'"):
        _load_modified(tmp_path, old, old + old)


def test_renderers_use_the_data_in_the_page_language(data):
    assert phases.title(data, "P3", "nl") == "# P3 · Actief naar werk zoeken, met de jobcoach"
    criteria = phases.criteria(data, "P1", "de", UI)
    for item in data.phase("P1").entry + data.phase("P1").exit:
        assert item.de in criteria
        assert item.fr not in criteria
    assert data.phase("P5").duration.fr in phases.duration(data, "P5", "fr", UI)


def test_diagram_and_mapping_link_every_phase(data):
    diagram = phases.diagram(data, "fr", UI, "method/index.fr.md")
    mapping = phases.mapping(data, "de", UI, "method/index.de.md")
    for phase in data.phases:
        target = phase.page.removeprefix("method/")
        assert f"]({target})" in diagram and f"]({target})" in mapping
        assert phase.name.de in mapping
    assert "Orientierung und Beauftragung" in mapping
    assert '<em lang="en">Client engagement</em>' in mapping
    assert "<em lang=\"fr\">Phase d'accueil et de bilan (deux mois)</em>" in mapping


def test_data_text_is_never_markup():
    evil = {"fr": "<script>alert(1)</script> *x* [a](b)", "nl": "n", "de": "d"}
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    raw["phases"][0]["name"] = evil
    data = phases.PhaseData.model_validate(raw)
    title = phases.title(data, "P1", "fr")
    assert "<script>" not in title and "&lt;script&gt;" in title
    assert r"\*x\*" in title and r"\[a\](b)" in title


def test_changing_the_data_changes_the_built_pages(tmp_path):
    """Phase names, durations and criteria on the pages come from data/phases.yml."""
    project = copy_project(tmp_path / "project")
    text = (project / "data/phases.yml").read_text(encoding="utf-8")
    text = text.replace('fr: "Rechercher activement un emploi, avec le jobcoach"',
                        'fr: "Nom de phase modifié pour le test"')
    text = text.replace('fr: "1 à 4 semaines"', 'fr: "Durée modifiée pour le test"')
    text = text.replace('fr: "Un employeur et la personne sont d\'accord sur un poste précis."',
                        'fr: "Critère modifié pour le test."')
    (project / "data/phases.yml").write_text(text, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BUILD_ONLY_LOCALE": "fr"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    p3 = (site / "method/p3-job-search/index.html").read_text(encoding="utf-8")
    assert "<h1" in p3 and "P3 · Nom de phase modifié pour le test</h1>" in p3
    overview = (site / "method/index.html").read_text(encoding="utf-8")
    assert "Nom de phase modifié pour le test" in overview  # diagram, table and navigation
    p4 = (site / "method/p4-hiring/index.html").read_text(encoding="utf-8")
    assert "Durée modifiée pour le test" in p4 and "Critère modifié pour le test." in p4

"""Translation drift (scripts/translations.py): a French edit makes its translations outdated,
the built page says so in its language, and recording the new source version clears it."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from scripts import translations
from tests.conftest import ROOT, copy_project

FR = "---\ndescription: x\n---\n\n# Titre\n\nUn paragraphe.\n"
NL = "---\ndescription: x\n---\n\n# Titel\n\nEen alinea.\n"


def _docs(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.fr.md").write_text(FR, encoding="utf-8")
    (docs / "a.nl.md").write_text(NL, encoding="utf-8")
    (docs / "a.de.md").write_text(NL, encoding="utf-8")
    return docs


def _state(docs, lang="nl"):
    return {s.lang: s.state for s in translations.statuses(docs)}[lang]


def test_hash_ignores_front_matter_and_rewrapping():
    assert translations.source_hash(FR) == translations.source_hash(
        FR.replace("description: x", "description: y").replace("Un paragraphe.", "Un\nparagraphe."))
    assert translations.source_hash(FR) != translations.source_hash(FR.replace("Un", "Le"))


def test_untracked_then_current_then_outdated_then_current_again(tmp_path):
    docs = _docs(tmp_path)
    assert _state(docs) == "untracked"
    translations.mark(docs / "a.nl.md", docs)
    assert _state(docs) == "current" and _state(docs, "de") == "untracked"
    assert f"translation_of: {translations.source_hash(FR)}" in (docs / "a.nl.md").read_text()
    (docs / "a.fr.md").write_text(FR.replace("Un paragraphe.", "Deux paragraphes."), "utf-8")
    assert _state(docs) == "outdated"
    translations.mark(docs / "a.nl.md", docs)
    assert _state(docs) == "current"


def test_missing_translation_and_report(tmp_path):
    docs = _docs(tmp_path)
    (docs / "a.de.md").unlink()
    report = translations.report(translations.statuses(docs))
    assert "de: 0 current, 0 outdated, 0 untracked, 1 missing" in report
    assert "  missing   docs/a.de.md" in report


def test_every_translation_of_the_site_is_tracked():
    """New pages are marked when translated; an outdated page shows a notice (tested below)."""
    problems = [f"docs/{s.page}.{s.lang}.md: {s.state}" for s in
                translations.statuses(ROOT / "docs") if s.state in ("untracked", "missing")]
    assert not problems, "run python -m scripts.translations mark <page>:\n" + "\n".join(problems)


def test_status_command_exits_non_zero_on_drift(tmp_path):
    result = subprocess.run([sys.executable, "-m", "scripts.translations", "status", "--check"],
                            cwd=ROOT, capture_output=True, text=True)
    states = {s.state for s in translations.statuses(ROOT / "docs")}
    assert result.returncode == (0 if states == {"current"} else 1), result.stdout


def test_outdated_page_shows_the_notice_and_marking_clears_it(tmp_path):
    project = copy_project(tmp_path / "project")
    french = project / "docs" / "privacy.fr.md"
    french.write_text(french.read_text(encoding="utf-8").replace(
        "Aucun cookie.", "Aucun cookie, nulle part."), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def build() -> tuple[str, str]:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
                                cwd=project, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        site = project / "site"
        return ((site / "nl/privacy/index.html").read_text(encoding="utf-8"),
                (site / "de/privacy/index.html").read_text(encoding="utf-8"))

    nl, de = build()
    assert "Vertaling niet bijgewerkt" in nl and 'href="../../privacy/"' in nl
    assert "Übersetzung nicht aktuell" in de and "Vertaling" not in de
    assert "translation-notice" not in (project / "site/nl/about/index.html").read_text()
    translations.mark(project / "docs" / "privacy.nl.md", project / "docs")
    nl, de = build()
    assert "translation-notice" not in nl and "translation-notice" in de


def test_data_strings_drift_and_marking(tmp_path):
    from scripts import data_translations
    data = tmp_path / "data"
    (data / "checklists").mkdir(parents=True)
    path = data / "checklists" / "x.yml"
    path.write_text('id: x\nitems:\n  - id: X1.1\n    text:\n      fr: "Un"\n      nl: "Een"\n'
                    '      de: "Eins"\n', encoding="utf-8")
    assert data_translations.outdated(data) == {"checklists/x.yml": ["items[X1.1]/text"]}
    data_translations.mark(data)
    assert data_translations.outdated(data) == {}
    path.write_text(path.read_text(encoding="utf-8").replace('"Un"', '"Deux"'), "utf-8")
    assert data_translations.outdated(data) == {"checklists/x.yml": ["items[X1.1]/text"]}
    data_translations.mark(data, ["checklists/x.yml"])
    assert data_translations.outdated(data) == {}


def test_project_data_translations_are_all_checked():
    from scripts import data_translations
    stale = data_translations.outdated(ROOT / "data")
    assert not stale, ("French changed since the translations were checked; update nl/de, then "
                       f"run python -m scripts.translations mark-data: {stale}")


def test_generated_page_shows_notice_when_its_data_changed(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "data" / "checklists" / "p2-competences.yml"
    text = data.read_text(encoding="utf-8")
    first_fr = re.search(r'^      fr: "(.*)"$', text, re.M)[1]
    data.write_text(text.replace(first_fr, first_fr + " (modifié)", 1), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    nl = (project / "site/nl/checklists/p2-competences/index.html").read_text(encoding="utf-8")
    assert "Vertaling niet bijgewerkt" in nl
    other = (project / "site/nl/checklists/p3-job-search/index.html").read_text(encoding="utf-8")
    assert "translation-notice" not in other
    status = (project / "site/translation-status/index.html").read_text(encoding="utf-8")
    assert "data/checklists/p2-competences.yml" in status


def test_french_only_page_shows_a_notice_and_unlisted_missing_page_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "annex.fr.md").write_text("# Annexe\n\nTexte en français.\n", "utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - privacy.md\n",
                                                      "  - privacy.md\n  - annex.md\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BUILD_ONLY_LOCALE": ""}
    config.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "annex.nl.md: missing (the page exists as annex.fr.md)" in result.stderr
    assert "annex.de.md: missing" in result.stderr
    config.write_text(text.replace("  french_only: []", '  french_only: ["annex"]'), "utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    nl = (project / "site/nl/annex/index.html").read_text(encoding="utf-8")
    assert "Deze pagina bestaat alleen in het Frans" in nl and "Texte en français." in nl
    fr = (project / "site/annex/index.html").read_text(encoding="utf-8")
    assert "french-only-notice" not in fr

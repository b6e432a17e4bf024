"""Maintenance dates: last change from git, localized; overdue review notice."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

from scripts import page_dates
from scripts.ui_strings import load_ui_strings
from tests.conftest import ROOT, copy_project

MONTHS = load_ui_strings(ROOT / "data" / "ui.yml")["months"]


def test_localized_dates():
    assert page_dates.localized("2026-11-26", "fr", MONTHS) == "26 novembre 2026"
    assert page_dates.localized("2026-03-05", "nl", MONTHS) == "5 maart 2026"
    assert page_dates.localized("2026-03-05", "de", MONTHS) == "5. März 2026"


def test_review_overdue():
    today = dt.date(2026, 11, 26)
    assert page_dates.review_overdue("2026-11-25", today)
    assert not page_dates.review_overdue(dt.date(2026, 11, 26), today)
    assert not page_dates.review_overdue(None, today)


def test_last_changes_from_git(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.fr.md").write_text("x", encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_DATE": "2025-02-03T10:00:00", "GIT_COMMITTER_DATE":
           "2025-02-03T10:00:00", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"}
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    subprocess.run(["git", "commit", "-qm", "a"], cwd=tmp_path, check=True, env=env)
    assert page_dates.last_changes(tmp_path) == {"docs/a.fr.md": "2025-02-03"}
    assert page_dates.last_changes(tmp_path / "docs" / "nowhere") == {}


def test_built_pages_show_last_update_and_overdue_review(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "accessibility.nl.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "---\n", "---\nreview_by: 2020-01-31\nowner: Redactie\n", 1), encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "."], cwd=project, check=True)
    env = {**os.environ, "GIT_COMMITTER_DATE": "2026-01-15T10:00:00", "GIT_AUTHOR_DATE":
           "2026-01-15T10:00:00", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x", "NO_MKDOCS_2_WARNING": "1",
           "EDIT_BASE_URL": "https://forge.example/site/edit/main/"}
    subprocess.run(["git", "commit", "-qm", "x"], cwd=project, check=True, env=env)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    nl = (project / "site/nl/accessibility/index.html").read_text(encoding="utf-8")
    assert "Laatst bijgewerkt:" in nl and '<time datetime="2026-01-15">15 januari 2026</time>' in nl
    assert "Herziening te laat" in nl and "31 januari 2020" in nl and "Redactie" in nl
    assert 'href="https://forge.example/site/edit/main/docs/accessibility.nl.md"' in nl
    de = (project / "site/de/accessibility/index.html").read_text(encoding="utf-8")
    assert "15. Januar 2026" in de and "review-notice" not in de
    checklist = (project / "site/checklists/p1-project/index.html").read_text(encoding="utf-8")
    assert 'href="https://forge.example/site/edit/main/data/checklists/p1-project.yml"' in checklist

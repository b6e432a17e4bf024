"""`python -m scripts.translations diff PAGE` (scripts/translation_diff.py): what changed in a
page's source since the version its translation records, found in git history; without the
history, a plain message saying how to fetch it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from scripts import translation_diff, translations

FR_1 = """---
description: x
---

# Titre

Le jobcoach rencontre l'employeur
avant le stage.

## Suivi {#follow-up}

Un appel par semaine.
"""
FR_2 = """---
description: y
---

# Titre

Le jobcoach rencontre l'employeur et la tutrice
avant le stage.

## Suivi {#follow-up}

Un appel par semaine.

Une visite après un mois.
"""
NL = "---\ndescription: x\n---\n\n# Titel\n\nDe jobcoach ontmoet de werkgever.\n"
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=root, env={**os.environ, **GIT_ENV},
                            capture_output=True, text=True, check=True)
    return result.stdout


def _repository(root: Path, source: str = "fr") -> Path:
    """A project whose page a has ``source`` as its source language: version 1 committed and
    translated, then version 2 of the source committed."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    git(root, "init", "-q")
    declared = FR_1.replace("description: x", f"description: x\nsource_language: {source}")
    source_file = docs / f"a.{source}.md"
    source_file.write_text(FR_1 if source == "fr" else declared, encoding="utf-8")
    for lang in ("fr", "nl", "de"):
        if lang != source:
            (docs / f"a.{lang}.md").write_text(NL, encoding="utf-8")
            translations.mark(docs / f"a.{lang}.md")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Page a, translated")
    source_file.write_text(FR_2 if source == "fr" else FR_2.replace(
        "description: y", f"description: y\nsource_language: {source}"), encoding="utf-8")
    git(root, "commit", "-q", "-am", "Page a: the tutor, and a visit")
    return docs


def test_diff_shows_the_words_changed_in_the_source_since_the_translated_version(tmp_path):
    docs = _repository(tmp_path)
    first = git(tmp_path, "rev-list", "--max-parents=0", "HEAD").strip()
    text = translation_diff.describe(docs / "a.nl.md", tmp_path, colour=False)
    assert f"docs/a.nl.md translates docs/a.fr.md as it was in commit {first[:10]}" in text
    assert "Changes in docs/a.fr.md since then (2)" in text
    # Words within a re-wrapped paragraph; a new paragraph; the place and section of each.
    assert ("docs/a.fr.md:7 (# Titre)\n  Le jobcoach rencontre l'employeur {+et la tutrice+} "
            "avant le stage.") in text
    assert "docs/a.fr.md:14 (## Suivi {#follow-up})\n  {+Une visite après un mois.+}" in text
    assert "Un appel par semaine" not in text  # unchanged paragraphs are not repeated
    assert "description" not in text  # nor the front matter


def test_diff_from_the_command_line_for_a_translation_and_for_the_source(tmp_path, capsys):
    docs = _repository(tmp_path)
    assert translations.main(["diff", str(docs / "a.de.md")], root=tmp_path) == 0
    assert "{+et la tutrice+}" in capsys.readouterr().out
    assert translations.main(["diff", str(docs / "a.fr.md")], root=tmp_path) == 0
    out = capsys.readouterr().out  # the source: what changed for each of its translations
    assert "docs/a.nl.md translates" in out and "docs/a.de.md translates" in out
    translations.mark(docs / "a.nl.md")
    assert translations.main(["diff", str(docs / "a.nl.md")], root=tmp_path) == 0
    assert "docs/a.nl.md is up to date" in capsys.readouterr().out


def test_diff_follows_the_pages_own_source_language(tmp_path):
    docs = _repository(tmp_path, source="nl")
    text = translation_diff.describe(docs / "a.fr.md", tmp_path, colour=False)
    assert "docs/a.fr.md translates docs/a.nl.md as it was in commit" in text
    assert "{+et la tutrice+}" in text


def test_a_shallow_clone_says_so_and_how_to_fetch_the_history(tmp_path):
    _repository(tmp_path / "origin")
    git(tmp_path, "clone", "-q", "--depth", "1", (tmp_path / "origin").as_uri(), "clone")
    clone = tmp_path / "clone"
    with pytest.raises(translation_diff.HistoryError) as error:
        translation_diff.describe(clone / "docs" / "a.nl.md", clone, colour=False)
    assert "shallow clone" in str(error.value) and "git fetch --unshallow" in str(error.value)
    git(clone, "fetch", "-q", "--unshallow")
    assert "{+et la tutrice+}" in translation_diff.describe(clone / "docs" / "a.nl.md", clone,
                                                            colour=False)


def test_without_git_or_without_the_recorded_version_it_says_what_to_do(tmp_path, capsys):
    docs = tmp_path / "plain" / "docs"
    docs.mkdir(parents=True)
    (docs / "a.fr.md").write_text(FR_1, encoding="utf-8")
    (docs / "a.nl.md").write_text(NL, encoding="utf-8")
    translations.mark(docs / "a.nl.md")
    (docs / "a.fr.md").write_text(FR_2, encoding="utf-8")
    if subprocess.run(["git", "rev-parse"], cwd=docs, capture_output=True).returncode != 0:
        assert translations.main(["diff", str(docs / "a.nl.md")], root=docs.parent) == 1
        assert "not a git checkout" in capsys.readouterr().err
    repo = _repository(tmp_path / "repo")
    text = (repo / "a.nl.md").read_text(encoding="utf-8")
    (repo / "a.nl.md").write_text(text.replace(translations.recorded(text), "0123456789"),
                                  encoding="utf-8")
    assert translations.main(["diff", str(repo / "a.nl.md")], root=repo.parent) == 1
    assert "that no commit of that file has" in capsys.readouterr().err


def test_word_diff_and_paragraphs():
    assert translation_diff.word_diff("a b c d", "a x c d e") == "a [-b-] {+x+} c d {+e+}"
    found = translation_diff.changes("# T\n\nOne two\nthree.\n\n- item\n",
                                     "# T\n\nOne two three.\n\n- item\n- new item\n")
    assert [(c.line, c.heading, c.text) for c in found] == [(6, "# T", "{+- new item+}")]

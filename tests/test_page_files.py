"""scripts.page_files: a page missing in a language stops the build with its name."""

from __future__ import annotations

import pytest

from scripts.page_files import PageFilesError, check_page_files, page_problems


def _write(root, *names):
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# x\n", encoding="utf-8")


def test_complete_pages_pass(tmp_path):
    _write(tmp_path, "a.fr.md", "a.nl.md", "a.de.md", "sub/b.fr.md", "sub/b.nl.md", "sub/b.de.md")
    assert page_problems(tmp_path) == []
    check_page_files(tmp_path)


def test_missing_translation_is_named(tmp_path):
    _write(tmp_path, "a.fr.md", "a.nl.md", "sub/b.fr.md", "sub/b.nl.md", "sub/b.de.md")
    assert page_problems(tmp_path) == [
        "a.de.md: missing (the page exists as a.fr.md, a.nl.md)"]


def test_page_without_language_suffix_is_refused(tmp_path):
    _write(tmp_path, "notes.md")
    assert page_problems(tmp_path) == [
        "notes.md: no language suffix; name it notes.fr.md, notes.nl.md, notes.de.md"]


def test_error_lists_every_problem(tmp_path):
    _write(tmp_path, "a.fr.md", "b.nl.md")
    with pytest.raises(PageFilesError) as error:
        check_page_files(tmp_path)
    message = str(error.value)
    for name in ("a.nl.md", "a.de.md", "b.fr.md", "b.de.md"):
        assert f"{name}: missing" in message

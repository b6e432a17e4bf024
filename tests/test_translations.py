"""Translation drift (scripts/translations.py): a change in a page's source (French, or the
language one of its files declares as the source) makes its translations outdated, the built
pages say so in their language, and recording the new source version clears it."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

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
    translations.mark(docs / "a.nl.md")
    assert _state(docs) == "current" and _state(docs, "de") == "untracked"
    assert f"translation_of: {translations.source_hash(FR)}" in (docs / "a.nl.md").read_text()
    (docs / "a.fr.md").write_text(FR.replace("Un paragraphe.", "Deux paragraphes."), "utf-8")
    assert _state(docs) == "outdated"
    translations.mark(docs / "a.nl.md")
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


def _build(project, **extra_env) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra_env}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
                          cwd=project, env=env, capture_output=True, text=True)


def test_outdated_pages_show_a_notice_linking_to_their_source_and_marking_clears_it(tmp_path):
    """privacy (French source) changes in French: its Dutch and German pages show the notice in
    their language, linking to the French page. accessibility is made a page written first in
    Dutch: French and German record the Dutch version; once the Dutch changes, both show the
    notice linking to the Dutch page, and the Dutch page, the source, shows none. Both notices
    give the command that shows translators what changed, in valid HTML."""
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    french = docs / "privacy.fr.md"
    french.write_text(french.read_text(encoding="utf-8").replace(
        "Aucun cookie.", "Aucun cookie, nulle part."), encoding="utf-8")
    dutch = docs / "accessibility.nl.md"
    text = re.sub(r"^translation_of: .*\n", "", dutch.read_text(encoding="utf-8"), flags=re.M)
    dutch.write_text(text.replace("---\n", "---\nsource_language: nl\n", 1), encoding="utf-8")
    translations.mark(docs / "accessibility.fr.md")
    translations.mark(docs / "accessibility.de.md")
    dutch.write_text(dutch.read_text(encoding="utf-8") + "\nEen nieuwe alinea.\n", "utf-8")
    site = project / "site"

    def build() -> None:
        result = _build(project)
        assert result.returncode == 0, result.stderr

    def page(path: str) -> str:
        return (site / path / "index.html").read_text(encoding="utf-8")

    build()
    nl, de = page("nl/privacy"), page("de/privacy")
    assert "Vertaling niet bijgewerkt" in nl and 'href="../../privacy/" hreflang="fr"' in nl
    assert "in het Frans" in nl and "diff docs/privacy.nl.md" in nl
    # readers see one line; the command is folded under "Voor vertalers" and not printed
    assert re.search(r'<details class="translation-notice__diff"><summary>Voor vertalers</summary>'
                     r'\s*<p>[^<]*<code>python -m scripts.translations diff docs/privacy.nl.md', nl)
    assert "Übersetzung nicht aktuell" in de and "Vertaling" not in de
    assert "translation-notice" not in page("nl/about")
    assert "translation-notice" not in page("privacy")

    fr, de = page("accessibility"), page("de/accessibility")
    assert "Traduction à mettre à jour" in fr and "en néerlandais" in fr
    assert 'href="../nl/accessibility/" hreflang="nl"' in fr
    assert "python -m scripts.translations diff docs/accessibility.fr.md" in fr
    assert "auf Niederländisch" in de and 'href="../../nl/accessibility/" hreflang="nl"' in de
    assert "translation-notice" not in page("nl/accessibility")
    row = re.search(r"<tr>\s*<td><a [^>]*>accessibility</a></td>(.*?)</tr>",
                    page("translation-status"), re.S)
    assert row, "accessibility is listed on the status page"
    assert re.findall(r"<td>(.*?)</td>", row[1], re.S) == [
        "À mettre à jour", "<strong>Version source</strong>", "À mettre à jour"]
    from tests.test_html_validity import nu_errors
    assert not nu_errors({site / path: path for path in (
        "privacy", "nl/privacy", "accessibility", "de/accessibility")})

    translations.mark(docs / "privacy.nl.md")
    translations.mark(docs / "accessibility.fr.md")
    build()
    assert "translation-notice" not in page("nl/privacy")
    assert "translation-notice" in page("de/privacy")
    assert "translation-notice" not in page("accessibility")
    assert "translation-notice" in page("de/accessibility")


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


# --- Any language can be a page's source (source_language in that file's front matter) -------

NL_SOURCE = "---\ndescription: x\nsource_language: nl\n---\n\n# Titel\n\nEen alinea.\n"


def _dutch_page(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.nl.md").write_text(NL_SOURCE, encoding="utf-8")
    (docs / "a.fr.md").write_text(FR, encoding="utf-8")
    (docs / "a.de.md").write_text(FR.replace("Titre", "Titel"), encoding="utf-8")
    return docs


def test_a_page_with_dutch_as_its_source_tracks_french_and_german_against_the_dutch(tmp_path):
    docs = _dutch_page(tmp_path)
    assert translations.source_languages(docs) == {"a": "nl"}
    found = {s.lang: s for s in translations.statuses(docs)}
    assert set(found) == {"fr", "de"} and {s.source for s in found.values()} == {"nl"}
    assert found["fr"].state == "untracked"
    translations.mark(docs / "a.fr.md")
    translations.mark(docs / "a.de.md")
    assert (f"translation_of: {translations.source_hash(NL_SOURCE)}"
            in (docs / "a.fr.md").read_text(encoding="utf-8"))
    assert {s.state for s in translations.statuses(docs)} == {"current"}
    assert translations.main(["status", "--check"], root=tmp_path) == 0
    (docs / "a.fr.md").write_text((docs / "a.fr.md").read_text("utf-8") + "Ajout.\n", "utf-8")
    assert {s.state for s in translations.statuses(docs)} == {"current"}  # not the source
    (docs / "a.nl.md").write_text(NL_SOURCE + "\nNog een alinea.\n", encoding="utf-8")
    assert {s.lang: s.state for s in translations.statuses(docs)} == {
        "fr": "outdated", "de": "outdated"}
    assert translations.main(["status", "--check"], root=tmp_path) == 1
    report = translations.report(translations.statuses(docs))
    assert "fr: 0 current, 1 outdated, 0 untracked, 0 missing" in report
    assert "  outdated  docs/a.fr.md  (source: docs/a.nl.md)" in report
    assert "nl:" not in report  # the source of every page: nothing to translate into Dutch
    assert "python -m scripts.translations diff docs/a.fr.md" in report


def test_the_source_file_cannot_be_marked(tmp_path):
    docs = _dutch_page(tmp_path)
    try:
        translations.mark(docs / "a.nl.md")
    except ValueError as error:
        assert "a.nl.md: this file is the source of its page (Dutch)" in str(error)
        assert "a.fr.md and " in str(error)
    else:
        raise AssertionError("marking the source file must fail")
    assert "translation_of" not in (docs / "a.nl.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("files, problem", [
    ({"a.nl.md": NL_SOURCE, "a.de.md": NL_SOURCE.replace("nl\n", "de\n", 1)},
     "docs/a.nl.md:3 and docs/a.de.md:3: both declare themselves the source of the page"),
    ({"a.fr.md": FR.replace("description: x", "description: x\nsource_language: fr"),
      "a.nl.md": NL_SOURCE},
     "docs/a.fr.md:3 and docs/a.nl.md:3: both declare themselves the source of the page"),
    ({"a.nl.md": NL_SOURCE.replace("source_language: nl", "source_language: en")},
     "docs/a.nl.md:3: source_language: 'en' is not a language of the site (fr, nl, de)"),
    ({"a.de.md": NL_SOURCE},
     "docs/a.de.md:3: source_language: nl in the German file: a page's source declares "
     "itself; write it in docs/a.nl.md"),
    ({"a.nl.md": NL_SOURCE.replace("---\n\n", "translation_of: abc\n---\n\n", 1)},
     "docs/a.nl.md:4: translation_of in the source of the page (source_language: nl): "
     "remove it"),
])
def test_a_wrong_source_declaration_names_the_files_and_lines(tmp_path, files, problem):
    docs = _dutch_page(tmp_path)
    (docs / "a.nl.md").write_text(NL, encoding="utf-8")  # no claim: French is the source
    for name, text in files.items():
        (docs / name).write_text(text, encoding="utf-8")
    with pytest.raises(translations.SourceLanguageError) as error:
        translations.source_languages(docs)
    assert problem in str(error.value)


def test_notice_texts_name_the_source_language_in_the_readers_language():
    from scripts.ui_strings import load_ui_strings
    ui = load_ui_strings(ROOT / "data" / "ui.yml")
    notice = translations.notice(ui, "de", "nl", "docs/privacy.de.md")
    assert "auf Niederländisch" in notice["text"] and "{" not in notice["text"]
    assert notice["link"] == "Aktuelle Ausgangsfassung auf Niederländisch lesen"
    assert ("<code>python -m scripts.translations diff docs/privacy.de.md</code>"
            in notice["diff"])
    for lang in ("fr", "nl", "de"):
        texts = translations.notice(ui, lang, "fr", f"docs/x.{lang}.md")
        assert ui["lang_fr"][lang] in texts["text"] and ui["lang_fr"][lang] in texts["link"]
        assert "<code>" in texts["diff"] and "{" not in "".join(texts.values())
    assert "diff" not in translations.notice(ui, "nl", "fr", None)  # pages made from data


def test_two_files_declaring_themselves_the_source_stop_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    for lang in ("nl", "de"):
        path = project / "docs" / f"privacy.{lang}.md"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "---\n", f"---\nsource_language: {lang}\n", 1), encoding="utf-8")
    result = _build(project, BUILD_ONLY_LOCALE="fr")
    assert result.returncode != 0
    assert ("docs/privacy.nl.md:2 and docs/privacy.de.md:2: both declare themselves the source "
            "of the page (source_language)") in result.stderr

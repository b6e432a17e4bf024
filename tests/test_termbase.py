"""The termbase (glossary `avoid:` lists and data/style.yml): no page, checklist, worksheet or
other data text uses a variant to avoid; the check's messages name file and line; bad termbase
data is refused with its line."""

from __future__ import annotations

import textwrap

import pytest

from scripts import glossary, termbase
from scripts.yaml_source import DataFileError
from tests.conftest import ROOT


def _rules():
    entries = glossary.load_glossary(ROOT / "data" / "glossary")
    return termbase.rules(entries, termbase.load_style(ROOT / "data" / "style.yml"))


def test_no_page_or_data_text_uses_a_variant_to_avoid():
    found = termbase.findings(ROOT, _rules())
    assert not found, "\n".join(found)


def test_the_termbase_knows_the_variants_reviewers_found():
    # "niet-werkende werkzoekende" was first avoided; it is the official Dutch term of the
    # Walloon decree (and UWV's own for the Dutch category): the site's own paraphrase is
    # avoided instead.
    avoided = {(rule.lang, rule.avoid.casefold()) for rule in _rules()}
    for lang, variant in [("nl", "gewestelijke zendingen voor arbeidsbemiddeling"),
                          ("nl", "onthaal en balans"), ("nl", "werkgeversverklaring"),
                          ("nl", "werkzoekende zonder baan"), ("nl", "indicatieve duur"),
                          ("nl", "Oost-België"), ("nl", "collectieve jobcoaching"),
                          ("nl", "uw MIRE"), ("nl", "hij of zij"), ("de", "Ihrer MIRE"),
                          ("de", "Warnzeichen"), ("de", "Anschreiben"), ("de", "Arbeitssuche"),
                          ("de", "Überweisungsschreiben"), ("de", "die MISIP"),
                          ("de", "nicht arbeitende Arbeitsuchende")]:
        assert (lang, variant.casefold()) in avoided, (lang, variant)


def _project(tmp_path, page: str, data: str):
    (tmp_path / "docs" / "method").mkdir(parents=True)
    (tmp_path / "docs" / "method" / "p1.nl.md").write_text(page, encoding="utf-8")
    (tmp_path / "docs" / "glossary.nl.md").write_text("onthaal en balans\n", encoding="utf-8")
    (tmp_path / "data" / "checklists").mkdir(parents=True)
    (tmp_path / "data" / "checklists" / "x.yml").write_text(textwrap.dedent(data), "utf-8")
    return tmp_path


def test_findings_name_file_line_variant_and_preferred_term(tmp_path):
    root = _project(tmp_path, "# P1\n\nDe fase\nonthaal en\nbalans duurt twee maanden.\n"
                              "<!-- onthaal en balans -->\nOok {fr|onthaal en balans} mag.\n",
                    """\
                    items:
                      - id: X.1
                        text:
                          fr: "Accueil et bilan, indicatieve duur"
                          nl: "De indicatieve duur van het onthaal"
                          de: "Die Dauer"
                    """)
    found = termbase.findings(root, _rules())
    assert found == [
        "docs/method/p1.nl.md:4: 'onthaal en\nbalans' is a variant to avoid; use 'intake en "
        "diagnose'",
        "data/checklists/x.yml:5: 'indicatieve duur' is a variant to avoid; use 'indicatieve doorlooptijd'",
        "data/checklists/x.yml:5: 'onthaal' is a variant to avoid; use 'intake en diagnose'",
    ]


def test_an_avoided_variant_that_is_a_preferred_term_is_refused(tmp_path):
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "a.yml").write_text(textwrap.dedent("""\
        terms:
          - id: alpha
            term: {fr: "terme", nl: "term", de: "Begriff"}
            definition: {fr: "D.", nl: "D.", de: "D."}
            usage: true
          - id: beta
            term: {fr: "autre", nl: "ander", de: "Andere"}
            avoid:
              nl: ["term"]
            definition: {fr: "D.", nl: "D.", de: "D."}
            usage: true
        """), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        glossary.load_glossary(folder)
    assert str(error.value) == ("data/glossary/a.yml:9: term beta: avoid.nl: 'term' is the term "
                                "or a form of 'alpha' in nl")


def test_a_style_rule_without_its_advice_is_refused(tmp_path):
    path = tmp_path / "style.yml"
    path.write_text("nl:\n  - avoid: [\"uw MIRE\"]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"style.yml:2: nl.use: missing"):
        termbase.load_style(path, "style.yml")

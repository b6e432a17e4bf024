"""Checklist data: each bad input stops the build with file, line, checklist, item, problem.

One fixture folder per case under tests/fixtures/checklists/ (in the style of FastAPI's
translation tests); the assertion is on the exact message a contributor will read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import checklists, markers
from scripts.yaml_source import DataFileError
from tests.conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "checklists"

EXPECTED = {
    "yaml-syntax": "data/checklists/yaml-syntax.yml:24: checklist yaml-syntax: YAML syntax "
                   "error: did not find expected key",
    "missing-language": "data/checklists/missing-language.yml:22: checklist missing-language, "
                        "item P2.2: text.de: missing",
    "null-language": "data/checklists/null-language.yml:23: checklist null-language, "
                     "item P2.2: text.nl: empty",
    "empty-language": "data/checklists/empty-language.yml:23: checklist empty-language, "
                      "item P2.2: text.nl: empty",
    "not-a-string": "data/checklists/not-a-string.yml:23: checklist not-a-string, "
                    "item P2.2: text.nl: must be a text",
    "duplicate-item-id": "data/checklists/duplicate-item-id.yml:25: checklist "
                         "duplicate-item-id, item P2.1: duplicate item id (first at line 13)",
    "unknown-key": "data/checklists/unknown-key.yml:22: checklist unknown-key, item P2.2: "
                   "hnit: unknown key (typo?)",
    "duplicate-key": "data/checklists/duplicate-key.yml:23: checklist duplicate-key: "
                     "duplicate key 'fr' (first at line 22)",
    "empty-checklist": "data/checklists/empty-checklist.yml:12: checklist empty-checklist: "
                       "items: the checklist has no item",
    "not-utf8": "data/checklists/not-utf8.yml:22: checklist not-utf8: not valid UTF-8 "
                "(save the file as UTF-8)",
    "wrong-prefix": "data/checklists/wrong-prefix.yml:19: checklist wrong-prefix, item P3.2: "
                    "item ids must start with 'P2.'",
}


def test_every_fixture_has_an_expected_message():
    cases = {p.name for p in FIXTURES.iterdir() if p.is_dir()} - {"good"}
    assert cases == set(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_bad_input_gives_the_exact_message(case):
    with pytest.raises(DataFileError) as error:
        checklists.load_checklists(FIXTURES / case)
    assert str(error.value) == EXPECTED[case]


def test_good_fixture_loads():
    (source,) = checklists.load_checklists(FIXTURES / "good")
    assert [item.id for item in source.checklist.items] == ["P2.1", "P2.2"]
    assert len(source.digest) == 10


def test_reference_to_an_unknown_checklist_names_page_and_line():
    sources = checklists.load_checklists(FIXTURES / "good")
    renderers = {"checklist": lambda arg: checklists.find(sources, arg).checklist.id}
    text = "# Page\n\nIntro.\n\n<!-- checklist: nope -->\n"
    with pytest.raises(markers.MarkerError) as error:
        markers.expand(text, renderers, page="docs/method/p1-project.fr.md",
                       prefixes=("checklist",))
    assert str(error.value) == ("docs/method/p1-project.fr.md:5: marker 'checklist': no "
                                "checklist 'nope' in data/checklists (known: good)")


def test_misspelt_marker_is_refused():
    with pytest.raises(markers.MarkerError, match=r"docs/x.md:1: unknown marker 'checklsit'"):
        markers.expand("<!-- checklsit: good -->\n", {"checklist": str}, page="docs/x.md",
                       prefixes=("checkl",))


def test_project_checklists_are_valid_and_substantial():
    sources = checklists.load_checklists(ROOT / "data" / "checklists")
    assert len(sources) >= 9, [s.checklist.id for s in sources]
    for source in sources:
        assert len(source.checklist.items) >= 8, source.checklist.id
    phases = {s.checklist.phase for s in sources}
    assert {"P1", "P2", "P3", "P4", "P5", "transversal"} <= phases


def test_checklist_text_is_escaped_in_html():
    sources = checklists.load_checklists(FIXTURES / "good")
    raw = sources[0].checklist.model_dump()
    raw["items"][0]["text"]["fr"] = '<script>alert("x")</script> & <b>gras</b>'
    evil = checklists.Source(checklists.Checklist.model_validate(raw), "x.yml", "abc", "")
    from tests.test_checklists_render import UI
    html = checklists.web_html(evil, "fr", UI, canonical_url="https://x.org/", qr_svg="<svg/>",
                               pdf_links=[])
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;gras" in html


def test_a_data_folder_reports_every_bad_file_at_once_and_refuses_to_be_empty(tmp_path):
    from scripts.yaml_source import load_folder, load_yaml

    (tmp_path / "a.yml").write_text("x: [1\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("ok: 1\n", encoding="utf-8")
    (tmp_path / "c.yml").write_text("k: 1\nk: 2\n", encoding="utf-8")
    (tmp_path / "_lock.yml").write_text("not: [data\n", encoding="utf-8")  # bookkeeping: skipped
    with pytest.raises(DataFileError) as error:
        load_folder(tmp_path, "data/x", load_yaml)
    lines = str(error.value).splitlines()
    assert [line.split(": ")[0] for line in lines] == ["data/x/a.yml:2", "data/x/c.yml:2"]
    assert "duplicate key 'k' (first at line 1)" in lines[1]
    (tmp_path / "a.yml").unlink()
    (tmp_path / "c.yml").unlink()
    assert load_folder(tmp_path, "data/x", load_yaml) == [{"ok": 1}]
    (tmp_path / "b.yml").unlink()
    with pytest.raises(DataFileError, match=r"^data/x: no data file \(\*\.yml\) found$"):
        load_folder(tmp_path, "data/x", load_yaml)


def test_a_checklist_without_a_public_address_prints_no_address_and_no_qr_code():
    """Without SITE_URL the print trace keeps language, version and date but names no address
    (never a placeholder domain) and carries no QR code."""
    sources = checklists.load_checklists(FIXTURES / "good")
    from tests.test_checklists_render import UI
    bare = checklists.web_html(sources[0], "fr", UI, canonical_url=None, qr_svg="", pdf_links=[])
    assert "checklist__url" not in bare and "checklist__qr" not in bare and "http" not in bare
    assert "data-print-date" in bare
    full = checklists.web_html(sources[0], "fr", UI, canonical_url="https://x.org/c/",
                               qr_svg="<svg/>", pdf_links=[])
    assert '<span class="checklist__url">https://x.org/c/</span>' in full and "<svg/>" in full

"""scripts.ui_strings and scripts.yaml_source: bad data stops with file, line and problem."""

from __future__ import annotations

import pytest

from scripts.ui_strings import load_ui_strings
from scripts.yaml_source import DataFileError

GOOD = 'hello:\n  fr: "Bonjour"\n  nl: "Hallo"\n  de: "Hallo"\n'


def _load(tmp_path, text: str | bytes):
    path = tmp_path / "ui.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_ui_strings(path, "data/ui.yml")


def test_good_file(tmp_path):
    assert _load(tmp_path, GOOD) == {"hello": {"fr": "Bonjour", "nl": "Hallo", "de": "Hallo"}}


def test_project_file_loads():
    from tests.conftest import ROOT
    strings = load_ui_strings(ROOT / "data" / "ui.yml")
    assert strings["not_found_title"]["nl"] == "Pagina niet gevonden"


@pytest.mark.parametrize("text, message", [
    (GOOD + 'bye:\n  fr: "Au revoir"\n  nl: "Tot ziens"\n',
     "data/ui.yml:5: bye: 'de' is missing, empty or not a string"),
    ('hello:\n  fr: "Bonjour"\n  nl: ""\n  de: "Hallo"\n',
     "data/ui.yml:3: hello: 'nl' is missing, empty or not a string"),
    ('hello:\n  fr: "Bonjour"\n  nl:\n  de: "Hallo"\n',
     "data/ui.yml:3: hello: 'nl' is missing, empty or not a string"),
    ('hello:\n  fr: "Bonjour"\n  nl: 3\n  de: "Hallo"\n',
     "data/ui.yml:3: hello: 'nl' is missing, empty or not a string"),
    ('hello:\n  fr: "Bonjour"\n  nl: "Hallo"\n  nl: "Dag"\n  de: "Hallo"\n',
     "data/ui.yml:4: duplicate key 'nl' (first at line 3)"),
    ('hello:\n  fr: "Bonjour"\n  en: "Hello"\n  nl: "Hallo"\n  de: "Hallo"\n',
     "data/ui.yml:3: hello: unknown language 'en' (expected fr, nl, de)"),
    ('hello:\n  fr: "Bonjour\n  nl: "Hallo"\n',
     "data/ui.yml:3: YAML syntax error"),
    ("hello: [fr, nl]\n", "data/ui.yml:1: hello: expected fr, nl and de entries"),
    (b'hello:\n  fr: "Caf\xe9"\n', "data/ui.yml:2: not valid UTF-8"),
])
def test_bad_input_names_file_line_and_problem(tmp_path, text, message):
    with pytest.raises(DataFileError) as error:
        _load(tmp_path, text)
    assert str(error.value).startswith(message)

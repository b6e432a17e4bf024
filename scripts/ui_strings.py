"""Interface strings of the templates (404 page, notices…) in French, Dutch and German.

Source: ``data/ui.yml`` — one entry per string id, each with ``fr``, ``nl`` and ``de``. The
templates read ``config.extra.ui[id][language]``; a missing or empty translation stops the build
here rather than showing a blank or a French string on a Dutch page.
"""

from __future__ import annotations

from pathlib import Path

from scripts.languages import LANGUAGES
from scripts.yaml_source import DataFileError, LineDict, load_yaml


def load_ui_strings(path: Path, display_name: str | None = None) -> dict[str, dict[str, str]]:
    name = display_name or path.as_posix()
    data = load_yaml(path, name)
    if not isinstance(data, LineDict) or not data:
        raise DataFileError(f"{name}:1: expected a mapping of string ids to translations")
    strings: dict[str, dict[str, str]] = {}
    for string_id, translations in data.items():
        line = data.line_of(string_id)
        if not isinstance(translations, LineDict):
            raise DataFileError(f"{name}:{line}: {string_id}: expected fr, nl and de entries")
        unknown = sorted(set(translations) - set(LANGUAGES))
        if unknown:
            raise DataFileError(f"{name}:{translations.line_of(unknown[0])}: {string_id}: "
                                f"unknown language {unknown[0]!r} (expected fr, nl, de)")
        for lang in LANGUAGES:
            text = translations.get(lang)
            if not isinstance(text, str) or not text.strip():
                where = translations.line_of(lang) if lang in translations else line
                raise DataFileError(f"{name}:{where}: {string_id}: '{lang}' is missing, "
                                    "empty or not a string")
        strings[str(string_id)] = {lang: translations[lang] for lang in LANGUAGES}
    return strings

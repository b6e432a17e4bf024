"""The termbase: one term per concept and language, and the variants to avoid.

Why: a Dutch coach who meets "groepsbegeleiding" on one page and "collectieve jobcoaching" on the
next wonders whether they are two things; a Belgian calque ("onthaal en balans") or a German word
Ostbelgien does not use ("Anschreiben") marks the page as a translation. The glossary
(``data/glossary/*.yml``) gives each concept's preferred term per language and, under ``avoid``,
the variants to avoid; ``data/style.yml`` adds phrases to avoid that are not a concept (the reader
addressed as MIRE staff, "hij of zij"). :func:`findings` lists every use of an avoided variant in
the pages (each language's own files) and in the data files' texts of that language, with file
and line. The glossary and the concordance, which list variants on purpose, are left out, and so
is the bibliography (titles are quoted as published) and any part marked ``{xx|…}`` as another
language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Iterable

from pydantic import BaseModel, ConfigDict, Field

from scripts.languages import LANGUAGES
from scripts.validation import validate
from scripts.yaml_source import DataFileError, LineDict, line_of, load_yaml

EXEMPT_PAGES = ("glossary.", "concordance.")
EXEMPT_DATA = ("glossary/", "sources.yml", "translations.lock.yml", "style.yml")


@dataclass(frozen=True)
class Rule:
    lang: str
    avoid: str
    use: str
    pattern: re.Pattern


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StyleRule(_Strict):
    avoid: Annotated[list[Annotated[str, Field(min_length=2)]], Field(min_length=1)]
    use: Annotated[str, Field(min_length=2)]


class Style(_Strict):
    fr: list[StyleRule] = []
    nl: list[StyleRule] = []
    de: list[StyleRule] = []


def _pattern(variant: str) -> re.Pattern:
    words = r"\s+".join(re.escape(word) for word in variant.split())
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", re.I)


def rules(entries, style: Style | None = None) -> list[Rule]:
    """Every avoided variant of the glossary (and of the style file), with what to use."""
    found = []
    for entry in entries:
        term = entry.term
        for lang, variants in (term.avoid or {}).items():
            for variant in variants:
                found.append(Rule(lang, variant, term.term[lang], _pattern(variant)))
    if style is not None:
        for lang in LANGUAGES:
            for rule in getattr(style, lang):
                found += [Rule(lang, variant, rule.use, _pattern(variant)) for variant in rule.avoid]
    return found


def load_style(path: Path, name: str = "data/style.yml") -> Style:
    return validate(load_yaml(path, name), Style, name)


_MARKED = re.compile(r"\{(?:fr|nl|de|en)\|[^{}]*\}|<[^>]*lang=\"(?:fr|nl|de|en)\"[^>]*>.*?</[a-z]+>",
                     re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ATTRS = re.compile(r"\{[^{}]*lang=[a-z]{2}[^{}]*\}")


def _blank(match: re.Match) -> str:
    """Keep line numbers: replace a part that is not checked by spaces and its new lines."""
    return re.sub(r"[^\n]", " ", match[0])


def _check(text: str, lang: str, where: str, first_line: int, found: list[str],
           all_rules: list[Rule]) -> None:
    text = _MARKED.sub(_blank, _COMMENT.sub(_blank, text))
    hits = []
    # Longest variants first; a span is reported once ("onthaal en balans", not also "onthaal").
    for rule in sorted((r for r in all_rules if r.lang == lang), key=lambda r: -len(r.avoid)):
        for match in rule.pattern.finditer(text):
            hits.append((match.start(), match[0], rule.use))
        text = rule.pattern.sub(_blank, text)
    for start, variant, use in sorted(hits):
        line = first_line + text.count("\n", 0, start)
        found.append(f"{where}:{line}: '{variant}' is a variant to avoid; use '{use}'")


def _strings(node, lang_key: str | None = None) -> Iterable[tuple[str, str, int]]:
    """(language, text, line) of every trilingual text of a loaded data file."""
    if isinstance(node, LineDict):
        for key, value in node.items():
            if key in LANGUAGES and isinstance(value, str):
                yield key, value, node.line_of(key)
            else:
                yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def findings(root: Path, all_rules: list[Rule]) -> list[str]:
    """``file:line: '<variant>' is a variant to avoid; use '<term>'`` for the whole project."""
    found: list[str] = []
    docs = root / "docs"
    for path in sorted(docs.rglob("*.md")):
        match = re.match(r".*\.(fr|nl|de)\.md$", path.name)
        rel = path.relative_to(docs).as_posix()
        if not match or rel.startswith(EXEMPT_PAGES):
            continue
        text = path.read_text(encoding="utf-8")
        if "Generated from data/" in text:
            continue  # checked in its data file
        _check(text, match[1], f"docs/{rel}", 1, found, all_rules)
    data = root / "data"
    for path in sorted(data.rglob("*.yml")):
        rel = path.relative_to(data).as_posix()
        if rel.startswith(EXEMPT_DATA) or path.name.startswith("_"):
            continue
        for lang, text, line in _strings(load_yaml(path, f"data/{rel}")):
            _check(text, lang, f"data/{rel}", line, found, all_rules)
    return found

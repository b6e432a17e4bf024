"""Content depth and honesty checks that a reviewer would otherwise do by hand."""

from __future__ import annotations

import re

import pytest

from tests.conftest import LANGS, ROOT

DOCS = ROOT / "docs"
PLACEHOLDERS = re.compile(r"lorem ipsum|\bTODO\b|\bTBD\b|\bFIXME\b|à traduire|te vertalen|"
                          r"zu übersetzen|^Draft\.$|description: draft", re.I | re.M)


def words(path) -> int:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"\]\([^)]*\)|\{[^}]*\}", "]", text)  # link targets and attribute lists
    return len(re.findall(r"[^\W\d_][\w'’-]*", text))


def pages(lang: str):
    """Prose pages (checklist pages generated from data are checked as data)."""
    return sorted(p for p in DOCS.rglob(f"*.{lang}.md")
                  if "Generated from data/" not in p.read_text(encoding="utf-8"))


def test_no_placeholder_text_anywhere():
    found = [f"{p.relative_to(ROOT)}: {m[0]!r}" for lang in LANGS for p in pages(lang)
             for m in [PLACEHOLDERS.search(p.read_text(encoding="utf-8"))] if m]
    found += [f"{p.relative_to(ROOT)}: {m[0]!r}" for p in (ROOT / "data").glob("*.yml")
              for m in [PLACEHOLDERS.search(p.read_text(encoding="utf-8"))] if m]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang, minimum_total", [("fr", 12_000), ("nl", 10_000),
                                                 ("de", 10_000)])
def test_depth_of_the_content(lang, minimum_total):
    counts = {p.relative_to(DOCS).as_posix(): words(p) for p in pages(lang)}
    long_pages = [p for p, n in counts.items() if n >= 600]
    assert len(long_pages) >= 12, f"{lang}: only {len(long_pages)} pages of 600+ words: {counts}"
    assert sum(counts.values()) >= minimum_total, f"{lang}: {sum(counts.values())} words"


def test_translations_are_neither_summaries_nor_padding():
    problems = []
    for source in pages("fr"):
        base = words(source)
        for lang in ("nl", "de"):
            other = source.with_name(source.name.replace(".fr.md", f".{lang}.md"))
            ratio = words(other) / base
            if not 0.6 <= ratio <= 1.6:
                problems.append(f"{other.relative_to(ROOT)}: {ratio:.2f}× the French length")
    assert not problems, "\n".join(problems)

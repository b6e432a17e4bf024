"""Structural parity of the three language versions of a page.

Why: a Dutch coach and a Walloon coach holding "the same page" must find the same sections, the
same links and the same generated blocks. We compare each translation with its French source:
heading levels and explicit ids, internal link targets, and markers — and name the page and the
first difference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from scripts.languages import DEFAULT, LANGUAGES

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$", re.M)
_ID = re.compile(r"\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
_LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_MARKER = re.compile(r"^[ \t]*<!--[ \t]*([a-z][a-z0-9-]*(?:[ \t]*:\s*[^\s>][^>]*?)?)\s*-->",
                     re.M)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


@dataclass(frozen=True)
class Structure:
    headings: tuple[str, ...]  # "h2", or "h2#id" when the heading has an explicit id
    links: tuple[str, ...]  # internal link targets, in order
    markers: tuple[str, ...]


def structure(markdown: str) -> Structure:
    text = _FENCE.sub("", _FRONT_MATTER.sub("", markdown))
    headings = []
    for hashes, content in _HEADING.findall(text):
        explicit = _ID.search(content)
        headings.append(f"h{len(hashes)}" + (f"#{explicit[1]}" if explicit else ""))
    links = tuple(target for target in _LINK.findall(text)
                  if not re.match(r"^[a-z][a-z0-9+.-]*:", target))
    markers = tuple(re.sub(r"\s*:\s*", ":", " ".join(m.split())) for m in _MARKER.findall(text))
    return Structure(tuple(headings), links, markers)


def _first_difference(kind: str, source: tuple, other: tuple) -> str:
    for i, (a, b) in enumerate(zip(source, other)):
        if a != b:
            return f"{kind} #{i + 1}: {a!r} in French, {b!r} here"
    if len(source) > len(other):
        return f"{kind}: missing {list(source[len(other):])} (French has {len(source)})"
    return f"{kind}: extra {list(other[len(source):])} (French has {len(source)})"


def parity_problems(docs_dir: Path) -> list[str]:
    problems = []
    for source in sorted(docs_dir.rglob(f"*.{DEFAULT}.md")):
        reference = structure(source.read_text(encoding="utf-8"))
        for lang in LANGUAGES:
            if lang == DEFAULT:
                continue
            path = source.with_name(source.name.replace(f".{DEFAULT}.md", f".{lang}.md"))
            if not path.exists():
                continue  # reported by scripts.page_files
            other = structure(path.read_text(encoding="utf-8"))
            rel = path.relative_to(docs_dir.parent).as_posix()
            for kind in ("headings", "links", "markers"):
                a, b = getattr(reference, kind), getattr(other, kind)
                if a != b:
                    problems.append(f"{rel}: {_first_difference(kind, a, b)}")
    return problems

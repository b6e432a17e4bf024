"""Putting data text into generated Markdown and HTML safely.

Data text may mark a phrase in another language as ``{de|Vermittlung, Beratung}`` (one of fr,
nl, de, en): it is rendered as ``<span lang="de">…</span>``, so that a screen reader reads it in
that language's voice (WCAG 2.1, 3.1.2 Language of Parts); ``plain`` drops the mark where no
markup is possible (attributes, PDF field names).
"""

from __future__ import annotations

import html
import re

FOREIGN = re.compile(r"\{(fr|nl|de|en)\|([^{}|]+)\}")


def _parts(text: str):
    position = 0
    for match in FOREIGN.finditer(text):
        yield None, text[position:match.start()]
        yield match[1], match[2]
        position = match.end()
    yield None, text[position:]


def _markdown(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]#|])", r"\\\1", text)


def escape(text: str) -> str:
    """Text from data is text, never markup: HTML characters become entities, Markdown
    syntax characters are backslash-escaped (a ``<script>`` in a YAML file shows as text);
    phrases marked ``{xx|…}`` get their language."""
    return "".join(_markdown(part) if lang is None else
                   f'<span lang="{lang}">{_markdown(part)}</span>'
                   for lang, part in _parts(text))


def html_text(text: str) -> str:
    """The same for an HTML context."""
    return "".join(html.escape(part) if lang is None else
                   f'<span lang="{lang}">{html.escape(part)}</span>'
                   for lang, part in _parts(text))


def plain(text: str) -> str:
    """The text without language marks (for attributes and PDF field names)."""
    return FOREIGN.sub(r"\2", text)

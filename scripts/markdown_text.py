"""Putting data text into generated Markdown safely."""

from __future__ import annotations

import re


def escape(text: str) -> str:
    """Text from data is text, never markup: HTML characters become entities, Markdown
    syntax characters are backslash-escaped (a ``<script>`` in a YAML file shows as text)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]#|])", r"\\\1", text)

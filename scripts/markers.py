"""Replace the HTML-comment markers of a Markdown page with generated Markdown.

A marker is an HTML comment alone on its line(s), ``<!-- name -->`` or ``<!-- name: ARG -->``
(an argument may be a list over several lines, e.g. ``<!-- sources: id-1 id-2 -->``);
with the build hook off it stays an invisible comment. Each marker name maps to a renderer, a
plain function ``(arg) -> Markdown``. A comment that looks like one of our markers but names
no renderer (a typo) stops the build with the page and line, instead of silently leaving a hole.
"""

from __future__ import annotations

import re
from typing import Callable

MARKER = re.compile(r"^[ \t]*<!--[ \t]*(?P<name>[a-z][a-z0-9-]*)(?:[ \t]*:\s*(?P<arg>[^\s>][^>]*?))?"
                    r"\s*-->[ \t]*$", re.M)
_OPENING = re.compile(r"^[ \t]*<!--[ \t]*(?P<name>[a-z][a-z0-9-]*)", re.M)

Renderer = Callable[[str | None], str]


class MarkerError(Exception):
    """A marker is unknown, lacks its argument, or its renderer refused the argument."""


def expand(markdown: str, renderers: dict[str, Renderer], page: str,
           prefixes: tuple[str, ...]) -> str:
    """Return ``markdown`` with every marker replaced.

    ``prefixes`` are the name prefixes reserved for markers (``"phase"`` …): a comment whose
    name starts with one of them must be a known marker.
    """
    def replace(match: re.Match) -> str:
        name, arg = match["name"], match["arg"]
        line = markdown.count("\n", 0, match.start()) + 1
        if name not in renderers:
            if name.startswith(prefixes):
                known = ", ".join(sorted(renderers))
                raise MarkerError(f"{page}:{line}: unknown marker '{name}' (known: {known})")
            return match[0]
        try:
            return renderers[name](arg)
        except (KeyError, ValueError) as error:
            detail = error.args[0] if error.args else error
            raise MarkerError(f"{page}:{line}: marker '{name}': {detail}") from None

    expanded = MARKER.sub(replace, markdown)
    # A comment that opens like one of our markers but did not parse (a missing "-->", a stray
    # ">") would otherwise stay an invisible comment: a silently missing block.
    for match in _OPENING.finditer(expanded):
        if match["name"].startswith(prefixes) and not MARKER.match(expanded, match.start()):
            line = expanded.count("\n", 0, match.start()) + 1
            raise MarkerError(f"{page}:{line}: marker '{match['name']}' is not well formed "
                              "(write <!-- name: ARG --> alone on its line(s))")
    return expanded

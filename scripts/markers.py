"""Replace the HTML-comment markers of a Markdown page with generated Markdown.

A marker is an HTML comment alone on its line, ``<!-- name -->`` or ``<!-- name: ARG -->``;
with the build hook off it stays an invisible comment. Each marker name maps to a renderer, a
plain function ``(arg) -> Markdown``. A comment that looks like one of our markers but names
no renderer (a typo) stops the build with the page and line, instead of silently leaving a hole.
"""

from __future__ import annotations

import re
from typing import Callable

MARKER = re.compile(r"^[ \t]*<!--[ \t]*(?P<name>[a-z][a-z0-9-]*)(?:[ \t]*:[ \t]*(?P<arg>[^\s>]+))?"
                    r"[ \t]*-->[ \t]*$", re.M)

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

    return MARKER.sub(replace, markdown)

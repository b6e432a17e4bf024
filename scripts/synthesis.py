"""The site's own synthesis, labelled the same way everywhere.

Why: the site's promise is that facts are cited and know-how is labelled as know-how. Entry and
exit criteria, indicative durations, definitions such as "realistic means …" and rules of thumb
inside worksheets are the editors' synthesis, not a rule of the MIRE decree or of UWV: a reader
must see that at a glance, in the same words on every page.

In Markdown, a passage is marked with an admonition of type ``synthesis`` *without* a title;
the build gives it the fixed title of ``data/ui.yml`` (``synthesis_title``) in the page's
language. Generated blocks use :func:`block`.
"""

from __future__ import annotations

import re

_UNTITLED = re.compile(r'^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]+synthesis[ \t]*$', re.M)
_TITLED = re.compile(r'^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+synthesis[ \t]+"', re.M)


class SynthesisError(ValueError):
    """A synthesis block carries its own title: the wording must stay the same everywhere."""


def label(markdown: str, title: str, page: str) -> str:
    """Give every ``!!! synthesis`` block of a page the fixed title."""
    titled = _TITLED.search(markdown)
    if titled:
        line = markdown.count("\n", 0, titled.start()) + 1
        raise SynthesisError(f"{page}:{line}: a synthesis block takes no title of its own "
                             f"(write '!!! synthesis' alone; the title comes from data/ui.yml)")
    escaped = title.replace('"', "'")
    return _UNTITLED.sub(lambda m: f'{m["indent"]}{m["marker"]} synthesis "{escaped}"', markdown)


def block(markdown_body: str, title: str) -> str:
    """A generated passage of the site's synthesis, as an admonition with the fixed title."""
    body = "\n".join(f"    {line}" if line.strip() else "" for line in markdown_body.splitlines())
    escaped = title.replace('"', "'")
    return f'!!! synthesis "{escaped}"\n\n{body}\n'

"""Sitemap alternates: add the ``x-default`` entry (pointing to French) next to fr/nl/de.

mkdocs-static-i18n writes ``<xhtml:link rel="alternate" hreflang=…>`` for each language of a
page but no ``x-default``; the page heads have one, and the sitemap must match them.
"""

from __future__ import annotations

import re

from scripts.languages import DEFAULT

_DEFAULT_LINK = re.compile(
    r'^(?P<indent>[ \t]*)<xhtml:link rel="alternate" hreflang="' + DEFAULT
    + r'" href="(?P<href>[^"]+)"\s*/>\n', re.M)


def add_x_default(sitemap: str) -> str:
    """Return the sitemap with an x-default alternate after each French alternate."""
    if 'hreflang="x-default"' in sitemap:
        return sitemap
    return _DEFAULT_LINK.sub(
        lambda m: m[0] + f'{m["indent"]}<xhtml:link rel="alternate" hreflang="x-default" '
                         f'href="{m["href"]}"/>\n',
        sitemap)

"""overrides/partials/nav-item.html is Material's navigation template reduced to this site's
features, to build faster: it must render the same navigation as Material's own template."""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import copy_project

OVERRIDE = Path("overrides/partials/nav-item.html")


class _PrimaryNav(HTMLParser):
    """The primary navigation of a page as a list of tags (with attributes) and words:
    whitespace between and inside elements is not part of what is compared."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens: list[str] = []
        self.depth = 0  # <nav> elements open inside the primary navigation

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag == "nav" and (self.depth or "md-nav--primary" in classes.split()):
            self.depth += 1
        if self.depth:
            # Material writes tabindex="" on section labels: invalid HTML, read by browsers as
            # no tabindex, which is what the override writes (test_html_validity.py).
            normalized = sorted((name, " ".join((value or "").split())) for name, value in attrs
                                if (name, value) != ("tabindex", ""))
            self.tokens.append(f"<{tag} {normalized}>")

    def handle_endtag(self, tag):
        if self.depth:
            self.tokens.append(f"</{tag}>")
            if tag == "nav":
                self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.tokens.extend(data.split())


def _primary_nav(page: Path) -> list[str]:
    parser = _PrimaryNav()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.tokens


def test_the_reduced_navigation_template_renders_what_materials_renders(site, tmp_path):
    project = copy_project(tmp_path / "project")
    assert (project / OVERRIDE).exists()
    (project / OVERRIDE).unlink()  # Material's own partials/nav-item.html is used instead
    # French only (the template does not depend on the language; the copy, outside git, has
    # no page dates and renders its PDFs again: a third of them).
    env = {**os.environ, "SITE_URL": site.url, "NO_MKDOCS_2_WARNING": "1",
           "BUILD_ONLY_LOCALE": "fr"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                             "--site-dir", str(tmp_path / "material")],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    pages = sorted(p for p in site.dir.rglob("*.html")
                   if p.relative_to(site.dir).parts[0] not in ("nl", "de"))
    assert len(pages) > 40
    for page in pages:
        ours = _primary_nav(page)
        assert any(t.startswith("<a ") and "md-nav__link--active" in t for t in ours) or \
            page.name == "404.html", f"{page}: no active page in the navigation"
        materials = _primary_nav(tmp_path / "material" / page.relative_to(site.dir))
        assert len(ours) > 200 and ours == materials, (
            f"{page.relative_to(site.dir)}: the navigation differs from Material's; the override "
            f"only covers the features in mkdocs.yml (first difference at token "
            f"{next((i for i, (a, b) in enumerate(zip(ours, materials)) if a != b), None)})")

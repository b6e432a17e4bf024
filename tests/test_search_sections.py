"""scripts.search_sections gives the search entries Material's search plugin would give, from
the same HTML, character for character: compared with Material's own parser on tricky HTML and
on every page of the built site."""

from __future__ import annotations

import re

import pytest
from material.plugins.search.plugin import Parser

from scripts import search_sections

TRICKY = [
    "<p>Before any heading</p><h1 id='t'>Title <a class=\"headerlink\" href=\"#t\">¶</a></h1>"
    "<p>One &amp; two &lt;three&gt; &#39;four&#39;</p>",
    "<h2 id=\"a\">A</h2><p>   </p><ul>\n<li>one</li>\n<li>  </li></ul><p><code>x &lt; y</code></p>",
    "<div><h2 id=\"n\">Nested</h2><p>in</p></div><p>after the div</p><h3 id=\"b\">B</h3>",
    "<h2 id=\"c\">C</h2><pre><code>line 1\n  line 2\n</code></pre><p>x<br/>y<br>z</p>",
    "<h2 id=\"d\">D</h2><script>var a = '<p>not text</p>';</script><style>p{}</style><p>kept</p>",
    "<h2 id=\"e\">E</h2><!-- a comment --><p>Text<sup>2</sup> <sub></sub> and\nnew line</p>"
    "<input type=\"text\" name=\"x\"><textarea>typed</textarea>",
    "<h2>No id</h2><p>stays in the section before</p><h4 id=\"f\" class='x'>F</h4><ol><li>"
    "<p>deep</p></li></ol><table><tr><td>cell</td></tr></table>",
]


def _material(html: str) -> list[tuple]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.el.tag, s.id, "".join(s.title).strip(), "".join(s.text).strip())
            for s in parser.data]


@pytest.mark.parametrize("html", TRICKY)
def test_the_sections_are_those_of_material(html):
    assert search_sections.sections(html) == _material(html)


def test_the_sections_of_every_built_page_are_those_of_material(site):
    pages = sorted(site.dir.rglob("index.html"))
    assert len(pages) > 200
    for path in pages:
        article = re.search(r"<article[^>]*>(.*)</article>", path.read_text(encoding="utf-8"),
                            re.S)
        assert article, path
        assert search_sections.sections(article[1]) == _material(article[1]), path


def test_entries_use_the_table_of_contents_and_the_page_title():
    html = "<p>intro</p><h2 id=\"goal\">Goal</h2><p>text</p><h2 id=\"x\">X</h2>"
    entries = search_sections.entries(html, "method/p1/", {"goal": "#goal-toc"}, "Page title",
                                      tags=["P1", None, 3], boost=2)
    assert entries == [
        {"location": "method/p1/", "title": "Page title", "text": "<p>intro</p>",
         "tags": ["P1", "3"], "boost": 2},
        {"location": "method/p1/#goal-toc", "title": "Goal", "text": "<p>text</p>",
         "tags": ["P1", "3"], "boost": 2},
        {"location": "method/p1/#x", "title": "X", "text": "", "tags": ["P1", "3"], "boost": 2}]


def test_unsupported_search_exclusion_names_the_page():
    with pytest.raises(search_sections.UnsupportedPage,
                       match=r"docs/a\.fr\.md: search sections: data-search-exclude"):
        search_sections.sections("<h2 id='a'>A</h2><div data-search-exclude>x</div>",
                                 "docs/a.fr.md")

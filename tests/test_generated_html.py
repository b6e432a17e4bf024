"""Generated blocks of plain HTML skip Markdown (scripts/mkdocs_hooks.py): the page gets exactly
what Markdown would have copied, and a block that loses its place stops the build."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest
from mkdocs.exceptions import PluginError

from scripts import mkdocs_hooks as hooks

BLOCK = '<div class="worksheet"><p>Nom * et _prénom_</p>\n<table><tr><td>1</td></tr></table></div>'


def _render(text: str, renderers: dict) -> str:
    page = SimpleNamespace(generated_html={}, file=SimpleNamespace(src_uri="method/x.fr.md"))
    expanded = hooks.markers.expand(
        text, hooks._passing_markdown(renderers, page.generated_html), page="x", prefixes=())
    html = markdown.Markdown(extensions=["md_in_html", "attr_list"]).convert(expanded)
    for key, block in page.generated_html.items():
        assert key in html
        html = html.replace(key, block, 1)
    return html


def test_a_plain_html_block_comes_out_as_markdown_would_copy_it():
    text = "Avant *ceci*.\n\n<!-- worksheet: x -->\n\nAprès."
    renderers = {"worksheet": lambda arg: BLOCK}
    through_markdown = markdown.Markdown(extensions=["md_in_html", "attr_list"]).convert(
        text.replace("<!-- worksheet: x -->", BLOCK))
    assert _render(text, renderers) == through_markdown
    assert "Nom * et _prénom_" in _render(text, renderers)  # no emphasis made of it


def test_markdown_output_and_markdown_attributes_still_go_through_markdown():
    renderers = {"worksheet": lambda arg: '<div class="w" markdown>\n*mis en avant*\n</div>',
                 "checklist": lambda arg: "- une *liste*",
                 "sources": lambda arg: '<div class="s"><p>x</p></div>'}
    html = _render("<!-- worksheet: a -->\n\n<!-- checklist: b -->\n\n<!-- sources: c -->",
                   renderers)
    assert "<em>mis en avant</em>" in html and "<li>une <em>liste</em></li>" in html
    assert '<div class="s"><p>x</p></div>' in html  # a marker not in the list: Markdown's way


def test_a_block_that_lost_its_place_stops_the_build():
    page = SimpleNamespace(generated_html={"<!--generated-html:0-->": BLOCK},
                           file=SimpleNamespace(src_uri="method/x.fr.md"))
    with pytest.raises(PluginError, match=r"docs/method/x\.fr\.md: generated HTML lost its place"):
        hooks.on_page_content("<p>rien</p>", page, SimpleNamespace(), None)


def test_headings_between_html_blocks_still_make_the_table_of_contents():
    output = ('## A {#letter-a}\n\n<div class="entry" id="t1"><p>*one*</p></div>\n\n'
              '<ul class="sources"><li>x_y_z</li></ul>\n\n## B {#letter-b}\n\n'
              '<div class="entry" markdown>\n*two*\n</div>')
    page = SimpleNamespace(generated_html={})
    expanded = hooks.markers.expand("<!-- glossary -->", hooks._passing_markdown(
        {"glossary": lambda arg: output}, page.generated_html), page="x", prefixes=())
    assert len(page.generated_html) == 2  # the two plain blocks; the third asks for Markdown
    html = _render("<!-- glossary -->", {"glossary": lambda arg: output})
    assert '<h2 id="letter-a">A</h2>' in html and '<h2 id="letter-b">B</h2>' in html
    assert "<p>*one*</p>" in html and "<li>x_y_z</li>" in html  # copied as they are
    assert "<em>two</em>" in html

"""The built site: strict and silent build, three languages everywhere, hreflang, sitemap,
per-language search indexes and 404 pages."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import LANGS, ROOT

PAGES = sorted(p.relative_to(ROOT / "docs").as_posix()[: -len(".fr.md")]
               for p in (ROOT / "docs").rglob("*.fr.md"))


def _html(site, rel: str) -> str:
    return (site.dir / rel).read_text(encoding="utf-8")


def _page_rel(page: str, lang: str) -> str:
    """Built file of a page: "method/index" → "nl/method/index.html", "about" → "nl/about/…"."""
    prefix = "" if lang == "fr" else f"{lang}/"
    if page == "index" or page.endswith("/index"):
        return f"{prefix}{page[: -len('index')]}index.html"
    return f"{prefix}{page}/index.html"


def test_strict_build_prints_no_warning(site):
    noisy = [line for line in site.output.splitlines()
             if "WARNING" in line or "ERROR" in line or "DeprecationWarning" in line]
    assert not noisy, "the strict build printed warnings:\n" + "\n".join(noisy)


def test_every_page_is_built_in_every_language_with_its_lang(site):
    assert PAGES, "no French page found in docs/"
    for page in PAGES:
        for lang in LANGS:
            rel = _page_rel(page, lang)
            assert (site.dir / rel).exists(), f"{rel} was not built"
            assert f'<html lang="{lang}"' in _html(site, rel), f"{rel}: wrong <html lang>"


def test_every_built_page_declares_its_language(site):
    for page in site.pages():
        lang = page.parts[0] if page.parts[0] in LANGS[1:] else "fr"
        assert f'<html lang="{lang}"' in _html(site, page.as_posix()), f"{page}: wrong lang"


def _alternates(html: str) -> dict[str, str]:
    return dict((lang, href) for href, lang in re.findall(
        r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html))


def test_head_hreflang_alternates_are_absolute_and_point_to_the_same_page(site):
    for page in PAGES:
        expected = {lang: site.url + _page_rel(page, lang).replace("index.html", "")
                    for lang in LANGS}
        expected["x-default"] = expected["fr"]
        for lang in LANGS:
            rel = _page_rel(page, lang)
            assert _alternates(_html(site, rel)) == expected, f"{rel}: hreflang alternates"


def test_sitemap_lists_every_page_with_all_alternates(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
          "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site.dir / "sitemap.xml").getroot()
    entries = {}
    for url in root.findall("s:url", ns):
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        entries[url.find("s:loc", ns).text] = links
    for page in PAGES:
        for lang in LANGS:
            loc = site.url + _page_rel(page, lang).replace("index.html", "")
            assert loc in entries, f"sitemap.xml lacks {loc}"
            links = entries[loc]
            assert set(links) == {"fr", "nl", "de", "x-default"}, f"{loc}: {sorted(links)}"
            assert links["x-default"] == links["fr"]
            assert links[lang] == loc


def test_one_search_index_per_language(site):
    for lang in LANGS:
        prefix = "" if lang == "fr" else f"{lang}/"
        index = json.loads(_html(site, f"{prefix}search/search_index.json"))
        assert index["config"]["lang"] == [lang]
        pages = {doc["location"].split("#")[0] for doc in index["docs"]}
        expected = {_page_rel(p, "fr").removesuffix("index.html") for p in PAGES}
        assert pages == expected, f"{lang} index: {sorted(pages)}"
        for doc in index["docs"]:
            assert not doc["location"].startswith(("nl/", "de/")), doc["location"]


def test_material_loads_the_index_of_the_page_language(site):
    for page in PAGES:
        for lang in LANGS:
            rel = _page_rel(page, lang)
            config = json.loads(re.search(
                r'<script id="__config" type="application/json">(.*?)</script>',
                _html(site, rel), re.S)[1])
            base = (Path(rel).parent / config["base"]).as_posix()
            expected = "." if lang == "fr" else lang
            assert Path(base).resolve() == Path(expected).resolve(), f"{rel}: base {base}"


NOT_FOUND_TITLE = {"fr": "Page introuvable", "nl": "Pagina niet gevonden",
                   "de": "Seite nicht gefunden"}


def test_a_404_page_per_language(site):
    for lang in LANGS:
        rel = "404.html" if lang == "fr" else f"{lang}/404.html"
        html = _html(site, rel)
        assert f'<html lang="{lang}"' in html, rel
        assert NOT_FOUND_TITLE[lang] in html, rel
        others = [t for code, t in NOT_FOUND_TITLE.items() if code != lang]
        assert not any(t in html for t in others), f"{rel} mixes languages"


def test_no_third_party_resource_in_any_page(site):
    """Scripts, styles, images, fonts and frames come from the site itself."""
    resource = re.compile(r'<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc="([^"]+)"'
                          r'|<link\b(?![^>]*rel="(?:alternate|canonical)")[^>]*href="([^"]+)"')
    for page in site.pages():
        html = _html(site, page.as_posix())
        for match in resource.finditer(html):
            url = match[1] or match[2]
            assert not re.match(r"^(https?:)?//", url) or url.startswith(site.url), \
                f"{page}: loads {url}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page

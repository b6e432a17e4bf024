"""The offline bundle (scripts/offline.py) works from file:// in Chromium: navigation,
search in the reader's language, checklists; nothing is requested from any host."""

from __future__ import annotations

import zipfile

import pytest

from scripts import offline
from tests.test_browser import PageWatch

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    site = tmp_path_factory.mktemp("offline") / "site"
    offline.build_offline(site)
    archive = offline.zip_site(site, site.parent / "bundle.zip")
    target = site.parent / "unzipped"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(target)
    return target / "jobcoaching"


def test_bundle_has_no_server_only_urls(bundle):
    assert (bundle / "index.html").exists() and (bundle / "nl" / "method" / "p3-job-search.html").exists()
    assert (bundle / "nl" / "search" / "search_index.js").exists()
    assert (bundle / "pdf" / "checklists" / "p3-job-search.nl.pdf").exists()
    html = (bundle / "de" / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and "iframe-worker-shim.js" in html


def test_navigation_search_and_checklists_from_file(bundle, page):
    watch = PageWatch(page)
    page.goto((bundle / "index.html").as_uri())
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="nl"]').click()
    assert page.url.endswith("/nl/index.html")
    page.locator(".md-nav__link", has_text="P3 · ").first.click()
    assert page.url.endswith("/nl/method/p3-job-search.html")
    assert page.locator("h1").first.inner_text().startswith("P3 · ")
    page.locator(".md-search__input").click()
    page.keyboard.type("proefplaatsing", delay=20)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=15_000)
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert hrefs and all("/nl/" in href for href in hrefs), hrefs
    page.goto((bundle / "de" / "checklists" / "p4-hiring.html").as_uri())
    page.locator("form.checklist input[type=checkbox]").nth(1).check()
    page.reload()
    assert page.locator("form.checklist input[type=checkbox]").nth(1).is_checked()
    external = [u for u in watch.requests if not u.startswith(("file:", "data:", "blob:"))]
    assert not external, external
    assert not watch.errors, watch.errors

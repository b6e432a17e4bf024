"""The built site in real headless Chromium: every page, every language.

Checks what a reader meets: the language switcher keeps the page, search answers in the
reader's language, nothing is requested from another host, no cookie, no console error, axe-core
finds no WCAG 2.1 A/AA violation, keyboard users get a skip link and a visible focus, and the
print view drops the site chrome.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.conftest import LANGS

pytestmark = pytest.mark.browser

# WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices (e.g. named dialogs).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
LANG_NAMES = {"fr": "Français", "nl": "Nederlands", "de": "Deutsch"}


def _lang_of(url: str, site) -> str:
    path = url[len(site.url):]
    return next((lang for lang in LANGS[1:] if path.startswith(f"{lang}/")), "fr")


class PageWatch:
    """Records what a page does: requests, console errors, uncaught exceptions."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def foreign_requests(self, site) -> list[str]:
        own = urlsplit(site.url).netloc
        return [url for url in self.requests
                if urlsplit(url).scheme not in ("data", "blob")
                and urlsplit(url).netloc != own]


def _axe_violations(page, axe_source) -> list[str]:
    # Evaluated through the DevTools protocol: an injected <script> would be (rightly) blocked
    # by the site's Content-Security-Policy.
    page.evaluate(axe_source)
    # Off-screen navigation is not rendered (content-visibility: auto in extra.css); render
    # it, so that axe checks the contrast of every text (set through CSSOM: CSP-safe).
    page.evaluate("""() => document.querySelectorAll('*').forEach(el => {
        if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
    })""")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                        for n in v["nodes"][:5])
            for v in result["violations"]]


CSP_LISTENER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
    e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


def test_every_page_is_clean(site, page, axe_source):
    """axe-core, console, third-party requests, cookies and (served by nginx) the
    Content-Security-Policy, on every built page."""
    page.add_init_script(CSP_LISTENER)
    watch = PageWatch(page)
    problems = []
    for rel in site.pages():
        url = site.url_of(rel)
        response = page.goto(url, wait_until="networkidle")
        if response is None or response.status != 200:
            problems.append(f"{rel}: HTTP {response and response.status}")
            continue
        problems += [f"{rel}: CSP violation {v}" for v in page.evaluate("window.__csp")]
        for violation in _axe_violations(page, axe_source):
            problems.append(f"{rel}: axe {violation}")
    problems += [f"console error: {e}" for e in watch.errors]
    problems += [f"request to another host: {u}" for u in watch.foreign_requests(site)]
    cookies = page.context.cookies()
    problems += [f"cookie set: {c['name']}" for c in cookies]
    assert not problems, "\n".join(problems)


def _switch_language(page, lang: str):
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("rel", ["", "about/", "accessibility/", "privacy/"])
def test_language_switcher_keeps_the_page(site, page, rel):
    watch = PageWatch(page)
    page.goto(site.url + rel)
    for lang in ["nl", "de", "fr", "de", "nl", "fr"]:
        _switch_language(page, lang)
        prefix = "" if lang == "fr" else f"{lang}/"
        assert page.url == site.url + prefix + rel, f"switch to {lang}"
        assert page.locator("html").get_attribute("lang") == lang
    assert not watch.errors, watch.errors
    assert not watch.foreign_requests(site)


SEARCH_TERMS = {"fr": "WCAG", "nl": "WCAG", "de": "WCAG"}


@pytest.mark.parametrize("lang", LANGS)
def test_search_answers_in_the_reader_language(site, page, lang):
    watch = PageWatch(page)
    prefix = "" if lang == "fr" else f"{lang}/"
    page.goto(site.url + prefix + "privacy/")
    page.locator(".md-search__input").click()
    page.keyboard.type(SEARCH_TERMS[lang], delay=20)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=10_000)
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert hrefs, "no search result"
    assert {_lang_of(href, site) for href in hrefs} == {lang}, hrefs
    stemmers = [u.rsplit("/", 1)[-1] for u in watch.requests if "/lunr/min/lunr." in u]
    assert f"lunr.{lang}.min.js" in stemmers, stemmers
    assert not any(f"lunr.{other}.min.js" in stemmers for other in LANGS if other != lang)
    assert not watch.errors, watch.errors


@pytest.mark.parametrize("lang", LANGS)
def test_unknown_address_gets_the_404_page_of_its_language(site, page, lang):
    prefix = "" if lang == "fr" else f"{lang}/"
    response = page.goto(site.url + prefix + "no-such-page/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    home = page.locator("article a").first
    assert home.get_attribute("href") == "/" + prefix


def test_skip_link_and_visible_focus(site, page):
    page.goto(site.url + "nl/about/")
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    box = skip.bounding_box()
    assert box and box["width"] > 10 and box["height"] > 10
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    target = skip.get_attribute("href").split("#", 1)[1]
    skip.press("Enter")
    assert page.url.endswith("#" + target)
    assert page.locator(f"#{target}").count() == 1


def test_the_closed_phone_drawer_waits_for_layout_and_opens_with_its_links(site, page):
    """On a phone the navigation drawer is laid out only when it comes into view (extra.css);
    opened, it shows its links; print lays out everything."""
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(site.url + "de/method/p3-job-search/")
    drawer = page.locator(".md-sidebar--primary .md-sidebar__scrollwrap")
    assert drawer.evaluate("el => getComputedStyle(el).contentVisibility") == "auto"
    link = page.locator(".md-sidebar--primary a.md-nav__link[href='../p4-hiring/']")
    closed = link.bounding_box()
    assert closed is None or closed["x"] + closed["width"] <= 0, "the drawer is not closed"
    page.locator("header label[for=__drawer]").click()
    page.wait_for_function("""() => { const a = document.querySelector(
        ".md-sidebar--primary a.md-nav__link[href='../p4-hiring/']");
        const box = a.getBoundingClientRect(); return box.left >= 0 && box.width > 50; }""")
    assert link.is_visible() and link.inner_text().startswith("P4")
    page.emulate_media(media="print")
    assert drawer.evaluate("el => getComputedStyle(el).contentVisibility") == "visible"


def test_drawer_and_search_start_closed_even_when_the_browser_restores_them(site, page):
    """Firefox restores a checkbox's state after a reload; the toggles no longer carry the
    (invalid) autocomplete="off" that prevented it, so site.js closes them as it starts — before
    Material, which starts after the first paint. Simulated: the page arrives with both
    checked."""
    url = site.url + "nl/about/"

    def checked_toggles(route):
        html = route.fetch().text()
        for toggle in ("__drawer", "__search"):
            assert f'id="{toggle}">' in html
            html = html.replace(f'id="{toggle}">', f'id="{toggle}" checked>')
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route(url, checked_toggles)
    page.add_init_script("""document.addEventListener("DOMContentLoaded", () => {
        window.__toggles = ["__drawer", "__search"].map(id => document.getElementById(id).checked);
    }, {once: true});""")
    page.goto(url)
    assert page.evaluate("window.__toggles") == [False, False]


def test_print_view_hides_header_navigation_and_footer(site, page):
    page.goto(site.url + "de/about/")
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary",
                     ".md-footer"]:
        assert not page.locator(selector).first.is_visible(), f"{selector} printed"
    assert page.locator("article h1").is_visible()


@pytest.mark.parametrize("width, height", [(1280, 900), (375, 740)])
def test_home_screenshots(site, page, artifacts_dir, width, height):
    """Not an assertion on looks: leaves screenshots for a person to check (README)."""
    page.set_viewport_size({"width": width, "height": height})
    for lang in LANGS:
        prefix = "" if lang == "fr" else f"{lang}/"
        page.goto(site.url + prefix, wait_until="networkidle")
        assert page.locator("h1").first.is_visible()
        page.screenshot(path=artifacts_dir / f"home-{lang}-{width}.png", full_page=False)


def test_checklist_ticks_survive_a_reload_and_reset_clears_them(site, page):
    page.goto(site.url + "nl/checklists/p3-job-search/")
    boxes = page.locator("form.checklist input[type=checkbox]")
    assert boxes.count() >= 8
    boxes.nth(0).check()
    boxes.nth(2).check()
    page.locator("form.checklist input[type=text]").first.fill("A. B.")
    assert "browser" in page.locator(".checklist__status").inner_text()
    page.reload()
    boxes = page.locator("form.checklist input[type=checkbox]")
    assert boxes.nth(0).is_checked() and boxes.nth(2).is_checked()
    assert not boxes.nth(1).is_checked()
    assert page.locator("form.checklist input[type=text]").first.input_value() == "A. B."
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-checklist-reset]").click()
    assert boxes.nth(0).is_checked() is False
    page.reload()
    assert page.locator("form.checklist input[type=checkbox]:checked").count() == 0
    assert page.context.cookies() == []


def test_checklist_print_view_shows_the_paper_trace(site, page):
    page.goto(site.url + "de/checklists/p3-job-search/")
    page.locator("form.checklist input[type=checkbox]").first.check()
    page.emulate_media(media="print")
    trace = page.locator(".checklist__trace")
    assert trace.is_visible()
    text = trace.inner_text()
    assert "Sprache: Deutsch" in text and "Version" in text
    assert site.url + "de/checklists/p3-job-search/" in text
    assert trace.locator("svg").count() == 1  # QR code, drawn inline
    assert not page.locator(".checklist__actions").is_visible()
    assert not page.locator(".md-header").is_visible()
    # "Print blank": the ticks stay in the browser but do not show on paper.
    page.evaluate("document.querySelector('form.checklist').classList.add('checklist--blank')")
    appearance = page.locator("form.checklist input[type=checkbox]").first.evaluate(
        "el => getComputedStyle(el).appearance")
    assert appearance == "none"


def test_checklist_printing_date_is_filled_when_printing_not_at_start_up(site, page):
    """Formatting a date loads the browser's locale data: done before printing, not while the
    page starts (it made checklist pages block a phone for 40–70 ms)."""
    page.goto(site.url + "de/checklists/p3-job-search/")
    page.wait_for_load_state("load")
    date = page.locator("form.checklist [data-print-date]")
    assert date.inner_text() == ""
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    year = page.evaluate("String(new Date().getFullYear())")
    assert year in date.inner_text() and date.inner_text() != year  # "27. November 2026"


def test_self_assessment_scores_in_the_browser(site, page):
    from scripts.self_assessment import load_self_assessment
    from tests.conftest import ROOT
    data = load_self_assessment(ROOT / "data" / "self-assessment.yml")
    watch = PageWatch(page)
    page.goto(site.url + "nl/self-assessment/")
    first, second = data.dimensions[0], data.dimensions[1]
    # Keyboard: focus the first radio of the first item, move to score 4 with the arrows.
    page.locator(f"#sa-{first.items[0].id}-1").focus()
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    assert page.locator(f"#sa-{first.items[0].id}-4").is_checked()
    page.locator(f"label[for=sa-{first.items[1].id}-2]").click()
    page.locator(f"label[for=sa-{second.items[0].id}-5]").click()
    row = page.locator(f'[data-result="{first.id}"]')
    assert row.locator(".sa-score").inner_text() == "3,0"  # (4 + 2) / 2, Dutch decimal comma
    assert row.locator(".sa-answered").inner_text() == f"2 / {len(first.items)}"
    overall = page.locator('[data-result="overall"] .sa-score').inner_text()
    assert overall == "3,7"  # (4 + 2 + 5) / 3
    page.emulate_media(media="print")
    assert page.locator(".sa-results").is_visible()
    assert not page.locator(".sa-actions").is_visible()
    page.emulate_media(media="screen")
    page.locator("form.self-assessment button[type=reset]").click()
    expect(row.locator(".sa-score")).to_have_text("—")
    assert not watch.errors and not watch.foreign_requests(site)


def test_search_index_is_loaded_only_when_the_reader_searches(site, page):
    watch = PageWatch(page)
    page.goto(site.url + "de/method/p2-competences/", wait_until="networkidle")
    assert not [u for u in watch.requests if "search_index" in u]
    page.locator(".md-search__input").click()
    page.keyboard.type("Praktikum", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert [u for u in watch.requests if u.endswith("de/search/search_index.json")]


def test_material_starts_after_the_first_paint_and_runs(site, page):
    """On the longest page, Material's bundle is requested only after the page has painted
    (site.js starts it: material-after-paint.js) and then runs in full: the search field it
    reveals is shown, and the table of contents follows the reading position."""
    watch = PageWatch(page)
    page.goto(site.url + "method/p3-job-search/", wait_until="networkidle")
    timing = page.evaluate("""() => ({
        paint: performance.getEntriesByName('first-paint')[0].startTime,
        bundle: performance.getEntriesByType('resource')
            .filter(e => /\\/bundle\\.[0-9a-f]+\\.min\\.js$/.test(e.name))
            .map(e => e.startTime)})""")
    assert len(timing["bundle"]) == 1 and timing["bundle"][0] > timing["paint"], timing
    assert page.evaluate("document.documentElement.classList.contains('js')")
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(page.locator(".md-search")).to_be_visible()  # hidden while the page is "no-js"
    heading = page.locator(".md-typeset h2").nth(2)
    anchor = heading.get_attribute("id")
    page.evaluate("id => document.getElementById(id).scrollIntoView()", anchor)
    expect(page.locator(f'.md-sidebar--secondary a[href="#{anchor}"]')).to_have_class(
        re.compile(r"md-nav__link--active"))
    assert not watch.errors


@pytest.mark.parametrize("lang", LANGS)
def test_self_assessment_turns_the_weakest_answers_into_a_plan(site, page, lang):
    """After answering, the page lists the weakest items (three, up to five on a tie) with
    links to the tools that help; computed in the browser, nothing sent, printable."""
    from scripts.self_assessment import load_self_assessment
    from tests.conftest import ROOT
    data = load_self_assessment(ROOT / "data" / "self-assessment.yml")
    items = [item for d in data.dimensions for item in d.items]
    watch = PageWatch(page)
    prefix = "" if lang == "fr" else f"{lang}/"
    page.goto(site.url + prefix + "self-assessment/")
    plan = page.locator(".sa-plan")
    expect(plan.locator(".sa-plan__empty")).to_be_visible()
    scores = {items[0].id: 2, items[1].id: 4, items[2].id: 1, items[3].id: 5, items[4].id: 3,
              items[5].id: 4}
    for item_id, score in scores.items():
        page.locator(f"label[for=sa-{item_id}-{score}]").click()
    shown = plan.locator("[data-plan-item]:not([hidden])")
    expect(shown).to_have_count(3)
    order = shown.evaluate_all("els => els.map(e => e.dataset.planItem)")
    assert order == [items[2].id, items[0].id, items[4].id]
    assert shown.first.locator("[data-plan-score]").inner_text() == "1"
    links = shown.first.locator("ul a")
    assert links.count() == len(items[2].helps)
    for href in links.evaluate_all("els => els.map(a => a.href)"):
        assert page.request.get(href).status == 200, href
    expect(plan.locator(".sa-plan__empty")).to_be_hidden()
    page.emulate_media(media="print")
    assert plan.is_visible() and shown.first.is_visible()
    assert not watch.errors and not watch.foreign_requests(site)

"""Paragraphs written in another language than their page, outside parts marked with ``lang``.

Why: a screen reader reads a page in its language's voice; a French decree title on a Dutch page
must be marked ``lang="fr"`` (WCAG 2.1, 3.1.2 Language of Parts), and a paragraph left in French
on a German page is a translation gap. This module finds both in the built site.

    python -m scripts.prose_language site/      # lists the paragraphs, then the share per language

Text inside an element whose ``lang`` differs from the page's is left out (that is what the mark
is for); so are code, navigation and scripts. Units are paragraphs, list items and table cells
of the page's article; units shorter than ``MIN_WORDS`` words are not judged (a detector
cannot tell three words of Dutch from German).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

MIN_WORDS = 10
UNITS = {"p", "li", "td", "th", "dd", "figcaption"}
SKIP = {"script", "style", "code", "pre", "svg", "nav", "kbd", "button", "select", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@dataclass(frozen=True)
class Unit:
    page: str
    text: str


class _Extractor(HTMLParser):
    def __init__(self, page_lang: str):
        super().__init__(convert_charrefs=True)
        self.page_lang = page_lang
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, foreign, skipped)
        self.in_article = 0
        self.units: list[str] = []
        self.open_units: list[list[str]] = []

    def _hidden(self) -> bool:
        return any(foreign or skipped for _, foreign, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        lang = (attrs.get("lang") or "").split("-")[0]
        foreign = bool(lang) and lang != self.page_lang
        hidden = "hidden" in attrs or attrs.get("aria-hidden") == "true"
        self.stack.append((tag, foreign, tag in SKIP or hidden))
        if tag == "article":
            self.in_article += 1
        if self.in_article and tag in UNITS:
            self.open_units.append([])

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            name, _, _ = self.stack.pop()
            if self.in_article and name in UNITS and self.open_units:
                text = " ".join("".join(self.open_units.pop()).split())
                if text:
                    self.units.append(text)
            if name == "article":
                self.in_article -= 1
            if name == tag:
                break

    def handle_data(self, data):
        if self.in_article and self.open_units and not self._hidden():
            self.open_units[-1].append(data)


def units(html: str, page_lang: str) -> list[str]:
    """The text of each prose unit of a page's article, without foreign-marked parts."""
    parser = _Extractor(page_lang)
    parser.feed(html)
    return parser.units


def _detector():
    from lingua import Language, LanguageDetectorBuilder
    return LanguageDetectorBuilder.from_languages(
        Language.FRENCH, Language.DUTCH, Language.GERMAN, Language.ENGLISH).build()


_ADDRESSES = re.compile(r"https?://\S+|\b[\w.-]+\.(?:be|nl|de|org|eu|com|ch|at|info|fr|net|pl|ie|"
                        r"lu)\b(?:/\S*)?")
_CODES = {"FRENCH": "fr", "DUTCH": "nl", "GERMAN": "de", "ENGLISH": "en"}


def page_language(html: str) -> str:
    match = re.search(r'<html[^>]*\blang="([a-z]{2})', html)
    return match[1] if match else "fr"


def mismatches(site_dir: Path) -> tuple[dict[str, int], list[tuple[str, str, str]]]:
    """({language: units judged}, [(page, detected language, text)] for units judged to be in
    another language than their page)."""
    detector = _detector()
    judged: dict[str, int] = {}
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        lang = page_language(html)
        for text in units(html, lang):
            text = _ADDRESSES.sub(" ", text)  # addresses are in no language
            if len(re.findall(r"[^\W\d_]{2,}", text)) < MIN_WORDS:
                continue
            judged[lang] = judged.get(lang, 0) + 1
            detected = detector.detect_language_of(text)
            code = _CODES.get(detected.name) if detected else None
            if code and code != lang:
                found.append((path.relative_to(site_dir).as_posix(), code, text))
    return judged, found


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    judged, found = mismatches(site)
    for page, code, text in found:
        print(f"{page}: [{code}] {text[:160]}")
    for lang, count in sorted(judged.items()):
        wrong = sum(1 for page, _, _ in found if page_language(
            (site / page).read_text(encoding="utf-8")) == lang)
        print(f"{lang}: {wrong} of {count} paragraphs in another language "
              f"({100 * wrong / max(count, 1):.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

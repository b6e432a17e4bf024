"""The trilingual terminology concordance: one entry per concept, its term in Belgian French,
Netherlands Dutch and Ostbelgien German, regional variants, a definition per language and a
source.

Source: ``data/glossary/*.yml`` (files by theme, ``terms:`` lists). Rendered as a glossary page
per language (sorted in that language's alphabetical order, one anchor per term), a printable
trilingual concordance table, and links with the definition as a tooltip on the first use of a
term in content pages, in the page's language.
"""

from __future__ import annotations

import html
import locale
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scripts.markdown_text import escape, html_text, plain
from scripts.bibliography import Entries, SourceId, date_text
from scripts.translated import Text, Translated
from scripts.validation import list_item, validate
from scripts.yaml_source import DataFileError, line_of, load_folder, load_yaml


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Variants(_Strict):
    """Regional usage that differs from the site's reference usage."""

    fr_fr: Text | None = None  # France French
    nl_be: Text | None = None  # Belgian Dutch (Flemish)
    de_de: Text | None = None  # Germany German
    de_ch: Text | None = None  # Swiss German


SYSTEM_LANGUAGE = {"wallonia": "fr", "netherlands": "nl", "ostbelgien": "de", "germany": "de"}


class Term(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    term: Translated
    variants: Variants | None = None
    definition: Translated
    sources: list[SourceId] = []  # ids of data/sources.yml
    usage: bool = False  # the term is current professional usage (said, next to any sources)
    # Other forms to recognise in running text (plural, inflection), per language.
    forms: dict[str, list[Text]] | None = None
    # A term of one system only (a Dutch instrument, a Walloon body…): its name is kept in
    # every language, and a short gloss explains it to readers of the other languages.
    system: Literal["wallonia", "netherlands", "ostbelgien", "germany"] | None = None
    gloss: Translated | None = None
    # The termbase: variants a page must not use for this concept, per language (checked by
    # scripts/termbase.py; the glossary lists them so that a reader recognises them).
    avoid: dict[Literal["fr", "nl", "de"], Annotated[list[Text], Field(min_length=1)]] | None = None

    @model_validator(mode="after")
    def _gloss_with_system(self) -> "Term":
        if (self.system is None) != (self.gloss is None):
            raise ValueError("a term of one system only gives both 'system' and 'gloss'")
        if not self.sources and not self.usage:
            raise ValueError("give its sources (ids of data/sources.yml), or usage: true for a "
                             "term of current professional usage")
        return self


class GlossaryFile(_Strict):
    terms: Annotated[list[Term], Field(min_length=1)]


@dataclass(frozen=True)
class Entry:
    term: Term
    path: str  # data file, for messages


_label = list_item("terms", "term")


def _load_file(path: Path, name: str) -> tuple[str, Any, GlossaryFile]:
    raw = load_yaml(path, name)
    return name, raw, validate(raw, GlossaryFile, name, _label)


def load_glossary(directory: Path, display_dir: str = "data/glossary") -> list[Entry]:
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    errors = []
    raws: dict[str, Any] = {}
    for name, raw, data in load_folder(directory, display_dir, _load_file):
        raws[name] = raw
        for i, term in enumerate(data.terms):
            line = line_of(raw, ("terms", i, "id"))
            if term.id in seen:
                errors.append(f"{name}:{line}: term {term.id}: duplicate term id "
                              f"(already in {seen[term.id]})")
                continue
            if term.forms and set(term.forms) - {"fr", "nl", "de"}:
                errors.append(f"{name}:{line}: term {term.id}: forms: languages are fr, nl, de")
                continue
            seen[term.id] = f"{name}:{line}"
            entries.append(Entry(term, name))
    errors += _termbase_problems(entries, raws)
    if errors:
        raise DataFileError("\n".join(errors))
    return entries


def _termbase_problems(entries: list[Entry], raws: dict[str, Any]) -> list[str]:
    """An avoided variant that is the term (or a recognised form) of a concept in the same
    language would make every use of that term an error: refuse it, with the line."""
    preferred: dict[tuple[str, str], str] = {}
    for entry in entries:
        for lang in ("fr", "nl", "de"):
            for form in [entry.term.term[lang], *((entry.term.forms or {}).get(lang) or [])]:
                preferred[(lang, form.casefold())] = entry.term.id
    problems = []
    for entry in entries:
        raw = raws[entry.path]
        index = next(i for i, t in enumerate(raw["terms"]) if t.get("id") == entry.term.id)
        for lang, variants in (entry.term.avoid or {}).items():
            for variant in variants:
                owner = preferred.get((lang, variant.casefold()))
                if owner:
                    line = line_of(raw, ("terms", index, "avoid", lang))
                    problems.append(f"{entry.path}:{line}: term {entry.term.id}: avoid.{lang}: "
                                    f"'{variant}' is the term or a form of '{owner}' in {lang}")
    return problems


# ---------------------------------------------------------------------------------------------
# Sorting in each language's alphabetical order
# ---------------------------------------------------------------------------------------------


def sort_key(text: str, lang: str) -> tuple:
    """Alphabetical order for fr/nl/de: accents ignored at first, then as tie-breaker; Dutch
    ignores a leading article ("de", "het") and the apostrophe of "'s"."""
    lowered = text.casefold()
    if lang == "nl":
        lowered = re.sub(r"^(de|het|een)\s+", "", lowered)
    if lang == "de":
        lowered = lowered.replace("ß", "ss")
    base = "".join(c for c in unicodedata.normalize("NFD", lowered)
                   if unicodedata.category(c) != "Mn")
    base = re.sub(r"[^\w\s]", "", base)
    return (base, lowered)


def sorted_entries(entries: list[Entry], lang: str) -> list[Entry]:
    return sorted(entries, key=lambda e: sort_key(e.term.term[lang], lang))


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------

VARIANT_LABELS = ("fr_fr", "nl_be", "de_de", "de_ch")


def _variant(key: str, value: str, page_lang: str, esc) -> str:
    """A regional variant, marked with its language when it is not the page's."""
    lang = key[:2]
    return esc(value) if lang == page_lang else f'<span lang="{lang}">{esc(value)}</span>'



def anchor(term_id: str) -> str:
    return f"term-{term_id}"


def sources_html(term: Term, lang: str, ui: dict, bibliography: Entries, sources_href: str) -> str:
    """Where a term comes from, in the reader's language: current usage and/or its sources,
    each a link to its entry on the Sources page ("Publisher, year")."""
    parts = []
    if term.usage:
        parts.append(html.escape(ui["glossary_usage"][lang]))
    for source_id in term.sources:
        source = bibliography.get(source_id)
        year = date_text(source.date[:4] if source.date != "undated" else "undated", lang, ui)
        mark = f' lang="{source.lang}"' if source.lang != lang else ""
        parts.append(f'<a href="{sources_href}#src-{source_id}"><span{mark}>'
                     f'{html.escape(source.publisher)}</span>, {html.escape(year)}</a>')
    return "; ".join(parts)


def glossary_markdown(entries: list[Entry], lang: str, ui: dict, bibliography: Entries,
                      sources_href: str) -> str:
    """The glossary of one language: a letter index, then one definition per term."""
    lines: list[str] = []
    letter = None
    others = [code for code in ("fr", "nl", "de") if code != lang]
    for entry in sorted_entries(entries, lang):
        t = entry.term
        first = sort_key(t.term[lang], lang)[0][:1].upper() or "#"
        if first != letter:
            letter = first
            lines += [f"## {letter} {{#letter-{letter.lower()}}}", ""]
        colon = " :" if lang == "fr" else ":"
        equivalents = " · ".join(
            f'{ui["lang_" + code][lang]}{colon} <span lang="{term_lang(t, code)}">'
            f'{html.escape(t.term[code])}</span>'
            for code in others)
        variants = ""
        if t.variants:
            parts = [f"{ui['variant_' + key][lang]} {_variant(key, value, lang, html.escape)}"
                     for key in VARIANT_LABELS if (value := getattr(t.variants, key))]
            if parts:
                variants = f'<br><span class="glossary__variants">{"; ".join(parts)}</span>'
        lines += [
            f'<div class="glossary__entry" id="{anchor(t.id)}">',
            f'<p class="glossary__term"><dfn{_lang_attr(t, lang, lang)}>'
            f'{html.escape(t.term[lang])}</dfn></p>',
            f'<p class="glossary__def">{html_text(t.definition[lang])}</p>',
            f'<p class="glossary__meta">{equivalents}{variants}<br>'
            f'<span class="glossary__source">{ui["glossary_source"][lang]} '
            f'{sources_html(t, lang, ui, bibliography, sources_href)}</span></p>',
            "</div>", ""]
    return "\n".join(lines)


def term_lang(t: Term, code: str) -> str:
    """The language of a term's name in ``code``'s column: a term of one system keeps the name
    of that system's language (``proefplaatsing`` is Dutch on a French page too)."""
    if t.system and t.term[code] == t.term[SYSTEM_LANGUAGE[t.system]]:
        return SYSTEM_LANGUAGE[t.system]
    return code


def _lang_attr(t: Term, code: str, page_lang: str) -> str:
    term = term_lang(t, code)
    return f' lang="{term}"' if term != page_lang else ""


def column_order(lang: str) -> tuple[str, ...]:
    """The reader's language first, then the two others in the site's order."""
    return (lang,) + tuple(code for code in ("fr", "nl", "de") if code != lang)


_VARIANT_KEYS = {"fr": ("fr_fr",), "nl": ("nl_be",), "de": ("de_de", "de_ch")}


def _cell_extras(t: Term, code: str, lang: str, ui: dict, esc) -> list[str]:
    """What a concordance cell adds under the term: regional variants, and the gloss of a
    term of another system (in the reader's language)."""
    shown = []
    if t.system and code != SYSTEM_LANGUAGE[t.system]:
        shown.append(esc(t.gloss[lang]))
    if t.variants:
        shown += [f"{ui['variant_' + k][lang]} {_variant(k, v, lang, esc)}"
                  for k in _VARIANT_KEYS[code] if (v := getattr(t.variants, k))]
    return shown


def concordance_markdown(entries: list[Entry], lang: str, ui: dict) -> str:
    """The printable trilingual table, sorted in the reader's language, whose column comes
    first."""
    order = column_order(lang)
    rows = ["| " + " | ".join(ui[f"lang_{code}"][lang] for code in order) + " |",
            "| --- | --- | --- |"]
    for entry in sorted_entries(entries, lang):
        t = entry.term
        cells = []
        for code in order:
            cell = f'<span lang="{term_lang(t, code)}">{escape(t.term[code])}</span>'
            shown = _cell_extras(t, code, lang, ui, escape)
            if shown:
                cell += f'<br><small lang="{lang}">' + "; ".join(shown) + "</small>"
            cells.append(cell)
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


# ---------------------------------------------------------------------------------------------
# Tooltips: the first use of a term on a content page links to its definition
# ---------------------------------------------------------------------------------------------

_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "abbr", "small",
         "label", "button", "dfn", "th", "summary", "title", "svg", "form", "kbd", "nav",
         "cite"}
_TAG = re.compile(r"(<[^>]+>)")
_TAG_NAME = re.compile(r"^</?\s*([a-zA-Z0-9]+)")


def _key(text: str) -> str:
    """A form or a matched text, compared as the pattern matches: a capital first letter (start
    of a sentence) and any whitespace between words (text wrapped over two lines) are equal."""
    text = " ".join(text.split())
    return text[:1].lower() + text[1:]


def _trie_pattern(node: dict, first: bool = True) -> str:
    """A regular expression for every form in a character trie (``""`` marks the end of a
    form). At each word start the engine follows one branch instead of trying every form, and
    the greedy optional tail prefers the longest form."""
    branches = []
    for char, child in sorted((c, n) for c, n in node.items() if c):
        if char == " ":
            token = r"\s+"
        elif first and char.isalpha():
            token = f"[{re.escape(char.upper())}{re.escape(char)}]"
        else:
            token = re.escape(char)
        branches.append(token + _trie_pattern(child, first=False))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a complete form ends here; continue only if a longer one matches
        return f"(?:{body})?"
    return body


_PATTERNS: dict[str, tuple[list[Entry], re.Pattern, dict[str, Term]]] = {}  # lang → matcher


def _matcher(entries: list[Entry], lang: str) -> tuple[re.Pattern, dict[str, Term]]:
    """One pattern for every form of every term, and the term of each form (built once per
    glossary and language; the build calls this for every page)."""
    cached = _PATTERNS.get(lang)
    if cached is None or cached[0] is not entries:
        terms: dict[str, Term] = {}
        for entry in entries:
            for form in [entry.term.term[lang], *((entry.term.forms or {}).get(lang) or [])]:
                terms.setdefault(_key(form), entry.term)
        trie: dict = {}
        for form in terms:
            node = trie
            for char in form:
                node = node.setdefault(char, {})
            node[""] = {}
        pattern = re.compile(rf"(?<![\w-]){_trie_pattern(trie)}(?![\w-])")
        cached = _PATTERNS[lang] = (entries, pattern, terms)
    return cached[1], cached[2]


def link_terms(page_html: str, entries: list[Entry], lang: str, glossary_url: str) -> str:
    """Wrap the first occurrence of each term (outside links, headings, code…) in a link to
    its glossary entry whose title is the definition; keyboard users reach it with Tab and
    screen readers announce the definition as the link's description. A term is never linked
    inside a longer term ("jobcoaching" inside "jobcoaching collectif")."""
    pattern, terms = _matcher(entries, lang)
    done: set[str] = set()
    parts = _TAG.split(page_html)
    depth: dict[str, int] = {}
    for i, part in enumerate(parts):
        if not part:
            continue
        if part.startswith("<"):
            match = _TAG_NAME.match(part)
            if match and match[1].lower() in _SKIP and not part.endswith("/>"):
                name = match[1].lower()
                depth[name] = max(0, depth.get(name, 0) + (-1 if part.startswith("</") else 1))
            continue
        if any(depth.values()):
            continue
        pieces, position = [], 0
        for found in pattern.finditer(part):
            term = terms[_key(found[0])]
            if term.id in done:
                continue
            done.add(term.id)
            title = html.escape(plain(term.definition[lang]), quote=True)
            pieces += [part[position:found.start()],
                       f'<a class="glossary-link" href="{glossary_url}#{anchor(term.id)}" '
                       f'title="{title}">{found[0]}</a>']
            position = found.end()
        if pieces:
            parts[i] = "".join(pieces) + part[position:]
    return "".join(parts)


def concordance_pdf_html(entries: list[Entry], lang: str, ui: dict, site_names: dict[str, str],
                         title: str, urls: dict[str, str] | None, changed: str) -> str:
    """The concordance as a lean A4 document for WeasyPrint (tagged, each column marked with its
    language), the reader's language first, with the version date of the glossary."""
    from scripts import paper
    e = html.escape
    order = column_order(lang)
    rows = []
    for entry in sorted_entries(entries, lang):
        t = entry.term
        cells = []
        for code in order:
            shown = _cell_extras(t, code, lang, ui, html_text)
            small = f'<br><small lang="{lang}">{"; ".join(shown)}</small>' if shown else ""
            cells.append(f'<td><span lang="{term_lang(t, code)}">{e(t.term[code])}</span>'
                         f'{small}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = "".join(f"<th>{e(ui['lang_' + code][lang])}</th>" for code in order)
    css = """h1 { font-size: 15pt; margin: 0 0 2mm; }
    .lead { font-size: 8.5pt; margin: 0 0 4mm; color: #333; }
    table { width: 100%; border-collapse: collapse; font-size: 9pt; }
    th { text-align: left; border-bottom: 1pt solid #000; padding: 1.5mm; }
    td { border-bottom: 0.3pt solid #999; padding: 1.3mm 1.5mm; vertical-align: top; width: 33%; }
    td:first-child { font-weight: bold; }
    tr { break-inside: avoid; } thead { display: table-header-group; }
    small { color: #333; font-weight: normal; }"""
    version = f'{ui["cl_version"][lang]} {changed}'
    trace = paper.trace_html(paper.Trace(site_names, (lang,), version, urls), ui)
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<title>{e(title)}</title><meta name="author" content="{e(site_names[lang])}">'
            f"<style>{paper.page_css((lang,), ui)}{css}</style></head><body>{trace}"
            f'<h1>{e(title)}</h1><p class="lead">{e(ui["concordance_lead"][lang])}</p>'
            f"<table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></body></html>")

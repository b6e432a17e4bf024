"""Thin MkDocs adapter for the pages: each event hands over to a plain function of this package
(data, markers and generated pages, page dates, glossary tooltips, 404 pages, sitemap). The
search index (search_hooks.py) and the PDFs (pdf_hooks.py) have hook files of their own;
hook_context.py holds what the three share.

mkdocs-static-i18n builds French first, then — from inside French's ``on_post_build`` — Dutch
and German, each a full MkDocs build running these hooks again. Work that needs every language
done (the search indexes, placing the 404 pages, the sitemap, the PDFs) therefore runs in the
*outer* French ``on_post_build``, at a priority lower than i18n's (-100).
"""

from __future__ import annotations

import datetime as dt
import gc
import gzip
import os
import re
import posixpath
import html
import sys
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import (  # noqa: E402
    bibliography, checklist_pages, checklists, country_notes, generated_pages, glossary, markers,
    method_tools,
    hook_context, page_dates, page_files, phases, qr, self_assessment, site_data,
    site_js, site_pdfs, sitemap, synthesis, systems, trainer_sheets, translations, worksheets)
from scripts.yaml_source import DataFileError  # noqa: E402
from scripts.languages import DEFAULT, LANGUAGES, root_prefix  # noqa: E402
from scripts.markdown_text import escape  # noqa: E402

# ---------------------------------------------------------------------------------------------
# State shared by the nested language builds
# ---------------------------------------------------------------------------------------------

_error_pages: dict[str, str] = {}  # language → rendered 404.html
_data = hook_context.DATA  # loaded and validated data files, by name
_language = hook_context.language
_outer_build_finished = hook_context.outer_build_finished
_built_languages = hook_context.built_languages
_offline = hook_context.offline
_site_names = hook_context.site_names


# ---------------------------------------------------------------------------------------------
# Markers: name → renderer (see scripts/markers.py)
# ---------------------------------------------------------------------------------------------

MARKER_PREFIXES = ("phase", "checklist", "glossary", "concordance", "systems", "worksheet",
                   "self-assessment", "translation", "sources", "bibliography", "tools",
                   "trainer", "country")


def _phase_arg(arg: str | None) -> str:
    data: phases.PhaseData = _data["phases"]
    if arg not in {phase.id for phase in data.phases}:
        raise ValueError(f"unknown phase {arg!r} (expected P1 to P5)")
    return arg


def _flag_outdated_translation(page, lang: str, config) -> None:
    """Mark a translated page whose source changed since it was translated, with what its
    notice needs: texts in the page's language and the address of the source page."""
    src = page.file.src_uri
    if not src.endswith(f".{lang}.md"):
        return
    stem = src[: -len(f".{lang}.md")]
    source = _data["source_languages"].get(stem, DEFAULT)
    source_file = Path(config.docs_dir) / f"{stem}.{source}.md"
    if source == lang or not source_file.exists():
        return  # the source itself (or a page whose source is missing: page_files reports it)
    source_text = source_file.read_text(encoding="utf-8")
    if translations.generated(source_text):
        # Pages generated from data: outdated when a string of their data file changed in
        # French since a translator last checked it (scripts/data_translations.py).
        origin = re.search(r"Generated from data/(\S+)", source_text)
        outdated = bool(origin and origin[1] in _data["data_outdated"])
        translation_file = None  # no page to compare: the status command lists the strings
    else:
        recorded = page.meta.get(translations.KEY)
        outdated = recorded is None or str(recorded) != translations.source_hash(source_text)
        translation_file = f"docs/{src}"
    page.meta["translation_outdated"] = outdated
    if outdated:
        page.meta["translation_notice"] = translations.notice(
            config.extra["ui"], lang, source, translation_file)
        page.meta["translation_source_lang"] = source
        # The same page in the source language: its URL under the other language's root.
        page.meta["translation_source_url"] = (root_prefix(source)
                                               + page.url[len(root_prefix(lang)):])


def _set_page_dates(page, lang: str, config) -> None:
    ui = config.extra["ui"]
    src = page.file.src_uri
    if src.startswith("checklists/") and not src.startswith("checklists/index."):
        source = f"data/checklists/{src.split('/')[1].split('.')[0]}.yml"
    else:
        source = f"docs/{src}"
    date = _data["dates"].get(source)
    if date:
        page.meta["updated_iso"] = date
        page.meta["updated_text"] = page_dates.localized(date, lang, ui["months"])
    page.meta["source_file"] = source
    review_by = page.meta.get("review_by")
    if page_dates.review_overdue(review_by):
        page.meta["review_overdue_text"] = page_dates.localized(str(review_by), lang, ui["months"])


def _to_root(page) -> str:
    """Relative path from a page's URL to the site root ("../../" for "nl/checklists/x/")."""
    return "../" * page.url.count("/")


def _checklist(arg: str | None) -> checklists.Source:
    if not arg:
        raise ValueError("which checklist? write <!-- checklist: ID -->")
    return checklists.find(_data["checklists"], arg)


def _pdf_links(checklist_id: str, lang: str, ui: dict, page) -> list[tuple[str, str]]:
    root = _to_root(page)
    links = [(ui["language_name"][lang], root + site_pdfs.checklist_target(checklist_id, (lang,)))]
    for pair in checklists.LANGUAGE_PAIRS:
        if lang in pair:
            label = " | ".join(ui["language_name"][code] for code in pair)
            links.append((label, root + site_pdfs.checklist_target(checklist_id, pair)))
    return links


def _checklist_html(arg, lang, page, config) -> str:
    source = _checklist(arg)
    ui = config.extra["ui"]
    cid = source.checklist.id
    # Paper names the public address only when there is one (SITE_URL, issue 17): a build without
    # it prints neither a placeholder address nor its QR code.
    paper_url = (config.extra.get("paper_url") or "").rstrip("/")
    url = f"{paper_url}/{root_prefix(lang)}checklists/{cid}/" if paper_url else None
    own_page = page.file.src_uri.startswith(f"checklists/{cid}.")
    tools = {t: (_tool_title(f"worksheet:{t}", lang, config),
                 _tool_url(f"worksheet:{t}", lang, page))
             for item in source.checklist.items for t in item.tools}
    return checklists.web_html(source, lang, ui, canonical_url=url,
                               qr_svg=qr.qr_svg(url) if url else "",
                               pdf_links=_pdf_links(cid, lang, ui, page), show_title=not own_page,
                               tool_links=tools)


def _page_title(docs_dir: Path, path: str, lang: str) -> str:
    """The first "# " heading of a prose page (practices, training plans)."""
    text = (docs_dir / f"{path}.{lang}.md").read_text(encoding="utf-8")
    match = re.search(r"^# (.+?)\s*(?:\{[^}]*\})?\s*$", text, re.M)
    return match[1] if match else path


def _tool_target(tool, lang: str, page, config) -> method_tools.Target:
    """Where a tool lives, seen from ``page``: its title, its page, its PDF."""
    page_src, root, docs = page.file.src_uri, _to_root(page), Path(config.docs_dir)
    if tool.kind == "worksheet":
        title = worksheets.find(_data["worksheets"], tool.ref).worksheet.title[lang]
        return method_tools.Target(title, _relative(page_src, f"worksheets/{tool.ref}.md"),
                                   root + site_pdfs.worksheet_target(tool.ref, lang))
    if tool.kind == "checklist":
        title = checklists.find(_data["checklists"], tool.ref).checklist.title[lang]
        return method_tools.Target(title, _relative(page_src, f"checklists/{tool.ref}.md"),
                                   root + site_pdfs.checklist_target(tool.ref, (lang,)))
    folder = "practices" if tool.kind == "practice" else "training"
    return method_tools.Target(_page_title(docs, f"{folder}/{tool.ref}", lang),
                               _relative(page_src, f"{folder}/{tool.ref}.md"), None)


def _tools_section(lang: str, page, config) -> str:
    key = page.file.src_uri.rsplit(".", 2)[0]  # "method/p1-project.fr.md" → "method/p1-project"
    entry = _data["tools"].for_page(key)
    return method_tools.section_markdown(
        entry, lang, config.extra["ui"], lambda tool: _tool_target(tool, lang, page, config))


def _country_block(arg, lang: str, page, config) -> str:
    if arg not in country_notes.COUNTRIES:
        raise ValueError(f"which country? write <!-- country: X --> with X one of "
                         f"{', '.join(country_notes.COUNTRIES)} (got {arg!r})")
    key = page.file.src_uri.rsplit(".", 2)[0]
    note = _data["countries"].note(key, arg)
    return country_notes.block_html(note, lang, config.extra["ui"], _data["sources"])


def _tool_url(ref: str, lang: str, page) -> str:
    """URL (relative to ``page``) of a tool named as "kind:id"."""
    kind, _, ref_id = ref.partition(":")
    folder = {"worksheet": "worksheets", "checklist": "checklists", "practice": "practices",
              "training": "training"}[kind]
    return _to_root(page) + root_prefix(lang) + f"{folder}/{ref_id}/"


def _tool_title(ref: str, lang: str, config) -> str:
    kind, _, ref_id = ref.partition(":")
    if kind == "worksheet":
        return worksheets.find(_data["worksheets"], ref_id).worksheet.title[lang]
    if kind == "checklist":
        return checklists.find(_data["checklists"], ref_id).checklist.title[lang]
    folder = "practices" if kind == "practice" else "training"
    return _page_title(Path(config.docs_dir), f"{folder}/{ref_id}", lang)


def _trainer_sheet_html(arg, lang, page, config) -> str:
    source = next((s for s in _data["trainer_sheets"] if s.sheet.plan == arg), None)
    if source is None:
        raise KeyError(f"no trainer's sheet '{arg}' in data/training")
    return trainer_sheets.web_html(
        source, lang, config.extra["ui"], _relative(page.file.src_uri, f"training/{arg}.md"),
        _to_root(page) + f"pdf/training/{arg}-trainer.{lang}.pdf")


def _relative(page_src: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page_src) or ".")


def _checklists_index(lang, page, config) -> str:
    ui = config.extra["ui"]
    base = "" if page.file.src_uri.startswith("checklists/") else "checklists/"
    table = checklists.index_markdown(_data["checklists"], lang, ui,
                                      lambda cid: f"{base}{cid}.md")
    # PDFs are not documentation files: a raw link, relative to the page's URL.
    pack = _to_root(page) + f"pdf/checklists/all-checklists.{lang}.pdf"
    label = html.escape(ui["cl_pack"][lang])
    return f'{table}\n\n<p><a class="md-button" href="{pack}">{label} (PDF)</a></p>'


def _worksheet_html(arg, lang, page, config) -> str:
    if not arg:
        raise ValueError("which worksheet? write <!-- worksheet: ID -->")
    source = worksheets.find(_data["worksheets"], arg)
    ui = config.extra["ui"]
    root = _to_root(page)
    links = [(ui["lang_" + code][lang], root + site_pdfs.worksheet_target(arg, code))
             for code in LANGUAGES]
    citations = bibliography.inline_html(source.worksheet.sources, _data["sources"], lang, ui)
    return worksheets.web_html(source, lang, ui, links, citations)


def _worksheets_index(lang, page, config) -> str:
    ui = config.extra["ui"]
    rows = [f"| {ui['ws_col_sheet'][lang]} | {ui['cl_col_phase'][lang]} | "
            f"{ui['cl_col_for'][lang]} |", "| --- | --- | --- |"]
    for source in worksheets.in_method_order(_data["worksheets"],
                                             _data["tools"].worksheet_order()):
        w = source.worksheet
        phase = (ui["cl_transversal"][lang] if w.phase == "transversal"
                 else f"{ui['cl_phase'][lang]} {w.phase}")
        audience = ", ".join(ui["audience_" + a][lang] for a in w.audience)
        rows.append(f"| [{escape(w.title[lang])}]({w.id}.md) | {phase} | {audience} |")
    pack = _to_root(page) + f"pdf/worksheets/all-worksheets.{lang}.pdf"
    return ("\n".join(rows) + f'\n\n<p><a class="md-button" href="{pack}">'
            f'{html.escape(ui["ws_pack"][lang])} (PDF)</a></p>')


def _concordance(lang, page, config) -> str:
    ui = config.extra["ui"]
    table = glossary.concordance_markdown(_data["glossary"], lang, ui)
    pdf = _to_root(page) + f"pdf/concordance.{lang}.pdf"
    label = html.escape(ui["concordance_pdf"][lang])
    return f'<p><a class="md-button" href="{pdf}">{label}</a></p>\n\n{table}'


def _systems_table(lang, ui) -> str:
    data: phases.PhaseData = _data["phases"]
    parts = []
    for item in _data["systems"].rows:
        if item.kind == "phase":
            title = f"{item.id} · {data.phase(item.id).name[lang]}"
        else:
            title = item.label[lang]
        parts.append(f"## {escape(title)} {{#sys-{item.id.lower()}}}\n\n"
                     + systems.row_markdown(item, lang, ui, _data["sources"]))
    return "\n\n".join(parts)


def _today() -> dt.date:
    """The build's date (SOURCES_TODAY=YYYY-MM-DD pins it, e.g. to preview the re-check list)."""
    pinned = os.environ.get("SOURCES_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def _renderers(lang: str, page, config) -> dict[str, markers.Renderer]:
    data: phases.PhaseData = _data["phases"]
    ui = config.extra["ui"]
    page_src = page.file.src_uri
    sources = _data["sources"]
    return {
        "sources": lambda arg: bibliography.list_markdown(
            bibliography.marker_ids(arg), sources, lang, ui),
        "bibliography": lambda arg: bibliography.page_markdown(sources, lang, ui, _today()),
        "checklist": lambda arg: _checklist_html(arg, lang, page, config),
        "glossary": lambda arg: glossary.glossary_markdown(
            _data["glossary"], lang, ui, sources, _to_root(page) + root_prefix(lang) + "sources/"),
        "worksheet": lambda arg: _worksheet_html(arg, lang, page, config),
        "worksheets-index": lambda arg: _worksheets_index(lang, page, config),
        "translation-status": lambda arg: translations.status_markdown(
            translations.statuses(Path(config.docs_dir)), lang, ui,
            lambda stem: _relative(page_src, f"{stem}.md"), _data["data_outdated"]),
        "self-assessment": lambda arg: self_assessment.web_html(
            _data["self_assessment"], lang, ui,
            _to_root(page) + f"pdf/self-assessment.{lang}.pdf", sources,
            lambda ref: (_tool_title(ref, lang, config), _tool_url(ref, lang, page))),
        "tools": lambda arg: _tools_section(lang, page, config),
        "country": lambda arg: _country_block(arg, lang, page, config),
        "trainer-sheet": lambda arg: _trainer_sheet_html(arg, lang, page, config),
        "concordance": lambda arg: _concordance(lang, page, config),
        "systems-table": lambda arg: _systems_table(lang, ui),
        "systems-row": lambda arg: systems.row_markdown(
            systems.row(_data["systems"], arg or ""), lang, ui, sources),
        "checklists-index": lambda arg: _checklists_index(lang, page, config),
        "checklist-link": lambda arg: checklists.link_markdown(
            _checklist(arg), lang, ui, _relative(page_src, f"checklists/{arg}.md")),
        "phase-title": lambda arg: phases.title(data, _phase_arg(arg), lang),
        "phase-purpose": lambda arg: phases.purpose(data, _phase_arg(arg), lang),
        "phase-criteria": lambda arg: phases.criteria(data, _phase_arg(arg), lang, ui),
        "phase-duration": lambda arg: phases.duration(data, _phase_arg(arg), lang, ui),
        "phases-diagram": lambda arg: phases.diagram(data, lang, ui, page_src),
        "phases-mapping": lambda arg: phases.mapping(data, lang, ui, page_src),
    }


# ---------------------------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------------------------


OFFLINE_SHIM = "assets/javascripts/iframe-worker-shim.js"


def on_startup(command: str, dirty: bool) -> None:
    # A build makes many short-lived objects (Markdown trees, template contexts) and few
    # reference cycles: with Python's default thresholds, collecting them takes about 4 % of a
    # build. Collect less often; the peak memory stays about the same (~70 MB).
    gc.set_threshold(20_000, 50, 100)


@event_priority(50)  # before Material's offline plugin, which would add a CDN polyfill
def on_config(config):
    if _offline(config):
        config.extra["polyfills"] = [OFFLINE_SHIM]
    data_dir = Path(config.config_file_path).parent / "data"
    if "dates" not in _data:  # once per build: mkdocs-static-i18n runs on_config per language
        _data["dates"] = page_dates.last_changes(data_dir.parent)
        _data["default_site_name"] = config.site_name  # French is built first
    try:  # checked again only when a data file changed (scripts/site_data.py)
        _data.update(site_data.load(data_dir, _data["dates"]))
    except DataFileError as error:
        raise PluginError(str(error)) from None
    config.extra["ui"] = _data["ui"]
    return config


@event_priority(110)  # before Material's tags plugin (100), which renders templates in on_env
def on_env(env, config, files):
    # Each language build makes a new Jinja environment and compiles Material's ~40 templates
    # again; compiled templates are kept on disk (a template whose source changed is compiled
    # again: Jinja compares checksums). A read-only checkout builds without the cache.
    cache = Path(config.config_file_path).parent / ".cache" / "jinja"
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env
    env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    return env


# Generated blocks of plain HTML (block elements, no markdown attribute) that Markdown would
# only copy skip Markdown, whose HTML parser took about a fifth of a build on them (worksheets,
# checklists, country notes above all). A placeholder takes their place; on_page_content puts
# them back, before the glossary tooltips, where Markdown would have copied them. Markers
# whose renderers return Markdown (the concordance's table, phase texts) are not listed, and
# _passing_markdown checks the output. Checked: the built HTML and the search index are the same.
PLAIN_HTML_MARKERS = ("worksheet", "checklist", "country", "trainer-sheet", "self-assessment",
                      "glossary", "tools", "systems-table", "systems-row", "sources",
                      "bibliography", "phases-diagram", "phases-mapping", "checklists-index",
                      "worksheets-index", "translation-status", "checklist-link")
_ONLY_COPIED = re.compile(r"\s*<(?P<tag>div|section|table|form|dl|details|p|ul|ol)[\s>]")


def _copied_as_is(block: str) -> bool:
    """A block Markdown would copy unchanged: one HTML element (it ends with its own end
    tag) without the ``markdown`` attribute that asks for Markdown inside."""
    start = _ONLY_COPIED.match(block)
    return bool(start and block.endswith(f"</{start['tag']}>")
                and not re.search(r"\smarkdown[\s=>]", block))


def _passing_markdown(renderers: dict[str, markers.Renderer], stash: dict[str, str]):
    """Generated output split at blank lines: the HTML blocks go round Markdown (a placeholder
    each), the Markdown parts (headings that feed the table of contents) go through it."""
    def wrap(render: markers.Renderer) -> markers.Renderer:
        def run(arg: str | None) -> str:
            output = render(arg)
            blocks = re.split(r"\n[ \t]*\n", output.strip())
            if not any(_copied_as_is(block) for block in blocks):
                return output
            parts = []
            for block in blocks:
                if _copied_as_is(block):
                    key = f"<!--generated-html:{len(stash)}-->"
                    stash[key] = block
                    block = key
                parts.append(block)
            return "\n\n" + "\n\n".join(parts) + "\n\n"
        return run
    return {name: wrap(render) if name in PLAIN_HTML_MARKERS else render
            for name, render in renderers.items()}


def on_page_markdown(markdown: str, page, config, files) -> str:
    lang = getattr(page.file, "locale", None) or _language(config)
    _flag_outdated_translation(page, lang, config)
    _set_page_dates(page, lang, config)
    where = f"docs/{page.file.src_uri}"
    page.generated_html = stash = {}
    try:
        markdown = synthesis.label(markdown, config.extra["ui"]["synthesis_title"][lang], where)
        markdown = country_notes.reader_country_first(markdown, lang, where)
        return markers.expand(markdown, _passing_markdown(_renderers(lang, page, config), stash),
                              page=where, prefixes=MARKER_PREFIXES)
    except (markers.MarkerError, synthesis.SynthesisError, ValueError) as error:
        raise PluginError(str(error)) from None


def on_pre_build(config) -> None:
    i18n = config.plugins.get("i18n")
    only = getattr(getattr(i18n, "config", None), "build_only_locale", None)
    if only and only != DEFAULT:
        raise PluginError(f"BUILD_ONLY_LOCALE={only} is not supported: French lives at the site "
                          "root and the other languages under /nl/ and /de/; build all "
                          "languages (or BUILD_ONLY_LOCALE=fr for a quick French-only build)")
    if _language(config) != DEFAULT:
        return
    checklist_pages.generate(_data["checklists"], Path(config.docs_dir))
    docs = Path(config.docs_dir)
    generated_pages.sync(docs / "worksheets", {
        docs / "worksheets" / f"{s.worksheet.id}.{lang}.md": worksheets.page_markdown(s, lang)
        for s in _data["worksheets"] for lang in LANGUAGES})
    generated_pages.sync(docs / "training", {
        docs / "training" / f"{s.sheet.plan}-trainer.{lang}.md": trainer_sheets.page_markdown(
            s, lang) for s in _data["trainer_sheets"] for lang in LANGUAGES})
    try:
        page_files.check_page_files(Path(config.docs_dir),
                                    frozenset(config.extra.get("french_only") or []))
        _data["source_languages"] = translations.source_languages(docs)  # each page's source
    except (page_files.PageFilesError, translations.SourceLanguageError) as error:
        raise PluginError(str(error)) from None
    citations = bibliography.page_citations(docs, _data["data_citations"].copy())
    try:
        bibliography.check(_data["sources"], citations)
    except DataFileError as error:
        raise PluginError(str(error)) from None


NO_TOOLTIPS = ("glossary.", "concordance.")  # pages that are the definitions themselves


def on_page_content(page_html: str, page, config, files) -> str:
    for key, html in getattr(page, "generated_html", {}).items():
        if key not in page_html:
            raise PluginError(f"docs/{page.file.src_uri}: generated HTML lost its place "
                              f"({key}): is its marker inside a code block or a list?")
        page_html = page_html.replace(key, html, 1)
    if page.file.src_uri.startswith(NO_TOOLTIPS):
        return page_html
    lang = getattr(page.file, "locale", None) or _language(config)
    target = "glossary/" if config.use_directory_urls else "glossary.html"
    url = _to_root(page) + root_prefix(lang) + target
    return glossary.link_terms(page_html, _data["glossary"], lang, url)


def on_pre_template(template, template_name: str, config):
    # The 404 page is no page's translation: its language menu leads to the language homes.
    # (mkdocs-static-i18n sets it as an attribute in on_page_context, which Jinja reads first.)
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    if template_name == "404.html" and isinstance(alternates, list):
        roots = [{**alt, "link": "/" + root_prefix(alt["lang"])} for alt in alternates]
        config.extra["alternate"] = roots
        setattr(config.extra, "alternate", roots)
    return template


def on_post_template(output: str, template_name: str, config) -> str:
    # Each language build writes its 404 to the site root; keep each one for on_post_build.
    if template_name == "404.html":
        _error_pages[_language(config)] = output
    return output


@event_priority(-110)
def on_post_build(config) -> None:
    if not _outer_build_finished(config):
        return  # a nested language build: the outer French build finishes the work
    site_dir = Path(config.site_dir)
    languages = _built_languages(config)
    for lang in languages:
        if lang not in _error_pages:
            raise PluginError(f"404.html: no error page was rendered for '{lang}'")
        target = site_dir / root_prefix(lang) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_error_pages[lang], encoding="utf-8")
    try:
        site_js.write(Path(config.docs_dir) / "assets" / "javascripts", site_dir)
    except (OSError, ValueError) as error:
        raise PluginError(str(error)) from None
    if _offline(config):
        shim = Path(config.config_file_path).parent / "node_modules/iframe-worker/shim/index.js"
        if not shim.exists():
            raise PluginError("offline build: node_modules/iframe-worker is missing; run npm ci")
        (site_dir / OFFLINE_SHIM).write_bytes(shim.read_bytes())
    sitemap_path = site_dir / "sitemap.xml"
    if sitemap_path.exists():
        text = sitemap.add_x_default(sitemap_path.read_text(encoding="utf-8"))
        sitemap_path.write_text(text, encoding="utf-8")
        (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    _error_pages.clear()


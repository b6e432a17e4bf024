"""Build hooks: the search index of each language (listed in mkdocs.yml after mkdocs_hooks.py).

Each page is cut into search sections by scripts/search_sections.py (entries of unchanged pages
come from the last build, `.cache/search.pickle`); after the last language, one index per
language is written by scripts/search_index.py. Material's search plugin keeps the search box
but indexes nothing: ``search.exclude`` tells it so.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts import hook_context, search_index, search_sections  # noqa: E402
from scripts.languages import DEFAULT, root_prefix  # noqa: E402

_search: dict[str, dict[str, list[dict]]] = {}  # language → page URL → search entries
_cache: dict[str, search_sections.EntriesCache] = {
    "pages": search_sections.EntriesCache(None)}  # set for each build in on_pre_build


def on_pre_build(config) -> None:
    if hook_context.language(config) != DEFAULT:
        return  # a nested language build of the same French build
    _search.clear()  # every page is built again (the French build comes first)
    _cache["pages"] = search_sections.EntriesCache(  # unchanged pages: from the last build
        Path(config.config_file_path).parent / ".cache" / "search.pickle",
        _cache["pages"].new or None)


def _toc_urls(items, found: dict[str, str]) -> dict[str, str]:
    for item in items:
        found.setdefault(item.id, item.url)
        _toc_urls(item.children, found)
    return found


@event_priority(50)  # before Material's search plugin (0)
def on_page_context(context, page, config, nav):
    """The page's search entries, in its language's index."""
    lang = getattr(page.file, "locale", None) or hook_context.language(config)
    prefix = root_prefix(lang)
    url = page.url[len(prefix):] if prefix and page.url.startswith(prefix) else page.url
    where = f"docs/{page.file.src_uri}"
    search = page.meta.get("search") or {}
    page.meta["search"] = {**search, "exclude": True}
    try:
        entries = [] if search.get("exclude") else _cache["pages"].entries(
            page.content or "", url, _toc_urls(page.toc, {}),
            page.meta.get("title", page.title), page.meta.get("tags"), search.get("boost"),
            where)
    except search_sections.UnsupportedPage as error:
        raise PluginError(str(error)) from None
    pages = _search.setdefault(lang, {})
    pages.pop(page.url, None)  # a page built again (serve) takes its new place
    pages[page.url] = entries
    return context


@event_priority(-110)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config) -> None:
    if not hook_context.outer_build_finished(config):
        return  # a nested language build: the outer French build finishes the work
    try:
        search_index.write_indexes(Path(config.site_dir), {
            lang: [entry for entries in _search.get(lang, {}).values() for entry in entries]
            for lang in hook_context.built_languages(config)},
            as_script=hook_context.offline(config))
    except ValueError as error:
        raise PluginError(str(error)) from None
    _cache["pages"].save()

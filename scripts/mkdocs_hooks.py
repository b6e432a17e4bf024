"""Thin MkDocs adapter: each event hands over to a plain function of this package.

mkdocs-static-i18n builds French first, then — from inside French's ``on_post_build`` — Dutch
and German, each a full MkDocs build running these hooks again. Work that needs every language
done (splitting the search index, placing the 404 pages, the sitemap) therefore runs in the
*outer* French ``on_post_build``, at a priority lower than i18n's (-100).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import page_files, search_index, sitemap, ui_strings  # noqa: E402
from scripts.yaml_source import DataFileError  # noqa: E402
from scripts.languages import DEFAULT, LANGUAGES, root_prefix  # noqa: E402

# ---------------------------------------------------------------------------------------------
# State shared by the nested language builds
# ---------------------------------------------------------------------------------------------

_error_pages: dict[str, str] = {}  # language → rendered 404.html


def _language(config) -> str:
    return config.theme["language"]


def _outer_build_finished(config) -> bool:
    """True in the French build's on_post_build once i18n has built every other language."""
    i18n = config.plugins.get("i18n")
    return i18n is None or not getattr(i18n, "building", False)


def _built_languages(config) -> list[str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [DEFAULT]
    return [lang for lang in LANGUAGES if lang in getattr(i18n, "build_languages", LANGUAGES)]


# ---------------------------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------------------------


def on_config(config):
    path = Path(config.config_file_path).parent / "data" / "ui.yml"
    try:
        config.extra["ui"] = ui_strings.load_ui_strings(path, "data/ui.yml")
    except DataFileError as error:
        raise PluginError(str(error)) from None
    return config


def on_pre_build(config) -> None:
    if _language(config) != DEFAULT:
        return
    try:
        page_files.check_page_files(Path(config.docs_dir))
    except page_files.PageFilesError as error:
        raise PluginError(str(error)) from None


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
    if _language(config) != DEFAULT and not _outer_build_finished(config):
        return
    if not _outer_build_finished(config):
        return
    site_dir = Path(config.site_dir)
    languages = _built_languages(config)
    try:
        search_index.write_split_indexes(site_dir, languages)
    except ValueError as error:
        raise PluginError(str(error)) from None
    for lang in languages:
        if lang not in _error_pages:
            raise PluginError(f"404.html: no error page was rendered for '{lang}'")
        target = site_dir / root_prefix(lang) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_error_pages[lang], encoding="utf-8")
    sitemap_path = site_dir / "sitemap.xml"
    if sitemap_path.exists():
        text = sitemap.add_x_default(sitemap_path.read_text(encoding="utf-8"))
        sitemap_path.write_text(text, encoding="utf-8")
        (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    _error_pages.clear()

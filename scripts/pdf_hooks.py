"""Build hooks: every PDF of the site (listed in mkdocs.yml after mkdocs_hooks.py).

The PDFs depend on the data only (scripts/site_pdfs.py): the French build starts rendering
what the cache (`.cache/pdf`) lacks in background processes as soon as mkdocs_hooks.py has
checked the data and pages, the three languages' pages are laid out meanwhile, and the PDFs
are put in place at the end (scripts/pdf_render.py). A failed build leaves no WeasyPrint
process behind.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts import hook_context, pdf_render, site_pdfs  # noqa: E402
from scripts.languages import DEFAULT  # noqa: E402

_pdfs: dict = {}  # the PDF rendering of the build under way


def _cache(config) -> Path:
    return Path(config.config_file_path).parent / ".cache" / "pdf"


def _cancel() -> None:
    rendering = _pdfs.pop("rendering", None)
    if rendering is not None:
        rendering.cancel()


@event_priority(-10)  # after mkdocs_hooks.py's checks: a build they stop renders nothing
def on_pre_build(config) -> None:
    if hook_context.language(config) != DEFAULT:
        return  # a nested language build of the same French build
    _cancel()
    languages = hook_context.built_languages(config)
    names = hook_context.site_names(config)
    names = {lang: names.get(lang, names[DEFAULT]) for lang in languages}
    documents = site_pdfs.documents(hook_context.DATA, config.extra["ui"], names, languages,
                                    config.extra.get("paper_url") or "")
    _pdfs["rendering"] = pdf_render.start(documents, _cache(config))
    _pdfs["languages"] = languages


@event_priority(-120)  # after every language is built and the other hooks have finished
def on_post_build(config) -> None:
    if not hook_context.outer_build_finished(config):
        return
    languages = hook_context.built_languages(config)
    rendering = _pdfs.pop("rendering", None)
    if rendering is None or _pdfs.pop("languages", None) != languages:
        raise PluginError(f"PDFs: no rendering was started for {languages}")
    rendering.finish(Path(config.site_dir), _cache(config))


def on_build_error(error) -> None:
    _cancel()


def on_shutdown() -> None:
    _cancel()

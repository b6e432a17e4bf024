"""What the build hooks share (scripts/mkdocs_hooks.py, search_hooks.py, pdf_hooks.py).

mkdocs-static-i18n builds French, then Dutch and German inside the French build: the hooks run
once per language, and what one language's build loads (the checked data) serves the others.
MkDocs loads each hook file as its own module; this one is imported by all of them, so they
see the same state.
"""

from __future__ import annotations

from scripts.languages import DEFAULT, LANGUAGES

DATA: dict[str, object] = {}  # loaded and validated data files, by name (see site_data.py)


def language(config) -> str:
    return config.theme["language"]


def outer_build_finished(config) -> bool:
    """True in the French build's on_post_build once i18n has built every other language."""
    i18n = config.plugins.get("i18n")
    return i18n is None or not getattr(i18n, "building", False)


def built_languages(config) -> list[str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [DEFAULT]
    return [lang for lang in LANGUAGES if lang in getattr(i18n, "build_languages", LANGUAGES)]


def offline(config) -> bool:
    """The offline bundle (`make offline`) is being built."""
    plugin = config.plugins.get("offline") or config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def site_names(config) -> dict[str, str]:
    """Each language's site name, as configured for mkdocs-static-i18n."""
    # config.site_name is the last language built's by now (mkdocs-static-i18n sets it for each)
    names = {DEFAULT: DATA["default_site_name"]}
    i18n = config.plugins.get("i18n")
    for lang in getattr(getattr(i18n, "config", None), "languages", []) or []:
        if lang.site_name:
            names[lang.locale] = lang.site_name
    return names

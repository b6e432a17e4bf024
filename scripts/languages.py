"""The site's languages, in one place: French is the source and sits at the site root."""

DEFAULT = "fr"
LANGUAGES = ("fr", "nl", "de")


def root_prefix(lang: str) -> str:
    """URL prefix of a language's pages, relative to the site root: "" for French, "nl/" …"""
    return "" if lang == DEFAULT else f"{lang}/"

"""Every prose page exists in French, Dutch and German — or the build stops.

Why: a Dutch or German partner must never land on a French page without being told, and a
missing translation must be visible to the people who maintain the site, not discovered by a
reader. Pages follow the suffix structure: ``page.fr.md``, ``page.nl.md``, ``page.de.md``.
"""

from __future__ import annotations

from pathlib import Path

from scripts.languages import LANGUAGES


class PageFilesError(Exception):
    """A page is missing in a language, or does not follow the suffix structure."""


def page_problems(docs_dir: Path, french_only: frozenset[str] = frozenset()) -> list[str]:
    """Return one readable line per problem found in the Markdown files of ``docs_dir``.

    ``french_only`` lists pages (docs-relative, without suffix, e.g. "method/annex") that are
    deliberately published in French only: the site shows them to Dutch and German readers with
    a notice in their language instead of stopping the build."""
    problems: list[str] = []
    stems: dict[str, set[str]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        parts = path.name.split(".")
        if len(parts) < 3 or parts[-2] not in LANGUAGES:
            problems.append(
                f"{rel}: no language suffix; name it "
                + ", ".join(f"{path.stem}.{lang}.md" for lang in LANGUAGES)
            )
            continue
        stem = rel[: -len(f".{parts[-2]}.md")]
        stems.setdefault(stem, set()).add(parts[-2])
    for stem, present in sorted(stems.items()):
        if stem in french_only and present == {"fr"}:
            continue
        for lang in LANGUAGES:
            if lang not in present:
                problems.append(f"{stem}.{lang}.md: missing (the page exists as "
                                + ", ".join(f"{stem}.{p}.md" for p in LANGUAGES if p in present)
                                + ")")
    return problems


def check_page_files(docs_dir: Path, french_only: frozenset[str] = frozenset()) -> None:
    """Raise :class:`PageFilesError` listing every problem, or return quietly."""
    problems = page_problems(docs_dir, french_only)
    unknown = sorted(stem for stem in french_only if not (docs_dir / f"{stem}.fr.md").exists())
    problems += [f"{stem}.fr.md: listed as French-only in mkdocs.yml (extra.french_only) but "
                 "does not exist" for stem in unknown]
    if problems:
        raise PageFilesError(
            "every page must exist in French, Dutch and German:\n  " + "\n  ".join(problems)
        )

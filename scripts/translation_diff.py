"""What changed in a page's source since the version its translation records.

A translation records its source's version as a hash (``translation_of``, scripts/
translations.py). To show a translator what changed, the source's text at that version is
found in git: the most recent commit of the source file whose text has that hash. Its body is
then compared with the current one paragraph by paragraph, and word by word inside a changed
paragraph (re-wrapping a paragraph is no change, as for the hash):

    docs/privacy.fr.md:12 (## Aucun cookie)
      Ce site ne dépose [-aucun-] {+jamais de+} cookie.

Without the history (a shallow clone, no git), it says so and how to fetch it.

    python -m scripts.translations diff docs/privacy.nl.md
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from scripts import translations

WIDTH = 100
_HEADING = re.compile(r"^#{1,6}\s")


class HistoryError(Exception):
    """The recorded version cannot be found: the message says why and what to do."""


@dataclass(frozen=True)
class Version:
    commit: str
    date: str  # YYYY-MM-DD
    subject: str
    text: str


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                          check=False)


def history(root: Path, path: str):
    """The committed versions of ``path`` (repository-relative), newest first, following
    renames. Raises :class:`HistoryError` outside a git checkout."""
    try:
        result = _git(root, "log", "--follow", "--format=%x00%H %cs %s", "--name-only",
                      "--", path)
    except OSError:
        raise HistoryError("git is not installed: the diff needs the project's git "
                           "history") from None
    if result.returncode != 0:
        raise HistoryError(f"{root} is not a git checkout ({result.stderr.strip()}): clone the "
                           "project's repository with git to see what changed")
    for block in result.stdout.split("\x00")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        if len(lines) < 2:
            continue
        commit, date, *subject = lines[0].split(" ", 2)
        shown = _git(root, "show", f"{commit}:{lines[-1]}")
        if shown.returncode == 0:
            yield Version(commit, date, " ".join(subject), shown.stdout)


def shallow(root: Path) -> bool:
    result = _git(root, "rev-parse", "--is-shallow-repository")
    return result.returncode == 0 and result.stdout.strip() == "true"


def find_version(root: Path, path: str, recorded: str) -> Version | None:
    """The most recent committed version of ``path`` whose text hashes to ``recorded``."""
    for version in history(root, path):
        if translations.source_hash(version.text) == recorded:
            return version
    return None


# --- comparing two texts --------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    line: int  # first line in its file (1-based, front matter included)
    text: str  # whitespace-normalised


def blocks(text: str) -> list[Block]:
    """The paragraphs of a page's body (headings, list items and table rows on their own),
    with their first line in the file."""
    offset = text[: len(text) - len(translations.body(text))].count("\n")
    found: list[Block] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(translations.body(text).splitlines(), start=offset + 1):
        single = bool(_HEADING.match(line) or re.match(r"\s*([-*+]|\d+\.|\|)\s", line))
        if (not line.strip() or single) and current:
            found.append(Block(start, " ".join(" ".join(current).split())))
            current = []
        if line.strip():
            if not current:
                start = number
            current.append(line)
            if _HEADING.match(line):
                found.append(Block(start, " ".join(line.split())))
                current = []
    if current:
        found.append(Block(start, " ".join(" ".join(current).split())))
    return found


def word_diff(old: str, new: str) -> str:
    """``old`` → ``new`` as words, removed ones in [-…-], added ones in {+…+}."""
    a, b = old.split(), new.split()
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend(a[i1:i2])
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)


@dataclass(frozen=True)
class Change:
    line: int  # where in the current source
    heading: str  # the section it is in ("" before the first heading)
    text: str  # the paragraph with its changes marked


def changes(old_text: str, new_text: str) -> list[Change]:
    """The paragraphs added, removed or changed from ``old_text`` to ``new_text``."""
    old, new = blocks(old_text), blocks(new_text)
    headings: list[str] = []
    last = ""
    for block in new:
        last = block.text if _HEADING.match(block.text) else last
        headings.append(last)
    found: list[Change] = []
    matcher = difflib.SequenceMatcher(None, [b.text for b in old], [b.text for b in new],
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        at = j1 if j1 < len(new) else len(new) - 1
        line = new[at].line if new else 1
        heading = headings[at] if new else ""
        removed = [b.text for b in old[i1:i2]]
        added = [b.text for b in new[j1:j2]]
        if tag == "replace":
            # Pair paragraphs one to one; the rest is plainly added or removed.
            for k in range(max(len(removed), len(added))):
                if k < len(removed) and k < len(added):
                    text = word_diff(removed[k], added[k])
                elif k < len(added):
                    text = "{+" + added[k] + "+}"
                else:
                    text = "[-" + removed[k] + "-]"
                at = min(j1 + k, j2 - 1)
                found.append(Change(new[at].line, headings[at], text))
            continue
        for text in removed:
            found.append(Change(line, heading, "[-" + text + "-]"))
        for k, text in enumerate(added):
            found.append(Change(new[j1 + k].line, headings[j1 + k], "{+" + text + "+}"))
    return found


def _colour(text: str) -> str:
    text = re.sub(r"\[-(.*?)-\]", "\x1b[31m[-\\1-]\x1b[0m", text, flags=re.S)
    return re.sub(r"\{\+(.*?)\+\}", "\x1b[32m{+\\1+}\x1b[0m", text, flags=re.S)


def render(source_file: str, found: list[Change], colour: bool = False) -> str:
    parts = []
    for change in found:
        where = f"{source_file}:{change.line}" + (f" ({change.heading})" if change.heading else "")
        text = textwrap.fill(change.text, WIDTH, initial_indent="  ", subsequent_indent="  ",
                             break_long_words=False, break_on_hyphens=False)
        parts.append(f"{where}\n{_colour(text) if colour else text}")
    return "\n\n".join(parts)


# --- the command ----------------------------------------------------------------------------


def _relative(path: Path, root: Path) -> str:
    return path.resolve().relative_to(root.resolve()).as_posix()


def describe(path: Path, root: Path, colour: bool | None = None) -> str:
    """What changed in the source of ``path`` (a translation, or a page's source: then for each
    of its translations) since the version the translation records."""
    if colour is None:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    lang, files = translations.page_of(path)
    source, source_file = translations.source_of(path)
    if lang == source:
        parts = [describe(files[code], root, colour) for code in translations.LANGUAGES
                 if code != source and code in files]
        return "\n\n".join(parts)
    shown, shown_source = _relative(path, root), _relative(source_file, root)
    recorded = translations.recorded(path.read_text(encoding="utf-8"))
    current = source_file.read_text(encoding="utf-8")
    if recorded is None:
        return (f"{shown} records no version of its source ({translations.KEY}): compare it "
                f"with {shown_source} as a whole, then run: python -m scripts.translations "
                f"mark {shown}")
    if recorded == translations.source_hash(current):
        return f"{shown} is up to date: {shown_source} has not changed since it was translated."
    version = find_version(root, shown_source, recorded)
    if version is None:
        if shallow(root):
            raise HistoryError(
                f"{shown} translates a version of {shown_source} ({translations.KEY}: "
                f"{recorded}) that this clone does not have: it was cloned without its full "
                "history (a shallow clone). Fetch the history, then try again:\n"
                "  git fetch --unshallow")
        raise HistoryError(
            f"{shown} translates a version of {shown_source} ({translations.KEY}: {recorded}) "
            "that no commit of that file has (it was perhaps marked against a text never "
            f"committed). Compare {shown} with {shown_source} as a whole, then run: "
            f"python -m scripts.translations mark {shown}")
    found = changes(version.text, current)
    subject = version.subject if len(version.subject) <= 60 else version.subject[:59] + "…"
    header = textwrap.fill(
        f"{shown} translates {shown_source} as it was in commit {version.commit[:10]} "
        f"({version.date}, \"{subject}\"). Changes in {shown_source} since then "
        f"({len(found)}), [-removed-] {{+added+}}:", WIDTH, break_on_hyphens=False)
    if not found:
        return header + "\n\n  (only spacing or line breaks changed)"
    return header + "\n\n" + render(shown_source, found, colour)

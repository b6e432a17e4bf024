"""Translation drift: each translated page records which version of its source it translates,
as a hash of the source text in its front matter (``translation_of: <hash>``).

Why: file dates are a noisy signal (a typo fix in the source would flag every translation, and
a shallow clone has no history); recording the translated source version works (OpenTelemetry's
``default_lang_commit``). When the source changes and the translation does not, the built page
shows an "outdated translation" notice in the reader's language, linking to the source page,
and ``python -m scripts.translations status`` lists missing / outdated / current pages.

Any language can be a page's source. French is, unless one file of the page declares itself the
source in its front matter (``source_language: nl`` in ``page.nl.md``, or ``de``); the two other
files then record ``translation_of`` against that file. Two files of one page declaring
themselves the source, an unknown language, or a declaration in another language's file stop
the build (``file:line: problem``).

Commands (run from the project root):
  python -m scripts.translations status [--check]   report; --check exits 1 if not all current
  python -m scripts.translations diff PAGE.nl.md     what changed in the source since PAGE's version
  python -m scripts.translations mark PAGE.nl.md     record that PAGE translates the current source
  python -m scripts.translations mark-data [FILE…]   same for strings in data/ files (all if none)
"""

from __future__ import annotations

import hashlib
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.languages import DEFAULT, LANGUAGES

KEY = "translation_of"
SOURCE_KEY = "source_language"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_PAGE_FILE = re.compile(r"(.*)\.([a-z]{2})\.md$")
LANGUAGE_NAMES = {"fr": "French", "nl": "Dutch", "de": "German"}  # messages to maintainers


class SourceLanguageError(Exception):
    """A page's source language is declared wrongly; one ``file:line: problem`` per line."""


def body(text: str) -> str:
    return _FRONT_MATTER.sub("", text, count=1)


def source_hash(source_text: str) -> str:
    """Hash of a source page's body, whitespace-normalised (re-wrapping is not a change)."""
    normalised = " ".join(body(source_text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:10]


def front_matter(text: str) -> dict:
    match = _FRONT_MATTER.match(text)
    meta = yaml.load(match[1], Loader=_LOADER) if match else None
    return meta if isinstance(meta, dict) else {}


def recorded(text: str) -> str | None:
    value = front_matter(text).get(KEY)
    return str(value) if value is not None else None


def _line_of(text: str, key: str) -> int:
    match = _FRONT_MATTER.match(text)
    for number, line in enumerate((match[1] if match else "").splitlines(), start=2):
        if re.match(rf"{key}\s*:", line):
            return number
    return 1


def page_files(docs_dir: Path) -> dict[str, dict[str, Path]]:
    """{docs-relative stem ("method/p3-job-search"): {language: file}} for every page."""
    pages: dict[str, dict[str, Path]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        match = _PAGE_FILE.match(path.relative_to(docs_dir).as_posix())
        if match and match[2] in LANGUAGES:
            pages.setdefault(match[1], {})[match[2]] = path
    return pages


def _shown(path: Path, docs_dir: Path | None = None) -> str:
    """``docs/method/x.nl.md``: relative to the docs folder's parent, else to the working
    directory when possible."""
    base = docs_dir.parent if docs_dir is not None else Path.cwd()
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return str(path)


def source_problems(files: dict[str, Path], docs_dir: Path | None = None,
                    texts: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """(source language, problems) of one page, from its files ({language: path})."""
    texts = texts or {lang: path.read_text(encoding="utf-8") for lang, path in files.items()}
    problems: list[str] = []
    declared: dict[str, str] = {}  # language → "file:line"
    for lang, path in sorted(files.items(), key=lambda item: LANGUAGES.index(item[0])):
        text = texts[lang]
        value = front_matter(text).get(SOURCE_KEY)
        if value is None:
            continue
        where = f"{_shown(path, docs_dir)}:{_line_of(text, SOURCE_KEY)}"
        value = str(value)
        if value not in LANGUAGES:
            problems.append(f"{where}: {SOURCE_KEY}: {value!r} is not a language of the site "
                            f"({', '.join(LANGUAGES)})")
        elif value != lang:
            problems.append(f"{where}: {SOURCE_KEY}: {value} in the {LANGUAGE_NAMES[lang]} file: "
                            f"a page's source declares itself; write it in "
                            f"{_shown(path.with_name(_sibling(path.name, value)), docs_dir)}")
        else:
            declared[lang] = where
    if len(declared) > 1:
        problems.append(" and ".join(declared.values()) + ": both declare themselves the "
                        f"source of the page ({SOURCE_KEY}); keep only one")
    source = next(iter(declared)) if len(declared) == 1 else DEFAULT
    if source in files and recorded(texts[source]) is not None:
        path = files[source]
        problems.append(f"{_shown(path, docs_dir)}:{_line_of(texts[source], KEY)}: {KEY} in the "
                        f"source of the page ({SOURCE_KEY}: {source}): remove it")
    return source, problems


def _sibling(name: str, lang: str) -> str:
    match = _PAGE_FILE.match(name)
    return f"{match[1]}.{lang}.md"


def source_languages(docs_dir: Path) -> dict[str, str]:
    """{stem: source language} for every page; raises :class:`SourceLanguageError`."""
    sources, problems = {}, []
    for stem, files in page_files(docs_dir).items():
        sources[stem], found = source_problems(files, docs_dir)
        problems += found
    if problems:
        raise SourceLanguageError("\n".join(problems))
    return sources


def page_of(path: Path) -> tuple[str, dict[str, Path]]:
    """(language of ``path``, {language: file} of its page) for a ``page.<lang>.md`` file."""
    match = _PAGE_FILE.match(path.name)
    if not match or match[2] not in LANGUAGES:
        raise ValueError(f"{path}: not a page file (page.fr.md, page.nl.md or page.de.md)")
    files = {lang: path.with_name(f"{match[1]}.{lang}.md") for lang in LANGUAGES}
    return match[2], {lang: file for lang, file in files.items() if file.exists()}


def source_of(path: Path) -> tuple[str, Path]:
    """(source language, source file) of the page ``path`` belongs to."""
    _, files = page_of(path)
    source, problems = source_problems(files)
    if problems:
        raise SourceLanguageError("\n".join(problems))
    return source, path.with_name(_sibling(path.name, source))


@dataclass(frozen=True)
class Status:
    page: str  # docs-relative stem, e.g. "method/p3-job-search"
    lang: str
    state: str  # "current", "outdated", "missing", "untracked"
    recorded: str | None
    expected: str
    source: str = DEFAULT  # the page's source language


def generated(text: str) -> bool:
    return "Generated from data/" in text


def statuses(docs_dir: Path) -> list[Status]:
    """The state of every translation of every prose page (pages generated from data are
    translated in the data files, French being their source: scripts/data_translations.py)."""
    found = []
    for stem, files in page_files(docs_dir).items():
        texts = {lang: path.read_text(encoding="utf-8") for lang, path in files.items()}
        source, problems = source_problems(files, docs_dir, texts)
        if problems:
            raise SourceLanguageError("\n".join(problems))
        if source not in texts or generated(texts[source]):
            continue  # a missing source file is reported by scripts/page_files.py
        expected = source_hash(texts[source])
        for lang in LANGUAGES:
            if lang == source:
                continue
            if lang not in texts:
                found.append(Status(stem, lang, "missing", None, expected, source))
                continue
            value = recorded(texts[lang])
            state = ("untracked" if value is None else
                     "current" if value == expected else "outdated")
            found.append(Status(stem, lang, state, value, expected, source))
    return found


def mark(path: Path) -> str:
    """Record in ``path`` (a translation) the hash of its page's current source."""
    lang, _ = page_of(path)
    source, source_file = source_of(path)
    if source == lang:
        others = " and ".join(_shown(path.with_name(_sibling(path.name, code)))
                              for code in LANGUAGES if code != lang)
        raise ValueError(f"{_shown(path)}: this file is the source of its page "
                         f"({LANGUAGE_NAMES[source]}); mark its translations: {others}")
    expected = source_hash(source_file.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    front = _FRONT_MATTER.match(text)
    if front:
        lines = [line for line in front[1].splitlines() if not line.startswith(f"{KEY}:")]
        lines.append(f"{KEY}: {expected}")
        text = "---\n" + "\n".join(lines) + "\n---\n" + text[front.end():]
    else:
        text = f"---\n{KEY}: {expected}\n---\n\n" + text
    path.write_text(text, encoding="utf-8")
    return expected


DIFF_COMMAND = "python -m scripts.translations diff"


def notice(ui: dict, lang: str, source: str, translation_file: str | None) -> dict[str, str]:
    """HTML of the outdated-translation notice in ``lang``, whose source is in ``source``:
    title, text, link (to the source page) and, for a prose page (``translation_file``, e.g.
    "docs/privacy.nl.md"), the command that shows translators what changed."""
    name = ui[f"lang_{source}"][lang]
    texts = {"title": html.escape(ui["outdated_title"][lang]),
             "text": html.escape(ui["outdated_text"][lang].replace("{language}", name)),
             "link": html.escape(ui["outdated_link"][lang].replace("{language}", name))}
    if translation_file:
        before, _, after = ui["outdated_diff"][lang].partition("{command}")
        command = f"{DIFF_COMMAND} {translation_file}"
        texts["diff"] = (f"{html.escape(before)}<code>{html.escape(command)}</code>"
                         f"{html.escape(after)}")
        texts["diff_summary"] = html.escape(ui["outdated_diff_summary"][lang])
    return texts


def status_markdown(found: list[Status], lang: str, ui: dict, link_of,
                    data_outdated: dict[str, list[str]] | None = None) -> str:
    """The translation-status table of the site's own page: one row per page, one column per
    language, the page's source language marked as such."""
    pages = sorted({s.page for s in found})
    state = {(s.page, s.lang): s.state for s in found}
    source = {s.page: s.source for s in found}
    rows = [f"| {ui['tr_page'][lang]} | " + " | ".join(ui[f"lang_{code}"][lang].capitalize()
                                                       for code in LANGUAGES) + " |",
            "| --- |" + " --- |" * len(LANGUAGES)]
    for page in pages:
        cells = [f"**{ui['tr_source'][lang]}**" if code == source[page]
                 else ui[f"tr_{state[(page, code)]}"][lang] for code in LANGUAGES]
        rows.append(f"| [{page}]({link_of(page)}) | " + " | ".join(cells) + " |")
    counts = {key: sum(1 for s in found if s.state == key)
              for key in ("current", "outdated", "untracked", "missing")}
    summary = ", ".join(f"{n} {ui['tr_' + key][lang].lower()}" for key, n in counts.items() if n)
    data_line = (f"{ui['tr_data'][lang]} "
                 + (", ".join(f"`data/{rel}` ({len(keys)})" for rel, keys in data_outdated.items())
                    if data_outdated else ui["tr_data_none"][lang]))
    return (f"{ui['tr_summary'][lang]} {summary}.\n\n" + "\n".join(rows)
            + f"\n\n{data_line}")


def report(found: list[Status]) -> str:
    lines = []
    for lang in LANGUAGES:
        mine = [s for s in found if s.lang == lang]
        if not mine:
            continue  # the source of every page: nothing to translate into this language
        counts = {state: sum(1 for s in mine if s.state == state)
                  for state in ("current", "outdated", "untracked", "missing")}
        lines.append(f"{lang}: " + ", ".join(f"{n} {state}" for state, n in counts.items()))
        lines += [f"  {s.state:9} docs/{s.page}.{lang}.md  (source: docs/{s.page}.{s.source}.md)"
                  for s in mine if s.state != "current"]
    outdated = [s for s in found if s.state == "outdated"]
    if outdated:
        lines.append(f"What changed in a source since its translation: {DIFF_COMMAND} "
                     f"docs/{outdated[0].page}.{outdated[0].lang}.md")
    return "\n".join(lines)


def main(argv: list[str], root: Path | None = None) -> int:
    root = root or Path(__file__).resolve().parent.parent
    docs = root / "docs"
    data = root / "data"
    try:
        return _command(argv, root, docs, data)
    except (SourceLanguageError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1


def _command(argv: list[str], root: Path, docs: Path, data: Path) -> int:
    if argv[:1] == ["status"]:
        from scripts import data_translations
        found = statuses(docs)
        print(report(found))
        stale = data_translations.outdated(data)
        print(f"data: {len(stale)} file(s) with strings changed in French since last checked")
        for rel, keys in stale.items():
            print(f"  outdated  data/{rel}: " + ", ".join(keys[:5])
                  + (f" … (+{len(keys) - 5})" if len(keys) > 5 else ""))
        if "--check" in argv and (any(s.state != "current" for s in found) or stale):
            return 1
        return 0
    if argv[:1] == ["diff"] and len(argv) == 2:
        from scripts import translation_diff
        try:
            print(translation_diff.describe(Path(argv[1]).resolve(), root))
        except translation_diff.HistoryError as error:
            print(error, file=sys.stderr)
            return 1
        return 0
    if argv[:1] == ["mark-data"]:
        from scripts import data_translations
        files = [str(Path(name).resolve().relative_to(data)) for name in argv[1:]] or None
        data_translations.mark(data, files)
        print("recorded: " + (", ".join(files) if files else "all data files"))
        return 0
    if argv[:1] == ["mark"] and len(argv) > 1:
        for name in argv[1:]:
            print(f"{name}: translation_of {mark(Path(name).resolve())}")
        return 0
    print(__doc__.split("Commands")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

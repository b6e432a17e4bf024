"""Translation drift: each Dutch and German page records which version of its French source it
translates, as a hash of the French text in its front matter (``translation_of: <hash>``).

Why: file dates are a noisy signal (a typo fix in French would flag every translation, and a
shallow clone has no history); recording the translated source version works (OpenTelemetry's
``default_lang_commit``). When the French changes and the translation does not, the built page
shows an "outdated translation" notice in the reader's language, and
``python -m scripts.translations status`` lists missing / outdated / current pages.

Commands (run from the project root):
  python -m scripts.translations status [--check]   report; --check exits 1 if not all current
  python -m scripts.translations mark PAGE.nl.md     record that PAGE translates the current French
  python -m scripts.translations mark-data [FILE…]   same for strings in data/ files (all if none)
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.languages import DEFAULT, LANGUAGES

KEY = "translation_of"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def body(text: str) -> str:
    return _FRONT_MATTER.sub("", text, count=1)


def source_hash(french_text: str) -> str:
    """Hash of the French page's body, whitespace-normalised (re-wrapping is not a change)."""
    normalised = " ".join(body(french_text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:10]


def recorded(text: str) -> str | None:
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    meta = yaml.load(match[1], Loader=_LOADER) or {}
    value = meta.get(KEY)
    return str(value) if value is not None else None


@dataclass(frozen=True)
class Status:
    page: str  # docs-relative stem, e.g. "method/p3-job-search"
    lang: str
    state: str  # "current", "outdated", "missing", "untracked"
    recorded: str | None
    expected: str


def generated(text: str) -> bool:
    return "Generated from data/" in text


def statuses(docs_dir: Path) -> list[Status]:
    found = []
    for source in sorted(docs_dir.rglob(f"*.{DEFAULT}.md")):
        french = source.read_text(encoding="utf-8")
        if generated(french):
            continue  # pages generated from data are translated in the data files
        stem = source.relative_to(docs_dir).as_posix()[: -len(f".{DEFAULT}.md")]
        expected = source_hash(french)
        for lang in LANGUAGES:
            if lang == DEFAULT:
                continue
            path = docs_dir / f"{stem}.{lang}.md"
            if not path.exists():
                found.append(Status(stem, lang, "missing", None, expected))
                continue
            value = recorded(path.read_text(encoding="utf-8"))
            state = ("untracked" if value is None else
                     "current" if value == expected else "outdated")
            found.append(Status(stem, lang, state, value, expected))
    return found


def mark(path: Path, docs_dir: Path) -> str:
    """Record in ``path`` (a .nl.md or .de.md page) the hash of its current French source."""
    match = re.match(r"(.*)\.(nl|de)\.md$", path.name)
    if not match:
        raise ValueError(f"{path}: not a Dutch or German page")
    french = path.with_name(f"{match[1]}.{DEFAULT}.md")
    expected = source_hash(french.read_text(encoding="utf-8"))
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


def status_markdown(found: list[Status], lang: str, ui: dict, link_of,
                    data_outdated: dict[str, list[str]] | None = None) -> str:
    """The translation-status table of the site's own page (one row per French page)."""
    pages = sorted({s.page for s in found})
    state = {(s.page, s.lang): s.state for s in found}
    rows = [f"| {ui['tr_page'][lang]} | {ui['lang_nl'][lang]} | {ui['lang_de'][lang]} |",
            "| --- | --- | --- |"]
    for page in pages:
        cells = [ui[f"tr_{state[(page, code)]}"][lang] for code in ("nl", "de")]
        rows.append(f"| [{page}]({link_of(page)}) | {cells[0]} | {cells[1]} |")
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
    for lang in LANGUAGES[1:]:
        mine = [s for s in found if s.lang == lang]
        counts = {state: sum(1 for s in mine if s.state == state)
                  for state in ("current", "outdated", "untracked", "missing")}
        lines.append(f"{lang}: " + ", ".join(f"{n} {state}" for state, n in counts.items()))
        lines += [f"  {s.state:9} docs/{s.page}.{lang}.md" for s in mine if s.state != "current"]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    docs = root / "docs"
    data = root / "data"
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
    if argv[:1] == ["mark-data"]:
        from scripts import data_translations
        files = [str(Path(name).resolve().relative_to(data)) for name in argv[1:]] or None
        data_translations.mark(data, files)
        print("recorded: " + (", ".join(files) if files else "all data files"))
        return 0
    if argv[:1] == ["mark"] and len(argv) > 1:
        for name in argv[1:]:
            print(f"{name}: translation_of {mark(Path(name).resolve(), docs)}")
        return 0
    print(__doc__.split("Commands")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

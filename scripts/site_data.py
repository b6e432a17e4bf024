"""Every structured source of data/, loaded and checked together.

The result is kept for the life of the process while no data file changes: mkdocs-static-i18n
builds three languages, and `mkdocs serve` rebuilds after each save of a page, each time from a
new configuration (the hooks module is executed again; this module is not). It is also kept on
disk (.cache/data/), for the next `mkdocs build`, while neither the data, the pages the checks
read, nor the code in scripts/ changes: checking everything takes about a second.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

from scripts import (bibliography, checklist_ids, checklists, country_notes, data_translations,
                     glossary, method_tools, phases, self_assessment, systems, trainer_sheets,
                     ui_strings, worksheets)

_loaded: dict[str, object] = {}


def _signature(data_dir: Path) -> tuple:
    """The data files, and what data checks read in docs/: which method and practice pages
    exist (tools and country notes name them), and the training plans' text (trainer's sheets
    name the exercise headings of their plan). Editing a method page changes none of these."""
    docs = data_dir.parent / "docs"

    def stamp(path: Path) -> tuple:
        return (str(path), path.stat().st_mtime_ns, path.stat().st_size)

    return (tuple(stamp(p) for p in sorted(data_dir.rglob("*.yml"))),
            tuple(str(p) for folder in ("method", "practices")
                  for p in sorted((docs / folder).glob("*.fr.md"))),
            tuple(stamp(p) for p in sorted((docs / "training").glob("*.fr.md"))))


def _code_signature() -> tuple:
    code = sorted(Path(__file__).parent.glob("*.py"))
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in code)


def _read_disk(cache: Path, signature: tuple) -> dict | None:
    try:
        with cache.open("rb") as stream:
            stored_signature, data = pickle.load(stream)
    except Exception:  # absent, truncated, or written by other code: check everything again
        return None
    return data if stored_signature == signature else None


def _write_disk(cache: Path, signature: tuple, data: dict) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=cache.parent, delete=False) as stream:
            pickle.dump((signature, data), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(stream.name, cache)
    except OSError:  # a read-only checkout builds without the cache
        pass


def known_tools(data: dict, docs_dir: Path) -> dict[str, set[str]]:
    """The ids a tool reference may name, by kind: worksheets and checklists from their data,
    practices and training plans from their pages."""
    def pages(folder: str) -> set[str]:
        return {p.name[: -len(".fr.md")] for p in (docs_dir / folder).glob("*.fr.md")
                if not p.name.startswith("index.") and "-trainer." not in p.name}
    return {"worksheet": {s.worksheet.id for s in data["worksheets"]},
            "checklist": {s.checklist.id for s in data["checklists"]},
            "practice": pages("practices"), "training": pages("training")}


def load(data_dir: Path, changes: dict[str, str]) -> dict[str, object]:
    """{"ui", "sources", "phases", "checklists", "glossary", "systems", "worksheets",
    "self_assessment", "data_outdated", "data_citations"} for ``data_dir``; raises ``DataFileError`` (file:line) on a bad file.
    ``changes``: last commit date by repository path (scripts/page_dates.py), for the version
    printed on the checklists. Do not modify what it returns: the next build gets the same
    objects."""
    dated = tuple(sorted((path, day) for path, day in changes.items()
                         if path.startswith("data/")))
    signature = (str(data_dir.resolve()), _signature(data_dir), dated, _code_signature())
    if _loaded.get("signature") != signature:
        _loaded.clear()
        disk = data_dir.parent / ".cache" / "data" / "site-data.pickle"
        stored = _read_disk(disk, signature)
        if stored is not None:
            _loaded.update(stored, signature=signature)
            return {key: value for key, value in _loaded.items() if key != "signature"}
        data = {
            "ui": ui_strings.load_ui_strings(data_dir / "ui.yml", "data/ui.yml"),
            "sources": bibliography.load_bibliography(data_dir / "sources.yml"),
            "phases": phases.load_phases(data_dir / "phases.yml", "data/phases.yml"),
            "checklists": checklists.load_checklists(data_dir / "checklists",
                                                     changes=changes),
        }
        checklist_ids.check(data["checklists"], data_dir / "checklists")
        data["glossary"] = glossary.load_glossary(data_dir / "glossary")
        data["systems"] = systems.load_systems(data_dir / "systems.yml")
        data["worksheets"] = worksheets.load_worksheets(data_dir / "worksheets")
        checklists.check_tools(data["checklists"], {s.worksheet.id for s in data["worksheets"]})
        docs_dir = data_dir.parent / "docs"
        data["trainer_sheets"] = trainer_sheets.load_sheets(data_dir / "training", docs_dir)
        data["known_tools"] = known = known_tools(data, docs_dir)
        data["tools"] = method_tools.load_tools(data_dir / "tools.yml", known, docs_dir)
        data["countries"] = country_notes.load_countries(data_dir / "countries.yml", docs_dir)
        data["self_assessment"] = self_assessment.load_self_assessment(
            data_dir / "self-assessment.yml", known=known)
        data["data_citations"] = bibliography.data_citations(data_dir, data["sources"])
        data["data_outdated"] = data_translations.outdated(data_dir)  # after every check
        _loaded.update(data, signature=signature)
        _write_disk(disk, signature, data)
    return {key: value for key, value in _loaded.items() if key != "signature"}

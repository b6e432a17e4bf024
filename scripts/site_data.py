"""Every structured source of data/, loaded and checked together.

The result is kept for the life of the process while no data file changes: mkdocs-static-i18n
builds three languages, and `mkdocs serve` rebuilds after each save of a page, each time from a
new configuration (the hooks module is executed again; this module is not).
"""

from __future__ import annotations

from pathlib import Path

from scripts import (bibliography, checklist_ids, checklists, country_notes, data_translations,
                     glossary, method_tools, phases, self_assessment, systems, trainer_sheets,
                     ui_strings, worksheets)

_loaded: dict[str, object] = {}


def _signature(data_dir: Path) -> tuple:
    """The data files, and the pages that data checks read (tools name practices and training
    plans; trainer's sheets name the exercise headings of their plan)."""
    docs = data_dir.parent / "docs"
    files = sorted(data_dir.rglob("*.yml")) + sorted(
        p for folder in ("method", "practices", "training") for p in (docs / folder).glob("*.fr.md"))
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


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
    signature = (str(data_dir.resolve()), _signature(data_dir), dated)
    if _loaded.get("signature") != signature:
        _loaded.clear()
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
    return {key: value for key, value in _loaded.items() if key != "signature"}

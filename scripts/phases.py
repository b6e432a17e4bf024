"""The five phases of the method: data model, loading, and the Markdown generated from them.

Source: ``data/phases.yml``. Phase names, purposes, durations and criteria are written there
once, in French, Dutch and German; the phase pages, the overview diagram and the mapping table
are generated from it (markers in the Markdown, see :mod:`scripts.markers`), so the languages
can never disagree on structure.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from scripts import synthesis
from scripts.markdown_text import escape
from scripts.translated import Text, Translated
from scripts.validation import list_item, validate
from scripts.yaml_source import DataFileError, line_of, load_yaml

PhaseId = Literal["P1", "P2", "P3", "P4", "P5"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Phase(_Strict):
    id: PhaseId
    page: Annotated[str, Field(pattern=r"^[a-z0-9/-]+\.md$")]
    name: Translated
    purpose: Translated
    duration: Translated
    entry: Annotated[list[Translated], Field(min_length=1)]
    exit: Annotated[list[Translated], Field(min_length=1)]
    euse_stages: Annotated[list[int], Field(min_length=1)]
    decree_stage: int


class EuseStage(_Strict):
    number: int
    en: Text
    name: Translated  # fr: the site's translation (no official French version was found)


class DecreeStage(_Strict):
    number: int
    name_fr: Text  # official French name
    name: Translated  # fr repeats the official name; nl/de are the site's translations


class PhaseData(_Strict):
    phases: Annotated[list[Phase], Field(min_length=5, max_length=5)]
    euse_stages: Annotated[list[EuseStage], Field(min_length=5, max_length=5)]
    decree_stages: Annotated[list[DecreeStage], Field(min_length=3, max_length=3)]

    def problems(self) -> list[tuple[tuple, str]]:
        """Cross-reference problems, as (path into the data, message)."""
        found = []
        ids = [phase.id for phase in self.phases]
        if ids != ["P1", "P2", "P3", "P4", "P5"]:
            found.append((("phases",), f"phases must be P1 to P5 in this order, found {ids}"))
        euse = {stage.number for stage in self.euse_stages}
        decree = {stage.number for stage in self.decree_stages}
        for i, phase in enumerate(self.phases):
            for number in phase.euse_stages:
                if number not in euse:
                    found.append((("phases", i, "euse_stages"),
                                  f"phase {phase.id}: unknown EUSE stage {number}"))
            if phase.decree_stage not in decree:
                found.append((("phases", i, "decree_stage"),
                              f"phase {phase.id}: unknown decree stage {phase.decree_stage}"))
        return found

    def phase(self, phase_id: str) -> Phase:
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        raise KeyError(phase_id)


_item_id = list_item("phases", "phase")


def load_phases(path: Path, display_name: str | None = None) -> PhaseData:
    """Load and check ``data/phases.yml``; raise DataFileError naming file, line and phase."""
    name = display_name or path.as_posix()
    raw = load_yaml(path, name)
    data = validate(raw, PhaseData, name, _item_id)
    problems = data.problems()
    if problems:
        raise DataFileError("\n".join(f"{name}:{line_of(raw, loc)}: {message}"
                                      for loc, message in problems))
    return data


# ---------------------------------------------------------------------------------------------
# Markdown generated from the data (plain functions: data and language in, Markdown out)
# ---------------------------------------------------------------------------------------------


def _link(page_src: str, target: str) -> str:
    """Relative Markdown link from the page ``page_src`` (docs-relative) to ``target``."""
    return posixpath.relpath(target, posixpath.dirname(page_src) or ".")


def title(data: PhaseData, phase_id: str, lang: str) -> str:
    phase = data.phase(phase_id)
    return f"# {phase.id} · {escape(phase.name[lang])}"


def purpose(data: PhaseData, phase_id: str, lang: str) -> str:
    phase = data.phase(phase_id)
    return f"{escape(phase.purpose[lang])}\n{{: .phase-purpose }}"


def duration(data: PhaseData, phase_id: str, lang: str, ui: dict) -> str:
    """The indicative duration: the site's synthesis, labelled as such."""
    phase = data.phase(phase_id)
    return synthesis.block(f"**{escape(phase.duration[lang])}**\n{{: .phase-duration }}",
                           ui["synthesis_title"][lang])


def criteria(data: PhaseData, phase_id: str, lang: str, ui: dict) -> str:
    """Entry and exit criteria: the site's synthesis, labelled as such."""
    phase = data.phase(phase_id)
    lines = [f"**{ui['phase_entry'][lang]}**", ""]
    lines += [f"- {escape(item[lang])}" for item in phase.entry]
    lines += ["", f"**{ui['phase_exit'][lang]}**", ""]
    lines += [f"- {escape(item[lang])}" for item in phase.exit]
    return synthesis.block("\n".join(lines), ui["synthesis_title"][lang])


def diagram(data: PhaseData, lang: str, ui: dict, page_src: str) -> str:
    """The five phases as an ordered list of linked steps, laid out as a flow by CSS."""
    lines = ['<div class="phase-flow" markdown>', ""]
    for phase in data.phases:
        lines.append(
            f"1. [**{phase.id}** {escape(phase.name[lang])}]({_link(page_src, phase.page)})"
            f"<br><span class=\"phase-flow__purpose\">{escape(phase.purpose[lang])}</span>"
            f"<br><span class=\"phase-flow__duration\">{ui['phase_duration'][lang]} "
            f"{escape(phase.duration[lang])}</span>")
    lines += ["", "</div>"]
    return "\n".join(lines)


def mapping(data: PhaseData, lang: str, ui: dict, page_src: str) -> str:
    """Table: site phases ↔ EUSE stages (official English + reader's language) ↔ decree."""
    euse = {stage.number: stage for stage in data.euse_stages}
    decree = {stage.number: stage for stage in data.decree_stages}
    header = [ui["mapping_phase"][lang], ui["mapping_euse"][lang], ui["mapping_decree"][lang]]
    rows = ["| " + " | ".join(header) + " |", "| --- | --- | --- |"]
    for phase in data.phases:
        stages = "<br>".join(
            f'{n}. {escape(euse[n].name[lang])} (<em lang="en">{escape(euse[n].en)}</em>)'
            for n in phase.euse_stages)
        stage = decree[phase.decree_stage]
        decree_text = (f"{stage.number}. *{escape(stage.name_fr)}*" if lang == "fr" else
                       f'{stage.number}. <em lang="fr">{escape(stage.name_fr)}</em>')
        if lang != "fr":
            decree_text += f" ({escape(stage.name[lang])})"
        rows.append(f"| [{phase.id} · {escape(phase.name[lang])}]({_link(page_src, phase.page)})"
                    f" | {stages} | {decree_text} |")
    return "\n".join(rows)

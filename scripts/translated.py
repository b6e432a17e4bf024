"""The trilingual text type shared by every data file: one non-empty string per language."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from typing import Annotated

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), Field(strict=True)]


class Translated(BaseModel):
    """A text in French, Dutch and German; typos in language codes are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fr: Text
    nl: Text
    de: Text

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)

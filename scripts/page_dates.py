"""Dates shown to the people who maintain the site: when a page last changed (from git), and
whether its planned review date ("review_by" in the front matter) has passed."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_changes(root: Path, paths: tuple[str, ...] = ("docs", "data")) -> dict[str, str]:
    """Map of repository-relative file path → date of the last commit touching it
    (YYYY-MM-DD). Empty outside a git checkout. One git call for the whole tree."""
    try:
        result = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--", *paths],
                                cwd=root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, str] = {}
    for block in result.stdout.split("\x00")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        date, files = lines[0], lines[1:]
        for name in files:
            dates.setdefault(name, date)
    return dates


def localized(date: str, lang: str, months: dict[str, str]) -> str:
    """"2026-11-26" → "26 novembre 2026" / "26 november 2026" / "26. November 2026"."""
    day = dt.date.fromisoformat(date)
    month = months[lang].split(",")[day.month - 1].strip()
    return f"{day.day}. {month} {day.year}" if lang == "de" else f"{day.day} {month} {day.year}"


def review_overdue(review_by, today: dt.date | None = None) -> bool:
    if not review_by:
        return False
    due = review_by if isinstance(review_by, dt.date) else dt.date.fromisoformat(str(review_by))
    return (today or dt.date.today()) > due

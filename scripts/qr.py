"""QR codes (segno) pointing at a page's current version, for paper copies.

Encoding a code takes ~10 ms and a build needs about a hundred of them (pages and PDFs in three
languages), always for the same URLs: results are kept in memory and in ``.cache/qr``.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

import segno

CACHE = Path(__file__).resolve().parent.parent / ".cache" / "qr"


def _cached(kind: str, url: str, make) -> str:
    key = hashlib.sha256(f"{kind} {segno.__version__} {url}".encode()).hexdigest()[:32]
    path = CACHE / f"{key}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    value = make()
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(value, encoding="utf-8")
        partial.replace(path)
    except OSError:
        pass  # a read-only checkout still builds, only slower
    return value


@lru_cache(maxsize=1024)
def qr_svg(url: str) -> str:
    """Inline SVG (no XML declaration), decorative: the URL is also printed as text."""
    return _cached("svg", url, lambda: segno.make(url, error="m").svg_inline(
        scale=2, border=0, dark="#000000"))


@lru_cache(maxsize=1024)
def qr_data_uri(url: str) -> str:
    return _cached("uri", url, lambda: segno.make(url, error="m").svg_data_uri(
        scale=2, border=0, dark="#000000"))

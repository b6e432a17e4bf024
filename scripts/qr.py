"""QR codes (segno) pointing at a page's current version, for paper copies."""

from __future__ import annotations

from functools import lru_cache

import segno


@lru_cache(maxsize=1024)
def qr_svg(url: str) -> str:
    """Inline SVG (no XML declaration), decorative: the URL is also printed as text."""
    return segno.make(url, error="m").svg_inline(scale=2, border=0, dark="#000000")


@lru_cache(maxsize=1024)
def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=2, border=0, dark="#000000")

"""Rendering HTML documents to PDF with WeasyPrint, with a cache, for every PDF of the site.

Every PDF is tagged (PDF/UA-1) with its document language. WeasyPrint 70 tags the structure
but gives no element its own language; bilingual documents need each language's text marked
(a screen reader then reads the Dutch column with a Dutch voice): :func:`_tag_languages`
copies an element's ``lang`` attribute to its structure element (``/Lang``). WeasyPrint is
pinned exactly (requirements.txt) and tests/test_paper.py checks the result, so a WeasyPrint
that changes its tagging code fails the tests instead of silently losing the languages.

PDFs are cached by content (the HTML given to WeasyPrint plus its version): an unchanged
document is not rendered again, so ``mkdocs serve`` stays quick.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

# Part of every cache key with WeasyPrint's version: change it when the rendering code changes
# what a PDF looks like for the same HTML (language tags, filled notes).
RENDERER_REVISION = "lang-tags+fill-lines-1+packs-2"


def _tag_languages() -> None:
    """Give structure elements the ``lang`` of their HTML element (once per process)."""
    import pydyf
    from weasyprint.pdf import tags
    if getattr(tags._build_box_tree, "with_languages", False):
        return
    original = tags._build_box_tree

    def build_box_tree(box, parent, *args):
        element = getattr(box, "element", None)
        lang = None
        if element is not None and getattr(box, "element_tag", None) not in ("html", "body"):
            lang = element.get("lang")
        for struct in original(box, parent, *args):
            if lang and "Lang" not in struct:
                struct["Lang"] = pydyf.String(lang)
            yield struct

    build_box_tree.with_languages = True
    tags._build_box_tree = build_box_tree


def _compress_repeated_streams_once() -> None:
    """Compress each large PDF stream once per process (pydyf compresses at level 9).

    A PDF with form fields embeds the whole font of its fields (WeasyPrint does not subset
    it: a typed character may be any), so every PDF of the site compresses the same 500 KB of
    Noto Sans again. The same bytes give the same compressed bytes: keep them (once per
    process, like :func:`_tag_languages`). The PDFs are byte for byte what pydyf writes."""
    import zlib

    import pydyf
    if getattr(pydyf.Stream.data, "fget", None) and getattr(pydyf.Stream.data.fget,
                                                           "compressed_once", False):
        return
    original = pydyf.Stream.data.fget
    packed: dict[bytes, bytes] = {}

    def data(self):
        if not self.compress:
            return original(self)
        stream = b"\n".join(pydyf._to_bytes(item) for item in self.stream)
        if len(stream) < LARGE_STREAM:
            return original(self)
        key = hashlib.sha1(stream).digest()
        if key not in packed:
            compressor = zlib.compressobj(level=9)
            packed[key] = compressor.compress(stream) + compressor.flush()
        extra = pydyf.Dictionary(self.extra.copy())
        extra["Filter"] = "/FlateDecode"
        extra["Length"] = len(packed[key])
        return b"\n".join((extra.data, b"stream", packed[key], b"endstream"))

    data.compressed_once, data.original = True, original
    pydyf.Stream.data = property(data)


LARGE_STREAM = 64 * 1024  # fonts; page contents stay as they are


# ---------------------------------------------------------------------------------------------
# Ruled lines in the room left on a page
# ---------------------------------------------------------------------------------------------

_FILL = re.compile(r'<div class="fill-lines" data-name="(?P<name>[^"]+)" '
                   r'data-title="(?P<title>[^"]*)" data-heading="(?P<heading>[^"]*)"></div>')
LINE_MM, MIN_LINES, MAX_LINES, HEADING_MM = 7.0, 3, 20, 13.0
_PX_TO_MM = 25.4 / 96


def _room_below_placeholders(document) -> list[float]:
    """For each fill-lines placeholder, in document order, the millimetres left below it on its
    page (a laid-out WeasyPrint document)."""
    room = []
    for page in document.pages:
        page_box = page._page_box
        bottom = page_box.content_box_y() + page_box.height
        stack = [page_box]
        found = []
        while stack:
            box = stack.pop()
            element = getattr(box, "element", None)
            if (element is not None and getattr(box, "element_tag", None) == "div"
                    and element.get("class") == "fill-lines"):
                found.append((box.position_y, (bottom - box.position_y) * _PX_TO_MM))
                continue
            stack.extend(reversed(getattr(box, "children", None) or []))
        room += [mm for _, mm in found]
    return room


def _filled(document: str, rooms: list[float], shrink: int) -> str:
    """The document with each placeholder replaced by a heading and a ruled, fillable notes
    field as high as its room allows, ``shrink`` lines less (none if fewer than three fit)."""
    room = iter(rooms)

    def replace(match: re.Match) -> str:
        lines = min(MAX_LINES, int((next(room, 0.0) - HEADING_MM) // LINE_MM)) - shrink
        if lines < MIN_LINES:
            return ""
        return (f'<div class="notes"><h2>{html.unescape(match["heading"])}</h2>'
                f'<textarea name="{match["name"]}" title="{match["title"]}" '
                f'style="height: {lines * LINE_MM:.0f}mm"></textarea></div>')

    return _FILL.sub(replace, document)


OPTIONS = {"pdf_variant": "pdf/ua-1"}


def render_pdf(document: str):
    """Lay out a document: a WeasyPrint Document ready for ``write_pdf(target, **OPTIONS)``.

    ``fill-lines`` placeholders become ruled notes fields in the room left on their page: a
    first layout measures the room, a second one checks that the notes added no page (else
    they shrink by a line until they fit)."""
    import weasyprint
    _tag_languages()
    _compress_repeated_streams_once()
    plain = weasyprint.HTML(string=document).render(**OPTIONS)
    if 'class="fill-lines"' not in document:
        return plain
    rooms = _room_below_placeholders(plain)
    for shrink in range(4):
        laid = weasyprint.HTML(string=_filled(document, rooms, shrink)).render(**OPTIONS)
        if len(laid.pages) <= len(plain.pages):
            return laid
    return plain


# ---------------------------------------------------------------------------------------------
# Rendering with a cache
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pack:
    """One PDF made of a cover and of other documents' pages (a trainer's pack of worksheets).

    Each part is laid out once, for its own PDF (when the site has one with the same HTML) and
    for the pack: a pack costs its cover and one more write, not a second layout of every
    sheet. In the cover, ``@@PAGE:n@@`` becomes the pack page where part ``n`` (from 0)
    starts."""

    cover: str
    parts: tuple[str, ...]

    def key_text(self) -> str:
        return "\n".join(("pack", self.cover, *self.parts))


_PAGE = re.compile(r"@@PAGE:(\d+)@@")


def _text(document: "str | Pack") -> str:
    return document.key_text() if isinstance(document, Pack) else document


def _cache_key(document: "str | Pack", renderer: str) -> str:
    return hashlib.sha256(f"{renderer}\n{_text(document)}".encode()).hexdigest()[:20]


def _place(cached: Path, path: Path) -> None:
    """Put a cached PDF at ``path``: a hard link when the cache is on the same file system (no
    copy of the PDFs at every build), a copy otherwise."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    try:
        os.link(cached, path)
    except OSError:
        shutil.copyfile(cached, path)


def _save(document, path: str) -> None:
    # A unique temporary name: two builds (serve and test) may share the cache.
    tmp = Path(path).with_suffix(f".{os.getpid()}.tmp")
    document.write_pdf(tmp, **OPTIONS)
    tmp.replace(path)


def render_pack(pack: Pack, part_paths: tuple[str, ...] = ()):
    """Lay out a pack: a WeasyPrint Document of the cover's pages and then every part's.
    ``part_paths``: where to write each part's own PDF as well ("" for none)."""
    import weasyprint
    parts = []
    for n, part in enumerate(pack.parts):
        laid = render_pdf(part)
        if n < len(part_paths) and part_paths[n]:
            _save(laid, part_paths[n])
        parts.append(laid)

    def cover(cover_pages: int):
        starts, page = [], cover_pages + 1
        for laid in parts:
            starts.append(page)
            page += len(laid.pages)
        return weasyprint.HTML(string=_PAGE.sub(lambda m: str(starts[int(m[1])]), pack.cover)
                               ).render(**OPTIONS)

    laid_cover = cover(1)
    if len(laid_cover.pages) != 1:  # the contents run over several pages
        laid_cover = cover(len(laid_cover.pages))
    return laid_cover.copy(laid_cover.pages + [page for laid in parts for page in laid.pages])


def _job(job: tuple) -> None:
    """Render one planned PDF (top-level so that a process pool can run it): (document, path)
    or (pack, path, paths of the parts to write too)."""
    _tag_languages()
    document, path, *part_paths = job
    if isinstance(document, Pack):
        _save(render_pack(document, *part_paths), path)
    else:
        _save(render_pdf(document), path)


class Rendering:
    """PDFs being rendered in the background (see :func:`start`); :meth:`finish` waits for
    them and puts every PDF in place."""

    def __init__(self, planned: list, missing: int, pool=None, futures=()):
        self.planned, self.missing, self._pool, self._futures = planned, missing, pool, futures

    def finish(self, site_dir: Path, cache_dir: Path) -> int:
        """Wait for the renderings, then place every PDF under ``site_dir``. Return how many
        PDFs WeasyPrint had to render."""
        if self._pool is not None:
            try:
                for future in self._futures:
                    future.result()
            finally:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None
        for _, target, cached in self.planned:
            _place(cached, site_dir / target)
            try:
                os.utime(cached)  # recently used: kept by _prune
            except OSError:
                pass
        _prune(cache_dir, CACHE_KEEP)
        return self.missing

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def start(documents: list[tuple["str | Pack", str]], cache_dir: Path,
          workers: int = 2) -> Rendering:
    """Start rendering what the cache lacks of (HTML document or pack, target path) pairs, in
    ``workers`` background processes: a build lays out its pages meanwhile. Rendering only
    needs the data, so the build starts it first and collects the PDFs at its end."""
    from importlib.metadata import version  # not WeasyPrint itself (slow) if nothing is new

    cache_dir.mkdir(parents=True, exist_ok=True)
    # In every key: a new WeasyPrint (or rendering code) renders every PDF again.
    renderer = f"{version('weasyprint')} {RENDERER_REVISION}"
    planned = [(document, target, cache_dir / f"{_cache_key(document, renderer)}.pdf")
               for document, target in documents]
    missing = {str(cached): document for document, _, cached in planned if not cached.exists()}
    # A part missing from the cache is written by the job of a pack that lays it out anyway.
    by_text = {document: path for path, document in missing.items()
               if isinstance(document, str)}
    jobs, taken = [], set()
    for path, document in missing.items():
        if isinstance(document, Pack):
            parts = tuple(by_text.get(part, "") if by_text.get(part) not in taken else ""
                          for part in document.parts)
            taken.update(p for p in parts if p)
            jobs.append((len(document.key_text()), (document, path, parts)))
    jobs += [(len(document), (document, path)) for path, document in missing.items()
             if isinstance(document, str) and path not in taken]
    # Longest first (the packs), so that no process is left alone with a pack at the end.
    jobs = [job for _, job in sorted(jobs, key=lambda item: item[0], reverse=True)]
    if len(jobs) > 1 and workers > 1:
        from concurrent.futures import ProcessPoolExecutor
        pool = ProcessPoolExecutor(max_workers=workers)
        return Rendering(planned, len(missing), pool, [pool.submit(_job, job) for job in jobs])
    for job in jobs:
        _job(job)
    return Rendering(planned, len(missing))


def render_documents(documents: list[tuple["str | Pack", str]], site_dir: Path, cache_dir: Path,
                     workers: int = 2) -> int:
    """Write each (HTML document or pack, target path under ``site_dir``) as a PDF, rendering
    only what the cache lacks. Return how many PDFs WeasyPrint had to render."""
    return start(documents, cache_dir, workers).finish(site_dir, cache_dir)


CACHE_KEEP = 800  # PDFs kept in the cache: about five builds' worth (150 PDFs each)


def _prune(cache_dir: Path, keep: int) -> None:
    """Delete all but the ``keep`` most recently used PDFs of the cache. Every site URL (the
    published one, `mkdocs serve`'s, each test run's) has its own PDFs: without a limit the
    cache grows by ~25 MB per build for a new URL."""
    entries = []
    for path in cache_dir.glob("*.pdf"):
        try:
            entries.append((path.stat().st_mtime_ns, path))
        except FileNotFoundError:  # pruned meanwhile by another build
            continue
    entries.sort(reverse=True)
    for _, path in entries[keep:]:
        path.unlink(missing_ok=True)

"""Checklist PDFs with WeasyPrint: fillable (form fields named after the items), tagged
(PDF/UA-1, document language), A4, with the paper-trace footer of the print view.

Rendered from a lean dedicated HTML template, not from the site's pages: small CSS, no JS,
full control of labels and field ids. PDFs are cached by content (the HTML given to WeasyPrint
plus its version): an unchanged checklist is not rendered again, so ``mkdocs serve`` stays quick.
"""

from __future__ import annotations

import hashlib
import html
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from scripts.checklists import Source, field_id, phase_label, version_label
from scripts.qr import qr_data_uri

_e = html.escape

CSS = """/* A4 checklist. @@PAGE@@ is the localized word "Page". */
@page {
  size: A4;
  margin: 16mm 15mm 30mm;
  @bottom-left { content: element(trace); width: 150mm; vertical-align: top; }
  @bottom-right { content: "@@PAGE@@ " counter(page) " / " counter(pages);
                  font-size: 7.5pt; color: #333; vertical-align: top; }
}
html { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 10pt; color: #000;
       font-variant-ligatures: none; }  /* "fi", "ff" stay two letters when copied or read */
body { margin: 0; }
section + section { break-before: page; }
.kicker { font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.04em; color: #1d4e74;
          margin: 0 0 1mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; line-height: 1.2; }
h1 .second { display: block; font-size: 13pt; font-weight: normal; color: #333; }
.intro { margin: 0 0 4mm; }
.fields { margin: 0 0 5mm; padding: 2.5mm 3mm; border: 0.4pt solid #888; }
.fields p { display: inline-block; width: 31%; margin: 0 1.5% 0 0; vertical-align: top; }
.fields label { display: block; font-size: 8pt; color: #333; }
input[type=text] { appearance: auto; width: 100%; height: 6mm; border: none;
                   border-bottom: 0.5pt solid #000; font-size: 10pt; }
ol { list-style: none; margin: 0; padding: 0; }
li { position: relative; break-inside: avoid; padding: 2mm 0 2mm 8mm;
     border-bottom: 0.3pt solid #bbb; }
input[type=checkbox] { appearance: auto; position: absolute; left: 0; top: 2.3mm;
                       width: 4.5mm; height: 4.5mm; margin: 0; }
label.item { display: block; }
.col { display: inline-block; width: 47%; margin-right: 3%; vertical-align: top; }
.id { font-weight: bold; display: inline-block; min-width: 10mm; }
.meta { display: block; font-size: 8pt; color: #333; margin-top: 0.5mm; }
.hint { display: block; font-size: 8.5pt; font-style: italic; margin-top: 0.5mm; }
.trace { position: running(trace); font-size: 7pt; color: #222; }
.trace img { float: left; width: 16mm; height: 16mm; margin-right: 3mm; }
.trace p { margin: 0; }
"""


@dataclass(frozen=True)
class PdfJob:
    """One PDF to produce: which checklists, in which language(s), where."""

    sources: tuple[Source, ...]
    langs: tuple[str, ...]  # one language, or two for a bilingual parallel PDF
    target: str  # path relative to the site root, e.g. "pdf/checklists/p3-job-search.nl.pdf"
    title: str
    url: str  # canonical URL printed in the footer and encoded in the QR code


def _item(source: Source, item, langs: tuple[str, ...], ui: dict) -> str:
    fid = field_id(source.checklist.id, item.id)
    cols = []
    for lang in langs:
        meta = " " + _e(ui["who_" + item.who][lang]) + (f" · {_e(item.when[lang])}" if item.when else "")
        hint = f'<span class="hint"> {_e(item.hint[lang])}</span>' if item.hint else ""
        cols.append(f'<span class="col" lang="{lang}"><span class="id">{_e(item.id)}</span> '
                    f'{_e(item.text[lang])}<span class="meta">{meta}</span>{hint}</span>')
    if len(langs) == 1:
        cols = [col.replace('class="col"', 'class="one"', 1) for col in cols]
    return (f'<li><input type="checkbox" id="{fid}" name="{_e(item.id)}">'
            f'<label class="item" for="{fid}">{"".join(cols)}</label></li>')


def _section(source: Source, langs: tuple[str, ...], ui: dict) -> str:
    c = source.checklist
    first = langs[0]
    title = _e(c.title[first])
    if len(langs) == 2:
        title += f'<span class="second" lang="{langs[1]}">{_e(c.title[langs[1]])}</span>'
    fields = "".join(
        f'<p><label for="{c.id}-{key}">{" / ".join(_e(ui[key][lang]) for lang in langs)}</label>'
        f'<input type="text" id="{c.id}-{key}" name="{c.id}-{key}"></p>'
        for key in ("cl_field_person", "cl_field_date", "cl_field_coach"))
    intro = " ".join(f'<span lang="{lang}">{_e(c.intro[lang])}</span>' for lang in langs)
    items = "\n".join(_item(source, item, langs, ui) for item in c.items)
    kicker = " · ".join(dict.fromkeys(_e(phase_label(c, lang, ui)) for lang in langs))
    return (f'<section><p class="kicker">{kicker}</p><h1>{title}</h1>'
            f'<p class="intro">{intro}</p><div class="fields">{fields}</div>'
            f'<ol>{items}</ol></section>')


def document_html(job: PdfJob, ui: dict, site_name: str) -> str:
    lang = job.langs[0]
    versions = ", ".join(version_label(s, lang, ui) for s in job.sources[:1])
    if len(job.sources) > 1:
        versions = ui["cl_version"][lang] + " " + ", ".join(s.digest for s in job.sources)
    language = " | ".join(ui["language_name"][code] for code in job.langs)
    trace = (f'<div class="trace"><img src="{qr_data_uri(job.url)}" alt="">'
             f'<p>{_e(site_name)} · {_e(ui["cl_language"][lang])} {_e(language)}<br>'
             f'{_e(ui["cl_generated"][lang])} {_e(versions)}<br>'
             f'{_e(ui["cl_current"][lang])} {_e(job.url)}</p></div>')
    body = "\n".join(_section(s, job.langs, ui) for s in job.sources)
    css = CSS.replace("@@PAGE@@", ui["cl_page"][lang].replace('"', "").replace("\\", ""))
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<title>{_e(job.title)}</title><meta name="author" content="{_e(site_name)}">'
            f'<style>{css}</style></head>'
            f'<body>{trace}<form>{body}</form></body></html>')


def _cache_key(document: str, renderer: str) -> str:
    return hashlib.sha256(f"{renderer}\n{document}".encode()).hexdigest()[:20]


def _place(cached: Path, path: Path) -> None:
    """Put a cached PDF at ``path``: a hard link when the cache is on the same file system (no
    copy of the PDFs at every build), a copy otherwise."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    try:
        os.link(cached, path)
    except OSError:
        shutil.copyfile(cached, path)


def _write_pdf(document: str, path: str) -> None:
    """Render one document (top-level so that a process pool can run it)."""
    import weasyprint
    # A unique temporary name: two builds (serve and test) may share the cache.
    tmp = Path(path).with_suffix(f".{os.getpid()}.tmp")
    weasyprint.HTML(string=document).write_pdf(tmp, pdf_variant="pdf/ua-1")
    tmp.replace(path)


def render_documents(documents: list[tuple[str, str]], site_dir: Path, cache_dir: Path,
                     workers: int = 2) -> int:
    """Write each (HTML document, target path under ``site_dir``) as a PDF, rendering only what
    the cache lacks (in ``workers`` processes). Return how many WeasyPrint had to render."""
    from importlib.metadata import version  # not WeasyPrint itself (slow) if nothing is new

    cache_dir.mkdir(parents=True, exist_ok=True)
    renderer = version("weasyprint")  # in every key: a new WeasyPrint renders every PDF again
    planned = [(document, target, cache_dir / f"{_cache_key(document, renderer)}.pdf")
               for document, target in documents]
    missing = {str(cached): document for document, _, cached in planned if not cached.exists()}
    if len(missing) > 1 and workers > 1:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_write_pdf, missing.values(), missing.keys()))
    else:
        for path, document in missing.items():
            _write_pdf(document, path)
    for _, target, cached in planned:
        _place(cached, site_dir / target)
        try:
            os.utime(cached)  # recently used: kept by _prune
        except OSError:
            pass
    _prune(cache_dir, CACHE_KEEP)
    return len(missing)


CACHE_KEEP = 400  # PDFs kept in the cache: about five builds' worth (81 PDFs each)


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


def render_all(jobs: list[PdfJob], ui: dict, site_names: dict[str, str], site_dir: Path,
               cache_dir: Path, workers: int = 2) -> int:
    """Write every checklist job's PDF under ``site_dir`` (see :func:`render_documents`)."""
    documents = [(document_html(job, ui, site_names[job.langs[0]]), job.target) for job in jobs]
    return render_documents(documents, site_dir, cache_dir, workers)


def render(job: PdfJob, ui: dict, site_name: str, site_dir: Path, cache_dir: Path) -> bool:
    """Write one job's PDF under ``site_dir``; return True if WeasyPrint had to run."""
    return render_all([job], ui, {job.langs[0]: site_name}, site_dir, cache_dir, workers=1) == 1

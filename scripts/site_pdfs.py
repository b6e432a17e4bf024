"""Every PDF of the site, as (HTML document, target path) pairs for scripts/pdf_render.py.

Plain function of the data: checklists (one per language, one per language pair, a trainer pack
per language), the concordance, the worksheets (one per language, and a pack per language) and
the blank self-assessment. ``paper_url`` is the site's public address: without one, paper shows
the version and date but no address or QR code (a placeholder address would lead nowhere).
"""

from __future__ import annotations

from scripts import (checklist_pdf, checklists, glossary, paper, pdf_render, self_assessment,
                     trainer_sheets, worksheets)
from scripts.languages import root_prefix


def checklist_target(checklist_id: str, langs: tuple[str, ...]) -> str:
    return f"pdf/checklists/{checklist_id}.{'-'.join(langs)}.pdf"


def worksheet_target(worksheet_id: str, lang: str) -> str:
    return f"pdf/worksheets/{worksheet_id}.{lang}.pdf"


def urls(paper_url: str, path: str, langs: tuple[str, ...]) -> dict[str, str] | None:
    """The online version of ``path`` (site-relative, no language prefix) in each language."""
    if not paper_url:
        return None
    base = paper_url.rstrip("/") + "/"
    return {lang: f"{base}{root_prefix(lang)}{path}" for lang in langs}


def checklist_jobs(sources, ui: dict, languages: list[str],
                   paper_url: str) -> list[checklist_pdf.PdfJob]:
    jobs = []
    for source in sources:
        c = source.checklist
        combos = [(lang,) for lang in languages]
        combos += [pair for pair in checklists.LANGUAGE_PAIRS if set(pair) <= set(languages)]
        for langs in combos:
            title = " / ".join(c.title[lang] for lang in langs)
            jobs.append(checklist_pdf.PdfJob((source,), langs, checklist_target(c.id, langs),
                                             title, urls(paper_url, f"checklists/{c.id}/", langs)))
    for lang in languages:
        jobs.append(checklist_pdf.PdfJob(
            tuple(sources), (lang,), f"pdf/checklists/all-checklists.{lang}.pdf",
            ui["cl_pack"][lang], urls(paper_url, "checklists/", (lang,))))
    return jobs


def documents(data: dict, ui: dict, site_names: dict[str, str], languages: list[str],
              paper_url: str) -> list[tuple[str | pdf_render.Pack, str]]:
    """``data``: the loaded data (scripts/site_data.py) plus "dates" (last commit dates)."""
    titles = {s.worksheet.id: s.worksheet.title for s in data["worksheets"]}
    found = [(checklist_pdf.document_html(job, ui, site_names, titles), job.target)
             for job in checklist_jobs(data["checklists"], ui, languages, paper_url)]
    for lang in languages:
        found.append((glossary.concordance_pdf_html(
            data["glossary"], lang, ui, site_names, ui["concordance_title"][lang],
            urls(paper_url, "concordance/", (lang,)), _newest(data, "data/glossary/")),
            f"pdf/concordance.{lang}.pdf"))
    sheets = {}
    for source in data["worksheets"]:
        wid = source.worksheet.id
        changed = data["dates"].get(source.path) or "-"
        for lang in languages:
            trace = paper.Trace(site_names, (lang,), f'{ui["cl_version"][lang]} {changed}',
                                urls(paper_url, f"worksheets/{wid}/", (lang,)),
                                source.worksheet.title[lang])
            sheets[wid, lang] = worksheets.document_html(source, lang, ui, trace)
            found.append((sheets[wid, lang], worksheet_target(wid, lang)))
    newest = max((data["dates"].get(s.path) or "-" for s in data["worksheets"]), default="-")
    for lang in languages:
        trace = paper.Trace(site_names, (lang,), f'{ui["cl_version"][lang]} {newest}',
                            urls(paper_url, "worksheets/", (lang,)))
        cover, ordered = worksheets.pack_html(data["worksheets"], lang, ui, trace,
                                              data["tools"].worksheet_order())
        parts = tuple(sheets[s.worksheet.id, lang] for s in ordered)
        found.append((pdf_render.Pack(cover, parts), f"pdf/worksheets/all-worksheets.{lang}.pdf"))
    for source in data["trainer_sheets"]:
        plan = source.sheet.plan
        changed = data["dates"].get(source.path) or "-"
        for lang in languages:
            trace = paper.Trace(site_names, (lang,), f'{ui["cl_version"][lang]} {changed}',
                                urls(paper_url, f"training/{plan}-trainer/", (lang,)))
            found.append((trainer_sheets.document_html(source, lang, ui, trace),
                          f"pdf/training/{plan}-trainer.{lang}.pdf"))
    for lang in languages:
        found.append((self_assessment.document_html(
            data["self_assessment"], lang, ui, site_names,
            urls(paper_url, "self-assessment/", (lang,)),
            data["dates"].get("data/self-assessment.yml") or "-"),
            f"pdf/self-assessment.{lang}.pdf"))
    return found


def _newest(data: dict, prefix: str) -> str:
    dates = [day for path, day in data["dates"].items() if path.startswith(prefix)]
    return max(dates) if dates else "-"

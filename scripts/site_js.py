"""The site's own scripts, joined into one file, ``assets/javascripts/site.js``, so that a page
makes one request for them instead of six (fewer requests before the first paint on a slow
mobile connection). Sources: ``docs/assets/javascripts/*.js``, kept apart for reading and
excluded from the site as separate files (``exclude_docs`` in mkdocs.yml).

Order matters: the two XHR shims must run before Material's bundle, which the last source,
material-after-paint.js, starts after the first paint (the template leaves its tag inert).
"""

from __future__ import annotations

from pathlib import Path

TARGET = "assets/javascripts/site.js"
SOURCES = ("alternate-sitemap.js", "deferred-search.js", "checklists.js", "self-assessment.js",
           "paper.js", "material-after-paint.js")


def joined(source_dir: Path) -> str:
    """The sources in order, each named in a comment; each is a self-contained function
    expression, and a semicolon between them keeps one from calling the next."""
    strays = sorted(p.name for p in source_dir.glob("*.js") if p.name not in SOURCES)
    if strays:
        raise ValueError(f"{source_dir}: {', '.join(strays)} not joined into {TARGET}: add it to "
                         "SOURCES in scripts/site_js.py and to exclude_docs in mkdocs.yml")
    parts = []
    for name in SOURCES:
        path = source_dir / name
        if not path.is_file():
            raise FileNotFoundError(f"{path}: a source of {TARGET} is missing")
        parts.append(f"/* {name} */\n{path.read_text(encoding='utf-8').strip()}\n;")
    return "\n\n".join(parts) + "\n"


def write(source_dir: Path, site_dir: Path) -> Path:
    target = site_dir / TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(joined(source_dir), encoding="utf-8")
    return target

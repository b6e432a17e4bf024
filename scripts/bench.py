"""Performance benchmark (not a test): build times, page weight and Lighthouse scores.

    .venv/bin/python -m scripts.bench            # everything (about 15 minutes)
    .venv/bin/python -m scripts.bench --quick    # build times only

Reports, in one Markdown table:
- a machine reference (a fixed piece of work) to compare runs made on different days;
- cold full build (three languages and every PDF, empty PDF cache) and warm rebuild after a
  one-line edit, with page and PDF counts (targets on a 2-core machine: ≤ 30 s cold, ≤ 3 s warm);
  the warm rebuild both as a new `mkdocs build` and as `mkdocs serve` does it after a save;
- how the build time grows with 2× and 4× synthetic prose content;
- Lighthouse 12 (mobile defaults, Debian's Chromium) for the home page, a phase page, a
  checklist page and the glossary in each language, served gzip by nginx with
  deploy/nginx.conf: the four category scores (target 100), bytes transferred on first load
  (target ≤ 100 KB), first and largest contentful paint; the median of three runs per page.
Lighthouse comes from the npm registry into .cache/bench/ on first use.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "bench"
LIGHTHOUSE = "12.2.3"
RUNS = 3  # Lighthouse runs per page; the table shows the median run
PAGES = {"home": "", "phase P3": "method/p3-job-search/",
         "checklist P3": "checklists/p3-job-search/", "glossary": "glossary/"}
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")


def _env(**extra) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def build(project: Path, site: Path, strict: bool = True, **env) -> float:
    start = time.perf_counter()
    args = [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)]
    if strict:
        args.insert(4, "--strict")
    done = subprocess.run(args, cwd=project, env=_env(**env), capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"mkdocs build failed in {project}:\n{done.stderr[-3000:]}")
    return time.perf_counter() - start


def copy_project(target: Path) -> Path:
    for name in ("docs", "overrides", "scripts", "data"):
        shutil.copytree(ROOT / name, target / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def machine_reference() -> str:
    """The same fixed piece of work at every run (a synthetic page through Python-Markdown,
    best of five), so that build times measured on different days can be compared: this
    machine's speed varies from one session to the next."""
    import markdown

    block = ("## Étape {n}\n\nLe **jobcoach** et la personne *font le point* chaque semaine "
             "([fiche](../fiche-{n}.md)).\n\n- une action datée\n- un contact pris\n\n"
             "| Quand | Qui |\n| --- | --- |\n| lundi | équipe {n} |\n\n")
    text = "".join(block.format(n=n) for n in range(300))
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        markdown.markdown(text, extensions=["tables", "toc", "attr_list"])
        best = min(best, time.perf_counter() - start)
    return f"{best * 1000:.0f} ms"


# What `mkdocs serve` does after each save (mkdocs/commands/serve.py): load the configuration
# again, then build into its directory; Python and the libraries stay loaded.
SERVE_REBUILDS = """
import json, sys, tempfile, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
site = tempfile.mkdtemp()
config = load_config(config_file="mkdocs.yml", site_dir=site, strict=True)
config.plugins.on_startup(command="serve", dirty=False)
url = config.site_url = "http://%s:%d/" % tuple(config.dev_addr)  # as serve sets it
build(config, serve_url=url)  # the first build when the server starts
page, times = Path("docs/method/p3-job-search.fr.md"), []
for run in range(3):
    page.write_text(page.read_text(encoding="utf-8") + f"\\nUne ligne ({run}).\\n", "utf-8")
    start = time.perf_counter()
    config = load_config(config_file="mkdocs.yml", site_dir=site, strict=True)
    config.site_url = url
    build(config, serve_url=url)
    times.append(time.perf_counter() - start)
print(json.dumps(times))
"""


def serve_rebuilds(project: Path) -> list[float]:
    run = subprocess.run([sys.executable, "-c", SERVE_REBUILDS], cwd=project, env=_env(),
                         check=True, capture_output=True, text=True)
    return sorted(json.loads(run.stdout.splitlines()[-1]))


def _copy_page_entries(data: Path, factor: int) -> None:
    """The copied method pages carry the same per-page blocks (tools, country notes) as their
    originals: give each copy the original's entries in the data files keyed by page."""
    import yaml

    for name in ("tools.yml", "countries.yml"):
        path = data / name
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        method = [e for e in content["pages"] if e["page"].startswith("method/")]
        content["pages"] += [{**e, "page": f"{e['page']}-copy{copy}"}
                             for copy in range(1, factor) for e in method]
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")


def build_times() -> list[tuple[str, str]]:
    rows = [("Machine reference (a fixed Markdown conversion; lower is faster)",
             machine_reference())]
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "p")
        site = Path(tmp) / "site"
        cold = build(project, site)  # the copy has no .cache: every PDF is rendered
        pages = len(list(site.rglob("*.html")))
        pdfs = len(list(site.rglob("*.pdf")))
        rows.append(("Cold full build (3 languages, all PDFs)", f"{cold:.1f} s"))
        rows.append(("Pages / PDFs", f"{pages} / {pdfs}"))
        page = project / "docs" / "method" / "p3-job-search.fr.md"
        warm = []
        for run in range(3):  # the median of three, each after a new one-line edit
            page.write_text(page.read_text(encoding="utf-8") + f"\nUne ligne de plus ({run}).\n",
                            "utf-8")
            warm.append(build(project, site))
        warm.sort()
        rows.append(("Warm rebuild after a one-line edit (median of 3)",
                     f"{warm[1]:.1f} s (runs {warm[0]:.1f}–{warm[2]:.1f} s)"))
        live = serve_rebuilds(project)
        rows.append(("Live rebuild in `mkdocs serve` after a one-line edit (median of 3)",
                     f"{live[1]:.1f} s (runs {live[0]:.1f}–{live[2]:.1f} s)"))
        base = build(project, site, strict=False)
        for factor in (2, 4):
            scaled = copy_project(Path(tmp) / f"x{factor}")
            shutil.copytree(project / ".cache", scaled / ".cache")
            originals = sorted((scaled / "docs" / "method").glob("*.md"))
            for copy in range(1, factor):
                for src in originals:
                    name = src.name.split(".")
                    target = src.with_name(f"{name[0]}-copy{copy}.{name[1]}.md")
                    target.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
            _copy_page_entries(scaled / "data", factor)
            seconds = build(scaled, Path(tmp) / f"site{factor}", strict=False)
            rows.append((f"Build with {factor}× the method pages (warm PDF cache)",
                         f"{seconds:.1f} s ({seconds / base:.2f}× the 1× time, {base:.1f} s)"))
    return rows


def _lighthouse() -> Path:
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(CACHE),
                        f"lighthouse@{LIGHTHOUSE}"], check=True, capture_output=True)
    return binary


def _audit(binary: Path, url: str, out: Path) -> dict:
    """One Lighthouse run; a run that fails (Chromium can time out on a busy machine) is tried
    again twice before the error is reported."""
    for _ in range(3):
        out.unlink(missing_ok=True)
        run = subprocess.run([str(binary), url, "--quiet", "--output=json",
                              f"--output-path={out}", f"--chrome-flags={CHROME_FLAGS}"],
                             env=_env(CHROME_PATH="/usr/bin/chromium"), capture_output=True,
                             text=True, timeout=300)
        if run.returncode == 0 and out.exists():
            return json.loads(out.read_text(encoding="utf-8"))
    raise RuntimeError(f"lighthouse {url} failed 3 times:\n{run.stderr[-2000:]}")


def _median_run(reports: list[dict]) -> dict:
    """The run closest to the median first contentful paint and time to interactive: how
    Lighthouse's own tooling (lib/median-run.js) picks one of several runs, since simulated
    throttling multiplies this machine's CPU noise."""
    def metric(report, name):
        return report["audits"][name]["numericValue"]
    fcp = statistics.median(metric(r, "first-contentful-paint") for r in reports)
    tti = statistics.median(metric(r, "interactive") for r in reports)
    return min(reports, key=lambda r: ((metric(r, "first-contentful-paint") - fcp) / fcp) ** 2
               + ((metric(r, "interactive") - tti) / tti) ** 2)


def lighthouse_rows() -> Iterator[str]:
    """A table row per page and language, printed as soon as it is measured."""
    from tests.conftest import NGINX, nginx_config
    if not NGINX:
        yield "(nginx is not installed: `apt-get install nginx-light` to measure Lighthouse)"
        return
    binary = _lighthouse()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        url = f"http://127.0.0.1:{port}/"
        build(ROOT, tmp / "site", SITE_URL=url)
        (tmp / "nginx.conf").write_text(nginx_config(tmp / "site", port, tmp), "utf-8")
        server = subprocess.Popen([NGINX, "-c", str(tmp / "nginx.conf"), "-e",
                                   str(tmp / "error.log")])
        time.sleep(0.5)
        try:
            for lang in ("fr", "nl", "de"):
                for label, path in PAGES.items():
                    prefix = "" if lang == "fr" else f"{lang}/"
                    report = _median_run([_audit(binary, url + prefix + path, tmp / "lh.json")
                                          for _ in range(RUNS)])
                    scores = [round(report["categories"][c]["score"] * 100) for c in
                              ("performance", "accessibility", "best-practices", "seo")]
                    audits = report["audits"]
                    weight = audits["total-byte-weight"]["numericValue"] / 1024
                    fcp = audits["first-contentful-paint"]["numericValue"] / 1000
                    lcp = audits["largest-contentful-paint"]["numericValue"] / 1000
                    yield (f"| {lang} {label} | " + " | ".join(map(str, scores))
                           + f" | {weight:.0f} KB | {fcp:.1f} s | {lcp:.1f} s |")
        finally:
            server.terminate()
            server.wait(timeout=10)


def main(argv: list[str]) -> int:
    if set(argv) - {"--quick"}:
        print(__doc__)
        return 0 if set(argv) <= {"--quick", "-h", "--help"} else 2
    print("| Build | Result |\n| --- | --- |")
    for label, value in build_times():
        print(f"| {label} | {value} |", flush=True)
    if "--quick" in argv:
        return 0
    print("\n| Page | Perf. | A11y | Best pr. | SEO | First load (gzip) | FCP | LCP |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in lighthouse_rows():
        print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))

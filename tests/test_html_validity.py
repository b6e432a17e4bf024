"""Valid HTML: the W3C Nu HTML checker (vnu.jar, npm package vnu-jar pinned in package.json)
finds no error on any page of the built site, in any language, 404 pages included.

Nothing is filtered. The two errors Material's templates wrote on every page are fixed where
they are written: the navigation labels' tabindex="" (overrides/partials/nav-item.html) and
autocomplete="off" on the drawer and search checkboxes (overrides/base.html, a copy of
Material's base.html kept identical but for that attribute: tested below).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# A page with one known error, checked in the same run: proves that the checker ran over files
# and that its report is read (a checker that found nothing at all would pass otherwise).
PROBE = ('<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>x</title></head>'
         '<body><label tabindex="">x</label></body></html>\n')


def _where(url: str, roots: dict[Path, str]) -> str:
    path = Path(unquote(urlparse(url).path))
    for root, name in roots.items():
        if path.is_relative_to(root):
            return f"{name}/{path.relative_to(root).as_posix()}"
    return str(path)


def nu_errors(paths: dict[Path, str]) -> list[str]:
    """Every error (and fatal or I/O problem) the Nu checker reports on the HTML files under
    ``paths`` ({directory: name shown in the report}), as ``file:line: message``."""
    java = shutil.which("java")
    if not java:
        pytest.fail("java not found: install Debian's default-jre-headless (.ci/run does)")
    if not VNU.exists():
        pytest.fail("node_modules/vnu-jar is missing: run `npm ci` (make test does)")
    result = subprocess.run([java, "-jar", str(VNU), "--skip-non-html", "--errors-only",
                             "--format", "json", *map(str, paths)],
                            capture_output=True, text=True, check=False)
    try:
        messages = json.loads(result.stderr)["messages"]  # vnu writes its report to stderr
    except (ValueError, KeyError):
        pytest.fail(f"the Nu checker did not report (exit {result.returncode}):\n"
                    f"{result.stdout}\n{result.stderr}")
    return [f"{_where(m.get('url', ''), paths)}:{m.get('lastLine', m.get('firstLine', '?'))}: "
            f"{m.get('message', m)}" for m in messages if m.get("type") != "info"]


def test_every_built_page_is_valid_html(site, tmp_path):
    (tmp_path / "probe.html").write_text(PROBE, encoding="utf-8")
    errors = nu_errors({site.dir: "site", tmp_path: "probe"})
    probe = [e for e in errors if e.startswith("probe/")]
    assert len(probe) == 1 and "tabindex" in probe[0], f"the checker did not run: {errors}"
    errors = [e for e in errors if not e.startswith("probe/")]
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors[:60])


def test_base_template_is_materials_but_for_the_toggles_autocomplete():
    """overrides/base.html is Material's base.html without autocomplete="off" on its two
    checkboxes. After upgrading Material: copy its base.html again and remove that attribute."""
    import material

    materials = (Path(material.__file__).parent / "templates" / "base.html").read_text("utf-8")
    ours = (ROOT / "overrides" / "base.html").read_text(encoding="utf-8")

    def without_header(text: str) -> str:
        assert text.startswith("{#-"), "the template starts with its comment"
        return text[text.index("-#}\n") + 4:]

    expected = without_header(materials)
    for toggle in ("drawer", "search"):
        tag = (f'<input class="md-toggle" data-md-toggle="{toggle}" type="checkbox" '
               f'id="__{toggle}" autocomplete="off">')
        assert expected.count(tag) == 1, f"Material's base.html changed: copy it again ({tag})"
        expected = expected.replace(tag, tag.replace(' autocomplete="off"', ""))
    assert without_header(ours) == expected, (
        "overrides/base.html differs from Material's base.html (other than autocomplete on "
        "the toggles): copy Material's again, without that attribute")

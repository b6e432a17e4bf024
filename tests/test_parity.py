"""The three language versions of every page have the same structure."""

from __future__ import annotations

from scripts.parity import parity_problems, structure
from tests.conftest import ROOT

FR = """---
description: x
---

<!-- phase-title: P1 -->

## Objectif {#purpose}

Voir [la phase P2](p2.md#steps) et [le Forem](https://www.leforem.be/).

### Détail

```
## pas un titre
```
"""


def test_structure_reads_headings_links_and_markers():
    s = structure(FR)
    assert s.headings == ("h2#purpose", "h3")
    assert s.links == ("p2.md#steps",)
    assert s.markers == ("phase-title:P1",)


def test_difference_is_named_precisely(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/a.fr.md").write_text(FR, encoding="utf-8")
    (tmp_path / "docs/a.nl.md").write_text(FR.replace("{#purpose}", "{#doel}"), encoding="utf-8")
    (tmp_path / "docs/a.de.md").write_text(FR.replace("p2.md#steps", "p2.md"), encoding="utf-8")
    assert parity_problems(tmp_path / "docs") == [
        "docs/a.nl.md: headings #1: 'h2#purpose' in French, 'h2#doel' here",
        "docs/a.de.md: links #1: 'p2.md#steps' in French, 'p2.md' here",
    ]
    (tmp_path / "docs/a.nl.md").write_text(FR.replace("### Détail\n", ""), encoding="utf-8")
    assert "docs/a.nl.md: headings: missing ['h3'] (French has 2)" in parity_problems(
        tmp_path / "docs")


def test_all_pages_have_the_same_structure_in_three_languages():
    problems = parity_problems(ROOT / "docs")
    assert not problems, "\n".join(problems)


def test_the_five_phase_pages_share_their_headings_in_each_language():
    """A reader moving from P2 to P3 finds the same sections under the same names."""
    import re
    for lang in ("fr", "nl", "de"):
        outlines = {}
        for path in sorted((ROOT / "docs" / "method").glob(f"p[1-5]-*.{lang}.md")):
            outlines[path.name] = re.findall(r"^## .*$", path.read_text(encoding="utf-8"), re.M)
        first = next(iter(outlines.values()))
        for name, outline in outlines.items():
            assert outline == first, f"docs/method/{name}: headings differ from the other phases"

"""Search entries of a page: its HTML cut into sections at each heading with an id.

Why: the search box needs, for every section of every page, its address, title and text, in
the format of Material for MkDocs' search index (``{"location", "title", "text", "tags"}``,
read by Material's search worker). Material's search plugin builds them with an HTML parser
that took a quarter of every build (a set intersection per tag, a list scan per closing tag);
this module gives the same entries from the same HTML, character for character
(tests/test_search_sections.py compares both on every page of the built site), in plain
Python that a successor of Material can keep: one regular expression walks the tags, and the
parser's state is kept in counters instead of being searched for.

The rules (those of Material 9's ``Parser``): a section starts at each h1–h6 with an id (text
before the first one forms a first section); text is whitespace-collapsed and HTML-escaped;
``p``, ``code``, ``pre``, ``li``, ``ol``, ``ul``, ``sub`` and ``sup`` keep their tags (an
element left empty is dropped); ``script``, ``style`` and ``object`` are skipped, and so are
heading permalinks. Pages that exclude parts from search (``data-search-exclude``) or show code
line numbers are not supported: the build stops, naming the page.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections import Counter
from html import escape, unescape
from pathlib import Path

KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
SKIP = frozenset({"object", "script", "style"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
_READ_ATTRS = HEADINGS | {"a"}
RAW_TEXT = ("script", "style")  # their content is text up to their end tag (Python 3.11)

# A start tag, an end tag, a comment, a declaration or processing instruction (the same
# grammar as Python's html.parser for well-formed HTML).
_TAG = re.compile(r"""
    <(?P<start>[a-zA-Z][^\t\n\r\f />\x00]*)
      (?P<attrs>(?:[\s/]*(?:(?<=['"\s/])[^\s/>][^\s/=>]*)(?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*)*)?
      \s*(?P<close>/?)>
  | </(?P<end>[a-zA-Z][^\t\n\r\f />\x00]*)[^>]*>
  | <!--.*?-->
  | <![^>]*>
  | <\?[^>]*>
""", re.X | re.S)
_ATTR = re.compile(r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?""")


class UnsupportedPage(ValueError):
    pass


class _Text:
    """A section's title or text: strings and kept tags, with what the closing of a kept tag
    needs to know (where the first such opening tag is, where the last non-blank part is)."""

    __slots__ = ("parts", "first", "last_filled")

    def __init__(self):
        self.parts: list[str] = []
        self.first: dict[str, int] = {}
        self.last_filled = -1

    def append(self, part: str) -> None:
        if part.startswith("<") and part.endswith(">") and part[1:2] != "/":
            self.first.setdefault(part, len(self.parts))
        if not part.isspace():
            self.last_filled = len(self.parts)
        self.parts.append(part)

    def close(self, tag: str) -> None:
        index = self.first[f"<{tag}>"]  # KeyError where Material's list.index raises
        if self.last_filled > index:
            self.parts.append(f"</{tag}>")
            self.last_filled = len(self.parts) - 1
            return
        del self.parts[index:]  # the element holds only blanks: drop it
        self.first = {key: at for key, at in self.first.items() if at < index}
        self.last_filled = next((i for i in range(index - 1, -1, -1)
                                 if not self.parts[i].isspace()), -1)


class _Section:
    __slots__ = ("tag", "depth", "id", "title", "text")

    def __init__(self, tag: str, depth: float = 0):
        self.tag, self.depth, self.id = tag, depth, None
        self.title, self.text = _Text(), _Text()


class _Parser:
    def __init__(self, where: str):
        self.where = where
        self.context: list[str] = []  # open elements' tags
        self.open = Counter()  # tag → how many are open
        self.skipped = 0  # open script, style and object elements
        self.permalinks = 0  # open heading permalinks (a.headerlink)
        self.link_is_permalink: list[bool] = []  # for each open "a"
        self.section: _Section | None = None
        self.data: list[_Section] = []

    def _ensure_section(self) -> None:
        if self.section is None:
            self.section = _Section("hx")
            self.data.append(self.section)

    def _target(self) -> _Text:
        return self.section.title if self.open[self.section.tag] else self.section.text

    def start(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag in VOID:
            return
        self.context.append(tag)
        self.open[tag] += 1
        if tag == "a":
            permalink = attrs.get("class") == "headerlink"
            self.link_is_permalink.append(permalink)
            self.permalinks += permalink
        if tag in SKIP:
            self.skipped += 1
        if tag in HEADINGS and "id" in attrs:
            depth = len(self.context)
            if tag != "h1" and not self.data:
                self.section = _Section("hx", depth)
                self.data.append(self.section)
            self.section = _Section(tag, depth)
            if self.data:
                self.section.id = attrs["id"]
            self.data.append(self.section)
        self._ensure_section()
        if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
            raise UnsupportedPage(f"{self.where}: search sections: data-search-exclude and code "
                                  "line numbers are not supported (scripts/search_sections.py)")
        if not self.skipped and tag in KEEP:
            self._target().append(f"<{tag}>")

    def end(self, tag: str) -> None:
        if not self.context or self.context[-1] != tag:
            return
        if self.section.depth > len(self.context):
            for section in reversed(self.data):
                if section.depth <= len(self.context):
                    self.section.depth = float("inf")
                    self.section = section
                    break
        self.context.pop()
        self.open[tag] -= 1
        if tag == "a":
            self.permalinks -= self.link_is_permalink.pop()
        if tag in SKIP:
            self.skipped -= 1
            return
        if not self.skipped and tag in KEEP:
            self._target().close(tag)

    def text(self, data: str) -> None:
        if self.skipped:
            return
        if not self.open["pre"]:
            data = " " if data.isspace() else data.replace("\n", " ")
        self._ensure_section()
        section = self.section
        if self.open[section.tag]:
            if not self.permalinks:
                section.title.append(escape(data, quote=False))
        elif data.isspace():
            parts = section.text.parts
            if not parts or not parts[-1].isspace() or self.open["pre"]:
                section.text.append(data)
        else:
            section.text.append(escape(data, quote=False))

    def feed(self, html: str) -> None:
        at, length = 0, len(html)
        while at < length:
            match = _TAG.search(html, at)
            end = match.start() if match else length
            if end > at:
                self.text(unescape(html[at:end]))
            if not match:
                break
            at = match.end()
            if match["start"]:
                tag = match["start"].lower()
                raw = match["attrs"]
                # Only headings (id), links (class) and exclusions need their attributes read.
                attrs = ({name.lower(): _value(value) for name, _, value in _ATTR.findall(raw)}
                         if raw and (tag in _READ_ATTRS or "data-search" in raw
                                     or "linenodiv" in raw) else {})
                self.start(tag, attrs)
                if match["close"]:
                    self.end(tag)
                elif tag in RAW_TEXT:
                    close = re.compile(rf"</{tag}\s*>", re.I).search(html, at)
                    at = close.start() if close else length  # its text is skipped anyway
            elif match["end"]:
                self.end(match["end"].lower())


def _value(raw: str) -> str | None:
    if not raw:
        return None
    value = raw.split("=", 1)[1].strip() if "=" in raw else raw
    value = value.lstrip("=").strip()
    if value[:1] in ("'", '"') and value[-1:] == value[:1]:
        value = value[1:-1]
    return unescape(value)


def sections(html: str, where: str = "page") -> list[tuple[str, str | None, str, str]]:
    """(heading tag, id, title, text) for each section of ``html``, in order."""
    parser = _Parser(where)
    parser.feed(html)
    return [(s.tag, s.id, "".join(s.title.parts).strip(), "".join(s.text.parts).strip())
            for s in parser.data]


def entries(html: str, url: str, toc_urls: dict[str, str], page_title: str,
            tags: list | None = None, boost=None, where: str = "page") -> list[dict]:
    """The search entries of a page: ``url`` its address in the index, ``toc_urls`` each table
    of contents id → its URL fragment, ``page_title`` for a first section without a title."""
    result = []
    for _, section_id, title, text in sections(html, where):
        if section_id in toc_urls:
            location = url + toc_urls[section_id]
        elif section_id:
            location = url + "#" + section_id
        else:
            location = url
        entry = {"location": location, "title": title or str(page_title).strip(), "text": text}
        if isinstance(tags, list):
            entry["tags"] = [str(name) for name in tags
                             if name and isinstance(name, (str, int, float, bool))]
        if boost is not None:
            entry["boost"] = boost
        result.append(entry)
    return result


class EntriesCache:
    """The entries of pages whose HTML has not changed since the previous build, kept on disk.

    A page's entries depend only on its HTML, address, title, tags and table of contents (and
    this module): after a one-line edit, one page is cut into sections again, not all of
    them. The file holds the entries of the last build only; a file that cannot be read or
    written (a read-only checkout) only costs the time of cutting every page again."""

    def __init__(self, path: Path | None, previous: dict | None = None):
        self.path, self.old, self.new = path, previous, {}

    def _load(self) -> dict:
        try:
            with open(self.path, "rb") as file:
                stored = pickle.load(file)
            return stored["entries"] if stored.get("code") == _CODE else {}
        except (OSError, pickle.PickleError, EOFError, KeyError, TypeError, AttributeError):
            return {}

    def entries(self, html: str, url: str, toc_urls: dict[str, str], page_title: str,
                tags: list | None = None, boost=None, where: str = "page") -> list[dict]:
        key = hashlib.sha1(repr((url, toc_urls, str(page_title), tags, boost)).encode()
                           + b"\0" + html.encode()).digest()
        if self.old is None:
            self.old = self._load() if self.path else {}
        found = self.new.get(key) or self.old.get(key)
        if found is None:
            found = entries(html, url, toc_urls, page_title, tags, boost, where)
        self.new[key] = found
        return found

    def save(self) -> None:
        if not self.path:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as file:
                pickle.dump({"code": _CODE, "entries": self.new}, file,
                            protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(self.path)
        except OSError:
            pass


# The entries also depend on this code: a changed module makes every page new.
_CODE = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()

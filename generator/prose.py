"""The one prose renderer: every prose field becomes HTML here, and only here.

Validation (validate/convert.py) and every output that shows prose (the site's pages, the
print edition and its PDF) call `to_html`, so what `check` accepted is exactly what a reader
gets: one Markdown configuration, one escaping, one set of rules for links and images. The
rules are checked on the renderer's own output (the `href` and `src` of the HTML it made),
not on the Markdown, so no Markdown form (inline, reference, reference inside a table,
autolink, image) can slip a target past them.

This module sits beside load and validate, below render: validate never imports render, and
both import this. Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown  # MkDocs' own Markdown engine

MAX_PROSE = 10_000  # characters in one prose field
MAX_BRACKETS = 200  # '[' in one prose field: Python-Markdown's link search is quadratic in them
MAX_UNCLOSED = 10  # '[' without ']': each one makes Python-Markdown read the rest of the text again
MAX_LIST_DEPTH = 8  # lists inside lists
ALLOWED_SCHEMES = ("http", "https", "mailto")
# The one configuration: mkdocs.yml's markdown_extensions without toc (prose headings get no
# ids of their own, which could collide with the page's). tests/test_prose.py holds them equal.
EXTENSIONS = ("tables", "admonition", "attr_list", "md_in_html", "pymdownx.superfences")
# The leading run of list markers on a line ('- - 1. x'); each opens a list inside the one before.
_MARKERS = re.compile(r"[ \t]*((?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+)")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# What a browser drops from a URL before it reads the scheme ('java\tscript:' is 'javascript:').
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data", "background")

# Building the renderer (extensions, patterns) costs more than a conversion, so there is one.
_RENDERER = markdown.Markdown(extensions=list(EXTENSIONS), output_format="html")


def escape(text: str) -> str:
    """Prose keeps its Markdown but never its HTML: tags and comments show as text, and no
    attribute list ('{: onclick=…}') can be written."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


def to_html(text: str) -> str:
    """The prose as HTML, as every output shows it. Each field is rendered on its own (reset):
    a reference defined in one field never makes a link in another."""
    return str(_RENDERER.reset().convert(escape(text)))


def problem(text: str) -> str | None:
    """Why `text` cannot be prose in the handbook, in Swedish; None if it can."""
    if len(text) > MAX_PROSE:
        return f"texten är längre än {MAX_PROSE} tecken; korta den eller dela upp den"
    if text.count("[") > MAX_BRACKETS:
        return f"texten har fler än {MAX_BRACKETS} hakparenteser '['"
    if _unclosed(text) > MAX_UNCLOSED:
        return f"texten har fler än {MAX_UNCLOSED} '[' som aldrig stängs med ']'"
    if _list_depth(text) > MAX_LIST_DEPTH:
        return f"listorna i texten är nästlade i fler än {MAX_LIST_DEPTH} nivåer"
    return html_problem(to_html(text))


def html_problem(html: str) -> str | None:
    """Why the renderer's output `html` cannot be published; None if it can."""
    scan = _Targets()
    scan.feed(html)
    scan.close()
    for tag, target in scan.targets:
        found = _target_problem(tag, target, scan.ids)
        if found:
            return found
    return None


def _target_problem(tag: str, raw: str, ids: set[str]) -> str | None:
    target = _URL_IGNORED.sub("", raw).strip("\x00\x20\x0b\x0c")
    shown = target if len(target) <= 40 else target[:40] + "…"
    scheme = _SCHEME.match(target)
    if scheme and scheme.group(1).lower() not in ALLOWED_SCHEMES:
        return f"länkar får bara gå till http:, https: eller mailto:, inte '{scheme.group(1)[:20]}:'"
    if tag == "img" and (scheme or target.startswith("//")):
        return (
            f"bilden '{shown}' ligger på en annan webbplats; handboken hämtar inget från tredje part, "
            "så ta bort bilden eller länka till den i stället"
        )
    if scheme:
        return None
    if target.startswith("#"):
        if target[1:] in ids:
            return None
        return (
            f"länken '{shown}' går till ett ställe som inte finns i texten; "
            "skriv hela adressen (https://…) till sidan och stället du menar"
        )
    return (
        f"länken '{shown}' är relativ och leder ingenstans från de genererade sidorna; skriv hela adressen (https://…)"
    )


def _unclosed(text: str) -> int:
    open_brackets = 0
    for char in text:
        if char == "[":
            open_brackets += 1
        elif char == "]" and open_brackets:
            open_brackets -= 1
    return open_brackets


def _list_depth(text: str) -> int:
    deepest = 0
    for line in text.splitlines():
        match = _MARKERS.match(line)
        if match:
            indent = len(line) - len(line.lstrip(" \t"))
            deepest = max(deepest, indent // 2 + len(match.group(1).split()))
    return deepest


class _Targets(HTMLParser):
    """Every URL the HTML would make a browser or WeasyPrint follow or fetch, and the ids it has."""

    def __init__(self) -> None:
        super().__init__()  # convert_charrefs: attribute values arrive with their entities decoded
        self.targets: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key in _URL_ATTRIBUTES:
                self.targets.append((tag, value or ""))
            elif key in ("id", "name") and value:
                self.ids.add(value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

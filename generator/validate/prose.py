"""What may stand in a prose field: checked on the HTML that the site would get.

Instead of guessing every Markdown link form (inline, reference definitions,
autolinks, images) with patterns, the prose is escaped exactly as the pages
escape it and rendered with Python-Markdown, the engine MkDocs uses; every
`href` and `src` in the result is then checked. Bounds on length, brackets and
list nesting come first, because Python-Markdown is slow on long runs of '['
and recurses once per nested list.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown  # MkDocs' own Markdown engine

from ..model.base import escape_prose

MAX_PROSE = 10_000  # characters in one prose field
MAX_BRACKETS = 200  # '[' in one prose field: Python-Markdown's link search is quadratic in them
MAX_UNCLOSED = 10  # '[' without ']': each one makes Python-Markdown read the rest of the text again
MAX_LIST_DEPTH = 8  # lists inside lists
ALLOWED_SCHEMES = ("http", "https", "mailto")
_EXTENSIONS = ["tables", "admonition", "attr_list", "md_in_html"]  # as mkdocs.yml, without toc
# The leading run of list markers on a line ('- - 1. x'); each opens a list inside the one before.
_MARKERS = re.compile(r"[ \t]*((?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+)")


def prose_problem(text: str) -> str | None:
    """Why `text` cannot be prose on the site, in Swedish; None if it can."""
    if len(text) > MAX_PROSE:
        return f"texten är längre än {MAX_PROSE} tecken; korta den eller dela upp den"
    if text.count("[") > MAX_BRACKETS:
        return f"texten har fler än {MAX_BRACKETS} hakparenteser '['"
    if _unclosed(text) > MAX_UNCLOSED:
        return f"texten har fler än {MAX_UNCLOSED} '[' som aldrig stängs med ']'"
    if _list_depth(text) > MAX_LIST_DEPTH:
        return f"listorna i texten är nästlade i fler än {MAX_LIST_DEPTH} nivåer"
    for target in _targets(text):
        problem = _target_problem(target)
        if problem:
            return problem
    return None


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


def _target_problem(target: str) -> str | None:
    scheme = re.match(r"\s*([A-Za-z][A-Za-z0-9+.-]*):", target)
    if scheme:
        if scheme.group(1).lower() in ALLOWED_SCHEMES:
            return None
        return f"länkar får bara gå till http:, https: eller mailto:, inte '{scheme.group(1)[:20]}:'"
    if target.startswith("#"):
        return None
    shown = target if len(target) <= 40 else target[:40] + "…"
    return (
        f"länken '{shown}' är relativ och leder ingenstans från de genererade sidorna; skriv hela adressen (https://…)"
    )


# One renderer for every field: building it (extensions, patterns) costs more than a conversion.
_RENDERER = markdown.Markdown(extensions=_EXTENSIONS)


def _targets(text: str) -> list[str]:
    scan = _Links()
    scan.feed(_RENDERER.reset().convert(escape_prose(text)))  # reset: no reference or stash from the last field
    return scan.targets


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.targets += [v or "" for k, v in attrs if k in ("href", "src", "action", "formaction", "xlink:href")]

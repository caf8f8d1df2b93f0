"""Putting data text into Markdown safely.

Two kinds of text come from the data. Plain text (names, discussion points)
must reach the reader exactly as written: every character that Markdown,
HTML or the attribute-list extension could read as syntax is written as an
HTML entity, which all of them pass through as a literal character. Prose
keeps its Markdown (emphasis, lists, links) but never its HTML, and is turned
into HTML by the one prose renderer (generator/prose.py), never by MkDocs: the
page gets exactly the HTML that `check` examined.
"""

from __future__ import annotations

import re

from .. import prose as prose_renderer
from ..model import Prose

# Characters that are syntax somewhere in Python-Markdown with our extensions:
# inline markup, links, tables, attribute lists and raw HTML.
_PLAIN_ESCAPES = {c: f"&#{ord(c)};" for c in "\\`*_{}[]<>|#!~^="} | {"&": "&amp;"}
_PLAIN_RE = re.compile("|".join(re.escape(c) for c in _PLAIN_ESCAPES))
# At the start of a line these begin a list, heading or quote.
_LINE_START_RE = re.compile(r"^(\s*)([-+]|\d+\.)(?=\s|$)")


# In a link target: what could close it, quote an attribute or start HTML or an attribute list.
_URL_UNSAFE = re.compile(r"[\x00-\x20()<>\"'`\\{}\[\]]")


class Markdown(str):
    """Text that is already Markdown written by the generator: it passes unescaped."""


def plain(text: str) -> Markdown:
    """Plain text as inline Markdown that shows exactly these characters."""
    one_line = " ".join(text.split())
    escaped = _PLAIN_RE.sub(lambda m: _PLAIN_ESCAPES[m.group()], one_line)
    escaped = _LINE_START_RE.sub(lambda m: m.group(1) + _entities(m.group(2)), escaped)
    return Markdown(escaped)


def prose(text: Prose | str) -> Markdown:
    """Prose as one raw HTML block of a Markdown page. MkDocs passes a block-level HTML element
    through untouched, so it never reads the prose's Markdown a second time (nor joins a
    reference in one field to a link in another)."""
    return Markdown(f'<div class="hb-prosa">\n{prose_renderer.to_html(text)}\n</div>')


def html_text(text: str) -> Markdown:
    """Text inside raw HTML blocks, where Markdown is not processed."""
    return Markdown(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def link(text: str, target: str) -> Markdown:
    """A link written by the generator to a path we made or the checked site address. Characters
    that could end the link or start markup are %-encoded all the same: a second line of defence."""
    return Markdown(f"[{plain(text)}]({_URL_UNSAFE.sub(lambda m: f'%{ord(m.group()):02X}', target)})")


def inline(value: object) -> Markdown:
    """How a value from the data lands in a template: prose as prose, all else as plain text."""
    if isinstance(value, Markdown):
        return value
    if isinstance(value, Prose):
        return prose(value)
    return plain(str(value))


def _entities(text: str) -> str:
    return "".join(f"&#{ord(c)};" for c in text)

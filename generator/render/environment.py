"""The Jinja environment shared by all Markdown templates.

Every `{{ value }}` goes through `finalize`, which escapes text from the data
(see markdown.py); only `Markdown` values that the generator itself built pass
unchanged. A template therefore cannot forget to escape.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from . import describe, paths
from .markdown import html_text, inline, link, plain

# Each output keeps its templates beside its code; the shared partials live in render/templates/.
# One loader searches them all, so a template names another by file name alone.
TEMPLATE_FOLDERS = ("templates", "pages/templates", "papers/templates", "calendar/templates", "wheel/templates")


def template_loader(folders: tuple[str, ...] = TEMPLATE_FOLDERS) -> jinja2.BaseLoader:
    return jinja2.ChoiceLoader([jinja2.PackageLoader("generator.render", folder) for folder in folders])


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=template_loader(),
        finalize=inline,
        autoescape=False,  # noqa: S701 - output is Markdown; `finalize` escapes for Markdown
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(link=link, plain=plain, html=html_text, d=describe, paths=paths)
    return env


def render(template: str, **context: Any) -> str:
    text = environment().get_template(template).render(**context)
    return _tidy(text)


def _tidy(text: str) -> str:
    """At most one blank line in a row and one newline at the end: stable, readable output."""
    lines: list[str] = []
    for line in text.splitlines():
        line = line.rstrip()
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip() + "\n"

"""The one prose renderer (generator/prose.py): one Markdown configuration for `check` and every
output, and link rules judged on the HTML it makes."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from generator import prose
from generator.render.markdown import prose as page_prose
from generator.render.print_edition.document import prose_html

from conftest import ROOT


def test_the_renderer_reads_markdown_as_mkdocs_does() -> None:
    """mkdocs.yml renders the hand-written pages; prose takes the same extensions, toc aside."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert [name for name in names if name != "toc"] == list(prose.EXTENSIONS)


def test_validate_never_imports_render() -> None:
    for module in (ROOT / "generator" / "validate").glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert "render" not in (node.module or ""), f"{module.name} importerar {node.module}"


TABLE_REFERENCE = "| A | B |\n|---|---|\n| [Klicka][r] | x |\n[r]: javascript:alert(1)"


@pytest.mark.parametrize(
    "text", [TABLE_REFERENCE, "Se [här](https://example.org/a) och *mer*.", "- ett\n- två\n\n| a |\n|---|\n| b |"]
)
def test_every_output_shows_the_html_check_examined(text: str) -> None:
    html = prose.to_html(text)
    assert prose.problem(text) is None
    assert page_prose(text) == f'<div class="hb-prosa">\n{html}\n</div>'
    assert prose_html(text) == html


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("[x](JAVASCRIPT:alert(1))", "inte 'JAVASCRIPT:'"),
        ("[x]( javascript:alert(1))", "inte 'javascript:'"),
        ("[x][r]\n\n[r]: vbscript:msgbox", "inte 'vbscript:'"),
        ("![x](http://example.org/a.png)", "ligger på en annan webbplats"),
        ("[x](#)", "går till ett ställe som inte finns i texten"),
        ("[x](sida.md#avsnitt)", "är relativ och leder ingenstans"),
    ],
)
def test_targets_are_judged_on_the_renderers_output(text: str, found: str) -> None:
    assert found in (prose.problem(text) or "")


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("<javascript:alert(1)>", 0),  # escaped: not an autolink but text
        ("```\n[x](javascript:alert(1))\n```", 0),  # code: shown, never a link
        (TABLE_REFERENCE, 0),  # the definition is a row of the table: text in every output
        ("[mejla](mailto:kansliet@example.org) eller [läs](https://example.org/)", 2),
    ],
)
def test_what_the_renderer_makes_no_link_of_passes(text: str, links: int) -> None:
    assert prose.problem(text) is None
    html = prose.to_html(text)
    assert html.count("<a ") == links
    assert not re.search(r"(href|src)=\"\s*javascript", html, re.IGNORECASE)


def test_the_renderer_has_no_reach_outside() -> None:
    """Pure: the module imports nothing that touches the disk, the clock or an engine."""
    tree = ast.parse(Path(prose.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= {"__future__", "re", "html.parser", "markdown"}

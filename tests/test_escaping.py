"""Text from the data reaches the page as text, never as markup.

Every text field of the fixture data gets a payload of HTML and Markdown
syntax; the real strict build must then show plain-text fields literally and
must not contain a single element or attribute that the payload introduced.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.model import SiteSettings, YearSchedule
from generator.model.files import COOPERATION_FILES
from generator.render.markdown import plain, prose
from generator.validate import SITE_FILE
from generator.validate.types import model_fields

from conftest import FIXTURE_DATA, run_generator

PAYLOAD = (
    '</title></textarea><script>alert("x")</script> <img src=x onerror=alert(1)> '
    "*fet* _k_ `kod` [l](http://e.se) | # {: .c } {: onclick=x} \\ &amp; <javascript:alert(2)>"
)
# Plain text may also hold what prose refuses: it must come out as the same characters.
TEXT_PAYLOAD = PAYLOAD + " [x](javascript:alert(1)) ]: javascript:alert(3)"
PLAIN_SHOWN = TEXT_PAYLOAD  # plain-text fields must show every character as typed


# Web addresses are refused unless they are plain https addresses (test_hostile.py, test_changes.py).
ADDRESSES = {"andringsforslag"}


def inject(value: Any, cls: type) -> Any:
    """Append the payload to every text and prose field, following the model's types."""
    fields = {f.key: f for f in model_fields(cls)}
    for key, item in value.items():
        if key in ADDRESSES:
            continue
        ftype = fields[key].type
        value[key] = _inject_value(item, ftype)
    return value


def _inject_value(item: Any, ftype: Any) -> Any:
    if ftype.kind == "list":
        return [_inject_value(i, ftype.target) for i in item]
    if ftype.kind == "object":
        return inject(item, ftype.target)
    if ftype.kind == "text":
        return f"{item} {TEXT_PAYLOAD}"
    if ftype.kind == "prose":
        return f"{item} {PAYLOAD}"
    return item


class PageScan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.in_script = False
        self.scripts: list[str] = []
        self.text: list[str] = []
        self.bad_attributes: list[str] = []
        self.images: int = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        if tag == "img":
            self.images += 1
        self.bad_attributes += [name for name, _ in attrs if name.startswith("on")]

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self.in_script else self.text).append(data)


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("xss")
    data = root / "data"
    shutil.copytree(FIXTURE_DATA, data)
    files = {data / SITE_FILE: SiteSettings, **{data / "exempel" / n: cls for n, cls in COOPERATION_FILES.items()}}
    files |= dict.fromkeys((data / "exempel").glob("motesplan-*.yaml"), YearSchedule)
    for path, cls in files.items():
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(inject(tree, cls), allow_unicode=True), encoding="utf-8")
    result = run_generator("build", "--data", str(data), "--site", str(root / "site"))
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_no_markup_from_data_reaches_any_page(injected_site: Path) -> None:
    pages = list((injected_site / "exempel").rglob("*.html"))
    assert len(pages) >= 8
    for page in pages:
        scan = PageScan()
        scan.feed(page.read_text(encoding="utf-8"))
        assert not any('alert("x")' in s for s in scan.scripts), page
        assert scan.bad_attributes == [], page
        assert scan.images == 0, page
        assert 'alert("x")' in "".join(scan.text), page


class LinkScan(HTMLParser):
    """Every element, attribute and link target of an HTML or SVG file."""

    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[str] = []
        self.targets: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        self.handlers += [f"{tag} {name}" for name, _ in attrs if name.startswith("on")]
        self.targets += [value or "" for name, value in attrs if name in ("href", "src", "xlink:href", "action")]

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def test_no_script_handler_or_script_url_from_data_in_any_output(injected_site: Path) -> None:
    """Every HTML page, SVG picture and calendar of the whole site, not just the generated pages."""
    outputs = [p for p in injected_site.rglob("*") if p.suffix in (".html", ".svg", ".ics")]
    assert {p.suffix for p in outputs} == {".html", ".svg", ".ics"}
    for output in outputs:
        text = output.read_text(encoding="utf-8")
        if output.suffix == ".ics":
            urls = [line for line in text.splitlines() if line.startswith("URL")]
            assert all(u.split(":", 1)[1].startswith("https://example.org/") for u in urls), output
            continue
        scan = LinkScan()
        scan.feed(text)
        assert scan.handlers == [], output
        assert not any("alert" in s for s in scan.scripts), output
        assert not [t for t in scan.targets if t.strip().lower().startswith(("javascript:", "data:", "vbscript:"))]


def test_plain_text_fields_show_markdown_characters_literally(injected_site: Path) -> None:
    scan = PageScan()
    scan.feed((injected_site / "exempel" / "organisation" / "styrgrupp" / "index.html").read_text(encoding="utf-8"))
    text = " ".join("".join(scan.text).split())
    assert f"Risker – ökade kostnader? {PLAIN_SHOWN}" in text  # a discussion point


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("1. inte en lista", "&#49;&#46; inte en lista"),
        ("- inte heller", "&#45; inte heller"),
        ("a | b", "a &#124; b"),
        ("<b>", "&#60;b&#62;"),
        ("rad ett\nrad två", "rad ett rad två"),
    ],
)
def test_plain_escapes_what_markdown_would_read(text: str, shown: str) -> None:
    assert plain(text) == shown


def test_prose_keeps_markdown_but_not_html() -> None:
    wrapped = '<div class="hb-prosa">\n<p>{}</p>\n</div>'
    assert prose("**viktigt** <script>x</script>") == wrapped.format(
        "<strong>viktigt</strong> &lt;script&gt;x&lt;/script&gt;"
    )
    assert prose("text{: onclick=x }") == wrapped.format("text&#123;: onclick=x &#125;")

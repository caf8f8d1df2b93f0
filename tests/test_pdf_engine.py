"""The PDF engine takes nothing from the machine: one URL fetcher that serves only the project's
own files, and only the project's fonts, so two machines make the same bytes (issue 21)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from generator.engines import pdf as engine
from generator.engines.binaries import cooperation_pdf
from generator.engines.pdf import PdfUnavailable, html_to_pdf
from generator.render.print_edition import document as print_edition
from generator.validate import read_handbook

from conftest import FIXTURE_DATA, ROOT

BASE = "https://example.org/samverkanshandbok/exempel/utskrift/"
REFUSED_FILE = "hör inte till handboken, och PDF-versionen läser inga andra filer"


def page(body: str, head: str = "") -> str:
    return f'<html lang="sv"><head><title>t</title>{head}</head><body><p>Text</p>{body}</body></html>'


@pytest.mark.parametrize(
    ("body", "head"),
    [
        ('<img src="file:///etc/hostname" alt="x">', ""),
        ('<img src="file:///dev/zero" alt="x">', ""),
        ("", '<link rel="stylesheet" href="file:///etc/passwd">'),
        ('<img src="data:image/png;base64,iVBORw0KGgo=" alt="x">', ""),
        # A font of the machine, asked for by name: the fetcher serves only the project's fonts.
        (
            '<p style="font-family: X">x</p>',
            "<style>@font-face { font-family: X; src: url(file:///usr/share/fonts/truetype/dejavu/DejaVuSans.ttf) }"
            "</style>",
        ),
    ],
    ids=["etc", "dev-zero", "stylesheet", "data", "machine-font"],
)
def test_the_fetcher_refuses_every_file_the_project_does_not_ship(body: str, head: str) -> None:
    with pytest.raises(PdfUnavailable, match=REFUSED_FILE):
        html_to_pdf(page(body, head), BASE)


def test_a_refused_file_is_never_opened(tmp_path: Path) -> None:
    """A FIFO blocks whoever opens it: the PDF is refused in time only if the fetcher never reads."""
    fifo = tmp_path / "fifo.png"
    os.mkfifo(fifo)
    script = "import sys; from generator.engines.pdf import html_to_pdf; html_to_pdf(sys.argv[1], sys.argv[2])"
    html = page(f'<img src="{fifo.as_uri()}" alt="x">')
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", script, html, BASE], capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert result.returncode != 0 and REFUSED_FILE in result.stderr


def test_the_fetcher_serves_exactly_the_projects_fonts() -> None:
    served = engine.served_files()
    assert sorted(path.name for path in served.values()) == sorted(print_edition.FONT_FACES.values())
    assert all(path.parent == Path(engine.__file__).parent / "fonts" for path in served.values())


# Text that a machine would fill from its own fonts: families the project does not ship, and
# characters Liberation Sans has no glyph for.
HOSTILE_FONTS = page(
    '<p style="font-family: Helvetica">Helvetica</p><p style="font-family: serif">serif</p>'
    '<p style="font-family: monospace">mono</p><p style="font-family: \'Nimbus Sans\'">Nimbus</p>'
    "<p>✓ ★ ☃ 漢字 ∑</p>"
)
# One machine: its own fonts with a rule that Liberation Sans and Arial are Nimbus Sans first
# (what fonts-urw-base35 does for Helvetica), and an extra folder of fonts.
GREEDY_MACHINE = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{extra}</dir>
  <alias binding="strong"><family>Liberation Sans</family><prefer><family>Nimbus Sans</family></prefer></alias>
  <alias binding="strong"><family>Arial</family><prefer><family>Nimbus Sans</family></prefer></alias>
</fontconfig>
"""
MAKE_BOTH = """
import sys
from pathlib import Path
from generator.engines.binaries import cooperation_pdf
from generator.engines.pdf import html_to_pdf
from generator.validate import read_handbook
out = Path(sys.argv[1])
handbook = read_handbook(Path(sys.argv[2]))
(out / "handbok.pdf").write_bytes(cooperation_pdf(handbook.cooperations[0], handbook))
(out / "typsnitt.pdf").write_bytes(html_to_pdf(sys.argv[3], "https://example.org/x/"))
"""


def pdfs_on(machine: dict[str, str], out: Path) -> dict[str, bytes]:
    out.mkdir()
    env = {**os.environ, **machine, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", MAKE_BOTH, str(out), str(FIXTURE_DATA), HOSTILE_FONTS]
    subprocess.run(command, env=env, check=True, timeout=600)
    return {path.name: path.read_bytes() for path in out.iterdir()}


def fonts_of(pdf: Path) -> set[str]:
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return {re.sub(r"^[A-Z]{6}\+", "", row.split()[0]) for row in rows}


@pytest.mark.slow
def test_two_machines_make_the_same_pdf_with_only_the_projects_fonts(tmp_path: Path) -> None:
    extra = tmp_path / "fonts"
    extra.mkdir()
    for found in Path("/usr/share/fonts").rglob("*.[ot]tf"):  # every font of this machine, once more
        (extra / found.name).write_bytes(found.read_bytes())
        if len(list(extra.iterdir())) >= 20:
            break
    greedy = tmp_path / "greedy.conf"
    greedy.write_text(GREEDY_MACHINE.format(extra=extra), encoding="utf-8")
    plain = pdfs_on({}, tmp_path / "plain")
    other = pdfs_on({"FONTCONFIG_FILE": str(greedy)}, tmp_path / "greedy")
    assert plain == other, "the PDF depends on the machine's fonts"
    for name in plain:
        assert fonts_of(tmp_path / "plain" / name) <= {
            "Liberation-Sans",
            "Liberation-Sans-Bold",
            "Liberation-Sans-Italic",
            "Liberation-Sans-BoldItalic",
        }, name


def uris(reader: PdfReader) -> list[str]:
    found = []
    for pdf_page in reader.pages:
        for annotation in pdf_page.get("/Annots") or []:
            action: Any = annotation.get_object().get("/A") or {}
            assert action.get("/S") in (None, "/URI", "/GoTo"), action
            if "/URI" in action:
                found.append(str(action["/URI"]))
    return found


def test_the_print_edition_pdf_has_no_script_link_and_no_local_file(data_copy: Path, tmp_path: Path) -> None:
    """A reference inside a table is read alike by `check` and the PDF: here it is table text,
    so it is text in the PDF too; the real link beside it keeps its address."""
    info = data_copy / "exempel" / "samverkan.yaml"
    hostile = (
        'bakgrund: "Se [beslutet](https://example.org/beslut).\\n\\n| A | B |\\n|---|---|\\n'
        '| [Klicka][r] | x |\\n[r]: javascript:alert(1)"'
    )
    info.write_text(info.read_text(encoding="utf-8").replace("bakgrund: Samverkan startade 2020.", hostile))
    handbook = read_handbook(data_copy)
    reader = PdfReader(io.BytesIO(cooperation_pdf(handbook.cooperations[0], handbook)))
    links = uris(reader)
    assert "https://example.org/beslut" in links
    assert all(link.startswith(("https://", "http://", "mailto:")) for link in links), links
    catalog: Any = reader.root_object
    assert "/EmbeddedFiles" not in (catalog.get("/Names") or {})
    assert "/OpenAction" not in catalog and "/AA" not in catalog
    for pdf_page in reader.pages:  # images: only what the generator drew, no file of the machine
        resources: Any = pdf_page.get("/Resources") or {}
        for xobject in (resources.get("/XObject") or {}).values():
            assert xobject.get_object().get("/Subtype") != "/Image"

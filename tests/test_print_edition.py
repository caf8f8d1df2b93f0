"""The print edition and its PDF, read back by tools that did not write it (poppler, pypdf)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from generator.engines.binaries import cooperation_pdf
from generator.engines.pdf import PdfUnavailable, html_to_pdf
from generator.model import Cooperation
from generator.render import paths
from generator.render.print_edition import document as print_edition
from generator.render.wheel.legend import ring_position
from generator.render.wheel.rings import wheel_rings
from generator.render.wheel.svg import drawn_wheel
from generator.validate import read_handbook

from conftest import FIXTURE_DATA, ROOT

A4_POINTS = "595.276 x 841.89 pts (A4)"


def pdf_path(site: Path, c: Cooperation) -> Path:
    return site / paths.pdf_file(c)


def words(text: str) -> str:
    """Text with every run of white space as one space: lines wrap anywhere in a PDF."""
    return " ".join(text.split())


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def cooperations(planned_data: Path) -> tuple[Cooperation, ...]:
    return read_handbook(planned_data).cooperations


def test_pdf_info_a4_several_pages_title_author_tagged(
    planned_site: Path, cooperations: tuple[Cooperation, ...]
) -> None:
    for c in cooperations:
        info = dict(line.split(":", 1) for line in run("pdfinfo", str(pdf_path(planned_site, c))).splitlines())
        info = {k: v.strip() for k, v in info.items()}
        assert info["Page size"] == A4_POINTS, c.id
        assert int(info["Pages"]) > 5, c.id
        assert info["Title"] == print_edition.document_title(c)
        assert info["Author"] == "De administrativa cheferna i de samverkande kommunerna"
        assert info["Tagged"] == "yes"
        # Dates from the data's version date, never the clock: the same data gives the same file.
        assert c.info.version_date.strftime("%b %d") in info["CreationDate"]


def test_pdf_declares_pdf_a_2u_and_swedish(planned_site: Path, cooperations: tuple[Cooperation, ...]) -> None:
    for c in cooperations:
        xmp = run("pdfinfo", "-meta", str(pdf_path(planned_site, c)))
        assert 'pdfaid:part="2" pdfaid:conformance="U"' in xmp, c.id
        catalog: Any = PdfReader(pdf_path(planned_site, c)).root_object
        assert catalog["/Lang"] == "sv"
        assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]


def test_every_font_is_embedded(planned_site: Path, cooperations: tuple[Cooperation, ...]) -> None:
    for c in cooperations:
        rows = run("pdffonts", str(pdf_path(planned_site, c))).splitlines()[2:]
        assert rows, c.id
        for row in rows:
            name, emb = row.split()[0], row.split()[-5]
            assert emb == "yes", f"{c.id}: {name} är inte inbäddat"
            assert "Liberation" in name, f"{c.id}: oväntat typsnitt {name}"


def test_pdf_text_has_every_discussion_point_and_deadline(
    planned_site: Path, cooperations: tuple[Cooperation, ...]
) -> None:
    assert any(c.agendas for c in cooperations) and any(s.deadline for c in cooperations for _, s in c.all_steps())
    for c in cooperations:
        text = words(run("pdftotext", "-enc", "UTF-8", str(pdf_path(planned_site, c)), "-"))
        for point in (p for a in c.agendas for s in a.sections for p in s.points):
            assert words(point) in text, f"{c.id}: diskussionspunkten saknas: {point}"
        for deadline in (str(s.deadline) for _, s in c.all_steps() if s.deadline is not None):
            assert deadline.lower() in text.lower(), f"{c.id}: tidsgränsen saknas: {deadline}"
        for heading in ("Innehåll", "Bakgrund", "Syfte", "Styrning och ledning", "Årsprocesser", "Bilaga: Roller"):
            assert heading in text


def test_meeting_plan_of_the_year_with_its_status(planned_site: Path, cooperations: tuple[Cooperation, ...]) -> None:
    sml = next(c for c in cooperations if c.id == "sml")
    schedule = sml.schedule(sml.info.year)
    assert schedule is not None
    text = words(run("pdftotext", "-enc", "UTF-8", str(pdf_path(planned_site, sml)), "-"))
    assert f"Mötesplan {schedule.year}" in text
    assert f"{schedule.status.label}. Mötesplanen för {schedule.year}" in text


def test_bookmarks_follow_the_headings(planned_site: Path, cooperations: tuple[Cooperation, ...]) -> None:
    for c in cooperations:
        outline = PdfReader(pdf_path(planned_site, c)).outline
        titles = [item.title for item in outline if not isinstance(item, list)]
        assert titles[:4] == [c.info.name, "Innehåll", "Bakgrund", "Syfte"], c.id
        assert "Bilaga: Roller" in titles


def test_links_in_the_pdf_point_at_the_published_site(
    planned_site: Path, cooperations: tuple[Cooperation, ...]
) -> None:
    address = "https://example.org/samverkanshandbok/"
    for c in cooperations:
        uris = [
            str(a.get_object()["/A"]["/URI"])
            for page in PdfReader(pdf_path(planned_site, c)).pages
            for a in page.get("/Annots", [])
            if "/URI" in a.get_object().get("/A", {})
        ]
        assert f"{address}{c.id}/" in uris, c.id
        assert all(u.startswith(address) for u in uris), [u for u in uris if not u.startswith(address)]


def test_first_page_renders_to_a_picture_with_text(planned_site: Path, tmp_path: Path) -> None:
    pdf = planned_site / "sml" / "utskrift" / "handbok-sml.pdf"
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "40", "-png", str(pdf), str(tmp_path / "p")], check=True)
    (png,) = tmp_path.glob("p*.png")
    grey = Image.open(png).convert("L")
    dark = sum(grey.histogram()[:128])
    assert dark > 500, "sidan 1 är tom"


def test_same_data_gives_the_same_pdf_bytes() -> None:
    handbook = read_handbook(FIXTURE_DATA)
    (c,) = handbook.cooperations
    assert cooperation_pdf(c, handbook) == cooperation_pdf(c, handbook)


@pytest.mark.parametrize(
    "resource",
    [
        '<img src="https://example.org/bild.png" alt="bild">',
        '<link rel="stylesheet" href="http://example.org/stil.css">',
        '<img src="bild.png" alt="bild">',  # relative to the published address: also the network
    ],
)
def test_pdf_engine_never_fetches_from_the_network(resource: str) -> None:
    html = f'<html lang="sv"><head><title>t</title></head><body><p>Text</p>{resource}</body></html>'
    with pytest.raises(PdfUnavailable, match="hämtar inget från nätet"):
        html_to_pdf(html, "https://example.org/samverkanshandbok/sml/utskrift/")


def test_print_view_is_a_page_of_the_site_without_navigation(planned_site: Path) -> None:
    page = (planned_site / "sml" / "utskrift" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in page
    assert 'class="md-header' not in page and 'class="md-nav' not in page
    assert 'href="handbok-sml.pdf"' in page
    overview = (planned_site / "sml" / "index.html").read_text(encoding="utf-8")
    assert 'href="utskrift/"' in overview, "utskriftsversionen ska finnas i navigeringen"


def test_data_text_is_escaped_in_the_print_edition(data_copy: Path) -> None:
    info = data_copy / "exempel" / "samverkan.yaml"
    text = info.read_text(encoding="utf-8")
    info.write_text(re.sub(r"(?m)^kortnamn: .*$", 'kortnamn: "<script>x</script>"', text), encoding="utf-8")
    handbook = read_handbook(data_copy)
    (c,) = handbook.cooperations
    html = print_edition.print_document(c, handbook.site)
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html


def test_links_out_of_the_handbook_show_their_address_on_paper(data_copy: Path, tmp_path: Path) -> None:
    info = data_copy / "exempel" / "samverkan.yaml"
    text = info.read_text(encoding="utf-8")
    link = "bakgrund: Se [beslutet](https://example.org/beslut/2020-1) om samverkan."
    info.write_text(re.sub(r"(?m)^bakgrund: .*$", link, text), encoding="utf-8")
    handbook = read_handbook(data_copy)
    (c,) = handbook.cooperations
    pdf = tmp_path / "handbok.pdf"
    pdf.write_bytes(cooperation_pdf(c, handbook))
    printed = words(run("pdftotext", "-enc", "UTF-8", str(pdf), "-"))
    assert "Se beslutet (https://example.org/beslut/2020-1) om samverkan." in printed
    assert printed.count("https://example.org/samverkanshandbok/exempel/") == 1  # the web address, once


def test_missing_fonts_are_a_plain_message(tmp_path: Path) -> None:
    """The PDF's key in the cache is made after the fonts are checked: no traceback, no exit 2."""
    env_script = (
        "import sys, pathlib; import generator.engines.pdf as pdf; pdf.FONT_DIR = pathlib.Path(sys.argv[1]);"
        "from generator.cli import main; sys.exit(main(sys.argv[2:]))"
    )
    site = tmp_path / "site"
    command = [sys.executable, "-c", env_script, str(tmp_path / "inga-typsnitt"), "generate", "--utan-cache"]
    result = subprocess.run(
        [*command, "--data", str(FIXTURE_DATA), "--out", str(site)],
        cwd=ROOT, capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "installera om den" in result.stderr and "Traceback" not in result.stderr
    assert not site.exists()


def test_the_contents_give_the_page_each_chapter_starts_on(
    planned_site: Path, cooperations: tuple[Cooperation, ...]
) -> None:
    """Read as a reader reads the contents: each line a chapter and, at its right end, the page
    that the PDF's own bookmark for that chapter leads to."""
    for c in cooperations:
        reader = PdfReader(pdf_path(planned_site, c))
        starts = {
            item.title: (reader.get_destination_page_number(item) or 0) + 1
            for item in reader.outline
            if not isinstance(item, list)
        }
        contents = run(
            "pdftotext", "-layout", "-f", "2", "-l", "2", "-enc", "UTF-8", str(pdf_path(planned_site, c)), "-"
        )
        lines = [re.fullmatch(r"\s*\d+\. (.+?)[\s.]+(\d+)", line) for line in contents.splitlines()]
        listed = {match.group(1): int(match.group(2)) for match in lines if match}
        assert len(listed) >= 7, contents
        assert listed == {title: starts[title] for title in listed}, c.id


def test_each_page_is_headed_by_the_chapter_it_begins_in(
    planned_site: Path, cooperations: tuple[Cooperation, ...]
) -> None:
    """A chapter that begins lower on a page (Syfte after Bakgrund) heads the next page, not that
    one: a reader who opens the paper at a page sees the chapter of its first lines."""
    for c in cooperations:
        path = pdf_path(planned_site, c)
        reader = PdfReader(path)
        chapters = [
            ((reader.get_destination_page_number(item) or 0) + 1, float(item.top or 0), item.title)
            for item in reader.outline[1:]  # after the title page's own bookmark
            if not isinstance(item, list)
        ]
        page_top = max(top for _, top, _ in chapters)  # where a chapter that opens a page begins
        for page in range(2, len(reader.pages) + 1):
            begun = [title for start, top, title in chapters if start < page or (start == page and top >= page_top - 1)]
            head = run("pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8", str(path), "-").splitlines()[0]
            assert head == begun[-1], (c.id, page)


def test_a_wheel_is_printed_where_the_rules_give_months_and_centred(
    planned_site: Path, cooperations: tuple[Cooperation, ...], tmp_path: Path
) -> None:
    """As on the wheel's page: rules without months give a sentence, not an empty ring and a table
    of empty months. A drawn wheel stands in the middle of the page (its dark month ring is measured)."""
    kinds = set()
    for c in cooperations:
        path = pdf_path(planned_site, c)
        text = words(run("pdftotext", "-enc", "UTF-8", str(path), "-"))
        drawn = bool(wheel_rings(c))
        kinds.add(drawn)
        assert ("inget årshjul att rita" in text) is not drawn, c.id
        assert ("Månad för månad" in text) is drawn, c.id
        if drawn:
            reader = PdfReader(path)
            page = next(i for i, p in enumerate(reader.pages, 1) if "Ringarna, inifrån" in p.extract_text())
            shown = str(page)
            subprocess.run(
                ["pdftoppm", "-f", shown, "-l", shown, "-r", "30", "-png", str(path), str(tmp_path / c.id)], check=True
            )
            picture = Image.open(next(tmp_path.glob(f"{c.id}*.png"))).convert("RGB")
            ring = [
                x
                for x in range(picture.width)
                for y in range(picture.height)
                if picture.getpixel((x, y)) == (29, 79, 110)
            ]
            assert abs((min(ring) + max(ring)) / 2 - picture.width / 2) < picture.width * 0.02, c.id
            # As wide as the text (170 of the page's 210 mm), so that its smallest words print at 6 points.
            assert (max(ring) - min(ring)) / picture.width > 0.78, c.id
    assert kinds == {True, False}  # the shipped rules have both kinds


def test_a_body_that_uses_an_agenda_in_several_months_is_named_once(
    planned_site: Path, cooperations: tuple[Cooperation, ...]
) -> None:
    for c in cooperations:
        text = words(run("pdftotext", "-enc", "UTF-8", str(pdf_path(planned_site, c)), "-"))
        assert not re.search(r"\(([^(),]+), \1[,)]", text), c.id  # "(Styrgrupp, Styrgrupp)"


def test_the_wheels_key_is_printed_as_text(planned_site: Path, cooperations: tuple[Cooperation, ...]) -> None:
    """The rings and the numbers the wheel shows are explained in words a reader can search and
    copy, set in the size of the text (in the picture they printed at 7 points)."""
    for c in cooperations:
        wheel = drawn_wheel(c, paths.print_page(c), keyed=False) if wheel_rings(c) else None
        if wheel is None:
            continue
        text = words(run("pdftotext", "-layout", "-enc", "UTF-8", str(pdf_path(planned_site, c)), "-"))
        assert "Ringarna, inifrån och ut" in text
        for index, ring in enumerate(wheel.rings):
            assert f"{ring_position(index, len(wheel.rings))}: {words(ring.name)}" in text
        for item in wheel.numbered:
            assert f"{item.number} {words(item.title)}" in text
        assert wheel.numbered, c.id  # the shipped wheel has words that do not fit on their arcs

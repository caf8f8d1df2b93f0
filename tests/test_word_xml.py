"""The Word papers' fast paths (wordxml.py, wordzip.py) write exactly what python-docx and zipfile
write: every table, paragraph and line of a header is compared, element for element, with the
same thing made by python-docx's own API as the papers were made before; every paper's archive
byte for byte with the one zipfile writes from the same parts. The papers' content is read back
by python-docx and LibreOffice in test_papers.py and test_papers_send.py."""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Callable, Iterable

import pytest
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt

from generator.render.papers import wordkit
from generator.render.papers.papers import meeting_papers
from generator.render.papers.word import cancellation_docx, minutes_docx, notice_docx
from generator.render.papers.wordkit import Container, Paper, safe
from generator.validate import read_handbook

from conftest import FIXTURE_DATA

TEXTS = ["Ordförande", " mellanslag kvar ", "flik\tefter", "rad\nbrytning\r", "", '</w:t>&amp; "Ek" \x07', "ö – é"]


def new() -> Paper:
    return wordkit.new_paper("Kallelse: Styrgrupp", "12 mars 2026", "Samverkan", datetime.date(2026, 2, 1))


def python_docx_table(
    doc: Document,
    header: tuple[str, ...],
    rows: Iterable[tuple[str, ...]],
    widths: tuple[int, ...],
    keep_with_next: bool = False,
    header_row: bool = True,
    row_height: int = 8,
) -> None:
    """wordkit.table as it was, cell by cell through python-docx."""
    body = list(rows)
    first = 1 if header_row else 0
    table = doc.add_table(rows=first + len(body), cols=len(header))
    table._tbl.tblStyle_val = "TableGrid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Mm(width)
    if header_row:
        for index, text in enumerate(header):
            table.rows[0].cells[index].paragraphs[0].add_run(safe(text)).bold = True
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for row, values in zip(table.rows[first:], body, strict=True):
        row.height = Mm(row_height)
        for index, (cell, text) in enumerate(zip(row.cells, values, strict=False)):
            cell.paragraphs[0].add_run(safe(text)).bold = not header_row and index == 0
    for row in table.rows:
        if header_row:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)
            cell.paragraphs[0].paragraph_format.keep_with_next = keep_with_next
            cell.paragraphs[0].paragraph_format.space_after = Pt(0)


def python_docx_paragraphs(doc: Container, text: str) -> None:
    """heading, bullet, para, labelled and two_sided as they were, through python-docx."""
    for style in ("TableGrid", "Heading1", "ListBullet"):
        doc.add_paragraph(safe(text))._p.style = style
    for bold in (False, True):
        paragraph = doc.add_paragraph()
        paragraph.add_run(safe(text)).bold = bold
        if bold:
            paragraph.paragraph_format.keep_with_next = True
            paragraph.paragraph_format.space_before = Pt(8)
            paragraph.paragraph_format.space_after = Pt(0)
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(2)
    paragraph.add_run(safe(f"{text}: ")).bold = True
    paragraph.add_run(safe(text))
    for bold, size in ((True, 9), (False, 11)):
        line = doc.add_paragraph()
        line.paragraph_format.tab_stops.add_tab_stop(wordkit.TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        line.paragraph_format.space_after = Pt(0)
        for part in (text, "\t", text[::-1]):
            run = line.add_run(safe(part))
            run.bold = bold
            run.font.size = Pt(size)


def fast_paragraphs(doc: Container, text: str) -> None:
    wordkit.styled(wordkit.plain(doc, text), "Table Grid")
    wordkit.heading(doc, text, 1)
    wordkit.bullet(doc, text)
    wordkit.para(doc, text)
    wordkit.para(doc, text, bold=True)
    wordkit.labelled(doc, text, text)
    wordkit.two_sided(doc, text, text[::-1], bold=True)
    wordkit.two_sided(doc, text, text[::-1], size=11)


def xml_of(make: Callable[[Paper], None]) -> tuple[bytes, bytes]:
    paper = new()
    make(paper)
    return serialize_part_xml(paper.doc.element), serialize_part_xml(paper.header._element)


@pytest.mark.parametrize("text", TEXTS)
def test_paragraphs_are_what_python_docx_writes(text: str) -> None:
    def fast(paper: Paper) -> None:
        fast_paragraphs(paper.doc, text)
        wordkit.two_sided(paper.header, text, "KALLELSE", bold=True)

    def slow(paper: Paper) -> None:
        python_docx_paragraphs(paper.doc, text)
        line = paper.header.add_paragraph()
        line.paragraph_format.tab_stops.add_tab_stop(wordkit.TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        line.paragraph_format.space_after = Pt(0)
        for part in (text, "\t", "KALLELSE"):
            run = line.add_run(safe(part))
            run.bold, run.font.size = True, Pt(wordkit.FOOTER_POINTS)

    assert xml_of(fast) == xml_of(slow)


TABLES = [  # header, rows, widths, keep_with_next, header_row, row_height
    (("Kommun", "Roll", "Namn"), [tuple(TEXTS[:3]), tuple(TEXTS[3:6])], (28, 52, 80), False, True, 8),
    (("Vem", "Vad"), [("", "")] * 3, (40, 120), True, True, 8),
    (("", ""), [("Anteckningar", ""), ("Beslut", TEXTS[2])], (35, 125), False, False, 12),
    (("A", "B", "C"), [("bara en",), ("ett", "två", "tre", "fyra")], (50, 50, 60), False, True, 8),
    (tuple(TEXTS[:2]), [], (80, 80), False, True, 8),
]


@pytest.mark.parametrize(("header", "rows", "widths", "keep", "header_row", "height"), TABLES)
def test_tables_are_what_python_docx_writes(
    header: tuple[str, ...],
    rows: list[tuple[str, ...]],
    widths: tuple[int, ...],
    keep: bool,
    header_row: bool,
    height: int,
) -> None:
    def fast(paper: Paper) -> None:
        for _ in range(2):  # the second from the shapes made by the first
            wordkit.table(paper.doc, header, rows, widths, keep, header_row, height)

    def slow(paper: Paper) -> None:
        for _ in range(2):
            python_docx_table(paper.doc, header, rows, widths, keep, header_row, height)

    assert xml_of(fast) == xml_of(slow)


def fixture_papers() -> list[tuple[str, bytes]]:
    cooperation = read_handbook(FIXTURE_DATA).cooperations[0]
    found = []
    for papers in meeting_papers(cooperation):
        found += [(f"kallelse-{papers.key}", notice_docx(papers)), (f"anteckningar-{papers.key}", minutes_docx(papers))]
        found.append((f"inställt-{papers.key}", cancellation_docx(papers)))
    return found


def zipfile_archive(content: bytes) -> bytes:
    """The same parts written by zipfile (as wordkit.save wrote them before wordzip.py)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, entry.date_time)
            info.compress_type, info.external_attr, info.create_system = zipfile.ZIP_DEFLATED, 0o644 << 16, 3
            target.writestr(info, source.read(entry))
    return out.getvalue()


def test_every_archive_is_what_zipfile_writes() -> None:
    papers = fixture_papers()
    assert len(papers) >= 9
    for name, content in papers:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            assert archive.testzip() is None, name
        assert content == zipfile_archive(content), name


def raw_parts(content: bytes) -> dict[str, tuple[tuple[int, ...], bytes]]:
    """Each part's date and compressed bytes, read by the offsets of the central directory."""
    found: dict[str, tuple[tuple[int, ...], bytes]] = {}
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for info in archive.infolist():
            start = info.header_offset + 30 + len(info.filename) + len(info.extra)
            found[info.filename] = (info.date_time, content[start : start + info.compress_size])
    return found


def test_the_template_parts_are_the_same_bytes_in_every_paper() -> None:
    """Compressed once: two papers of different dates share every part but their own four."""
    dates = {}
    first, *others = [raw_parts(content) for _, content in fixture_papers()]
    for other in others:
        assert list(other) == list(first)  # the same parts in the same order
        for part, (date, data) in other.items():
            dates[date] = part
            if part not in wordkit.OWN_PARTS:
                assert data == first[part][1], part
    assert len(dates) > 1  # papers of different dates, each archive dated from its data
    assert len({first[part][1] for part in wordkit.OWN_PARTS}) == 4

"""The Word machinery under the papers (word.py): python-docx's template made ready once, styles
set by id, tables, the header and footer with page fields, and a byte-identical save.

Real Word styles (Title, Heading 1–2, List Bullet, Table Grid) make the documents navigable and
readable by screen readers; the language is Swedish on every style we use; the page is A4. The
bytes are the same for the same data: the document dates come from the data, and every entry of
the zip archive has one fixed date. python-docx's template is parsed once per process and each
paper writes only its own body, header, footer and properties into a copy of it; its tables and
paragraphs are copies of shapes python-docx made once (wordxml.py), and its archive is put
together from the template's parts compressed once (wordzip.py), the same bytes as python-docx
and zipfile would write, six to nine times faster (`benchmarks/papers.py` measures the papers).
"""

from __future__ import annotations

import copy
import datetime
import functools
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

import docx
from docx.blkcntnr import BlockItemContainer
from docx.document import Document
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement
from docx.oxml.coreprops import CT_CoreProperties
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph

from .wordxml import Look, filled, filled_row, paragraph_shape, put_style, put_text, row_shape, table_start
from .wordzip import Packed, archive, pack

LANGUAGE = "sv-SE"
PROPERTY_LIMIT = 255
A4 = (Twips(11906), Twips(16838))  # 210 × 297 mm, as Word itself writes it
TEXT_WIDTH = Mm(160)  # A4 less the margins: where a right-aligned tab stop sits
FOOTER_POINTS = 9  # the header and footer lines
OWN_PARTS = DOCUMENT_XML, CORE_XML, HEADER_XML, FOOTER_XML = (
    "word/document.xml",
    "docProps/core.xml",
    "word/header1.xml",
    "word/footer1.xml",
)
STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "Table Grid")
# Characters XML 1.0 cannot hold (C0 controls but tab and newline, lone surrogates, U+FFFE/FFFF):
# YAML's double-quoted escapes can produce them, and Word refuses a file that contains them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Where paragraphs and tables go: the body of a paper, or its header or footer.
Container = Document | BlockItemContainer


@dataclass(frozen=True)
class Paper:
    """One paper being written: its body, and its own header and footer (copies of the template's)."""

    doc: Document
    header: BlockItemContainer
    footer: BlockItemContainer
    title: str
    subject: str
    author: str
    issued: datetime.date


@dataclass(frozen=True)
class _Template:
    """python-docx's default template made ready once per process (A4, margins, Swedish, 11 pt),
    with the files of its archive: parsing the template for every paper cost more than writing it."""

    doc: Document
    core: CT_CoreProperties
    header: BaseOxmlElement
    footer: BaseOxmlElement
    parts: tuple[Packed | str, ...]  # in the archive's order; a paper's own parts by name only
    style_ids: dict[str, str]


@functools.cache
def _template() -> _Template:
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = A4
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(20)
    section.header_distance = section.footer_distance = Mm(10)
    # A header and a footer of their own: each paper writes its own into them.
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    _set_language(doc)
    doc.styles["Normal"].font.size = Pt(11)
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as template:
        names = template.namelist()
        parts = tuple(name if name in OWN_PARTS else pack(name, template.read(name)) for name in names)
    style_ids = {name: doc.styles[name].style_id for name in STYLES}
    header, footer = section.header._element, section.footer._element
    return _Template(doc, doc.core_properties._element, header, footer, parts, style_ids)


def new_paper(title: str, subject: str, author: str, issued: datetime.date) -> Paper:
    """A new paper from the template: a copy of its body, header and footer, sharing its (never
    changed) styles part. `save` writes it; python-docx's own `save` would write the template's."""
    template = _template()
    doc = Document(copy.deepcopy(template.doc.element), template.doc.part)
    header, footer = copy.deepcopy(template.header), copy.deepcopy(template.footer)
    for part in (header, footer):
        for child in list(part):
            part.remove(child)
    return Paper(
        doc,
        BlockItemContainer(header, template.doc.part),
        BlockItemContainer(footer, template.doc.part),
        title,
        subject,
        author,
        issued,
    )


def _core_properties(paper: Paper) -> bytes:
    """docProps/core.xml: the title, subject and author of the paper, dated from the data."""
    properties = CoreProperties(copy.deepcopy(_template().core))
    moment = datetime.datetime.combine(paper.issued, datetime.time(0), datetime.UTC)
    properties.title = _property(paper.title)
    properties.subject = _property(paper.subject)
    properties.author = properties.last_modified_by = _property(paper.author)
    properties.language = LANGUAGE
    properties.created = properties.modified = properties.last_printed = moment
    properties.revision = 1
    properties.comments = properties.keywords = properties.category = ""
    return serialize_part_xml(properties._element)


def _set_language(doc: Document) -> None:
    """Swedish for spelling and hyphenation, on the document defaults and on every style we use."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    targets = [defaults.find(qn("w:rPrDefault"))] if defaults is not None else []
    targets += [doc.styles[name].element for name in STYLES]
    for target in targets:
        if target is None:
            continue
        run_properties = target.find(qn("w:rPr"))
        if run_properties is None:
            run_properties = OxmlElement("w:rPr")
            target.append(run_properties)
        for old in run_properties.findall(qn("w:lang")):
            run_properties.remove(old)
        lang = OxmlElement("w:lang")
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attribute), LANGUAGE)
        run_properties.append(lang)


def heading(doc: Container, text: str, level: int) -> Paragraph:
    return styled(plain(doc, text), f"Heading {level}")


def plain(doc: Container, text: str) -> Paragraph:
    """A paragraph holding `text` (as `doc.add_paragraph(text)`, with the text put in directly)."""
    new = doc.add_paragraph()
    if text:
        put_text(new._p.add_r(), safe(text))
    return new


def para(doc: Container, text: str, bold: bool = False) -> Paragraph:
    """A paragraph of `text`; a bold one is a lead-in kept with what follows."""
    if bold:
        return shaped(doc, paragraph_shape((Look(bold=True),), 8, 0, True), text)
    return shaped(doc, paragraph_shape((Look(bold=False),)), text)


def labelled(doc: Container, label: str, value: str) -> Paragraph:
    """'Label: value' with the label in bold."""
    return shaped(doc, paragraph_shape((Look(bold=True), Look()), space_after=2), f"{label}: ", value)


def shaped(doc: Container, shape: CT_P, *texts: str) -> Paragraph:
    """A paragraph made as `shape` (wordxml.paragraph_shape) with `texts` in its runs."""
    new = doc.add_paragraph()
    filled(new._p, shape, _safe(texts))
    return new


def bullet(doc: Container, text: str) -> Paragraph:
    return styled(plain(doc, text), "List Bullet")


def styled(paragraph: Paragraph, style: str) -> Paragraph:
    """`paragraph` in `style` (one of STYLES, never the default 'Normal'), set by the id that the
    template resolved once: python-docx's `style=` looks the name up, and the default style,
    among every style of the document on each use, which was most of the time a paper took."""
    put_style(paragraph._p, _template().style_ids[style])
    return paragraph


def table(
    doc: Document,
    header: tuple[str, ...],
    rows: Iterable[tuple[str, ...]],
    widths: tuple[int, ...],
    keep_with_next: bool = False,
    header_row: bool = True,
    row_height: int = 8,
) -> Table:
    """A Table Grid table. With `header_row` the first row names the columns, repeats on every
    page and is marked as a header for screen readers; without it the first column labels each
    row, and the rows may split across pages (a cell the secretary types into grows).
    The table and its rows are copies of ones made once per shape (wordxml.py): python-docx
    setting each cell's properties one by one was most of the time a minutes paper took."""
    if len(header) != len(widths):
        raise ValueError(f"{len(header)} columns but {len(widths)} widths")
    tbl = copy.deepcopy(table_start(widths, _template().style_ids["Table Grid"]))
    if header_row:
        tbl.append(filled_row(row_shape(widths, keep_with_next, True, None, (True, True)), _safe(header)))
    shape = row_shape(widths, keep_with_next, header_row, row_height, (not header_row, False))
    for values in rows:
        tbl.append(filled_row(shape, _safe(values)))
    doc.element.body._insert_tbl(tbl)
    return Table(tbl, doc)


def safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _safe(texts: Iterable[str]) -> list[str]:
    return [safe(text) for text in texts]


def _property(text: str) -> str:
    """Document properties hold at most 255 characters; a longer name is cut with an ellipsis."""
    text = safe(" ".join(text.split()))
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def save(paper: Paper) -> bytes:
    """The template's archive with this paper's document, header, footer and properties, every
    entry dated from the data (python-docx would stamp them with the clock). Only these four
    parts are compressed here; the template's were compressed once (wordzip.py)."""
    own = {
        DOCUMENT_XML: serialize_part_xml(paper.doc.element),
        HEADER_XML: serialize_part_xml(paper.header._element),
        FOOTER_XML: serialize_part_xml(paper.footer._element),
        CORE_XML: _core_properties(paper),
    }
    parts = [pack(part, own[part]) if isinstance(part, str) else part for part in _template().parts]
    return archive(parts, paper.issued)


def field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A Word field ('PAGE', 'NUMPAGES') that Word and LibreOffice fill in when they lay out the page."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    properties, size = OxmlElement("w:rPr"), OxmlElement("w:sz")
    size.set(qn("w:val"), str(FOOTER_POINTS * 2))  # half-points: the size of the line around it
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def two_sided(container: Container, left: str, right: str, bold: bool = False, size: int = FOOTER_POINTS) -> Paragraph:
    """A line with `left` at the margin and `right` against the right margin, for headers and footers."""
    look = Look(bold, size)
    shape = paragraph_shape((look, Look(bold, size, tab=True), look), space_after=0, right_tab=TEXT_WIDTH)
    return shaped(container, shape, left, right)

"""Meeting papers as Word documents (.docx), from the same `Papers` model as the web pages.

Real Word styles (Title, Heading 1–2, List Bullet, Table Grid) make the documents
navigable and readable by screen readers; the language is Swedish on every style
we use; the page is A4. The bytes are the same for the same data: the document
dates come from the data, and every entry of the zip archive has one fixed date.
python-docx's template is parsed once per process and each paper writes only its own
body and properties into a copy of it (`benchmarks/papers.py` measures the papers).
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
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement
from docx.oxml.coreprops import CT_CoreProperties
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph

from .agenda import Item
from .papers import Papers

LANGUAGE = "sv-SE"
PROPERTY_LIMIT = 255
A4 = (Twips(11906), Twips(16838))  # 210 × 297 mm, as Word itself writes it
DOCUMENT_XML, CORE_XML = "word/document.xml", "docProps/core.xml"
STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "Table Grid")
# Characters XML 1.0 cannot hold (C0 controls but tab and newline, lone surrogates, U+FFFE/FFFF):
# YAML's double-quoted escapes can produce them, and Word refuses a file that contains them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def notice_docx(p: Papers) -> bytes:
    """Kallelse med föredragningslista."""
    kind = "Kallelse med föredragningslista"
    doc = _document(p, kind)
    _header(doc, p)
    _heading(doc, "Kallade", 1)
    for row in p.invited:
        label = row.municipality or "Deltar också"
        _bullet(doc, f"{label}: {', '.join(row.roles)}")
    if not p.invited:
        _para(doc, "Gruppens ledamöter.")
    _heading(doc, "Föredragningslista", 1)
    for item in p.items:
        _heading(doc, _item_title(item), 2)
        for point in item.points:
            _bullet(doc, point)
        next_meeting = p.next_meeting_for(item)
        if next_meeting:
            _para(doc, next_meeting)
    return _save(doc, p, kind)


def minutes_docx(p: Papers) -> bytes:
    """The minutes template: header, attendance, a section per agenda item, actions, adjustment."""
    doc = _document(p, p.minutes_name)
    _header(doc, p)
    _heading(doc, "Närvarande", 1)
    rows = [(i.municipality or "Övriga", role) for i in p.invited for role in i.roles]
    _table(doc, ("Kommun", "Roll", "Namn", "Närvarande"), rows or [("", "")], (30, 45, 60, 25))
    for label in ("Ordförande", "Sekreterare", "Justerare"):
        _para(doc, f"{label}:", bold=True)
        _lines(doc, 1)
    _heading(doc, "Ärenden", 1)
    for item in p.items:
        _minutes_item(doc, p, item)
    # The actions and the adjustment are one block that Word keeps on one page: the action
    # table never ends up alone, and no row splits across pages.
    _heading(doc, "Åtgärder", 1)
    _table(doc, ("Vem", "Vad", "Senast"), [("", "", "")] * 8, (40, 100, 30), keep_with_next=True)
    _heading(doc, "Justering", 1)
    for label in ("Ort och datum", "Sekreterare", "Justerare"):
        _para(doc, f"{label}:", bold=True)
        _lines(doc, 1, keep_with_next=label != "Justerare")
    if p.minutes_distribution:
        _para(doc, f"{p.minutes_name}: {p.minutes_distribution}")
    return _save(doc, p, p.minutes_name)


def _minutes_item(doc: Document, p: Papers, item: Item) -> None:
    """An item kept on one page; the last item also keeps with the action table after it."""
    last = item is p.items[-1]
    _heading(doc, _item_title(item), 2)
    for point in item.points:
        _bullet(doc, point).paragraph_format.keep_with_next = True
    next_meeting = p.next_meeting_for(item)
    if next_meeting:
        _para(doc, f"Enligt mötesplanen: {next_meeting}").paragraph_format.keep_with_next = True
    _para(doc, "Anteckningar:", bold=True)
    _lines(doc, item.note_lines - 1, keep_with_next=True)
    _lines(doc, 1, keep_with_next=last or item.has_decision)
    if item.has_decision:
        _para(doc, "Beslut:", bold=True)
        _lines(doc, 1, keep_with_next=True)
        _lines(doc, 1, keep_with_next=last)


def _item_title(item: Item) -> str:
    return f"{item.number}. {item.title}"


def _header(doc: Document, p: Papers) -> None:
    """The facts of the meeting, the same at the top of the notice and of the minutes."""
    _para(doc, p.cooperation)
    for fact in p.facts:
        if not fact.group:  # the subtitle names the group
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"{fact.label}: ").bold = True
            paragraph.add_run(_safe(fact.value))


@dataclass(frozen=True)
class _Template:
    """python-docx's default template made ready once per process (A4, margins, Swedish, 11 pt),
    with the files of its archive: parsing the template for every paper cost more than writing it."""

    doc: Document
    core: CT_CoreProperties
    files: tuple[tuple[str, bytes], ...]
    style_ids: dict[str, str]


@functools.cache
def _template() -> _Template:
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = A4
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(20)
    _set_language(doc)
    doc.styles["Normal"].font.size = Pt(11)
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        files = tuple((name, archive.read(name)) for name in archive.namelist())
    style_ids = {name: doc.styles[name].style_id for name in STYLES}
    return _Template(doc, doc.core_properties._element, files, style_ids)


def _document(p: Papers, kind: str) -> Document:
    """A new document from the template: a copy of its body, sharing its (never changed) styles
    part. `_save` writes it; python-docx's own `save` would write the template's body instead."""
    template = _template()
    doc = Document(copy.deepcopy(template.doc.element), template.doc.part)
    _styled(doc.add_paragraph(_safe(kind)), "Title")
    _styled(doc.add_paragraph(_safe(p.title)), "Subtitle")
    return doc


def _core_properties(p: Papers, kind: str) -> bytes:
    """docProps/core.xml: the title, subject and author of the paper, dated from the data."""
    properties = CoreProperties(copy.deepcopy(_template().core))
    moment = datetime.datetime.combine(p.issued, datetime.time(0), datetime.UTC)
    properties.title = _property(f"{kind}: {p.title}")
    properties.subject = _property(p.when)
    properties.author = properties.last_modified_by = _property(p.cooperation)
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


def _heading(doc: Document, text: str, level: int) -> Paragraph:
    return _styled(doc.add_paragraph(_safe(text)), f"Heading {level}")


def _para(doc: Document, text: str, bold: bool = False) -> Paragraph:
    paragraph = doc.add_paragraph()
    paragraph.add_run(_safe(text)).bold = bold
    if bold:
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_before = Pt(8)
        paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def _bullet(doc: Document, text: str) -> Paragraph:
    return _styled(doc.add_paragraph(_safe(text)), "List Bullet")


def _styled(paragraph: Paragraph, style: str) -> Paragraph:
    """`paragraph` in `style` (one of STYLES, never the default 'Normal'), set by the id that the
    template resolved once: python-docx's `style=` looks the name up, and the default style,
    among every style of the document on each use, which was most of the time a paper took."""
    paragraph._p.style = _template().style_ids[style]
    return paragraph


def _lines(doc: Document, count: int, keep_with_next: bool = False) -> None:
    """Empty ruled lines to write on."""
    for _ in range(count):
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.keep_with_next = keep_with_next
        paragraph.paragraph_format.space_before = Pt(12)
        paragraph.paragraph_format.space_after = Pt(0)
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for attribute, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "767676")):
            bottom.set(qn(attribute), value)
        borders.append(bottom)
        paragraph._p.get_or_add_pPr().append(borders)


def _table(
    doc: Document,
    header: tuple[str, ...],
    rows: Iterable[tuple[str, ...]],
    widths: tuple[int, ...],
    keep_with_next: bool = False,
) -> Table:
    body = list(rows)
    table: Table = doc.add_table(rows=1 + len(body), cols=len(header))
    table._tbl.tblStyle_val = _template().style_ids["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for index, text in enumerate(header):
        cell = table.rows[0].cells[index]
        cell.paragraphs[0].add_run(_safe(text)).bold = True
    # The header row repeats on every page and is marked as a header for screen readers.
    header_properties = table.rows[0]._tr.get_or_add_trPr()
    header_properties.append(OxmlElement("w:tblHeader"))
    for row, values in zip(table.rows[1:], body, strict=True):
        row.height = Mm(9)
        for cell, text in zip(row.cells, values, strict=False):
            cell.paragraphs[0].add_run(_safe(text))
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)
            cell.paragraphs[0].paragraph_format.keep_with_next = keep_with_next
    return table


def _safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _property(text: str) -> str:
    """Document properties hold at most 255 characters; a longer name is cut with an ellipsis."""
    text = _safe(" ".join(text.split()))
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def _save(doc: Document, p: Papers, kind: str) -> bytes:
    """The template's archive with this paper's document and properties, every entry dated
    from the data (python-docx would stamp them with the clock)."""
    changed = {DOCUMENT_XML: serialize_part_xml(doc.element), CORE_XML: _core_properties(p, kind)}
    stamp = (p.issued.year, p.issued.month, p.issued.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in _template().files:
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, changed.get(name, content))
    return out.getvalue()

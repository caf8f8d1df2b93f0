"""The XML of the papers' tables and paragraphs (wordkit.py), made once per shape and copied.

python-docx sets a cell's width, a paragraph's spacing or a run's bold and size by looking up,
for every property, where in the schema's order it goes, and writes text character by character:
most of the time a paper took. A table's start (style, alignment, fixed layout, column grid),
each kind of row (widths, header or body, height, keep-with-next) and each kind of paragraph
(spacing, tab stop, the look of its runs) are made here once, by python-docx itself so that the
XML is what it always was; each table or paragraph is a copy with the text put into its runs as
python-docx's `run.text = …` writes it. tests/test_word_xml.py compares them with python-docx's
own way, element for element.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.shared import Emu, Mm, Pt
from docx.text.font import Font
from docx.text.parfmt import ParagraphFormat

_RUN, _TAB, _TEXT, _PROPERTIES, _STYLE = (qn(f"w:{tag}") for tag in ("r", "tab", "t", "pPr", "pStyle"))
_VAL, _PRESERVE = qn("w:val"), qn("xml:space")
_BREAKS = re.compile("[\t\r\n]")  # python-docx writes these as w:tab and w:br


@dataclass(frozen=True)
class Look:
    """How a run of a paragraph shape looks: bold or not (None: not said), its size in points,
    or a tab."""

    bold: bool | None = None
    size: int | None = None
    tab: bool = False


@functools.cache
def table_start(widths: tuple[int, ...], style_id: str) -> CT_Tbl:
    """`w:tbl` with its properties and column grid and no rows. The widths are fixed in the grid
    as well as the cells: LibreOffice lays out by the grid."""
    tbl = CT_Tbl.new_tbl(0, len(widths), Mm(sum(widths)))
    tbl.tblStyle_val = style_id
    tbl.tblPr.alignment = WD_TABLE_ALIGNMENT.LEFT
    tbl.tblPr.autofit = False
    for column, width in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Mm(width)
    return tbl


@functools.cache
def row_shape(
    widths: tuple[int, ...], keep_with_next: bool, header_row: bool, height: int | None, bold: tuple[bool, bool]
) -> CT_Row:
    """A `w:tr` with an empty run in each cell: the header row (`height` None: repeated on every
    page, `tblHeader`) or a body row at least `height` mm high. Rows of a table with a header row
    never split. The first cell's run is bold as `bold[0]` says, the others as `bold[1]`."""
    row = CT_Tbl.new_tbl(1, len(widths), Mm(sum(widths))).tr_lst[0]
    if height is None:
        row.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    else:
        row.trHeight_val = Mm(height)  # at least this high; it grows with the text
    if header_row:
        row.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for index, (cell, width) in enumerate(zip(row.tc_lst, widths, strict=True)):
        cell.width = Mm(width)
        paragraph = cell.p_lst[0]
        layout = ParagraphFormat(paragraph)
        layout.keep_with_next = keep_with_next
        layout.space_after = Pt(0)
        Font(paragraph.add_r()).bold = bold[0] if index == 0 else bold[1]
    return row


def filled_row(shape: CT_Row, values: Sequence[str]) -> CT_Row:
    """A copy of `shape` with `values` (safe for XML) in its cells' runs; a cell without a value
    is left without a run, as python-docx leaves it."""
    row = copy.deepcopy(shape)
    for index, run in enumerate(list(row.iter(_RUN))):
        if index < len(values):
            put_text(run, values[index])
        else:
            run.getparent().remove(run)
    return row


def put_text(run: CT_R, text: str) -> None:
    """`text` into a new run as python-docx's `run.text = text` writes it, without its
    character-by-character loop: one `w:t` (kept spaces marked), or python-docx's own way
    when a tab or line break needs elements of its own."""
    if _BREAKS.search(text):
        run.text = text
    elif text:
        element = run.makeelement(_TEXT, {})
        element.text = text
        if len(text.strip()) < len(text):
            element.set(_PRESERVE, "preserve")
        run.append(element)


def put_style(paragraph: CT_P, style_id: str) -> None:
    """`w:pStyle` as python-docx sets it: the first child of the paragraph's properties."""
    properties = paragraph.find(_PROPERTIES)
    if properties is None:  # python-docx puts them first in the paragraph
        properties = paragraph.makeelement(_PROPERTIES, {})
        paragraph.insert(0, properties)
    for old in properties.findall(_STYLE):
        properties.remove(old)
    properties.insert(0, properties.makeelement(_STYLE, {_VAL: style_id}))


@functools.cache
def paragraph_shape(
    runs: tuple[Look, ...],
    space_before: int | None = None,
    space_after: int | None = None,
    keep_with_next: bool | None = None,
    right_tab: int | None = None,
) -> CT_P:
    """A `w:p` without text, made by python-docx: spacing in points, keep-with-next, a right
    tab stop at `right_tab` EMU, and a run per `Look` (a tab for `Look.tab`)."""
    paragraph: CT_P = OxmlElement("w:p")
    layout = ParagraphFormat(paragraph)
    if right_tab is not None:
        layout.tab_stops.add_tab_stop(Emu(right_tab), WD_TAB_ALIGNMENT.RIGHT)
    if keep_with_next is not None:
        layout.keep_with_next = keep_with_next
    if space_before is not None:
        layout.space_before = Pt(space_before)
    if space_after is not None:
        layout.space_after = Pt(space_after)
    for look in runs:
        run = paragraph.add_r()
        if look.tab:
            run.text = "\t"
        font = Font(run)
        if look.bold is not None:
            font.bold = look.bold
        if look.size is not None:
            font.size = Pt(look.size)
    return paragraph


def filled(paragraph: CT_P, shape: CT_P, texts: Sequence[str]) -> None:
    """A copy of `shape` into the new, empty `paragraph`, with `texts` (safe for XML) in its
    runs that are not tabs, in order."""
    paragraph.extend(copy.deepcopy(shape))
    runs = [run for run in paragraph.iterchildren(_RUN) if run.find(_TAB) is None]
    for run, text in zip(runs, texts, strict=True):
        put_text(run, text)

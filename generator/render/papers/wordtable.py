"""The XML of the papers' tables (wordkit.table), made once per shape and copied.

python-docx sets a cell's width and its paragraph's spacing by looking up, for every property,
where in the schema's order it goes: most of the time a minutes paper took. A table's start
(style, alignment, fixed layout, column grid) and each kind of row (widths, header or body,
height, keep-with-next) are made here once, by python-docx itself so that the XML is what it
always was, and each table is a copy of its start with copies of its rows, the text put into
each cell's paragraph as python-docx's `add_run` does.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Sequence

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tbl
from docx.oxml.text.run import CT_R
from docx.shared import Mm, Pt
from docx.text.font import Font
from docx.text.parfmt import ParagraphFormat

_CELL, _PARAGRAPH = qn("w:tc"), qn("w:p")


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
def row_shape(widths: tuple[int, ...], keep_with_next: bool, header_row: bool, height: int | None) -> CT_Row:
    """An empty `w:tr`: the header row (`height` None: repeated on every page, `tblHeader`) or a
    body row at least `height` mm high. Rows of a table with a header row never split."""
    row = CT_Tbl.new_tbl(1, len(widths), Mm(sum(widths))).tr_lst[0]
    if height is None:
        row.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    else:
        row.trHeight_val = Mm(height)  # at least this high; it grows with the text
    if header_row:
        row.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for cell, width in zip(row.tc_lst, widths, strict=True):
        cell.width = Mm(width)
        paragraph = ParagraphFormat(cell.p_lst[0])
        paragraph.keep_with_next = keep_with_next
        paragraph.space_after = Pt(0)
    return row


@functools.cache
def _run(bold: bool) -> CT_R:
    """An empty `w:r`, bold or explicitly not (as python-docx's `run.bold = …` writes it)."""
    run: CT_R = OxmlElement("w:r")
    Font(run).bold = bold
    return run


def filled_row(shape: CT_Row, values: Sequence[str], bold_first: bool, bold_rest: bool) -> CT_Row:
    """A copy of `shape` with `values` (safe for XML) in its cells; a missing value leaves its
    cell without a run."""
    row = copy.deepcopy(shape)
    for index, (cell, text) in enumerate(zip(row.iterchildren(_CELL), values, strict=False)):
        run = copy.deepcopy(_run(bold_first if index == 0 else bold_rest))
        if text:
            run.text = text
        cell.find(_PARAGRAPH).append(run)
    return row

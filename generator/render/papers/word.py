"""Meeting papers as Word documents (.docx), from the same `Papers` model as the web pages.

The notice is laid out as Swedish municipalities write one: a header with the cooperation, the
sending municipality, "Kallelse", the date it is sent and the plan's status; the meeting; who is
called; how to report absence; the numbered agenda; "Handlingar"; the convener's closing line; a
footer with "sida X av Y". A cancelled meeting gets "Inställt sammanträde" instead, with no
agenda. The minutes template gives each item a table cell that grows as the secretary types,
so a typical Styrgrupp template prints on three A4 pages. The machinery is in wordkit.py.
"""

from __future__ import annotations

from docx.document import Document
from docx.shared import Mm, Pt

from .agenda import Item
from .papers import Papers
from .who import short_date
from .wordkit import (
    FOOTER_POINTS,
    Paper,
    bullet,
    field,
    heading,
    labelled,
    new_paper,
    para,
    plain,
    save,
    styled,
    table,
    two_sided,
)

NOTICE = "Kallelse"
CANCELLED = "Inställt sammanträde"


def notice_docx(p: Papers) -> bytes:
    """Kallelse med föredragningslista, or for a cancelled meeting the notice that it is cancelled."""
    if p.cancelled:
        return cancellation_docx(p)
    paper = _paper(p, NOTICE)
    doc = paper.doc
    _facts(doc, p)
    heading(doc, "Kallade", 1)
    for row in p.invited:
        bullet(doc, f"{row.municipality or 'Deltar också'}: {', '.join(row.roles)}")
    if not p.invited:
        para(doc, "Gruppens ledamöter.")
    if p.absence_line:
        heading(doc, "Förhinder", 1)
        para(doc, f"Anmäl förhinder {p.absence_line[0].lower()}{p.absence_line[1:]}.")
    heading(doc, "Föredragningslista", 1)
    for item in p.items:
        heading(doc, _item_title(item), 2)
        for point in item.points:
            bullet(doc, point)
        next_meeting = p.next_meeting_for(item)
        if next_meeting:
            para(doc, next_meeting)
    heading(doc, "Handlingar", 1)
    for document in p.documents:
        bullet(doc, document.title)
    _closing(doc, p)
    return save(paper)


def cancellation_docx(p: Papers) -> bytes:
    """'Inställt sammanträde': the original date, the reason and the next meeting; no agenda."""
    paper = _paper(p, CANCELLED)
    doc = paper.doc
    para(doc, f"Mötet {p.when} är inställt.")
    labelled(doc, "Planerad plats", p.place)
    if p.meeting is not None and p.meeting.reason:
        labelled(doc, "Anledning", p.meeting.reason)
    labelled(doc, "Nästa möte", p.next_meeting or "Står i mötesplanen")
    _closing(doc, p, welcome=False)
    return save(paper)


def minutes_docx(p: Papers) -> bytes:
    """The minutes template: attendance, the chair, secretary and adjuster, a growing cell per
    item with its decision, the action table, the next meeting and the adjustment."""
    if p.cancelled:
        return cancellation_docx(p)
    paper = _paper(p, p.minutes_name)
    doc = paper.doc
    labelled(doc, "Datum och tid", p.when)
    labelled(doc, "Plats", p.place)
    heading(doc, "Närvaro", 1)
    rows = [(i.municipality or "Övriga", role, "", "") for i in p.invited for role in i.roles]
    table(doc, ("Kommun", "Roll", "Namn", "Närvarande/frånvarande"), rows or [("", "", "", "")], (28, 52, 45, 35))
    para(doc, "").paragraph_format.space_after = Pt(0)
    table(doc, ("Funktion", "Namn"), [("Ordförande", ""), ("Sekreterare", ""), ("Justerare", "")], (40, 120))
    heading(doc, "Ärenden", 1)
    for item in p.items:
        _minutes_item(doc, p, item)
    heading(doc, "Åtgärder", 1)
    table(doc, ("Vem", "Vad", "Senast"), [("", "", "")] * 3, (40, 90, 30), keep_with_next=True)
    heading(doc, "Justering", 1)
    signatures = [("Underskrift", "", ""), ("Namnförtydligande", "", ""), ("Ort och datum", "", "")]
    table(doc, ("", "Sekreterare", "Justerare"), signatures, (44, 58, 58))
    if p.minutes_distribution:
        para(doc, f"{p.minutes_name}: {p.minutes_distribution}")
    return save(paper)


def _minutes_item(doc: Document, p: Papers, item: Item) -> None:
    """The item's heading and points, then one cell for notes (and one for the decision) that
    grows as the secretary types: no rows of blank lines to run out of or leave empty."""
    heading(doc, _item_title(item), 2)
    for point in item.points:
        bullet(doc, point).paragraph_format.keep_with_next = True
    next_meeting = p.next_meeting_for(item)
    if next_meeting:
        para(doc, f"Enligt mötesplanen: {next_meeting}").paragraph_format.keep_with_next = True
    if item.is_formality:
        return
    rows = [("Anteckningar", "")] + ([("Beslut", "")] if item.has_decision else [])
    table(doc, ("", ""), rows, (35, 125), header_row=False, row_height=12)


def _paper(p: Papers, kind: str) -> Paper:
    paper = new_paper(f"{kind}: {p.title}", p.when, p.cooperation, p.issued)
    _header(paper, p, kind)
    _footer(paper, p)
    styled(plain(paper.doc, kind), "Title")
    styled(plain(paper.doc, p.title), "Subtitle")
    return paper


def _header(paper: Paper, p: Papers, kind: str) -> None:
    """CooperationInfo and kind of paper; sending municipality and date; the plan's status."""
    two_sided(paper.header, p.cooperation, kind.upper(), bold=True)
    sent = f"Skickas senast {_date(p)}" if kind == NOTICE and p.deadlines else p.short_when
    two_sided(paper.header, p.sending_municipality or "", sent)
    if p.plan_label:
        two_sided(paper.header, p.body.name, p.plan_label)


def _footer(paper: Paper, p: Papers) -> None:
    line = two_sided(paper.footer, p.cooperation, "sida ")
    field(line, "PAGE", "1")
    line.add_run(" av ").font.size = Pt(FOOTER_POINTS)
    field(line, "NUMPAGES", "1")


def _date(p: Papers) -> str:
    return short_date(p.deadlines.notice) if p.deadlines else ""


def _facts(doc: Document, p: Papers) -> None:
    """The meeting: when, where, a moved meeting's old date, and who convenes and sends."""
    for fact in p.facts:
        if not fact.group and not fact.elsewhere_in_word:  # the subtitle names the group
            labelled(doc, fact.label, fact.value)


def _closing(doc: Document, p: Papers, welcome: bool = True) -> None:
    """The closing line with the convener (or the sender), and the body's rule for the dates."""
    signer = p.convener or p.sender
    if welcome:
        para(doc, "Välkomna!").paragraph_format.space_before = Pt(12)
    if signer:
        para(doc, f"{signer}, sammankallande" if p.convener else signer)
    if welcome and p.times_rule:
        note = para(doc, p.times_rule)
        note.paragraph_format.space_before = Mm(4)
        for run in note.runs:
            run.font.size = Pt(9)


def _item_title(item: Item) -> str:
    return f"{item.number}. {item.title}"

"""Swedish phrases for model values, shared by pages, tables and (later) feeds."""

from __future__ import annotations

import datetime
import re

from ..model import (
    Agenda,
    Body,
    Cooperation,
    Decision,
    Meeting,
    MeetingStatus,
    Month,
    Occasion,
    PlanStatus,
    Responsibility,
    Rotation,
    Seat,
    Step,
    month_span,
)
from . import paths
from .markdown import Markdown, link, plain
from .papers.checklists import Checklist, checklist_id
from .paths import Links


def months(ms: tuple[Month, ...]) -> str:
    """'Februari', 'September/oktober', or a note that the month is set each year."""
    return first_upper(month_span(ms)) if ms else "Fastställs för varje verksamhetsår"


def meeting_frequency(body: Body) -> str:
    parts = [body.frequency] if body.frequency else []
    if body.min_meetings is not None:
        parts.append(f"minst {body.min_meetings} gånger per år")
    return first_upper(", ".join(parts)) if parts else "Anges inte"


def responsibility(r: Responsibility, c: Cooperation) -> str:
    """'Ekonomichef i Lysekil', 'De administrativa cheferna, var sin gång', 'Utsedd kommun'."""
    if r.role is None:
        return "Utsedd kommun inför varje möte"
    role = c.role(r.role)
    if r.municipality is not None:
        return f"{role.name} i {c.member(r.municipality).name}"
    if r.rotating:
        return first_upper(f"{role.plural}, var sin gång (turordning mellan kommunerna)")
    if r.designated:
        return f"Utsedd {first_lower(role.name)}"
    return role.name


def seat(s: Seat, c: Cooperation, links: Links) -> Markdown:
    role = c.role(s.role)
    text = link(role.name, links.role(role))
    if role.one_per_member:
        text = Markdown(f"{text}, en från varje kommun")
    if s.note:
        text = Markdown(f"{text} ({plain(s.note)})")
    return text


def step_when(step: Step) -> str:
    """When a step happens: '30 april' as a deadline, months, or nothing."""
    return ", ".join(_when_parts(step))


def _when_parts(step: Step) -> list[str]:
    parts = [month_span(step.months)] if step.months else []
    return parts + ([str(step.deadline)] if step.deadline is not None else [])


def members_line(c: Cooperation) -> str:
    return " · ".join(f"{m.name} ({m.letter})" if m.letter else m.name for m in c.info.members)


def yes_no(value: bool) -> str:
    return "Ja" if value else "Nej"


def body_links(ids: tuple[str, ...], c: Cooperation, links: Links) -> Markdown:
    return Markdown(", ".join(link(c.body(i).name, links.body(c.body(i))) for i in ids))


def first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def first_lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def seat_names(seats: tuple[Seat, ...], c: Cooperation) -> str:
    return ", ".join(c.role(s.role).name for s in seats) or "Anges inte"


def agenda_months(c: Cooperation, agenda: Agenda) -> str:
    return month_span(c.agenda_months(agenda.id)) or "ingen fast månad"


def step_details(step: Step, c: Cooperation, links: Links) -> Markdown:
    """'När: februari. Ansvarig: Ekonomichef. Möte: Styrgrupp.' with links."""
    parts = []
    when = step_when(step)
    if when:
        parts.append(f"När: {plain(when)}.")
    if step.responsible is not None:
        role = c.role(step.responsible)
        parts.append(f"Ansvarig: {link(role.name, links.role(role))}.")
    body = c.step_body(step)
    if step.occasion is not None and body is not None:
        parts.append(f"Möte: {link(body.name, links.occasion(c.occasion(step.occasion)[1]))}.")
    elif body is not None:
        parts.append(f"Grupp: {link(body.name, links.body(body))}.")
    return Markdown(" ".join(parts))


def webcal(address: str, path: str) -> str:
    """The same feed as a webcal:// link, which Apple Calendar and Outlook open as a subscription."""
    return "webcal://" + paths.absolute(address, path).split("://", 1)[1]


WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def long_date(day: datetime.date) -> str:
    """'torsdag 11 februari 2027'."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {Month(day.month).swedish} {day.year}"


def meeting_when(m: Meeting) -> str:
    """'torsdag 11 februari 2027, 09:00–12:00'."""
    day = long_date(m.date)
    if m.start is None:
        return day
    end = f"–{m.end:%H:%M}" if m.end else ""
    return f"{day}, {m.start:%H:%M}{end}"


def plan_sentence(c: Cooperation, m: Meeting) -> str:
    """The plan status as a sentence, for feeds and papers."""
    status = c.plan_status(m)
    if status is PlanStatus.EXAMPLE:
        return "Exempel: mötet är påhittat och visar hur handboken fungerar. Det är inte beslutat."
    if status is PlanStatus.PROPOSAL:
        return f"Förslag: mötet är inte beslutat ännu; datum, tid och plats kan ändras ({m.date.year})."
    decision = c.plan_decision(m)
    return sentence("Fastställt", decision_phrase(decision))


def decision_phrase(decision: Decision | None) -> str:
    """'av Styrgruppen 2026-11-12, § 45': who decided, when and where it is recorded."""
    if decision is None:
        return ""
    paragraph = f", {decision.paragraph}" if decision.paragraph else ""
    return f"av {decision.body} {decision.date.isoformat()}{paragraph}"


SENTENCE_ENDS = (".", "!", "?", "…")


def sentence(*parts: str) -> str:
    """The parts joined by single spaces into one sentence that ends in exactly one stop.

    Every sentence the handbook builds around an editor's text (a reason, a step) is closed here,
    so punctuation is decided once: a text that ends with its own full stop gets no second one."""
    text = " ".join(part.strip() for part in parts if part and part.strip())
    return text if not text or text.endswith(SENTENCE_ENDS) else f"{text}."


def meeting_status(m: Meeting) -> str:
    if m.status is MeetingStatus.CANCELLED:
        return f"Inställt: {m.reason}"
    if m.status is MeetingStatus.MOVED:
        moved = f" från {long_date(m.moved_from)}" if m.moved_from else ""  # as the papers say it
        return f"Flyttat{moved}: {m.reason}"
    return m.reason or "Planerat"


def status_cell(c: Cooperation, m: Meeting) -> str:
    """'Fastställt', 'Förslag', 'Exempel. Inställt: …': the plan status, then what became of the meeting."""
    status = c.plan_status(m)
    label = "Fastställt" if status.adopted else status.label
    if m.status is MeetingStatus.PLANNED and not m.reason:
        return label
    return f"{label}. {meeting_status(m)}"


def meeting_place(m: Meeting) -> str:
    parts = [p for p in (m.place, "videomöte" if m.video else None) if p]
    return ", ".join(parts) or "Anges senare"


def meeting_facts(c: Cooperation, m: Meeting) -> str:
    """'Kommunhuset, Lysekil, värdkommun Lysekil. Förslag. Flyttat från torsdag 16 september 2027: …' for lists of
    dated meetings: the plan status stands wherever a date is shown, unless the date is adopted."""
    host = c.host(m)
    text = meeting_place(m) + (f", värdkommun {host.name}" if host else "")
    status = c.plan_status(m)
    if not status.adopted:
        text = f"{text}. {status.label}"
    return text if m.status is MeetingStatus.PLANNED else f"{text}. {meeting_status(m)}"


def genitive(name: str) -> str:
    """Swedish genitive: 'SML:s', 'Sydnärkes', 'Lysekils', 'Sotenäs'."""
    if name[-1:].isupper():
        return f"{name}:s"
    return name if name[-1:].lower() in "sxz" else f"{name}s"


def step_with_deadline(step: Step) -> str:
    """The step's text and its deadline: 'Planerna godkända (senast i december).'"""
    return _noted(step.text, [str(step.deadline)] if step.deadline is not None else [])


def step_with_when(step: Step) -> str:
    """The step's text and when it happens: 'Ekonomicheferna föreslår en ram (februari).'"""
    return _noted(step.text, _when_parts(step))


# 'm.m.', 't.ex.', 'bl.a.' at the end of a text: its last stop belongs to the abbreviation.
_ABBREVIATION_AT_END = re.compile(r"(?:^|\s)(?:\w{1,4}\.){2,}$")


def _noted(text: str, parts: list[str]) -> str:
    """`text` and, in brackets, the `parts` it does not say already ('majoritet' does not say 'maj'),
    inside the sentence it ends ('godkända (senast i december).'); after '?' or 'm.m.' the note follows."""
    new = [part for part in parts if not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text, re.IGNORECASE)]
    if not new:
        return text
    ends_sentence = text.endswith(".") and not _ABBREVIATION_AT_END.search(text)
    return f"{text[:-1]} ({', '.join(new)})." if ends_sentence else f"{text} ({', '.join(new)})"


def checklist_when(cl: Checklist, c: Cooperation) -> str:
    """'Februari/mars (mars i samband med Råd för avtalssamverkan SML)'."""
    notes = []
    for o in cl.occasions:
        if o.held_with:
            which = "" if o.months == cl.months else f"{month_span(o.months)} "
            notes.append(f"{which}i samband med {c.body(o.held_with).name}")
    return months(cl.months) + (f" ({'; '.join(notes)})" if notes else "")


def checklist_path(body: Body, occasion: Occasion, c: Cooperation) -> str | None:
    found = checklist_id(body, occasion)
    return paths.checklist_page(c, found) if found else None


def checklist_links(body: Body, occasion: Occasion, c: Cooperation, links: Links) -> Markdown:
    """The papers of a recurring meeting (notice, checklist, minutes template), or nothing for an
    outside body's meeting, which the cooperation does not convene."""
    if not body.internal:
        return Markdown("")
    return papers_links(c, paths.occasion_key(occasion), checklist_id(body, occasion), links)


def short_papers_links(body: Body, occasion: Occasion, c: Cooperation, links: Links) -> Markdown:
    """'kallelse, checklista' for a recurring meeting in lists of meetings."""
    if not body.internal:
        return Markdown("")
    key = paths.occasion_key(occasion)
    parts = [link("kallelse", links.to(paths.notice_page(c, key)))]
    found = checklist_id(body, occasion)
    if found is not None:
        parts.append(link("checklista", paths.for_meeting(links.to(paths.checklist_page(c, found)), key)))
    return Markdown(", ".join(parts))


def notice_link(c: Cooperation, m: Meeting, links: Links) -> Markdown:
    """A dated meeting's notice with agenda, from lists of dated meetings."""
    return link("kallelse", links.to(paths.notice_page(c, paths.meeting_key(m))))


def papers_links(c: Cooperation, key: str, checklist: str | None, links: Links) -> Markdown:
    """'Kallelse (Word) · Checklista · Mall för mötesanteckningar (Word)' for one meeting's papers."""
    parts = [
        f"{link('Kallelse med föredragningslista', links.to(paths.notice_page(c, key)))}"
        f" ({link('Word', links.to(paths.notice_file(c, key)))})"
    ]
    if checklist is not None:
        parts.append(link("Checklista", paths.for_meeting(links.to(paths.checklist_page(c, checklist)), key)))
    parts.append(
        f"{link('Mall för mötesanteckningar', links.to(paths.minutes_page(c, key)))}"
        f" ({link('Word', links.to(paths.minutes_file(c, key)))})"
    )
    return Markdown(" · ".join(parts))


def rotation_order(c: Cooperation, rotation: Rotation) -> str:
    """'Lysekil, Munkedal, Sotenäs': the members in turn, from the one that starts."""
    names = [m.name for m in c.info.members]
    first = [m.id for m in c.info.members].index(rotation.start)
    return ", ".join(names[first:] + names[:first])

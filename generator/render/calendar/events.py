"""What goes into the calendars: meetings and deadlines as plain event records.

The records are built from the model alone (no clock), for every year of the
calendar window. A rule meeting whose date is not set yet becomes an all-day
placeholder over each run of its months; when the year's plan gives it a date,
the dated meeting takes over the UID of the run it falls in, so subscribers see
it move instead of getting a duplicate. Every UID comes from ids in the data
(`dates.event_uid`), never from a position in a list. SEQUENCE and LAST-MODIFIED
are added later, from the calendar history (`model/history.py`).
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from ...errors import DataError, Position
from ...model import (
    Body,
    CooperationData,
    Meeting,
    MeetingStatus,
    Month,
    Occasion,
    Process,
    Site,
    Step,
    month_span,
)
from ...model.dates import event_uid, last_day, month_runs, run_dates
from .. import describe, paths
from ..papers.checklists import checklist_id


class Status(Enum):
    TENTATIVE = "TENTATIVE"
    CONFIRMED = "CONFIRMED"
    CANCELLED = "CANCELLED"


@dataclass(frozen=True)
class Event:
    uid: str
    summary: str
    description: str
    start: datetime.date | datetime.datetime
    end: datetime.date | datetime.datetime
    status: Status
    transparent: bool
    category: str
    url: str
    dated: datetime.date  # the data's own date for this event's information ('uppdaterad', 'versionsdatum')
    pos: Position  # where the event is defined, for errors
    location: str | None = None
    body_id: str | None = None  # the body whose feed the event belongs to; None for deadlines

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime.datetime)

    @property
    def fingerprint(self) -> str:
        """What a subscriber sees of the event: when, where, what and its status. A change in any
        of them must reach the calendars, so it moves SEQUENCE on (description and links do not:
        they change with the publishing address)."""
        shown = (self.summary, self.start, self.end, self.status.value, self.transparent, self.location)
        return hashlib.sha256(repr(shown).encode("utf-8")).hexdigest()[:16]


def cooperation_events(c: CooperationData, site: Site) -> list[Event]:
    """Every event of the calendar window, in time order (two with one UID: see `duplicate_uids`)."""
    events: list[Event] = []
    for year in c.feed_years(site):
        for body, occasion in c.occasions():
            events += _occasion_events(c, body, occasion, year, site.address)
        schedule = c.schedule(year)
        for meeting in schedule.meetings if schedule else ():
            if meeting.occasion is None:
                uid = event_uid(c.id, "mote", str(meeting.id), year)
                events.append(_meeting_event(c, c.meeting_body(meeting), None, meeting, uid, site.address))
        for process, step in c.all_steps():
            events += _step_events(c, process, step, year, site.address)
    return sorted(events, key=lambda e: (_sort_key(e.start), e.uid))


def duplicate_uids(events: Iterable[Event]) -> list[DataError]:
    """A problem for each event whose UID an earlier one has: a subscriber's calendar would keep
    only one of them. Returned, not raised: the caller reports it with every other problem."""
    first: dict[str, Event] = {}
    problems = []
    for event in events:
        earlier = first.setdefault(event.uid, event)
        if earlier is not event:
            message = (
                f"två kalenderhändelser får samma id ({event.uid}); den första står i {earlier.pos}. "
                "Ge mötet eller steget ett annat id"
            )
            problems.append(DataError(event.pos, message))
    return problems


def _sort_key(moment: datetime.date | datetime.datetime) -> tuple[datetime.date, datetime.time]:
    if isinstance(moment, datetime.datetime):
        return (moment.date(), moment.time())
    return (moment, datetime.time())


def _run_uids(cooperation_id: str, kind: str, item_id: str, year: int, months: tuple[Month, ...]) -> list[str]:
    """One UID per run of months: the first run keeps the plain UID, so adding a run never renames it."""
    runs = month_runs(months)
    return [event_uid(cooperation_id, kind, item_id, year, run[0] if i else None) for i, run in enumerate(runs)]


def _occasion_events(c: CooperationData, body: Body, occasion: Occasion, year: int, address: str) -> list[Event]:
    runs = month_runs(occasion.months)
    uids = _run_uids(c.id, "mote", occasion.id, year, occasion.months)
    meeting = c.dated(occasion.id, year)
    if meeting is not None:
        # The dated meeting is the run it falls in; the other runs' placeholders are fulfilled by it.
        index = next((i for i, run in enumerate(runs) if meeting.date.month in run), 0)
        uid = uids[index] if uids else event_uid(c.id, "mote", occasion.id, year)
        return [_meeting_event(c, body, occasion, meeting, uid, address)]
    return [_placeholder(c, body, occasion, run, uid, year, address) for run, uid in zip(runs, uids, strict=True)]


def _placeholder(
    c: CooperationData, body: Body, occasion: Occasion, run: tuple[Month, ...], uid: str, year: int, address: str
) -> Event:
    start, end = run_dates(year, run)
    when = f"Datum är inte fastställt ännu; mötet hålls i {month_span(run)} {year}."
    return Event(
        uid=uid,
        summary=f"{body.name}: {occasion.topic} (datum ej fastställt)",
        description=_meeting_description(c, body, occasion, None, when, address),
        start=start,
        end=end,
        status=Status.TENTATIVE,
        transparent=True,
        category="Möte",
        url=_occasion_url(c, body, occasion, address),
        dated=c.updated(year),
        pos=occasion.pos,
        body_id=body.id,
    )


def _meeting_event(
    c: CooperationData, body: Body, occasion: Occasion | None, meeting: Meeting, uid: str, address: str
) -> Event:
    topic = c.meeting_topic(meeting)
    cancelled = meeting.status is MeetingStatus.CANCELLED
    plan = c.plan_status(meeting)
    start, end = _meeting_times(meeting)
    status = Status.CANCELLED if cancelled else Status.CONFIRMED if plan.adopted else Status.TENTATIVE
    suffix = "" if plan.adopted else f" ({plan.label.lower()})"
    return Event(
        uid=uid,
        summary=f"{'INSTÄLLT: ' if cancelled else ''}{body.name}: {topic}{suffix}",
        description=_meeting_description(c, body, occasion, meeting, None, address),
        start=start,
        end=end,
        status=status,
        transparent=cancelled or not plan.adopted,
        category="Möte",
        url=_occasion_url(c, body, occasion, address),
        dated=c.updated(meeting.date.year),
        pos=meeting.pos,
        location=meeting.place,
        body_id=body.id,
    )


def _meeting_times(meeting: Meeting) -> tuple[datetime.date | datetime.datetime, datetime.date | datetime.datetime]:
    end = meeting.ends()
    if meeting.start is None or end is None:
        return meeting.date, meeting.date + datetime.timedelta(days=1)
    return datetime.datetime.combine(meeting.date, meeting.start), end


def _meeting_description(
    c: CooperationData, body: Body, occasion: Occasion | None, meeting: Meeting | None, when: str | None, address: str
) -> str:
    lines = [f"Grupp: {body.name}"]
    if when:
        lines.append(when)
    if meeting is not None:
        lines += _meeting_lines(c, meeting)
    if body.convener:
        lines.append(f"Sammankallande: {describe.responsibility(body.convener, c)}")
    if body.notice:
        lines.append(f"Kallelse och handlingar: {describe.responsibility(body.notice, c)}")
    if occasion is not None and occasion.agenda:
        agenda = c.agenda(occasion.agenda)
        lines.append(f"Diskussionspunkter, {agenda.title}:")
        for section in agenda.sections:
            lines.append(f"{section.title}:")
            lines += [f"• {point}" for point in section.points]
    lines.append(f"Handboken: {_occasion_url(c, body, occasion, address)}")
    key = _papers_key(body, occasion, meeting)
    if key is not None:
        lines.append(f"Kallelse med föredragningslista: {paths.absolute(address, paths.notice_page(c, key))}")
        lines.append(f"Kallelsen i Word: {paths.absolute(address, paths.notice_file(c, key))}")
    printable = checklist_id(body, occasion) if occasion is not None else None
    if printable is not None:
        # The checklist's ticks belong to this meeting.
        checklist = paths.for_meeting(paths.absolute(address, paths.checklist_page(c, printable)), key)
        lines.append(f"Checklista: {checklist}")
    return "\n".join(lines)


def _papers_key(body: Body, occasion: Occasion | None, meeting: Meeting | None) -> str | None:
    """Every dated meeting has its papers; a recurring one only in the cooperation's own bodies."""
    if meeting is not None:
        return paths.meeting_key(meeting)
    if occasion is not None and body.internal:
        return paths.occasion_key(occasion)
    return None


def _meeting_lines(c: CooperationData, meeting: Meeting) -> list[str]:
    lines = [describe.plan_sentence(c, meeting)]
    if meeting.status is not MeetingStatus.PLANNED:
        lines.append(f"Mötet är {describe.first_lower(describe.meeting_status(meeting))}")
    elif meeting.reason:
        lines.append(f"Obs: {meeting.reason}")
    if meeting.place:
        lines.append(f"Plats: {meeting.place}")
    if meeting.video:
        lines.append(f"Video: {meeting.video}")
    host = c.host(meeting)
    if host is not None:
        lines.append(f"Värdkommun: {host.name}")
    return lines


def _step_events(c: CooperationData, process: Process, step: Step, year: int, address: str) -> list[Event]:
    """A deadline is one day; a step without one is an all-day event over each run of its months."""
    if step.deadline is not None:
        day = datetime.date(year, step.deadline.month, step.deadline.day or last_day(year, step.deadline.month))
        spans = [(event_uid(c.id, "steg", step.id, year), day, day + datetime.timedelta(days=1))]
    else:
        uids = _run_uids(c.id, "steg", step.id, year, step.months)
        spans = [(uid, *run_dates(year, run)) for uid, run in zip(uids, month_runs(step.months), strict=True)]
    when = describe.step_when(step)
    lines = [f"Årsprocess: {process.name}", step.text, f"När: {when}."]
    body = c.step_body(step)
    if step.responsible:
        lines.append(f"Ansvarig: {c.role(step.responsible).name}")
    if body is not None:
        lines.append(f"Grupp: {body.name}")
    url = paths.absolute(address, paths.process_page(c, process))
    lines.append(f"Handboken: {url}")
    return [
        Event(
            uid=uid,
            summary=f"{process.name}: {step.text}",
            description="\n".join(lines),
            start=start,
            end=end,
            status=Status.CONFIRMED,
            transparent=True,
            category="Tidsgräns" if step.deadline else "Årsprocess",
            url=url,
            dated=c.info.version_date,
            pos=step.pos,
        )
        for uid, start, end in spans
    ]


def _occasion_url(c: CooperationData, body: Body, occasion: Occasion | None, address: str) -> str:
    url = paths.absolute(address, paths.body_page(c, body))
    return f"{url}#{occasion.id}" if occasion else url

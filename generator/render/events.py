"""What goes into the calendars: meetings and deadlines as plain event records.

The records are built from the model alone (no clock): a rule meeting whose date
is not set yet becomes an all-day placeholder over its month(s); when the year's
schedule gives it a date it becomes a timed event under the *same* UID, so
subscribers see it move instead of getting a duplicate.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import Enum

from ..model import Body, CooperationData, Meeting, MeetingStatus, Month, Occasion, Process, Step, month_span
from ..model.dates import last_day, month_runs, run_dates
from . import describe, paths
from .checklists import checklist_id

UID_DOMAIN = "samverkanshandbok"


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
    stamp: datetime.date
    sequence: int = 0
    location: str | None = None
    body_id: str | None = None  # the body whose feed the event belongs to; None for deadlines

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime.datetime)


def cooperation_events(c: CooperationData, address: str) -> list[Event]:
    events: list[Event] = []
    for year in c.years:
        for body, occasion in c.occasions():
            events += _occasion_events(c, body, occasion, year, address)
        schedule = c.schedule(year)
        for meeting in schedule.meetings if schedule else ():
            if meeting.occasion is None:
                events.append(_meeting_event(c, c.meeting_body(meeting), None, meeting, year, address))
        for process in c.processes:
            for number, step in enumerate((*process.steps, *process.milestones), start=1):
                event = _step_event(c, process, number, step, year, address)
                if event is not None:
                    events.append(event)
    return sorted(events, key=lambda e: (_sort_key(e.start), e.uid))


def _sort_key(moment: datetime.date | datetime.datetime) -> tuple[datetime.date, datetime.time]:
    if isinstance(moment, datetime.datetime):
        return (moment.date(), moment.time())
    return (moment, datetime.time())


def _stamp(c: CooperationData, year: int) -> datetime.date:
    schedule = c.schedule(year)
    return schedule.updated if schedule else c.info.version_date


def _occasion_events(c: CooperationData, body: Body, occasion: Occasion, year: int, address: str) -> list[Event]:
    meeting = c.dated(occasion.id, year)
    if meeting is not None:
        return [_meeting_event(c, body, occasion, meeting, year, address)]
    runs = month_runs(occasion.months)
    return [
        _placeholder(c, body, occasion, run, year, address, suffix=f"-{run[0].swedish}" if len(runs) > 1 else "")
        for run in runs
    ]


def _placeholder(
    c: CooperationData, body: Body, occasion: Occasion, run: tuple[Month, ...], year: int, address: str, suffix: str
) -> Event:
    start, end = run_dates(year, run)
    when = f"Datum är inte fastställt ännu; mötet hålls i {month_span(run)} {year}."
    return Event(
        uid=f"{c.id}-{occasion.id}-{year}{suffix}@{UID_DOMAIN}",
        summary=f"{body.name}: {occasion.topic} (datum ej fastställt)",
        description=_meeting_description(c, body, occasion, None, when, address),
        start=start,
        end=end,
        status=Status.TENTATIVE,
        transparent=True,
        category="Möte",
        url=_occasion_url(c, body, occasion, address),
        stamp=_stamp(c, year),
        body_id=body.id,
    )


def _meeting_event(
    c: CooperationData, body: Body, occasion: Occasion | None, meeting: Meeting, year: int, address: str
) -> Event:
    topic = occasion.topic if occasion else meeting.title
    cancelled = meeting.status is MeetingStatus.CANCELLED
    uid_part = occasion.id if occasion else meeting.id
    start, end = _meeting_times(meeting)
    return Event(
        uid=f"{c.id}-{uid_part}-{year}@{UID_DOMAIN}",
        summary=f"{'INSTÄLLT: ' if cancelled else ''}{body.name}: {topic}",
        description=_meeting_description(c, body, occasion, meeting, None, address),
        start=start,
        end=end,
        status=Status.CANCELLED if cancelled else Status.CONFIRMED,
        transparent=cancelled,
        category="Möte",
        url=_occasion_url(c, body, occasion, address),
        stamp=_stamp(c, year),
        sequence=1 + meeting.revision + (meeting.status is not MeetingStatus.PLANNED),
        location=meeting.place,
        body_id=body.id,
    )


def _meeting_times(meeting: Meeting) -> tuple[datetime.date | datetime.datetime, datetime.date | datetime.datetime]:
    if meeting.start is None:
        return meeting.date, meeting.date + datetime.timedelta(days=1)
    start = datetime.datetime.combine(meeting.date, meeting.start)
    end = datetime.datetime.combine(meeting.date, meeting.end) if meeting.end else start + datetime.timedelta(hours=1)
    return start, end


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
    printable = checklist_id(body, occasion) if occasion is not None else None
    if printable is not None:
        lines.append(f"Checklista: {address}{paths.page_url(paths.checklist_page(c, printable))}")
    return "\n".join(lines)


def _meeting_lines(c: CooperationData, meeting: Meeting) -> list[str]:
    lines = []
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


def _step_event(c: CooperationData, process: Process, number: int, step: Step, year: int, address: str) -> Event | None:
    if step.deadline is not None:
        last = last_day(year, step.deadline.month)
        day = datetime.date(year, step.deadline.month, step.deadline.day or last)
        start, end = day, day + datetime.timedelta(days=1)
    elif step.months:
        start, end = run_dates(year, month_runs(step.months)[0])
    else:
        return None
    when = describe.step_when(step)
    lines = [f"Årsprocess: {process.name}", step.text, f"När: {when}."]
    body = c.step_body(step)
    if step.responsible:
        lines.append(f"Ansvarig: {c.role(step.responsible).name}")
    if body is not None:
        lines.append(f"Grupp: {body.name}")
    url = address + paths.page_url(paths.process_page(c, process))
    lines.append(f"Handboken: {url}")
    return Event(
        uid=f"{c.id}-{process.id}-{number}-{year}@{UID_DOMAIN}",
        summary=f"{process.name}: {step.text}",
        description="\n".join(lines),
        start=start,
        end=end,
        status=Status.CONFIRMED,
        transparent=True,
        category="Tidsgräns" if step.deadline else "Årsprocess",
        url=url,
        stamp=_stamp(c, year),
    )


def _occasion_url(c: CooperationData, body: Body, occasion: Occasion | None, address: str) -> str:
    url = address + paths.page_url(paths.body_page(c, body))
    return f"{url}#{occasion.id}" if occasion else url

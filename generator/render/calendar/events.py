"""What goes into the calendars: meetings and deadlines as plain event records.

The records are built from the model alone (no clock), for every year of the
calendar window. No event lasts longer than a day, so no calendar shows a banner
over a whole month: a rule meeting whose date is not set yet becomes one
tentative, free all-day marker on the first working day of each run of its
months, and only from the handbook year on (past years hold what happened, not
placeholders). When the year's plan gives it a date, the dated meeting takes over
the UID of the run it falls in, so subscribers see it move instead of getting a
duplicate. Steps and deadlines are one all-day event each (steps.py). Every UID comes from ids in the data
(`dates.event_uid`), never from a position in a list. SEQUENCE and LAST-MODIFIED
are added later, from the calendar history (`model/history.py`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from ...errors import DataError
from ...model import (
    Body,
    Cooperation,
    Meeting,
    MeetingStatus,
    Month,
    Occasion,
    SiteSettings,
    month_span,
)
from ...model.dates import event_uid, first_of_month, month_runs, next_working_day
from .. import describe, paths
from ..papers.checklists import checklist_id
from .record import Event, Status, run_uids
from .steps import step_events

__all__ = ["Event", "Status", "cooperation_events"]

UNDATED = "datum ej fastställt"


def cooperation_events(c: Cooperation, site: SiteSettings) -> list[Event]:
    """Every event of the calendar window, in time order (two with one UID: see `duplicate_uids`)."""
    events: list[Event] = []
    for year in c.feed_years(site):
        for body, occasion in c.occasions():
            events += _occasion_events(c, body, occasion, year, site.address, past=year < c.info.year)
        schedule = c.schedule(year)
        for meeting in schedule.meetings if schedule else ():
            if meeting.occasion is None:
                uid = event_uid(c.id, "mote", str(meeting.id), year)
                events.append(_meeting_event(c, c.meeting_body(meeting), None, meeting, uid, site.address))
        for process, step in c.all_steps():
            events += step_events(c, process, step, year, site.address)
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


def _occasion_events(
    c: Cooperation, body: Body, occasion: Occasion, year: int, address: str, *, past: bool
) -> list[Event]:
    runs = month_runs(occasion.months)
    uids = run_uids(c.id, "mote", occasion.id, year, occasion.months)
    meeting = c.dated(occasion.id, year)
    if meeting is not None:
        # The dated meeting is the run it falls in; the other runs' placeholders are fulfilled by it.
        index = next((i for i, run in enumerate(runs) if meeting.date.month in run), 0)
        uid = uids[index] if uids else event_uid(c.id, "mote", occasion.id, year)
        return [_meeting_event(c, body, occasion, meeting, uid, address)]
    if past:  # a past year holds what happened: its dated meetings, never a placeholder
        return []
    return [_placeholder(c, body, occasion, run, uid, year, address) for run, uid in zip(runs, uids, strict=True)]


def _placeholder(
    c: Cooperation, body: Body, occasion: Occasion, run: tuple[Month, ...], uid: str, year: int, address: str
) -> Event:
    # One day, not the whole run: a month-long banner hides the month in every calendar.
    start = next_working_day(first_of_month(year, run[0]))
    when = f"Datum är inte fastställt ännu; mötet hålls i {month_span(run)} {year}."
    return Event(
        uid=uid,
        summary=f"{body.name}: {occasion.topic} ({month_span(run)}, datum ej fastställt)",
        description=_meeting_description(c, body, occasion, None, when, address),
        start=start,
        end=start + datetime.timedelta(days=1),
        status=Status.TENTATIVE,
        transparent=True,
        category="Möte",
        url=_occasion_url(c, body, occasion, address),
        dated=c.updated(year),
        pos=occasion.pos,
        body_id=body.id,
        occasion_id=occasion.id,
        papers=_papers_key(body, occasion, None),
        checklist=checklist_id(body, occasion),
        label=UNDATED,
        page=paths.body_page(c, body),
        anchor=occasion.id,
        months=run,
    )


def _meeting_event(
    c: Cooperation, body: Body, occasion: Occasion | None, meeting: Meeting, uid: str, address: str
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
        occasion_id=occasion.id if occasion else None,
        papers=_papers_key(body, occasion, meeting),
        checklist=checklist_id(body, occasion) if occasion is not None else None,
        label=_label(meeting, plan.adopted, plan.label),
        page=paths.body_page(c, body),
        anchor=occasion.id if occasion else "",
    )


def _label(meeting: Meeting, adopted: bool, plan_label: str) -> str | None:
    """What "Kommande" says of a meeting's status: what became of it, else an unadopted plan's label."""
    if meeting.status is MeetingStatus.CANCELLED:
        return "inställt"
    if meeting.status is MeetingStatus.MOVED:
        return "flyttat"
    return None if adopted else plan_label.lower()


def _meeting_times(meeting: Meeting) -> tuple[datetime.date | datetime.datetime, datetime.date | datetime.datetime]:
    end = meeting.ends()
    if meeting.start is None or end is None:
        return meeting.date, meeting.date + datetime.timedelta(days=1)
    return datetime.datetime.combine(meeting.date, meeting.start), end


def _meeting_description(
    c: Cooperation, body: Body, occasion: Occasion | None, meeting: Meeting | None, when: str | None, address: str
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


def _meeting_lines(c: Cooperation, meeting: Meeting) -> list[str]:
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


def _occasion_url(c: Cooperation, body: Body, occasion: Occasion | None, address: str) -> str:
    url = paths.absolute(address, paths.body_page(c, body))
    return f"{url}#{occasion.id}" if occasion else url

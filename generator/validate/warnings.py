"""Things worth a second look that are not errors: the handbook still builds.

A meeting on a weekend, a public holiday or an eve; meetings of the same people
that overlap, or fall on one day without being held together; a month in which
the rules say a body meets but the year's plan has no date; a plan still only a
proposal when its year has begun.
"""

from __future__ import annotations

import datetime
from itertools import combinations

from ..errors import DataError, Position, Severity
from ..model import Cooperation, Handbook, Meeting, MeetingStatus, PlanStatus, YearSchedule, month_span
from ..model.dates import meeting_day_concern


def collect_warnings(handbook: Handbook, today: datetime.date | None = None) -> list[DataError]:
    """Every warning; with `today` (only `check` and `build` pass the clock) also the plans whose
    year has begun while they are still proposals."""
    found: list[DataError] = []
    for c in handbook.cooperations:
        for schedule in c.schedules:
            found += _day_off(schedule)
            found += _clashes(c, schedule)
            found += _missing_dates(c, schedule)
            if today is not None and schedule.status is PlanStatus.PROPOSAL and today.year >= schedule.year:
                message = (
                    f"mötesplanen för {schedule.year} är fortfarande ett förslag fast året har börjat; "
                    "skriv 'status: faststalld' och beslutet när den är antagen"
                )
                found.append(_warn(schedule.pos, message))
    return sorted(found)


def _warn(pos: Position, message: str) -> DataError:
    return DataError(pos, message, severity=Severity.WARNING)


def _live(schedule: YearSchedule) -> list[Meeting]:
    return [m for m in schedule.meetings if m.status is not MeetingStatus.CANCELLED]


def _day_off(schedule: YearSchedule) -> list[DataError]:
    return [
        _warn(m.pos, f"{m.date.isoformat()} är {concern}")
        for m in _live(schedule)
        if (concern := meeting_day_concern(m.date))
    ]


def _clashes(c: Cooperation, schedule: YearSchedule) -> list[DataError]:
    """Meetings of the same people that overlap in time, or that fall on one day without being held together."""
    found = []
    for first, second in combinations(sorted(_live(schedule), key=lambda m: m.order), 2):
        if first.date != second.date:
            continue
        a, b = c.meeting_body(first), c.meeting_body(second)
        if not c.share_people(a, b):
            continue
        day = second.date.isoformat()
        shared = ", ".join(sorted(c.role(r).name for r in c.people(a) & c.people(b))) or "samma grupp"
        if first.overlaps(second):
            what = f"{a.name} ({_time(first)}) och {b.name} ({_time(second)}) överlappar {day}"
        elif not _held_together(c, first, second):
            what = f"{a.name} och {b.name} möts samma dag ({day})"
        else:
            continue
        found.append(_warn(second.pos, f"{what} och har ledamöter gemensamt: {shared}"))
    return found


def _time(meeting: Meeting) -> str:
    return f"{meeting.start:%H:%M}–{meeting.finish:%H:%M}" if meeting.start else "hela dagen"


def _held_together(c: Cooperation, first: Meeting, second: Meeting) -> bool:
    bodies = {c.meeting_body(first).id, c.meeting_body(second).id}
    occasions = [c.occasion(m.occasion)[1] for m in (first, second) if m.occasion]
    return any(o.held_with in bodies for o in occasions)


def _missing_dates(c: Cooperation, schedule: YearSchedule) -> list[DataError]:
    found = []
    for body, occasion in c.occasions():
        if occasion.months and c.dated(occasion.id, schedule.year) is None:
            message = (
                f"{body.name} ska enligt reglerna mötas i {month_span(occasion.months)}, "
                f"men mötesplanen för {schedule.year} har inget datum för '{occasion.id}'"
            )
            found.append(_warn(schedule.pos, message))
    return found

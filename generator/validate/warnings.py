"""Things worth a second look that are not errors: the handbook still builds.

A meeting on a public holiday or a weekend, two bodies with members in common
meeting on the same day (unless one meeting is held together with the other),
and a month in which the rules say a body meets but the year's schedule has no
date for it.
"""

from __future__ import annotations

from itertools import combinations

from ..errors import DataError, Position
from ..model import CooperationData, Handbook, Meeting, MeetingStatus, YearSchedule, month_span
from ..model.dates import meeting_day_concern


def collect_warnings(handbook: Handbook) -> list[DataError]:
    found: list[DataError] = []
    for c in handbook.cooperations:
        for schedule in c.schedules:
            found += _day_off(schedule)
            found += _shared_members(c, schedule)
            found += _missing_dates(c, schedule)
    return sorted(found)


def _warn(pos: Position, message: str) -> DataError:
    return DataError(pos, f"varning: {message}")


def _live(schedule: YearSchedule) -> list[Meeting]:
    return [m for m in schedule.meetings if m.status is not MeetingStatus.CANCELLED]


def _day_off(schedule: YearSchedule) -> list[DataError]:
    return [
        _warn(m.pos, f"{m.date.isoformat()} är {concern}")
        for m in _live(schedule)
        if (concern := meeting_day_concern(m.date))
    ]


def _shared_members(c: CooperationData, schedule: YearSchedule) -> list[DataError]:
    found = []
    for first, second in combinations(sorted(_live(schedule), key=lambda m: m.date), 2):
        if first.date != second.date or _held_together(c, first, second):
            continue
        a, b = c.meeting_body(first), c.meeting_body(second)
        shared = {s.role for s in a.members} & {s.role for s in b.members}
        if a.id != b.id and shared:
            roles = ", ".join(sorted(c.role(r).name for r in shared))
            found.append(
                _warn(
                    second.pos,
                    f"{a.name} och {b.name} möts samma dag ({second.date.isoformat()}) "
                    f"och har ledamöter gemensamt: {roles}",
                )
            )
    return found


def _held_together(c: CooperationData, first: Meeting, second: Meeting) -> bool:
    bodies = {c.meeting_body(first).id, c.meeting_body(second).id}
    occasions = [c.occasion(m.occasion)[1] for m in (first, second) if m.occasion]
    return any(o.held_with in bodies for o in occasions)


def _missing_dates(c: CooperationData, schedule: YearSchedule) -> list[DataError]:
    found = []
    for body, occasion in c.occasions():
        if occasion.months and c.dated(occasion.id, schedule.year) is None:
            message = (
                f"{body.name} ska enligt reglerna mötas i {month_span(occasion.months)}, "
                f"men mötesplanen för {schedule.year} har inget datum för '{occasion.id}'"
            )
            found.append(_warn(schedule.pos, message))
    return found

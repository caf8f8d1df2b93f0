"""Facts the pages show that the data implies but does not state one by one:
what each role does across all bodies and processes, and what happens in
each month. Pure functions of the model."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Body, Cooperation, Meeting, Month, Occasion, Process, Role, Step


@dataclass(frozen=True)
class RoleSummary:
    role: Role
    member_of: tuple[str, ...]
    attends: tuple[str, ...]
    convenes: tuple[str, ...]
    sends_notice: tuple[str, ...]
    prepares_for: tuple[str, ...]
    receives_minutes: tuple[str, ...]
    steps: tuple[tuple[Process, Step], ...]


def role_summary(c: Cooperation, role: Role) -> RoleSummary:
    bodies = c.bodies

    def where(test: Callable[[Body], bool]) -> tuple[str, ...]:
        return tuple(b.id for b in bodies if test(b))

    member_of = where(lambda b: any(s.role == role.id for s in b.members))
    return RoleSummary(
        role=role,
        member_of=member_of,
        attends=where(lambda b: _attends(b, role)),
        convenes=where(lambda b: b.convener is not None and b.convener.role == role.id),
        sends_notice=where(lambda b: b.notice is not None and b.notice.role == role.id),
        prepares_for=_unique(t for b in bodies if b.id in member_of for t in b.prepares_for),
        receives_minutes=where(lambda b: b.minutes is not None and b.minutes.recipient == role.id),
        steps=tuple((p, s) for p, s in c.all_steps() if s.responsible == role.id),
    )


def _attends(body: Body, role: Role) -> bool:
    seats = [*body.attendees, *(s for o in body.occasions for s in o.attendees)]
    return any(s.role == role.id for s in seats) and not any(s.role == role.id for s in body.members)


def _unique(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


@dataclass(frozen=True)
class MonthRow:
    month: Month
    occasions: tuple[tuple[Body, Occasion], ...]
    steps: tuple[tuple[Process, Step], ...]


def month_rows(c: Cooperation) -> list[MonthRow]:
    steps = c.all_steps()
    return [
        MonthRow(
            month=m,
            occasions=tuple((b, o) for b, o in c.occasions() if m in o.months),
            steps=tuple(
                (p, s) for p, s in steps if m in s.months or (s.deadline is not None and s.deadline.month == m)
            ),
        )
        for m in Month
    ]


def unscheduled_occasions(c: Cooperation) -> list[tuple[Body, Occasion]]:
    return [(b, o) for b, o in c.occasions() if not o.months]


def process_meetings(c: Cooperation, process: Process) -> list[tuple[Body, Occasion]]:
    return [(b, o) for b, o in c.occasions() if process.id in o.processes]


def preparing_bodies(c: Cooperation, body: Body) -> tuple[str, ...]:
    return tuple(b.id for b in c.bodies if body.id in b.prepares_for)


def reporting_bodies(c: Cooperation, body: Body) -> tuple[str, ...]:
    return tuple(b.id for b in c.bodies if body.id in b.reports_to)


def internal_bodies(c: Cooperation) -> list[Body]:
    return [b for b in c.bodies if b.internal]


def external_bodies(c: Cooperation) -> list[Body]:
    return [b for b in c.bodies if not b.internal]


def month_pages(c: Cooperation) -> list[Month]:
    """The months that get a page: those with a meeting, a step, a deadline or a dated meeting.
    A page that could only say "nothing happens" would be one more place to look for nothing."""
    return [r.month for r in month_rows(c) if r.occasions or r.steps or dated_in_month(c, r.month)]


def dated_in_month(c: Cooperation, month: Month) -> list[tuple[int, Meeting]]:
    """The schedules' meetings that fall in `month`, year by year, in date order."""
    return [(s.year, m) for s in c.schedules for m in sorted(s.meetings, key=lambda m: m.date) if m.date.month == month]

"""A cooperation's data put together, with the look-ups renderers need."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from functools import cached_property

from .address import normalise_address
from .annual import Agenda, Process, Step
from .base import Month, WebAddress
from .history import History
from .organisation import Body, CooperationInfo, Decision, Municipality, Occasion, Role
from .rotation import hosts
from .schedule import Meeting, PlanStatus, SiteSettings, YearSchedule


@dataclass(frozen=True)
class Cooperation:
    """Everything one cooperation's folder in `data/` says."""

    id: str
    info: CooperationInfo
    roles: tuple[Role, ...]
    bodies: tuple[Body, ...]
    processes: tuple[Process, ...]
    agendas: tuple[Agenda, ...]
    schedules: tuple[YearSchedule, ...] = ()
    # The data of the last version published before this one (versioner/DATUM/), to show what changed.
    previous: Cooperation | None = None

    @property
    def years(self) -> tuple[int, int]:
        """The handbook year and the next: the years whose dated meetings the pages list."""
        return (self.info.year, self.info.year + 1)

    def feed_years(self, site: SiteSettings) -> range:
        """The years the calendars cover: a window around the handbook year, so that moving the
        handbook year on never takes events away that subscribers already have (except the
        placeholders of meetings that never got a date: a past year holds what happened)."""
        return range(self.info.year - site.feed_years_before, self.info.year + site.feed_years_after + 1)

    def updated(self, year: int) -> datetime.date:
        """The data's own date for what is known of `year`: its plan's 'uppdaterad', else 'versionsdatum'."""
        schedule = self.schedule(year)
        return schedule.updated if schedule else self.info.version_date

    def meeting_topic(self, meeting: Meeting) -> str | None:
        """What a dated meeting is about: its recurring meeting's topic, or an extra meeting's title."""
        return self.occasion(meeting.occasion)[1].topic if meeting.occasion is not None else meeting.title

    def schedule(self, year: int) -> YearSchedule | None:
        return next((s for s in self.schedules if s.year == year), None)

    def dated(self, occasion_id: str, year: int) -> Meeting | None:
        """The dated meeting that fulfils a rule occasion in `year`, if the schedule has one."""
        schedule = self.schedule(year)
        meetings = schedule.meetings if schedule else ()
        return next((m for m in meetings if m.occasion == occasion_id), None)

    def plan_status(self, meeting: Meeting) -> PlanStatus:
        """The meeting's own status where it differs from its plan's, else the plan's."""
        if meeting.plan_status is not None:
            return meeting.plan_status
        schedule = self.schedule(meeting.date.year)
        return schedule.status if schedule is not None else PlanStatus.PROPOSAL

    def plan_decision(self, meeting: Meeting) -> Decision | None:
        """The decision that adopted the meeting: its own, or its plan's."""
        if meeting.decision is not None or meeting.plan_status is not None:
            return meeting.decision
        schedule = self.schedule(meeting.date.year)
        return schedule.decision if schedule is not None else None

    def host(self, meeting: Meeting) -> Municipality | None:
        """The host of a dated meeting: named in the schedule, or next in the body's rotation."""
        schedule = self.schedule(meeting.date.year)
        if schedule is None:
            return None
        host_id = hosts(schedule, [m.id for m in self.info.members], self.meeting_body).get(meeting)
        return self.member(host_id) if host_id else None

    def meeting_body(self, meeting: Meeting) -> Body:
        if meeting.occasion is not None:
            return self.occasion(meeting.occasion)[0]
        assert meeting.body is not None
        return self.body(meeting.body)

    @cached_property
    def _members(self) -> dict[str, Municipality]:
        return {m.id: m for m in self.info.members}

    @cached_property
    def _roles(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles}

    @cached_property
    def _bodies(self) -> dict[str, Body]:
        return {b.id: b for b in self.bodies}

    @cached_property
    def _processes(self) -> dict[str, Process]:
        return {p.id: p for p in self.processes}

    @cached_property
    def _agendas(self) -> dict[str, Agenda]:
        return {a.id: a for a in self.agendas}

    @cached_property
    def _occasions(self) -> dict[str, tuple[Body, Occasion]]:
        return {o.id: (b, o) for b in self.bodies for o in b.occasions}

    def member(self, member_id: str) -> Municipality:
        return self._members[member_id]

    def role(self, role_id: str) -> Role:
        return self._roles[role_id]

    def body(self, body_id: str) -> Body:
        return self._bodies[body_id]

    def process(self, process_id: str) -> Process:
        return self._processes[process_id]

    def agenda(self, agenda_id: str) -> Agenda:
        return self._agendas[agenda_id]

    def occasion(self, occasion_id: str) -> tuple[Body, Occasion]:
        return self._occasions[occasion_id]

    def occasions(self) -> list[tuple[Body, Occasion]]:
        return list(self._occasions.values())

    def occasions_with_agenda(self, agenda_id: str) -> list[tuple[Body, Occasion]]:
        return [(b, o) for b, o in self.occasions() if o.agenda == agenda_id]

    def agenda_bodies(self, agenda_id: str) -> list[Body]:
        """The bodies whose meetings use an agenda, each once (a body may use it in several months)."""
        return list({body.id: body for body, _ in self.occasions_with_agenda(agenda_id)}.values())

    def agenda_months(self, agenda_id: str) -> tuple[Month, ...]:
        """The months an agenda is used in, from the meetings that use it."""
        months = {m for _, o in self.occasions_with_agenda(agenda_id) for m in o.months}
        return tuple(sorted(months))

    def share_people(self, first: Body, second: Body) -> bool:
        """Whether the same people sit in both bodies: one body, or members or convener in common."""
        return first.id == second.id or bool(self.people(first) & self.people(second))

    def people(self, body: Body) -> set[str]:
        """The roles whose holders must be at the body's meetings: its members and its convener."""
        roles = {seat.role for seat in body.members}
        if body.convener is not None and body.convener.role is not None:
            roles.add(body.convener.role)
        return roles

    def step_body(self, step: Step) -> Body | None:
        """The body a step happens in: named directly or through its meeting."""
        if step.occasion is not None:
            return self.occasion(step.occasion)[0]
        return self.body(step.body) if step.body is not None else None

    def all_steps(self) -> list[tuple[Process, Step]]:
        return [(p, s) for p in self.processes for s in (*p.steps, *p.milestones)]


@dataclass(frozen=True)
class Handbook:
    site: SiteSettings
    cooperations: tuple[Cooperation, ...]
    # What the calendars have published so far (data/kalenderhistorik.json); empty before the first build.
    history: History = field(default_factory=dict)

    @property
    def version_date(self) -> datetime.date:
        """The newest cooperation's version date: the date of the whole site (sitemap, zip)."""
        return max(c.info.version_date for c in self.cooperations)


def with_address(handbook: Handbook, address: str) -> Handbook:
    """The same handbook published at another address (normalised: it always ends in '/').

    `ValueError` (in Swedish) if `address` is not a safe web address."""
    return replace(handbook, site=replace(handbook.site, address=WebAddress(normalise_address(address))))

"""Drafting next year's plan from the rules: `python -m generator new-year 2028`.

Each autumn the steering group adopts the coming year's årshjul. The draft is a
plan with status 'forslag' that gives every recurring meeting a proposed date in
its rule month: the same week and weekday as last year's meeting, or the second
Thursday of the month, moved on past weekends, Swedish public holidays and the
eves that end early. Then, in this order:

1. A meeting held together with another body's meeting ("i samband med") gets
   the partner's day, host and place, and follows it in time, unless its body prepares
   matters for the partner's body (bereder_for, rapporterar_till): then it comes first,
   as the steering group meets before the council it prepares for.
2. No two meetings whose bodies share people (members or convener) overlap:
   on a shared day the later one starts a quarter of an hour after the earlier
   ends (an hour after one longer than two hours, for a meal and a rest); a
   meeting of the same people on the same day that is not held together with
   the other moves on to the next free working day.
3. Hosts rotate on from where last year's rotation stopped, and a rotating
   meeting's place is one its host used last year, so host and place agree.

The draft is built as model objects and checked with the same rotation code the
site uses, then written as YAML. A pure function: same data and year, same text.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass, replace

from .model import Body, Cooperation, Meeting, MeetingStatus, Occasion, PlanStatus, Rotation, YearSchedule
from .model.dates import next_working_day, nth_weekday
from .model.rotation import hosts

THURSDAY = 3
BREAK = datetime.timedelta(minutes=15)
# After a meeting longer than this the next one the same day starts after a longer break.
LONG_MEETING = datetime.timedelta(hours=2)
LONG_BREAK = datetime.timedelta(hours=1)
DEFAULT_START = datetime.time(9, 0)
# Drafting plans around a meeting without 'slut' as if it lasted two hours, not the calendars'
# one hour (model.schedule.ASSUMED_LENGTH): a meeting held after it the same day is then not
# proposed back to back with a meeting that so often runs over.
DRAFTING_LENGTH = datetime.timedelta(hours=2)


@dataclass(frozen=True)
class Proposal:
    body: Body
    occasion: Occasion
    meeting: Meeting


def draft_schedule(c: Cooperation, year: int, drafted: datetime.date | None = None) -> str:
    """The proposed plan for `year` as the text of motesplan-ÅÅÅÅ.yaml, 'uppdaterad' the day it was
    `drafted` (the command passes the day it ran; without it, the data's version date)."""
    schedule, proposals = draft_plan(c, year)
    if drafted is not None:
        schedule = replace(schedule, updated=drafted)
    return _plan_text(c, schedule, proposals)


def draft_plan(c: Cooperation, year: int) -> tuple[YearSchedule, list[Proposal]]:
    proposals = [_first_proposal(c, body, occasion, year) for body, occasion in c.occasions() if occasion.months]
    proposals = _join_partners(proposals)
    proposals = _separate(c, proposals)
    rotations = tuple(Rotation(body=body.id, start=start) for body, start in _rotations(c, year))
    schedule = YearSchedule(
        year=year,
        updated=c.info.version_date,
        status=PlanStatus.PROPOSAL,
        rotations=rotations,
        meetings=tuple(p.meeting for p in proposals),
    )
    proposals = _places_of_hosts(c, schedule, proposals)
    proposals.sort(key=lambda p: (*p.meeting.order, p.occasion.id))
    return replace(schedule, meetings=tuple(p.meeting for p in proposals)), proposals


def _first_proposal(c: Cooperation, body: Body, occasion: Occasion, year: int) -> Proposal:
    last = c.dated(occasion.id, year - 1)
    day = next_working_day(_first_guess(occasion, last, year), avoid_eves=True)
    meeting = Meeting(occasion=occasion.id, date=day)
    if last is not None:
        meeting = replace(meeting, start=last.start, end=last.end, video=last.video)
        if not _rotating(body):  # a rotating body's place follows its host (step 3)
            meeting = replace(meeting, place=last.place, host=last.host)
    return Proposal(body, occasion, meeting)


def _first_guess(occasion: Occasion, last: Meeting | None, year: int) -> datetime.date:
    month = occasion.months[0]
    if last is not None and last.date.month == month:
        return nth_weekday(year, month, last.date.weekday(), (last.date.day - 1) // 7)
    return nth_weekday(year, month, THURSDAY, 1)


def _join_partners(proposals: list[Proposal]) -> list[Proposal]:
    """A meeting held together with another body's meeting in a shared month takes its day, host and place."""
    result = []
    for proposal in proposals:
        partner = _partner(proposal, proposals)
        if partner is not None:
            joined = replace(
                proposal.meeting, date=partner.meeting.date, host=partner.meeting.host, place=partner.meeting.place
            )
            proposal = replace(proposal, meeting=joined)
        result.append(proposal)
    return result


def _partner(proposal: Proposal, proposals: list[Proposal]) -> Proposal | None:
    held_with = proposal.occasion.held_with
    months = set(proposal.occasion.months)
    return next(
        (p for p in proposals if p.body.id == held_with and held_with and months & set(p.occasion.months)), None
    )


def _separate(c: Cooperation, proposals: list[Proposal]) -> list[Proposal]:
    """Place the meetings one by one, so that none overlaps an earlier one of the same people."""
    placed: list[Proposal] = []
    for proposal in sorted(proposals, key=lambda p: (_partner(p, proposals) is not None, p.occasion.id)):
        partner = _partner(proposal, proposals)

        together = partner.occasion.id if partner else None

        def clashes(day: datetime.date, body: Body = proposal.body, together: str | None = together) -> list[Proposal]:
            same_people = [p for p in placed if c.share_people(p.body, body) or p.occasion.id == together]
            return [p for p in same_people if p.meeting.date == day]

        meeting = proposal.meeting
        same_day = clashes(meeting.date)
        if same_day and all(p.occasion.id == together for p in same_day):
            if partner is not None and _prepares(proposal.body, partner.body):
                meeting, following = _before(meeting, [p.meeting for p in same_day])
                moved = dict(zip([p.occasion.id for p in same_day], following, strict=True))
                placed[:] = [replace(p, meeting=moved[p.occasion.id]) if p.occasion.id in moved else p for p in placed]
            elif any(meeting.overlaps(p.meeting) for p in same_day):
                meeting = _after(meeting, [p.meeting for p in same_day])
        elif same_day:
            meeting = replace(meeting, date=_free_day(proposal.occasion, meeting.date, clashes))
        placed.append(replace(proposal, meeting=meeting))
    return placed


def _free_day(
    occasion: Occasion, wanted: datetime.date, clashes: Callable[[datetime.date], list[Proposal]]
) -> datetime.date:
    """The working day nearest after `wanted` (else before it) in the occasion's months with no clash."""
    months = set(occasion.months)
    days = [wanted + datetime.timedelta(days=n) for n in range(1, 62)]
    days += [wanted - datetime.timedelta(days=n) for n in range(1, 62)]
    for day in days:
        workable = day.month in months and day.year == wanted.year and next_working_day(day, avoid_eves=True) == day
        if workable and not clashes(day):
            return day
    return wanted  # every day of the months is taken: leave it; `check` will say so


def _prepares(body: Body, other: Body) -> bool:
    """Whether `body` prepares matters for `other` or lifts them to it, and so meets before it."""
    return other.id in body.prepares_for or other.id in body.reports_to


def _before(meeting: Meeting, later: list[Meeting]) -> tuple[Meeting, list[Meeting]]:
    """`meeting` at the first start of the day, and the meetings it prepares moved on after it, in
    their order, each a break after the one before (DEFAULT_START without a start of their own)."""
    first = _at(meeting, min(_span(m)[0] for m in [meeting, *later]).time())
    in_order = sorted(later, key=lambda m: _span(m)[0])
    following, previous = [], first
    for other in in_order:
        previous = _after(other, [previous])
        following.append(previous)
    return first, [following[in_order.index(m)] for m in later]


def _after(meeting: Meeting, earlier: list[Meeting]) -> Meeting:
    """`meeting` moved to start a break after the last of `earlier` ends, keeping its length: a
    longer break after a long meeting."""
    last = max(earlier, key=lambda m: _span(m)[1])
    begins, ends = _span(last)
    pause = LONG_BREAK if ends - begins > LONG_MEETING else BREAK
    return _at(meeting, (ends + pause).time())


def _at(meeting: Meeting, start: datetime.time) -> Meeting:
    """`meeting` starting at `start`, as long as before."""
    begins, ends = _span(meeting)
    finish = (datetime.datetime.combine(meeting.date, start) + (ends - begins)).time()
    return replace(meeting, start=start, end=finish)


def _span(meeting: Meeting) -> tuple[datetime.datetime, datetime.datetime]:
    """When a meeting runs as drafting plans around it: from its start (DEFAULT_START without
    one) to its end, DRAFTING_LENGTH later without a 'slut'."""
    start = meeting.start or DEFAULT_START
    ends = replace(meeting, start=start).ends(DRAFTING_LENGTH)
    assert ends is not None  # it has a start now
    return datetime.datetime.combine(meeting.date, start), ends


def _places_of_hosts(c: Cooperation, schedule: YearSchedule, proposals: list[Proposal]) -> list[Proposal]:
    """A rotating meeting's place: where its host held the body's meeting last year, if anywhere."""
    hosted = hosts(schedule, [m.id for m in c.info.members], c.meeting_body)
    previous = c.schedule(schedule.year - 1)
    last_places: dict[tuple[str, str], str] = {}
    for meeting in previous.meetings if previous else ():
        last_host = c.host(meeting)
        if last_host is not None and meeting.place and meeting.status is not MeetingStatus.CANCELLED:
            last_places.setdefault((c.meeting_body(meeting).id, last_host.id), meeting.place)
    result = []
    for proposal in proposals:
        host = hosted.get(proposal.meeting)
        if _rotating(proposal.body) and proposal.meeting.place is None and host is not None:
            place = last_places.get((proposal.body.id, host))
            proposal = replace(proposal, meeting=replace(proposal.meeting, place=place))
        result.append(proposal)
    return result


def _rotating(body: Body) -> bool:
    return any(r is not None and r.rotating for r in (body.convener, body.notice))


def _rotations(c: Cooperation, year: int) -> list[tuple[Body, str]]:
    """Rotating bodies, each with the member whose turn is first: the one after last year's last turn."""
    members = [m.id for m in c.info.members]
    previous = c.schedule(year - 1)
    result = []
    for body in filter(_rotating, c.bodies):
        start = members[0]
        if previous is not None:
            own = [m for m in sorted(previous.meetings, key=lambda m: m.date) if c.meeting_body(m).id == body.id]
            turns = [host.id for m in own if not m.host and (host := c.host(m)) is not None]
            if turns:
                start = members[(members.index(turns[-1]) + 1) % len(members)]
        result.append((body, start))
    return result


def _plan_text(c: Cooperation, schedule: YearSchedule, proposals: list[Proposal]) -> str:
    year = schedule.year
    lines = [
        "# yaml-language-server: $schema=../_schema/motesplan.schema.json",
        f"# FÖRSLAG till mötesplan för {year}, framtaget från reglerna i grupper.yaml med",
        "# `make new-year`. Stäm av datum, tider och platser och ändra det som behövs.",
        "# Sidorna och kalendrarna visar mötena som förslag tills planen är fastställd.",
        "# När styrgruppen har beslutat: skriv 'status: faststalld' och fyll i 'beslut'.",
        "",
        f"ar: {year}",
        f"uppdaterad: {schedule.updated.isoformat()}",
        "status: forslag",
        "# beslut:",
        "#   organ: Styrgruppen",
        f"#   datum: {year - 1}-11-15",
        "#   paragraf: § 1",
        "",
    ]
    if schedule.rotations:
        lines.append("turordning:")
        for rotation in schedule.rotations:
            lines += [f"  - grupp: {rotation.body}", f"    borjar_med: {rotation.start}"]
        lines.append("")
    if not proposals:
        lines += ["# Reglerna anger inga månader för mötena: skriv in dem här med datum.", "moten: []"]
        return "\n".join(lines) + "\n"
    lines.append("moten:")
    for proposal in proposals:
        lines += _meeting_lines(proposal)
    return "\n".join(lines).rstrip("\n") + "\n"


def _meeting_lines(proposal: Proposal) -> list[str]:
    meeting = proposal.meeting
    lines = [
        f"  # {proposal.body.name}, {proposal.occasion.topic}",
        f"  - mote: {proposal.occasion.id}",
        f"    datum: {meeting.date.isoformat()}",
    ]
    if meeting.start is not None:
        lines.append(f'    start: "{meeting.start:%H:%M}"')
    if meeting.end is not None:
        lines.append(f'    slut: "{meeting.end:%H:%M}"')
    for key, value in (("plats", meeting.place), ("videolank", meeting.video)):
        if value:
            lines.append(f"    {key}: {json.dumps(value, ensure_ascii=False)}")
    if meeting.host:
        lines.append(f"    vard: {meeting.host}")
    lines.append("")
    return lines

"""Who convenes and who sends the papers of a meeting, and by when: the body's rules in the data
put together with what the plan knows about a dated meeting (its host, from the rotation or named).

"De administrativa cheferna är sammankallande … var sin gång" and "Kallelse och handlingar utsänds
… på utsedd kommuns ansvar" become, for the meeting on 11 February 2027, "Administrativ chef,
Lysekil (värdkommun)". A meeting without a date keeps the rule as the document states it.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

from ...model import (
    Body,
    Cooperation,
    Meeting,
    MeetingStatus,
    Occasion,
    Responsibility,
    Seat,
)
from ...model.dates import working_days_after, working_days_before
from .. import describe

HOST = "värdkommun"


@dataclass(frozen=True)
class Deadlines:
    """The dates of one dated meeting, counted in working days from the rule of its body."""

    notice: datetime.date
    absence: datetime.date
    minutes: datetime.date | None


def convener(c: Cooperation, body: Body, meeting: Meeting | None) -> str | None:
    """'Administrativ chef, Lysekil (värdkommun)', 'Ekonomichef, Lysekil', or the rule as written."""
    if body.convener is None:
        return None
    return _resolved(c, body.convener, meeting, None)


def sender(c: Cooperation, body: Body, meeting: Meeting | None) -> str | None:
    """Who sends the notice and papers. A designated sender without a role of its own is the
    convener's role in the host municipality: the municipality whose turn it is sends."""
    if body.notice is None:
        return None
    return _resolved(c, body.notice, meeting, _convener_role(body))


def sending_municipality(c: Cooperation, body: Body, meeting: Meeting | None) -> str | None:
    """The municipality in the header of the papers: the named one, else the host of the meeting."""
    for rule in (body.notice, body.convener):
        if rule is not None and rule.municipality is not None:
            return c.member(rule.municipality).name
    host = c.host(meeting) if meeting else None
    return host.name if host else None


def _resolved(
    c: Cooperation, rule: Responsibility, meeting: Meeting | None, role_id: str | None, inside: bool = False
) -> str:
    """The rule for this meeting; `inside` a sentence the role's name starts in lower case."""
    role_id = rule.role or role_id
    role = c.role(role_id) if role_id else None
    if role is not None and inside:
        role = dataclasses.replace(role, name=describe.first_lower(role.name))
    if rule.municipality is not None and role is not None:
        return f"{role.name}, {c.member(rule.municipality).name}"
    host = c.host(meeting) if meeting else None
    if host is not None and (rule.rotating or rule.designated):
        return f"{role.name}, {host.name} ({HOST})" if role else f"{host.name} ({HOST})"
    if rule.designated:
        # The handbook's reading of "utsedd kommun": the host, which each year's plan names.
        where = "värdkommunen" if meeting is not None else "värdkommunen (står i årets mötesplan)"
        return f"{role.name} i {where}" if role else describe.first_upper(where)
    return describe.responsibility(rule, c)


def responsible(c: Cooperation, body: Body, rule: Responsibility, meeting: Meeting | None) -> str:
    """Who does a preparation for this meeting, resolved like the convener."""
    return _resolved(c, rule, meeting, _convener_role(body))


def absence_to(c: Cooperation, body: Body, meeting: Meeting | None) -> str | None:
    """Where absence is reported: the mailbox or role in the data, else the sender of the notice."""
    if body.times is not None and body.times.absence_to:
        return body.times.absence_to
    for rule, role_id in ((body.notice, _convener_role(body)), (body.convener, None)):
        if rule is not None:
            return _resolved(c, rule, meeting, role_id, inside=True)
    return None


def _convener_role(body: Body) -> str | None:
    """The convener's role when the municipality holding it changes: a designated sender's role."""
    return body.convener.role if body.convener and not body.convener.municipality else None


def deadlines(body: Body, meeting: Meeting | None) -> Deadlines | None:
    if body.times is None or meeting is None:
        return None
    times = body.times
    return Deadlines(
        notice=working_days_before(meeting.date, times.notice_days),
        absence=working_days_before(meeting.date, times.absence_days),
        minutes=working_days_after(meeting.date, times.minutes_days) if times.minutes_days is not None else None,
    )


def short_date(day: datetime.date) -> str:
    """'4 februari 2027': the dates of the papers, without the weekday."""
    return describe.long_date(day).split(" ", 1)[1]


@dataclass(frozen=True)
class Invited:
    """The roles a member municipality sends, or (municipality None) roles that are not per member."""

    municipality: str | None
    roles: tuple[str, ...]


def invited(c: Cooperation, body: Body, occasion: Occasion | None) -> tuple[Invited, ...]:
    seats = [*body.members, *body.attendees, *(occasion.attendees if occasion else ())]
    per_member = [_seat_text(c, s) for s in seats if c.role(s.role).one_per_member]
    others = [_seat_text(c, s) for s in seats if not c.role(s.role).one_per_member]
    rows = [Invited(m.name, tuple(dict.fromkeys(per_member))) for m in c.info.members] if per_member else []
    if others:
        rows.append(Invited(None, tuple(dict.fromkeys(others))))
    return tuple(rows)


def _seat_text(c: Cooperation, seat: Seat) -> str:
    name = c.role(seat.role).name
    return f"{name} ({seat.note})" if seat.note else name


def next_occasion(c: Cooperation, body: Body, occasion: Occasion) -> str | None:
    """The body's next recurring meeting after this one in the year, wrapping to the next year."""
    if not occasion.months:
        return None
    last = max(occasion.months)
    planned = sorted((o for o in body.occasions if o.months and o.id != occasion.id), key=lambda o: min(o.months))
    if not planned:
        return None
    following = next((o for o in planned if min(o.months) > last), planned[0])
    return f"{describe.months(following.months)}: {following.topic}"


def status(meeting: Meeting | None) -> str | None:
    """'Flyttat från torsdag 16 september 2027: …' or 'Inställt: …'; None for a planned meeting."""
    if meeting is None or meeting.status is MeetingStatus.PLANNED:
        return None
    if meeting.status is MeetingStatus.MOVED and meeting.moved_from is not None:
        reason = f": {meeting.reason}" if meeting.reason else ""
        return f"Flyttat från {describe.long_date(meeting.moved_from)}{reason}"
    return describe.meeting_status(meeting)


def next_undated(body: Body, meeting: Meeting, in_plan: set[str | None]) -> str:
    """The next meeting when the plan dates none of the body's later ones: a later occasion of
    the year that the plan leaves out (never one it dates and cancels), else next year's plan."""
    year = meeting.date.year
    left_out = [o for o in body.occasions if o.months and min(o.months) > meeting.date.month and o.id not in in_plan]
    if left_out:
        following = min(left_out, key=lambda o: min(o.months))
        return f"{describe.months(following.months)} {year}: {following.topic} (dagen står inte i mötesplanen)"
    return f"Står i mötesplanen för {year + 1}"

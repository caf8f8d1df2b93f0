"""Meeting papers: one model of a meeting's notice with agenda and its minutes template.

Every recurring meeting (occasion) gets papers for a year without a date, and
every dated meeting in the plan gets its own. The same `Papers` tree is rendered
as a Word document (word.py) and as printable web pages (templates notice.md.j2
and minutes.md.j2), so the two always say the same thing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ...model import (
    Body,
    CooperationData,
    Meeting,
    MeetingStatus,
    Month,
    Occasion,
    PlanStatus,
    Seat,
    YearSchedule,
)
from .. import describe, paths
from .agenda import Item, agenda_items
from .checklists import checklist_id

# A topic up to this long names a meeting in the navigation; a longer one is a sentence.
SHORT_TOPIC = 40


@dataclass(frozen=True)
class Fact:
    """One fact of a meeting at the top of its papers: 'Plats: Kommunhuset'."""

    label: str
    value: str
    strong: bool = False  # the web page sets it in bold: a cancelled or moved meeting
    # The group's name: on the web a link to the group's page; the Word paper leaves it out,
    # its subtitle names the group.
    group: bool = False


@dataclass(frozen=True)
class Invited:
    """The roles a member municipality sends, or (municipality None) roles that are not per member."""

    municipality: str | None
    roles: tuple[str, ...]


@dataclass(frozen=True)
class Papers:
    key: str
    cooperation: str
    body: Body
    topic: str
    occasion: Occasion | None
    meeting: Meeting | None
    when: str
    place: str
    video: str | None
    host: str | None
    status: str | None
    plan: str | None
    held_with: str | None
    convener: str | None
    sender: str | None
    invited: tuple[Invited, ...]
    items: tuple[Item, ...]
    minutes_name: str
    minutes_distribution: str | None
    next_meeting: str | None
    issued: datetime.date
    checklist: str | None

    @property
    def heading(self) -> str:
        """'Torsdag 11 februari 2027: Styrgrupp', or 'Styrgrupp, februari' for a year without a plan."""
        if self.date is None:
            return papers_label(self)
        return f"{describe.first_upper(describe.long_date(self.date))}: {self.body.name}"

    @property
    def short_when(self) -> str:
        """'Torsdag 12 mars 2026, 09:00–12:00', or 'Mars, utan datum' for a year without a plan."""
        if self.meeting is not None or self.occasion is None:
            return describe.first_upper(self.when)
        return f"{describe.months(self.occasion.months)}, utan datum"

    @property
    def title(self) -> str:
        return f"{self.body.name} – {self.topic}"

    @property
    def facts(self) -> tuple[Fact, ...]:
        """The facts of the meeting, in the order both the Word paper and the web page list them."""
        found = [
            Fact("Datum och tid", self.when),
            Fact("Plats", self.place),
            Fact("Videolänk", self.video or ""),
            Fact("Värdkommun", self.host or ""),
            Fact("Status", self.status or "", strong=True),
            Fact("Mötesplan", self.plan or ""),
            Fact("Hålls i samband med", self.held_with or ""),
            Fact("Grupp", self.body.name, group=True),
            Fact("Sammankallande", self.convener or ""),
            Fact("Kallelse och handlingar", self.sender or ""),
        ]
        return tuple(f for f in found if f.value)

    def next_meeting_for(self, item: Item) -> str | None:
        """When the next meeting is, under the agenda item that sets it; None under any other."""
        return self.next_meeting if item.sets_next_meeting else None

    @property
    def date(self) -> datetime.date | None:
        return self.meeting.date if self.meeting else None

    @property
    def cancelled(self) -> bool:
        return self.meeting is not None and self.meeting.status is MeetingStatus.CANCELLED


def meeting_papers(c: CooperationData) -> list[Papers]:
    """Papers for every recurring meeting of the cooperation's own bodies, then every dated meeting."""
    found = [occasion_papers(c, b, o) for b, o in c.occasions() if b.internal]
    found += [dated_papers(c, m) for m in dated(c)]
    return found


def dated(c: CooperationData) -> list[Meeting]:
    """Every dated meeting of every plan, in date order (a body's own meetings before extra ones on a day)."""
    meetings = [m for s in c.schedules for m in s.meetings]
    return sorted(meetings, key=lambda m: (*m.order, paths.meeting_key(m)))


def occasion_papers(c: CooperationData, body: Body, occasion: Occasion) -> Papers:
    months = describe.months(occasion.months)
    return _papers(
        c,
        body,
        occasion,
        None,
        key=paths.occasion_key(occasion),
        when=f"{months}; dag och tid står i årets mötesplan",
        items=agenda_items(c, body, occasion, occasion.months, None),
        next_meeting=_next_occasion(c, body, occasion),
    )


def dated_papers(c: CooperationData, meeting: Meeting) -> Papers:
    body = c.meeting_body(meeting)
    occasion = c.occasion(meeting.occasion)[1] if meeting.occasion else None
    return _papers(
        c,
        body,
        occasion,
        meeting,
        key=paths.meeting_key(meeting),
        when=describe.meeting_when(meeting),
        items=agenda_items(c, body, occasion, (Month(meeting.date.month),), meeting.title),
        next_meeting=_next_dated(c, meeting) or (_next_occasion(c, body, occasion) if occasion else None),
    )


def _papers(
    c: CooperationData,
    body: Body,
    occasion: Occasion | None,
    meeting: Meeting | None,
    *,
    key: str,
    when: str,
    items: tuple[Item, ...],
    next_meeting: str | None,
) -> Papers:
    host = c.host(meeting) if meeting else None
    return Papers(
        key=key,
        cooperation=c.info.name,
        body=body,
        topic=(c.meeting_topic(meeting) if meeting else occasion.topic if occasion else None) or body.name,
        occasion=occasion,
        meeting=meeting,
        when=when,
        place=_place(meeting),
        video=meeting.video if meeting else None,
        host=host.name if host else None,
        status=describe.meeting_status(meeting) if meeting and meeting.status is not MeetingStatus.PLANNED else None,
        plan=describe.plan_sentence(c, meeting) if meeting else None,
        held_with=c.body(occasion.held_with).name if occasion and occasion.held_with else None,
        convener=describe.responsibility(body.convener, c) if body.convener else None,
        sender=describe.responsibility(body.notice, c) if body.notice else None,
        invited=_invited(c, body, occasion),
        items=items,
        minutes_name=body.minutes.name if body.minutes else "Mötesanteckningar",
        minutes_distribution=body.minutes.distribution if body.minutes else None,
        next_meeting=next_meeting,
        issued=c.updated(meeting.date.year) if meeting else c.info.version_date,
        checklist=checklist_id(body, occasion) if occasion else None,
    )


def _place(meeting: Meeting | None) -> str:
    if meeting is None:
        return "Anges i kallelsen"
    return meeting.place or ("Videomöte" if meeting.video else "Anges senare")


def plan_note(schedule: YearSchedule | None) -> str | None:
    """What a list of meetings says about the plan their dates come from, when it is not adopted."""
    if schedule is None or schedule.status.adopted:
        return None
    what = "ett exempel" if schedule.status is PlanStatus.EXAMPLE else "ett förslag"
    return f"Mötesplanen för {schedule.year} är {what} och inte beslutad"


def _invited(c: CooperationData, body: Body, occasion: Occasion | None) -> tuple[Invited, ...]:
    seats = [*body.members, *body.attendees, *(occasion.attendees if occasion else ())]
    per_member = [_seat_text(c, s) for s in seats if c.role(s.role).one_per_member]
    others = [_seat_text(c, s) for s in seats if not c.role(s.role).one_per_member]
    rows = [Invited(m.name, tuple(dict.fromkeys(per_member))) for m in c.info.members] if per_member else []
    if others:
        rows.append(Invited(None, tuple(dict.fromkeys(others))))
    return tuple(rows)


def _seat_text(c: CooperationData, seat: Seat) -> str:
    name = c.role(seat.role).name
    return f"{name} ({seat.note})" if seat.note else name


def _next_dated(c: CooperationData, meeting: Meeting) -> str | None:
    body = c.meeting_body(meeting)
    later = [
        m
        for m in dated(c)
        if m.date > meeting.date and c.meeting_body(m).id == body.id and m.status is not MeetingStatus.CANCELLED
    ]
    if not later:
        return None
    return f"{describe.first_upper(describe.meeting_when(later[0]))}, {describe.meeting_place(later[0])}"


def _next_occasion(c: CooperationData, body: Body, occasion: Occasion) -> str | None:
    """The body's next recurring meeting after this one in the year, wrapping to the next year."""
    if not occasion.months:
        return None
    last = max(occasion.months)
    planned = sorted((o for o in body.occasions if o.months and o.id != occasion.id), key=lambda o: min(o.months))
    if not planned:
        return None
    following = next((o for o in planned if min(o.months) > last), planned[0])
    return f"{describe.months(following.months)}: {following.topic}"


def papers_label(p: Papers) -> str:
    """A short name in the navigation: '2027-02-11 Styrgrupp', 'Styrgrupp, februari/mars', or for
    meetings without a set month 'Styrgrupp, extra möte vid behov', or when the topic is a long
    sentence 'Ledningsgrupp, möte 2 utan fast månad'."""
    if p.date is not None:
        return f"{p.date.isoformat()} {p.body.name}"
    if p.occasion is None:
        return p.body.name
    if p.occasion.months:
        return f"{p.body.name}, {describe.first_lower(describe.months(p.occasion.months))}"
    if len(p.occasion.topic) <= SHORT_TOPIC:
        return f"{p.body.name}, {describe.first_lower(p.occasion.topic)}"
    unset = [o.id for o in p.body.occasions if not o.months]
    number = f" {unset.index(p.occasion.id) + 1}" if len(unset) > 1 else ""
    return f"{p.body.name}, möte{number} utan fast månad"

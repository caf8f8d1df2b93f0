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
    Cooperation,
    Meeting,
    MeetingStatus,
    Month,
    Occasion,
    PlanStatus,
    YearSchedule,
)
from .. import describe, paths
from . import who
from .agenda import Document, Item, agenda_items, documents
from .checklists import checklist_id
from .times import notice_times
from .who import Deadlines, Invited

# The facts about calling a meeting, which a cancelled meeting's paper leaves out.
CALLING = ("Kallelse och handlingar skickas av", "Kallelsen skickas senast", "Förhinder anmäls")
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
    # The Word paper has its own place for it (the header, "Förhinder"); the web page lists it here.
    elsewhere_in_word: bool = False


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
    plan_status: PlanStatus | None
    held_with: str | None
    convener: str | None
    sender: str | None
    # The municipality in the header of the papers: the one that sends them, when it is known.
    sending_municipality: str | None
    deadlines: Deadlines | None
    # The body's rule for the dates, with where it comes from; None when the data has no rule.
    times_rule: str | None
    absence_to: str | None
    invited: tuple[Invited, ...]
    items: tuple[Item, ...]
    documents: tuple[Document, ...]
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
            Fact("Mötesplan", self.plan or "", elsewhere_in_word=True),
            Fact("Hålls i samband med", self.held_with or ""),
            Fact("Grupp", self.body.name, group=True),
            Fact("Sammankallande", self.convener or ""),
            Fact("Kallelse och handlingar skickas av", self.sender or ""),
            Fact(
                "Kallelsen skickas senast",
                who.short_date(self.deadlines.notice) if self.deadlines else "",
                elsewhere_in_word=True,
            ),
            Fact("Förhinder anmäls", self.absence_line or "", elsewhere_in_word=True),
        ]
        if self.cancelled:  # nobody is called to a cancelled meeting: no sender, no deadlines
            found = [f for f in found if f.label not in CALLING]
        return tuple(f for f in found if f.value)

    @property
    def absence_line(self) -> str | None:
        """'Senast tisdag 9 februari 2027 till administrativ chef, Lysekil (värdkommun)', or for a
        meeting without a date the rule."""
        if self.absence_to is None:
            return None
        if self.deadlines is not None:
            return f"Senast {describe.long_date(self.deadlines.absence)} till {self.absence_to}"
        days = self.body.times.absence_days if self.body.times else None
        when = f"Senast {days} arbetsdagar före mötet, till " if days is not None else "Till "
        return when + self.absence_to

    @property
    def plan_label(self) -> str | None:
        """The plan's status for the header of the papers: 'Mötesplan 2027: exempel, inte beslutad'."""
        if self.plan_status is None or self.date is None:
            return None
        if self.plan_status.adopted:
            return f"Mötesplan {self.date.year}: fastställd"
        return f"Mötesplan {self.date.year}: {self.plan_status.label.lower()}, inte beslutad"

    def next_meeting_for(self, item: Item) -> str | None:
        """When the next meeting is, under the agenda item that sets it; None under any other."""
        return self.next_meeting if item.sets_next_meeting else None

    @property
    def date(self) -> datetime.date | None:
        return self.meeting.date if self.meeting else None

    @property
    def cancelled(self) -> bool:
        return self.meeting is not None and self.meeting.status is MeetingStatus.CANCELLED


def meeting_papers(c: Cooperation) -> list[Papers]:
    """Papers for every recurring meeting of the cooperation's own bodies, then every dated meeting."""
    found = [occasion_papers(c, b, o) for b, o in c.occasions() if b.internal]
    found += [dated_papers(c, m) for m in dated(c)]
    return found


def dated(c: Cooperation) -> list[Meeting]:
    """Every dated meeting of every plan, in date order (a body's own meetings before extra ones on a day)."""
    meetings = [m for s in c.schedules for m in s.meetings]
    return sorted(meetings, key=lambda m: (*m.order, paths.meeting_key(m)))


def occasion_papers(c: Cooperation, body: Body, occasion: Occasion) -> Papers:
    months = describe.months(occasion.months)
    return _papers(
        c,
        body,
        occasion,
        None,
        key=paths.occasion_key(occasion),
        when=f"{months}; dag och tid står i årets mötesplan",
        items=agenda_items(c, body, occasion, occasion.months, None),
        next_meeting=who.next_occasion(c, body, occasion),
    )


def dated_papers(c: Cooperation, meeting: Meeting) -> Papers:
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
        next_meeting=_next_dated(c, meeting),
    )


def _papers(
    c: Cooperation,
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
        status=who.status(meeting),
        plan=describe.plan_sentence(c, meeting) if meeting else None,
        plan_status=c.plan_status(meeting) if meeting else None,
        held_with=c.body(occasion.held_with).name if occasion and occasion.held_with else None,
        convener=who.convener(c, body, meeting),
        sender=who.sender(c, body, meeting),
        sending_municipality=who.sending_municipality(c, body, meeting),
        deadlines=who.deadlines(body, meeting),
        times_rule=notice_times(body.times) if body.times else None,
        absence_to=who.absence_to(c, body, meeting),
        invited=who.invited(c, body, occasion),
        items=items,
        documents=documents(
            c, body, occasion, (Month(meeting.date.month),) if meeting else occasion.months if occasion else ()
        ),
        minutes_name=body.minutes.name if body.minutes else "Mötesanteckningar",
        minutes_distribution=body.minutes.distribution if body.minutes else None,
        next_meeting=next_meeting,
        issued=c.updated(meeting.date.year) if meeting else c.info.version_date,
        checklist=checklist_id(body, occasion) if occasion else None,
    )


def _place(meeting: Meeting | None) -> str:
    if meeting is None:
        return "Står i årets mötesplan"
    return meeting.place or ("Videomöte" if meeting.video else "Anges senare")


def plan_note(schedule: YearSchedule | None) -> str | None:
    """What a list of meetings says about the plan their dates come from, when it is not adopted."""
    if schedule is None or schedule.status.adopted:
        return None
    what = "ett exempel" if schedule.status is PlanStatus.EXAMPLE else "ett förslag"
    return f"Mötesplanen för {schedule.year} är {what} och inte beslutad"


def _next_dated(c: Cooperation, meeting: Meeting) -> str | None:
    body = c.meeting_body(meeting)
    later = [
        m
        for m in dated(c)
        if m.date > meeting.date and c.meeting_body(m).id == body.id and m.status is not MeetingStatus.CANCELLED
    ]
    if not later:
        return who.next_undated(body, meeting, {m.occasion for m in dated(c) if m.date.year == meeting.date.year})
    return f"{describe.first_upper(describe.meeting_when(later[0]))}, {describe.meeting_place(later[0])}"


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

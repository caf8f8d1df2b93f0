"""What each meeting and deadline becomes in the calendars (render/calendar/events.py), read from
the event records of the fixture's data and of small edits to it: times and exclusive ends, one-day
markers for undated meetings, no placeholders in past years, deadlines on working days, UIDs that
survive a meeting getting its date, and two events with one UID as a located problem."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from generator.model import Cooperation, Handbook, Meeting
from generator.render.calendar.events import Event, cooperation_events, duplicate_uids
from generator.render.calendar.record import Status
from generator.validate import read_handbook

from conftest import FIXTURE_DATA

D = datetime.date
DT = datetime.datetime


def handbook() -> Handbook:
    return read_handbook(FIXTURE_DATA)


def events(cooperation: Cooperation | None = None) -> dict[str, Event]:
    book = handbook()
    return {e.uid: e for e in cooperation_events(cooperation or book.cooperations[0], book.site)}


def with_first_meeting(**changes: object) -> Cooperation:
    """The fixture with its first dated meeting (styrgrupp-mars, 12 March 2026) changed."""
    cooperation = handbook().cooperations[0]
    schedule = cooperation.schedules[0]
    first: Meeting = dataclasses.replace(schedule.meetings[0], **changes)  # type: ignore[arg-type]
    schedule = dataclasses.replace(schedule, meetings=(first, *schedule.meetings[1:]))
    return dataclasses.replace(cooperation, schedules=(schedule,))


def uid(kind: str, item: str, year: int) -> str:
    return f"exempel.{kind}.{item}.{year}@samverkanshandbok"


MARCH = uid("mote", "styrgrupp-mars", 2026)

# (change to the dated meeting, its start, its end): an all-day end is the next day (DTEND is exclusive)
TIMES = [
    ({}, DT(2026, 3, 12, 9), DT(2026, 3, 12, 12)),
    ({"start": None, "end": None}, D(2026, 3, 12), D(2026, 3, 13)),
    ({"end": None}, DT(2026, 3, 12, 9), DT(2026, 3, 12, 10)),  # no end: an hour
    ({"date": D(2026, 3, 31), "start": None, "end": None}, D(2026, 3, 31), D(2026, 4, 1)),  # over a month's end
]


@pytest.mark.parametrize(("changes", "start", "end"), TIMES, ids=["timed", "all day", "no end", "month end"])
def test_a_dated_meeting_keeps_its_times(changes: dict[str, object], start: object, end: object) -> None:
    event = events(with_first_meeting(**changes))[MARCH]
    assert (event.start, event.end) == (start, end)
    assert event.status is Status.CONFIRMED  # the fixture's plan is adopted
    assert not event.transparent


def test_a_cancelled_meeting_stays_in_the_calendar_as_cancelled_and_free() -> None:
    event = events()[uid("mote", "extra-styrgrupp-maj", 2026)]
    assert event.status is Status.CANCELLED
    assert event.transparent
    assert event.summary.startswith("INSTÄLLT: ")


# (uid, its day): an undated meeting is one free, tentative day on the first working day of its run
MARKERS = [
    (uid("mote", "styrgrupp-hosten", 2026), D(2026, 9, 1)),
    (uid("mote", "styrgrupp-mars", 2027), D(2027, 3, 1)),
    (uid("mote", "styrgrupp-hosten", 2027), D(2027, 9, 1)),
]


@pytest.mark.parametrize(("key", "day"), MARKERS)
def test_an_undated_meeting_is_one_tentative_free_day(key: str, day: datetime.date) -> None:
    event = events()[key]
    assert (event.start, event.end) == (day, day + datetime.timedelta(days=1))
    assert event.status is Status.TENTATIVE
    assert event.transparent
    assert "datum ej fastställt" in event.summary


def test_a_past_year_holds_no_placeholders_only_deadlines() -> None:
    past = [e for e in events().values() if e.uid.endswith(".2025@samverkanshandbok")]
    assert past, "the fixture's calendar window starts the year before"
    assert all(".steg." in e.uid for e in past)


# (step, year, due day): a stated date, or the last working day of its month
DEADLINES = [
    ("beslut", 2026, D(2026, 4, 30)),
    ("internkontroll", 2026, D(2026, 12, 30)),  # 31 December is nyårsafton, a day off
    ("ram", 2026, D(2026, 2, 27)),  # held in February: its last working day (28 February is a Saturday)
    ("ram", 2027, D(2027, 2, 26)),
    ("internkontroll", 2025, D(2025, 12, 30)),
]


@pytest.mark.parametrize(("step", "year", "day"), DEADLINES)
def test_a_deadline_is_one_day_on_a_working_day(step: str, year: int, day: datetime.date) -> None:
    event = events()[uid("steg", step, year)]
    assert (event.start, event.end) == (day, day + datetime.timedelta(days=1))


def test_no_event_lasts_more_than_a_week() -> None:
    for event in events().values():
        start = event.start.date() if isinstance(event.start, DT) else event.start
        end = event.end.date() if isinstance(event.end, DT) else event.end
        assert (end - start).days <= 7, event.uid


def test_a_meeting_that_gets_its_date_keeps_the_uid_of_its_marker() -> None:
    """Subscribers see the marker move to its day, not a second event beside it."""
    moved = with_first_meeting(date=D(2027, 3, 10))
    cooperation = dataclasses.replace(
        moved, schedules=(dataclasses.replace(moved.schedules[0], year=2027),), info=handbook().cooperations[0].info
    )
    before = events()[uid("mote", "styrgrupp-mars", 2027)]
    after = events(cooperation)[uid("mote", "styrgrupp-mars", 2027)]
    assert before.status is Status.TENTATIVE
    assert after.start == DT(2027, 3, 10, 9)


def test_events_are_in_time_order() -> None:
    starts = [(e.start if isinstance(e.start, DT) else DT.combine(e.start, datetime.time())) for e in events().values()]
    assert starts == sorted(starts)


def test_two_events_with_one_uid_are_one_problem_at_the_second() -> None:
    found = list(events().values())
    twice = [found[0], found[1], dataclasses.replace(found[0], summary="en kopia")]
    problems = duplicate_uids(twice)
    assert len(problems) == 1
    assert found[0].uid in problems[0].message
    assert duplicate_uids(found) == []

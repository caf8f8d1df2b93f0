"""A meeting's end has one definition in the model (`Meeting.ends`), which the calendars, the
clash checks and drafting all call; drafting plans with its own, longer, assumed length."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from generator.drafting import draft_schedule
from generator.model import Meeting
from generator.validate import read_handbook

from conftest import Edit

DAY = datetime.date(2026, 3, 12)


def at(hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(DAY, datetime.time(hour, minute))


@pytest.mark.parametrize(
    ("start", "end", "ends", "finish"),
    [
        (datetime.time(9), datetime.time(12), at(12), datetime.time(12)),
        (datetime.time(9), None, at(10), datetime.time(10)),  # ASSUMED_LENGTH: the calendars show an hour
        (datetime.time(13, 30), None, at(14, 30), datetime.time(14, 30)),
        (None, None, None, datetime.time.max),  # all day
    ],
)
def test_a_meeting_ends_at_its_end_else_an_hour_after_its_start(
    start: datetime.time | None, end: datetime.time | None, ends: datetime.datetime | None, finish: datetime.time
) -> None:
    meeting = Meeting(date=DAY, start=start, end=end)
    assert meeting.ends() == ends
    assert meeting.finish == finish


def test_an_hour_long_meeting_ending_after_midnight_ends_the_next_day() -> None:
    late = Meeting(date=DAY, start=datetime.time(23, 30))
    assert late.ends() == datetime.datetime.combine(DAY + datetime.timedelta(days=1), datetime.time(0, 30))


def test_a_meeting_held_after_one_without_an_end_starts_two_hours_and_a_break_later(
    data_copy: Path, edit: Edit
) -> None:
    """The fixture's autumn Styrgrupp is held with Ekonomiberedning, which gets a September
    meeting without a time: drafting starts it at 09:00 and plans two hours for it."""
    edit(
        "grupper.yaml",
        "    rapporterar_till: [styrgrupp]\n",
        "    rapporterar_till: [styrgrupp]\n    moten:\n      - id: ekonomiberedning-september\n"
        "        manader: [september]\n        amne: Delår\n",
    )
    c = read_handbook(data_copy).cooperations[0]
    draft = yaml.safe_load(draft_schedule(c, 2027))
    meetings = {m.get("mote"): m for m in draft["moten"]}
    assert "start" not in meetings["ekonomiberedning-september"]
    assert meetings["styrgrupp-hosten"]["datum"] == meetings["ekonomiberedning-september"]["datum"]
    # 09:00 + DRAFTING_LENGTH (two hours, not the calendars' one) + a 15-minute break
    assert meetings["styrgrupp-hosten"]["start"] == "11:15"


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [
        ((DAY, datetime.time(9), datetime.time(11)), (DAY, datetime.time(10), None), True),
        ((DAY, datetime.time(9), datetime.time(10)), (DAY, datetime.time(10), None), False),  # back to back
        ((DAY, datetime.time(23, 30), None), (DAY, datetime.time(22), datetime.time(23, 45)), True),  # past midnight
        ((DAY, None, None), (DAY, datetime.time(8), None), True),  # all day
        ((DAY, None, None), (DAY + datetime.timedelta(days=1), datetime.time(8), None), False),
    ],
)
def test_meetings_overlap_as_points_in_time(
    first: tuple[datetime.date, datetime.time | None, datetime.time | None],
    second: tuple[datetime.date, datetime.time | None, datetime.time | None],
    clash: bool,
) -> None:
    a, b = (Meeting(date=d, start=s, end=e) for d, s, e in (first, second))
    assert a.overlaps(b) is clash and b.overlaps(a) is clash

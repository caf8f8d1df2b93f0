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

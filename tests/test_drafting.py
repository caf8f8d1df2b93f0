"""Drafting that respects preparation: a body that prepares matters for another meets before it on a
shared day, with a break that grows with the meeting before; and `new-year` dates its draft the day
it ran."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from generator.drafting import draft_schedule
from generator.validate import read_handbook

from conftest import run_generator, shipped_with_plans


def _time(text: str) -> datetime.datetime:
    return datetime.datetime.combine(datetime.date(2028, 1, 1), datetime.time.fromisoformat(text))


@pytest.mark.parametrize(
    ("preparing", "prepared"),
    [("styrgrupp-mars", "rad-mars"), ("styrgrupp-september-oktober", "rad-oktober")],
)
def test_the_steering_group_meets_before_the_council_it_reports_to(
    planned_data: Path, preparing: str, prepared: str
) -> None:
    c = next(c for c in read_handbook(planned_data).cooperations if c.id == "sml")
    assert "rad" in c.body("styrgrupp").reports_to  # the relation the order follows
    meetings = {m["mote"]: m for m in yaml.safe_load(draft_schedule(c, 2028))["moten"]}
    first, then = meetings[preparing], meetings[prepared]
    assert first["datum"] == then["datum"], "held together (samband_med) on one day"
    start, end, next_start = _time(first["start"]), _time(first["slut"]), _time(then["start"])
    assert end <= next_start, f"{preparing} {first['start']}–{first['slut']} före {prepared} {then['start']}"
    long = end - start > datetime.timedelta(hours=2)
    assert next_start - end >= (datetime.timedelta(hours=1) if long else datetime.timedelta(minutes=15))


def test_new_year_dates_the_draft_the_day_it_ran(tmp_path: Path) -> None:
    data = shipped_with_plans(tmp_path / "data")
    before = datetime.date.today()
    result = run_generator("new-year", "2028", "--cooperation", "sml", "--data", str(data))
    assert result.returncode == 0, result.stderr
    updated = yaml.safe_load((data / "sml" / "motesplan-2028.yaml").read_text(encoding="utf-8"))["uppdaterad"]
    assert before <= updated <= datetime.date.today()


def test_the_draft_without_a_day_is_the_same_every_time(planned_data: Path) -> None:
    """Rendering stays clock-free: only the command reads the clock and passes the day in."""
    c = next(c for c in read_handbook(planned_data).cooperations if c.id == "sml")
    assert draft_schedule(c, 2028) == draft_schedule(c, 2028)
    dated = draft_schedule(c, 2028, datetime.date(2027, 10, 1))
    assert "\nuppdaterad: 2027-10-01\n" in dated

"""The shared calendar arithmetic (model/dates.py), one row per rule: month runs, the exclusive
end of all-day events, month lengths, the nth weekday, working days and UIDs."""

from __future__ import annotations

import datetime

import pytest

from generator.model.base import Month
from generator.model.dates import (
    days_in_every_year,
    event_uid,
    first_after_month,
    first_of_month,
    last_day,
    month_runs,
    next_working_day,
    nth_weekday,
    working_days_before,
)

D = datetime.date

# (months as written in the data, the runs they make): written out of order, they still run in order.
RUNS = [
    ((2, 3, 10), [(2, 3), (10,)]),
    ((10, 3, 2), [(2, 3), (10,)]),
    ((12, 1), [(1,), (12,)]),  # the year does not wrap: December and January are two runs
    ((5,), [(5,)]),
    ((1, 2, 3, 4), [(1, 2, 3, 4)]),
    ((4, 6, 8), [(4,), (6,), (8,)]),
    ((), []),
]


@pytest.mark.parametrize(("months", "runs"), RUNS, ids=[str(r[0]) for r in RUNS])
def test_month_runs(months: tuple[int, ...], runs: list[tuple[int, ...]]) -> None:
    result = month_runs(tuple(Month(m) for m in months))
    assert [tuple(int(m) for m in run) for run in result] == runs


# (year, month, its first day, the day after its last: an all-day DTEND is exclusive)
SPANS = [
    (2027, 2, D(2027, 2, 1), D(2027, 3, 1)),
    (2027, 12, D(2027, 12, 1), D(2028, 1, 1)),  # December ends in the next year
    (2028, 1, D(2028, 1, 1), D(2028, 2, 1)),
    (2028, 2, D(2028, 2, 1), D(2028, 3, 1)),
]


@pytest.mark.parametrize(("year", "month", "first", "after"), SPANS)
def test_month_bounds(year: int, month: int, first: datetime.date, after: datetime.date) -> None:
    assert (first_of_month(year, month), first_after_month(year, month)) == (first, after)


@pytest.mark.parametrize(
    ("year", "month", "days"),
    [(2027, 1, 31), (2027, 2, 28), (2028, 2, 29), (2100, 2, 28), (2027, 4, 30), (2027, 12, 31), (2027, 11, 30)],
)
def test_last_day(year: int, month: int, days: int) -> None:
    assert last_day(year, month) == days


@pytest.mark.parametrize(("month", "days"), [(1, 31), (2, 28), (4, 30), (12, 31)])
def test_a_recurring_deadline_exists_every_year(month: int, days: int) -> None:
    assert days_in_every_year(month) == days


# (year, month, weekday 0=Monday, nth 0-based, the day): a month with fewer gives its last such day
WEEKDAYS = [
    (2027, 2, 3, 0, D(2027, 2, 4)),  # the first Thursday
    (2027, 2, 3, 1, D(2027, 2, 11)),
    (2027, 4, 3, 0, D(2027, 4, 1)),  # the month starts on that weekday
    (2027, 2, 0, 3, D(2027, 2, 22)),
    (2027, 2, 0, 4, D(2027, 2, 22)),  # no fifth Monday: the last one
    (2027, 12, 4, 4, D(2027, 12, 31)),
]


@pytest.mark.parametrize(("year", "month", "weekday", "nth", "day"), WEEKDAYS)
def test_nth_weekday(year: int, month: int, weekday: int, nth: int, day: datetime.date) -> None:
    assert nth_weekday(year, month, weekday, nth) == day


# (day, avoid eves, the first working day from it)
NEXT = [
    (D(2027, 3, 9), False, D(2027, 3, 9)),  # a working day is itself
    (D(2027, 3, 13), False, D(2027, 3, 15)),  # Saturday → Monday
    (D(2027, 4, 30), False, D(2027, 4, 30)),  # Valborgsmässoafton is a working day
    (D(2027, 4, 30), True, D(2027, 5, 3)),  # ... but not for a draft that avoids eves (1 May is a Saturday)
    (D(2026, 12, 24), False, D(2026, 12, 28)),  # Julafton, juldagen, annandagen, a Sunday
    (D(2027, 1, 5), True, D(2027, 1, 7)),  # Trettondagsafton (a half day), then Trettondedag jul
]


@pytest.mark.parametrize(("day", "avoid_eves", "expected"), NEXT)
def test_next_working_day(day: datetime.date, avoid_eves: bool, expected: datetime.date) -> None:
    assert next_working_day(day, avoid_eves=avoid_eves) == expected


# (day, working days before, the day): weekends and holidays do not count
BEFORE = [
    (D(2027, 3, 10), 0, D(2027, 3, 10)),
    (D(2027, 3, 10), 1, D(2027, 3, 9)),
    (D(2027, 3, 15), 1, D(2027, 3, 12)),  # Monday → the Friday before
    (D(2027, 3, 15), 5, D(2027, 3, 8)),
    (D(2027, 1, 7), 2, D(2027, 1, 4)),  # across Trettondedag jul (6 January) and the weekend
]


@pytest.mark.parametrize(("day", "count", "expected"), BEFORE)
def test_working_days_before(day: datetime.date, count: int, expected: datetime.date) -> None:
    assert working_days_before(day, count) == expected


def test_event_uids_name_every_part_and_never_collide() -> None:
    assert event_uid("sml", "mote", "styrgrupp-feb", 2027) == "sml.mote.styrgrupp-feb.2027@samverkanshandbok"
    assert event_uid("sml", "steg", "budget", 2027, Month(2)) == "sml.steg.budget.2027.februari@samverkanshandbok"
    uids = {
        event_uid(cooperation, kind, item, year)
        for cooperation in ("sml", "sml-2")
        for kind in ("mote", "steg")
        for item in ("a", "a-b")
        for year in (2027, 2028)
    }
    assert len(uids) == 16


def test_the_holiday_table_is_what_the_holidays_package_says() -> None:
    """The shipped table (tools/holiday_table.py) must follow the pinned `holidays`: after a new
    release that moves or renames a day, this fails until the table is written again."""
    from generator.model.dates import TABLE_YEARS, _table, holidays_from_package

    table = _table()
    assert sorted(table) == [str(year) for year in TABLE_YEARS]
    for year in TABLE_YEARS:
        expected = {day.isoformat(): name for day, name in holidays_from_package(year).items()}
        assert table[str(year)] == expected, f"{year}: kör .venv/bin/python tools/holiday_table.py"


# (a day, what it is): from the table inside TABLE_YEARS, from the package outside it.
DAYS_OFF = [
    (D(2026, 6, 19), "Midsommarafton"),
    (D(2070, 12, 25), "Juldagen"),
    (D(2071, 6, 6), "Nationaldagen"),  # after the table
    (D(1999, 1, 6), "Trettondedag jul"),  # before it
    (D(2099, 12, 24), "Julafton"),
]


@pytest.mark.parametrize(("day", "name"), DAYS_OFF)
def test_days_off_inside_and_outside_the_table(day: datetime.date, name: str) -> None:
    from generator.model.dates import days_off

    assert days_off(day.year)[day] == name

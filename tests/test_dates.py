"""Swedish working days, one row per kind of day: what a meeting date may and may not be."""

from __future__ import annotations

import datetime

import pytest

from generator.model.dates import meeting_day_concern, next_working_day, not_a_working_day, working_days_before

# (day, why it is no working day or None, what a meeting that day deserves a second look for or None)
DAYS = [
    ("2026-03-10", None, None),  # an ordinary Tuesday
    ("2026-03-14", "en lördag", "en lördag, ingen arbetsdag"),
    ("2026-03-15", "en söndag", "en söndag, ingen arbetsdag"),
    ("2026-01-01", "Nyårsdagen", "Nyårsdagen, ingen arbetsdag"),
    ("2026-04-03", "Långfredagen", "Långfredagen, ingen arbetsdag"),
    ("2026-05-14", "Kristi himmelsfärdsdag", "Kristi himmelsfärdsdag, ingen arbetsdag"),
    ("2026-06-06", "Nationaldagen", "Nationaldagen, ingen arbetsdag"),
    # Eves that are days off in practice.
    ("2026-06-19", "Midsommarafton", "Midsommarafton, ingen arbetsdag"),
    ("2026-12-24", "Julafton", "Julafton, ingen arbetsdag"),
    ("2026-12-31", "Nyårsafton", "Nyårsafton, ingen arbetsdag"),
    # Eves that end at 14:00: working days, but a meeting deserves a second look.
    ("2026-04-30", None, "Valborgsmässoafton, en halv arbetsdag"),
    ("2026-01-05", None, "Trettondagsafton, en halv arbetsdag"),
    ("2026-04-02", None, "Skärtorsdagen, en halv arbetsdag"),
    ("2026-10-30", None, "Allahelgonsafton, en halv arbetsdag"),
    ("2026-05-15", None, None),  # the "klämdag" after Ascension Day is a working day
]


@pytest.mark.parametrize(("day", "off", "concern"), DAYS, ids=[d[0] for d in DAYS])
def test_working_days(day: str, off: str | None, concern: str | None) -> None:
    date = datetime.date.fromisoformat(day)
    assert not_a_working_day(date) == off
    assert meeting_day_concern(date) == concern


def test_moving_to_and_counting_working_days() -> None:
    assert next_working_day(datetime.date(2026, 6, 19)) == datetime.date(2026, 6, 22)  # midsummer weekend
    assert next_working_day(datetime.date(2026, 4, 30), avoid_eves=True) == datetime.date(2026, 5, 4)
    assert working_days_before(datetime.date(2026, 4, 7), 2) == datetime.date(2026, 4, 1)  # across Easter

"""The calendar arithmetic every part of the generator shares.

Month runs, the days of a month, Swedish working days and the identities of
calendar events are computed here and nowhere else, so that the feeds, the
pages, the årshjul and the drafting of next year's plan always agree.
"""

from __future__ import annotations

import datetime
import json
from functools import cache
from pathlib import Path

from .base import Month

# Sweden's holidays for TABLE_YEARS as the `holidays` package gives them, written by
# tools/holiday_table.py: importing and starting the package loads every country's calendar,
# a tenth of a second of every build. The package itself answers for any other year.
HOLIDAY_TABLE = Path(__file__).with_name("holidays_se.json")
TABLE_YEARS = range(2000, 2071)

WEEKEND = {5: "en lördag", 6: "en söndag"}
# The eves that `holidays` lists as half days ("från kl. 14.00"): a morning meeting is possible,
# but people are often off; a warning, never a non-working day.
_HALF_DAY = "(från kl. 14.00)"


def month_runs(months: tuple[Month, ...]) -> list[tuple[Month, ...]]:
    """[februari, mars, oktober] → [(februari, mars), (oktober,)]: months that follow each other."""
    runs: list[list[Month]] = []
    for month in sorted(months):
        if runs and runs[-1][-1] + 1 == month:
            runs[-1].append(month)
        else:
            runs.append([month])
    return [tuple(r) for r in runs]


def first_of_month(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, 1)


def first_after_month(year: int, month: int) -> datetime.date:
    """The day after the last of `month`: the exclusive end of an all-day event."""
    return datetime.date(year + (month == 12), month % 12 + 1, 1)


def last_day(year: int, month: int) -> int:
    return (first_after_month(year, month) - datetime.timedelta(days=1)).day


def days_in_every_year(month: int) -> int:
    """How many days `month` has in every year: a recurring deadline must exist each year (28 for February)."""
    return last_day(2023, month)  # 2023 is not a leap year


@cache
def _holidays(year: int) -> dict[datetime.date, str]:
    days = _table().get(str(year))
    if days is None:
        return holidays_from_package(year)
    return {datetime.date.fromisoformat(day): name for day, name in days.items()}


@cache
def _table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = json.loads(HOLIDAY_TABLE.read_text(encoding="utf-8"))
    return table


def holidays_from_package(year: int) -> dict[datetime.date, str]:
    """Sweden's public holidays, days off in practice and half days, in Swedish, from `holidays`."""
    import holidays  # a tenth of a second to import and start: only for a year outside the table

    found = holidays.country_holidays("SE", years=year, language="sv", categories=("public", "de_facto", "bank"))
    return dict(found.items())


def days_off(year: int) -> dict[datetime.date, str]:
    """Swedish public holidays and the eves that are days off in practice (midsommar-, jul-, nyårsafton)."""
    return {day: name for day, name in _holidays(year).items() if not name.endswith(_HALF_DAY)}


def half_days(year: int) -> dict[datetime.date, str]:
    """Eves that end at 14:00, e.g. 'Valborgsmässoafton'."""
    return {
        day: name.removesuffix(_HALF_DAY).strip() for day, name in _holidays(year).items() if name.endswith(_HALF_DAY)
    }


def not_a_working_day(day: datetime.date) -> str | None:
    """Why `day` is no day for a meeting ('en lördag', 'Julafton'), or None if it is a working day."""
    return days_off(day.year).get(day) or WEEKEND.get(day.weekday())


def meeting_day_concern(day: datetime.date) -> str | None:
    """Why a meeting on `day` deserves a second look: a day off, or an eve that ends early."""
    reason = not_a_working_day(day)
    if reason is not None:
        return f"{reason}, ingen arbetsdag"
    eve = half_days(day.year).get(day)
    return f"{eve}, en halv arbetsdag" if eve else None


def next_working_day(day: datetime.date, *, avoid_eves: bool = False) -> datetime.date:
    """`day` itself if it is a working day, else the first working day after it."""
    while not_a_working_day(day) or (avoid_eves and day in half_days(day.year)):
        day += datetime.timedelta(days=1)
    return day


def working_days_before(day: datetime.date, count: int) -> datetime.date:
    """The working day `count` working days before `day` (weekends and Swedish holidays skipped)."""
    while count > 0:
        day -= datetime.timedelta(days=1)
        if not not_a_working_day(day):
            count -= 1
    return day


def working_days_after(day: datetime.date, count: int) -> datetime.date:
    """The working day `count` working days after `day` (weekends and Swedish holidays skipped)."""
    while count > 0:
        day += datetime.timedelta(days=1)
        if not not_a_working_day(day):
            count -= 1
    return day


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> datetime.date:
    """The `nth` (0-based) `weekday` of a month, or the last one if the month has fewer."""
    first = first_of_month(year, month)
    day = first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * nth)
    while day.month != month:
        day -= datetime.timedelta(days=7)
    return day


UID_DOMAIN = "samverkanshandbok"


def event_uid(cooperation_id: str, kind: str, item_id: str, year: int, run_start: Month | None = None) -> str:
    """The one way every calendar event gets its UID: from ids in the data, the year and, for an
    item held over several separate runs of months, the first month of the run. Ids hold only
    a–z, 0–9 and '-', so the '.' between the parts keeps different kinds from ever colliding."""
    parts = [cooperation_id, kind, item_id, str(year), *([run_start.swedish] if run_start else [])]
    return ".".join(parts) + f"@{UID_DOMAIN}"

"""Writes generator/model/holidays_se.json: Sweden's holidays and half days per year, as the
`holidays` package gives them, so that a build need not import it (importing and starting it
loads every country's calendar, a tenth of a second per build). `model/dates.py` asks the
package itself for a year outside the table, and tests/test_calendar_arithmetic.py checks that
the table is what the installed package says. After a new `holidays` release, run

    .venv/bin/python tools/holiday_table.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.model.dates import HOLIDAY_TABLE, TABLE_YEARS, holidays_from_package
from generator.write import write_file


def table() -> dict[str, dict[str, str]]:
    return {
        str(year): {day.isoformat(): name for day, name in sorted(holidays_from_package(year).items())}
        for year in TABLE_YEARS
    }


if __name__ == "__main__":
    write_file(HOLIDAY_TABLE, json.dumps(table(), ensure_ascii=False, indent=1) + "\n")
    print(f"Skrev {HOLIDAY_TABLE.relative_to(ROOT)}.")

"""The steps and deadlines of the annual processes as calendar events: one all-day event each.

A deadline falls on its stated day, or on the last working day of its month ('senast i
december'); a step held during some months ('juni') is due by the last working day of each
run of them. The title says the month, so a one-day event still tells when the work happens,
and nothing is drawn as a banner across the month.
"""

from __future__ import annotations

import datetime

from ...model import Cooperation, Month, Process, Step, month_span
from ...model.dates import event_uid, first_after_month, month_runs, working_days_before
from .. import describe, paths
from .record import Event, Status, run_uids


def last_working_day(year: int, month: Month) -> datetime.date:
    return working_days_before(first_after_month(year, month), 1)


def step_events(c: Cooperation, process: Process, step: Step, year: int, address: str) -> list[Event]:
    if step.deadline is not None:
        deadline = step.deadline
        day = (
            datetime.date(year, deadline.month, deadline.day)
            if deadline.day
            else last_working_day(year, deadline.month)
        )
        spans = [(event_uid(c.id, "steg", step.id, year), day, f"({deadline})")]
    else:
        runs = month_runs(step.months)
        uids = run_uids(c.id, "steg", step.id, year, step.months)
        spans = [
            (uid, last_working_day(year, run[-1]), f"(under {month_span(run)})")
            for uid, run in zip(uids, runs, strict=True)
        ]
    url = paths.absolute(address, paths.process_page(c, process))
    return [
        Event(
            uid=uid,
            summary=f"{process.name}: {step.text.rstrip('.')} {when}",
            description=_description(c, process, step, url),
            start=day,
            end=day + datetime.timedelta(days=1),
            status=Status.CONFIRMED,
            transparent=True,
            category="Tidsgräns" if step.deadline else "Årsprocess",
            url=url,
            dated=c.info.version_date,
            pos=step.pos,
            responsible=step.responsible,
            page=paths.process_page(c, process),
        )
        for uid, day, when in spans
    ]


def _description(c: Cooperation, process: Process, step: Step, url: str) -> str:
    lines = [f"Årsprocess: {process.name}", step.text, f"När: {describe.step_when(step)}."]
    body = c.step_body(step)
    if step.responsible:
        lines.append(f"Ansvarig: {c.role(step.responsible).name}")
    if body is not None:
        lines.append(f"Grupp: {body.name}")
    lines.append(f"Handboken: {url}")
    return "\n".join(lines)

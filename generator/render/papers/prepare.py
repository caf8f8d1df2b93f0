"""'Inför mötet': the plan's meetings in date order with what to prepare, by when and by whom.

Deadlines count working days back from the meeting (weekends and Swedish
holidays skipped, see model/dates.py). Nothing here reads the clock: the page
lists every meeting of the plans, and the reader picks the coming one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ...model import Cooperation, Month, Preparation
from ...model.dates import working_days_before
from .. import describe
from . import who
from .papers import Papers, dated, dated_papers, occasion_papers

UNNAMED = "Styrdokumentet anger inte vem"


@dataclass(frozen=True)
class Task:
    text: str
    when: str
    responsible: str | None
    date: datetime.date | None = None  # for a dated meeting: the day, to sort by and to test


@dataclass(frozen=True)
class MeetingTasks:
    """A meeting's papers and what must be done before and after it."""

    papers: Papers
    tasks: tuple[Task, ...]

    @property
    def rule(self) -> str | None:
        """The body's rule for the dates, saying whether the document or the handbook sets it."""
        return self.papers.times_rule


def all_dated(c: Cooperation) -> list[MeetingTasks]:
    """Every dated meeting of the plans, past and coming, in date order, with its tasks."""
    return [_with_tasks(c, dated_papers(c, m)) for m in dated(c)]


def undated(c: Cooperation) -> list[MeetingTasks]:
    """Recurring meetings that no plan gives a date, in the order of their first month."""
    with_dates = {m.occasion for m in dated(c)}
    found = [occasion_papers(c, b, o) for b, o in c.occasions() if o.id not in with_dates and b.internal]
    found.sort(key=lambda p: min(p.occasion.months) if p.occasion and p.occasion.months else Month(12) + 1)
    return [_with_tasks(c, p) for p in found]


def _with_tasks(c: Cooperation, p: Papers) -> MeetingTasks:
    if p.cancelled:
        return MeetingTasks(p, ())
    tasks = [_task(c, p, prep) for prep in p.body.preparations]
    tasks += _notice_tasks(p)
    if p.date is not None:
        tasks.sort(key=lambda t: (t.date or p.date,))  # stable: the data's order on the same day
    if p.minutes_distribution:
        tasks.append(_minutes_task(p))
    return MeetingTasks(p, tuple(tasks))


def _notice_tasks(p: Papers) -> list[Task]:
    """The notice with its papers, and the absence deadline, from the body's rule."""
    papers = ", ".join(d.title for d in p.documents)
    times = p.body.times
    if times is None:
        # No rule in the data: the body's own preparations say it, or the document's words do.
        if p.body.preparations or not p.sender:
            return []
        return [Task("Kallelse och handlingar skickas ut", "före mötet; styrdokumentet anger ingen tid", p.sender)]
    notice, absence = p.deadlines.notice if p.deadlines else None, p.deadlines.absence if p.deadlines else None
    # Where the document names nobody, the row says so rather than leaving a gap or guessing.
    sender = p.sender or UNNAMED
    return [
        Task("Kallelse och handlingar skickas ut", _when(notice, times.notice_days), sender, notice),
        Task(f"Handlingar klara att skicka med kallelsen: {papers}", _when(notice, times.notice_days), sender, notice),
        Task(
            f"Förhinder anmäls till {p.absence_to or 'den som kallar'}",
            _when(absence, times.absence_days),
            "De kallade",
            absence,
        ),
    ]


def _minutes_task(p: Papers) -> Task:
    text = f"{p.minutes_name}: {describe.first_lower(p.minutes_distribution or '').rstrip('.')}"
    who_writes = p.convener or p.sender or UNNAMED
    if p.deadlines is not None and p.deadlines.minutes is not None:
        return Task(text, f"senast {describe.long_date(p.deadlines.minutes)}", who_writes, p.deadlines.minutes)
    days = p.body.times.minutes_days if p.body.times else None
    return Task(text, f"{days} arbetsdagar efter mötet" if days is not None else "efter mötet", who_writes)


def _when(day: datetime.date | None, count: int) -> str:
    return f"senast {describe.long_date(day)}" if day is not None else f"{count} arbetsdagar före mötet"


def _task(c: Cooperation, p: Papers, prep: Preparation) -> Task:
    rule = prep.responsible or p.body.notice
    responsible = who.responsible(c, p.body, rule, p.meeting) if rule else None
    day = working_days_before(p.date, prep.working_days) if p.date is not None else None
    return Task(prep.text, _when(day, prep.working_days), responsible, day)

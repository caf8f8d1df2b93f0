"""'Inför mötet': the plan's meetings in date order with what to prepare, by when and by whom.

Deadlines count working days back from the meeting (weekends and Swedish
holidays skipped, see model/dates.py). Nothing here reads the clock: the page
lists every meeting of the plans, and the reader picks the coming one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import CooperationData, Month, Preparation
from ...model.dates import working_days_before
from .. import describe
from .papers import Papers, dated, dated_papers, occasion_papers


@dataclass(frozen=True)
class Task:
    text: str
    when: str
    responsible: str | None


@dataclass(frozen=True)
class MeetingTasks:
    """A meeting's papers and what must be done before and after it."""

    papers: Papers
    tasks: tuple[Task, ...]


def all_dated(c: CooperationData) -> list[MeetingTasks]:
    """Every dated meeting of the plans, past and coming, in date order, with its tasks."""
    return [_with_tasks(c, dated_papers(c, m)) for m in dated(c)]


def undated(c: CooperationData) -> list[MeetingTasks]:
    """Recurring meetings that no plan gives a date, in the order of their first month."""
    with_dates = {m.occasion for m in dated(c)}
    found = [occasion_papers(c, b, o) for b, o in c.occasions() if o.id not in with_dates and b.internal]
    found.sort(key=lambda p: min(p.occasion.months) if p.occasion and p.occasion.months else Month(12) + 1)
    return [_with_tasks(c, p) for p in found]


def _with_tasks(c: CooperationData, p: Papers) -> MeetingTasks:
    if p.cancelled:
        return MeetingTasks(p, ())
    tasks = [_task(c, p, prep) for prep in p.body.preparations]
    if not p.body.preparations and p.sender:
        tasks.append(Task("Kallelse och handlingar skickas ut", "inför mötet", p.sender))
    if p.minutes_distribution:
        tasks.append(Task(f"{p.minutes_name}: {describe.first_lower(p.minutes_distribution)}", "efter mötet", None))
    return MeetingTasks(p, tuple(tasks))


def _task(c: CooperationData, p: Papers, prep: Preparation) -> Task:
    who = prep.responsible or p.body.notice
    responsible = describe.responsibility(who, c) if who else None
    if p.date is None:
        when = f"{prep.working_days} arbetsdagar före mötet"
    else:
        when = f"senast {describe.long_date(working_days_before(p.date, prep.working_days))}"
    return Task(prep.text, when, responsible)

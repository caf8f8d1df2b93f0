"""The agenda of a meeting: the fixed opening and closing items, the discussion points of its
agenda in the data, and the steps of the annual processes that fall due at it.

One list of `Item`s that the notice and the minutes template, on the web and in Word, all show.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum

from ...model import Body, CooperationData, Month, Occasion, Process, Step
from .. import describe


class ItemKind(Enum):
    OPENING = "inledning"  # a fixed item that needs a line, not a page
    DISCUSSION = "diskussion"
    PROCESS = "arsprocess"
    CLOSING = "avslutning"


@dataclass(frozen=True)
class Item:
    """One numbered item of the agenda, with the points under it."""

    number: int
    title: str
    kind: ItemKind
    points: tuple[str, ...] = ()
    # The closing item where the next meeting is set: the papers say there when the plan has it.
    # A flag, not the title: an agenda section or an extra item may be called "Nästa möte" too.
    sets_next_meeting: bool = False

    @property
    def note_lines(self) -> int:
        """How many lines of writing space the minutes give the item."""
        return {ItemKind.OPENING: 1, ItemKind.CLOSING: 2}.get(self.kind, 5)

    @property
    def has_decision(self) -> bool:
        return self.kind in (ItemKind.DISCUSSION, ItemKind.PROCESS)


def agenda_items(
    c: CooperationData, body: Body, occasion: Occasion | None, months: tuple[Month, ...], extra: str | None
) -> tuple[Item, ...]:
    minutes = body.minutes.name if body.minutes else "mötesanteckningar"
    items = [
        Item(0, "Mötet öppnas", ItemKind.OPENING),
        Item(0, "Val av justerare", ItemKind.OPENING),
        Item(0, "Dagordningen godkänns", ItemKind.OPENING),
        Item(0, f"Föregående möte: {describe.first_lower(minutes)}", ItemKind.OPENING),
    ]
    if occasion is not None and occasion.agenda is not None:
        items += [Item(0, s.title, ItemKind.DISCUSSION, s.points) for s in c.agenda(occasion.agenda).sections]
    items += [
        Item(0, f"Årsprocess: {p.name}", ItemKind.PROCESS, points) for p, points in _due_steps(c, occasion, months)
    ]
    if extra is not None:
        items.append(Item(0, extra, ItemKind.DISCUSSION))
    items += [
        Item(0, "Övriga frågor", ItemKind.CLOSING),
        Item(0, "Nästa möte", ItemKind.CLOSING, sets_next_meeting=True),
        Item(0, "Mötet avslutas", ItemKind.OPENING),
    ]
    return tuple(dataclasses.replace(item, number=n) for n, item in enumerate(items, start=1))


def _due_steps(
    c: CooperationData, occasion: Occasion | None, months: tuple[Month, ...]
) -> list[tuple[Process, tuple[str, ...]]]:
    """The occasion's processes with their steps held at this meeting or due in its months."""
    if occasion is None:
        return []
    found = []
    for process in c.processes:
        steps = [s for s in (*process.steps, *process.milestones) if _due(s, occasion, months, process, c)]
        if steps:
            found.append((process, tuple(_step_line(c, s) for s in steps)))
        elif process.id in occasion.processes:
            found.append((process, (f"Avstämning av {describe.first_lower(process.name)}",)))
    return found


def _due(step: Step, occasion: Occasion, months: tuple[Month, ...], process: Process, c: CooperationData) -> bool:
    if step.occasion is not None:
        return step.occasion == occasion.id
    if process.id not in occasion.processes:
        return False
    in_month = any(m in step.months for m in months)
    return in_month or (step.deadline is not None and step.deadline.month in months)


def _step_line(c: CooperationData, step: Step) -> str:
    line = step.text + describe.deadline_note(step)
    if step.responsible is None:
        return line
    return f"{describe.sentence(line)} Ansvarig: {describe.first_lower(c.role(step.responsible).name)}"

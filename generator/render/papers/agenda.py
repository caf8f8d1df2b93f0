"""The agenda of a meeting: the fixed opening and closing items, the discussion points of its
agenda in the data, and the steps of the annual processes that fall due at it.

One list of `Item`s that the notice and the minutes template, on the web and in Word, all show.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum

from ...model import AgendaSection, Body, Cooperation, Month, Occasion, Process, Step
from .. import describe


class ItemKind(Enum):
    FORMALITY = "formalia"  # a fixed item at the start or the end that needs a line, not a page
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
        return {ItemKind.FORMALITY: 1, ItemKind.CLOSING: 2}.get(self.kind, 5)

    @property
    def is_formality(self) -> bool:
        """A fixed item that the minutes give a line, without a notes cell of its own."""
        return self.kind is ItemKind.FORMALITY

    @property
    def has_decision(self) -> bool:
        return self.kind in (ItemKind.DISCUSSION, ItemKind.PROCESS)


# The document's own heading for "anything else": its points go under the one "Övriga frågor".
OTHER_BUSINESS = ("övrigt", "övriga frågor")


@dataclass(frozen=True)
class Document:
    """A paper the meeting treats ('handling'), and the process whose page describes it."""

    title: str
    process: Process | None = None


def agenda_items(
    c: Cooperation, body: Body, occasion: Occasion | None, months: tuple[Month, ...], extra: str | None
) -> tuple[Item, ...]:
    """The opening items, each discussion heading once with the process steps due that month
    merged into it, the other due processes, the extra item, one "Övriga frågor", the closing."""
    minutes = body.minutes.name if body.minutes else "mötesanteckningar"
    items = [
        Item(0, "Mötet öppnas", ItemKind.FORMALITY),
        Item(0, "Val av justerare", ItemKind.FORMALITY),
        Item(0, "Godkännande av dagordningen", ItemKind.FORMALITY),
        Item(0, f"Föregående {describe.first_lower(minutes)}", ItemKind.FORMALITY),
    ]
    due = dict(_due_steps(c, occasion, months))
    other: list[str] = []
    sections = c.agenda(occasion.agenda).sections if occasion is not None and occasion.agenda is not None else ()
    for section in sections:
        if section.title.strip().lower() in OTHER_BUSINESS:
            other += section.points
            continue
        merged = [line for process in _section_processes(c, section) for line in due.pop(process, ())]
        items.append(Item(0, section.title, ItemKind.DISCUSSION, (*section.points, *merged)))
    items += [Item(0, c.process(process).name, ItemKind.PROCESS, lines) for process, lines in due.items()]
    if extra is not None:
        items.append(Item(0, extra, ItemKind.DISCUSSION))
    items += [
        Item(0, "Övriga frågor", ItemKind.CLOSING, tuple(other)),
        Item(0, "Nästa möte", ItemKind.CLOSING, sets_next_meeting=True),
        Item(0, "Mötet avslutas", ItemKind.FORMALITY),
    ]
    return tuple(dataclasses.replace(item, number=n) for n, item in enumerate(items, start=1))


def _section_processes(c: Cooperation, section: AgendaSection) -> tuple[str, ...]:
    """The processes a discussion heading covers: named in the data, or else the process of the
    same name ("Budget"), so that a due step never gets a second heading of the same words."""
    if section.processes:
        return section.processes
    return tuple(p.id for p in c.processes if p.name.strip().lower() == section.title.strip().lower())


def documents(c: Cooperation, body: Body, occasion: Occasion | None, months: tuple[Month, ...]) -> tuple[Document, ...]:
    """The papers the meeting treats: the previous minutes, then what the due steps call for."""
    minutes = body.minutes.name if body.minutes else "Mötesanteckningar"
    found = [Document(f"{minutes} från föregående möte")]
    for process, steps in _due(c, occasion, months):
        found += [Document(title, process) for step in steps for title in step.documents]
    return tuple(dict.fromkeys(found))


def _due_steps(
    c: Cooperation, occasion: Occasion | None, months: tuple[Month, ...]
) -> list[tuple[str, tuple[str, ...]]]:
    """The occasion's processes (by id) with the lines of their steps held at this meeting or due in its months."""
    found = [(process.id, tuple(_step_line(c, s) for s in steps)) for process, steps in _due(c, occasion, months)]
    if occasion is not None:
        done = {process for process, _ in found}
        found += [
            (p, (f"Avstämning av {describe.first_lower(c.process(p).name)}",))
            for p in occasion.processes
            if p not in done
        ]
    order = [p.id for p in c.processes]
    return sorted(found, key=lambda pair: order.index(pair[0]))


def _due(
    c: Cooperation, occasion: Occasion | None, months: tuple[Month, ...]
) -> list[tuple[Process, tuple[Step, ...]]]:
    if occasion is None:
        return []
    found = []
    for process in c.processes:
        steps = tuple(s for s in (*process.steps, *process.milestones) if _is_due(s, occasion, months, process))
        if steps:
            found.append((process, steps))
    return found


def _is_due(step: Step, occasion: Occasion, months: tuple[Month, ...], process: Process) -> bool:
    if step.occasion is not None:
        return step.occasion == occasion.id
    if process.id not in occasion.processes:
        return False
    in_month = any(m in step.months for m in months)
    return in_month or (step.deadline is not None and step.deadline.month in months)


def _step_line(c: Cooperation, step: Step) -> str:
    if step.agenda_text is not None:
        return step.agenda_text
    line = describe.step_with_deadline(step)
    if step.responsible is None:
        return line
    return f"{describe.sentence(line)} Ansvarig: {describe.first_lower(c.role(step.responsible).name)}"

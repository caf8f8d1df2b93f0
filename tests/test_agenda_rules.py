"""Which process steps a meeting's agenda takes up (render/papers/agenda.py), one row per rule:
a step held in the meeting's month, a step with only a deadline in that month, a step tied to
the meeting, and the process of a meeting with nothing due; each once, under one heading."""

from __future__ import annotations

import pytest

from generator.model import Month
from generator.render.papers.agenda import ItemKind, agenda_items, documents
from generator.validate import read_handbook

from conftest import FIXTURE_DATA


def agenda(months: tuple[int, ...], extra: str | None = None) -> list[tuple[str, ItemKind, tuple[str, ...]]]:
    cooperation = read_handbook(FIXTURE_DATA).cooperations[0]
    body = cooperation.body("styrgrupp")
    occasion = next(o for o in body.occasions if o.id == "styrgrupp-mars")
    items = agenda_items(cooperation, body, occasion, tuple(Month(m) for m in months), extra)
    assert [i.number for i in items] == list(range(1, len(items) + 1))
    return [(i.title, i.kind, i.points) for i in items]


def budget_points(months: tuple[int, ...]) -> tuple[str, ...]:
    found = [points for title, _, points in agenda(months) if title == "Budget"]
    assert len(found) == 1, "the process has one heading"
    return found[0]


# (the meeting's months, a step text that must be among the budget points, or must not)
DUE = [
    ((2,), "Ekonomicheferna föreslår en ram", True),  # held in February
    ((4,), "Beslut om budget", True),  # only a deadline, 30 April
    ((12,), "Internkontrollplaner klara", True),  # a milestone with a deadline month
    ((3,), "Styrgruppen stämmer av", True),  # tied to this very meeting
    ((3,), "Beslut om budget", False),
    ((2,), "Internkontrollplaner klara", False),
]


@pytest.mark.parametrize(("months", "text", "expected"), DUE)
def test_a_step_is_on_the_agenda_of_the_month_it_is_due(months: tuple[int, ...], text: str, expected: bool) -> None:
    assert any(point.startswith(text) for point in budget_points(months)) is expected


def test_a_month_with_nothing_due_keeps_the_heading_and_the_step_tied_to_the_meeting() -> None:
    points = budget_points((6,))
    assert "Styrgruppen stämmer av." in points
    assert not any(p.startswith(("Ekonomicheferna", "Beslut om", "Internkontroll")) for p in points)


def test_the_agenda_opens_and_closes_with_the_formalities_and_one_other_business() -> None:
    items = agenda((3,), extra="Lokalfrågan")
    titles = [title for title, _, _ in items]
    assert titles[:2] == ["Mötet öppnas", "Val av justerare"]
    assert titles[-3:] == ["Övriga frågor", "Nästa möte", "Mötet avslutas"]
    assert titles.count("Övriga frågor") == 1
    assert titles.index("Lokalfrågan") < titles.index("Övriga frågor")
    assert items[0][1] is ItemKind.FORMALITY and items[-1][1] is ItemKind.FORMALITY


def test_the_papers_start_with_the_previous_minutes() -> None:
    cooperation = read_handbook(FIXTURE_DATA).cooperations[0]
    body = cooperation.body("styrgrupp")
    occasion = next(o for o in body.occasions if o.id == "styrgrupp-mars")
    found = documents(cooperation, body, occasion, (Month(3),))
    assert found[0].title.endswith("från föregående möte")
    assert len(set(found)) == len(found)

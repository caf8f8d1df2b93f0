"""When a step happens, said once: a note after a step's text leaves out what the text already says
and stands inside the sentence the text ends (render/describe.py)."""

from __future__ import annotations

import pytest

from generator.model import Month
from generator.model.annual import Step
from generator.model.base import Deadline
from generator.render import describe

APRIL_30 = Deadline(month=Month(4), day=30)
DECEMBER = Deadline(month=Month(12))


@pytest.mark.parametrize(
    ("text", "months", "deadline", "shown"),
    [
        (
            "Budgetram efter skatteprognosen i februari.",
            (Month(2),),
            None,
            "Budgetram efter skatteprognosen i februari.",
        ),
        ("Budgetram föreslås.", (Month(2),), None, "Budgetram föreslås (februari)."),
        ("Beslut om budget", (), APRIL_30, "Beslut om budget (senast 30 april)"),
        ("Ramar i mars", (Month(3), Month(4)), APRIL_30, "Ramar i mars (mars/april, senast 30 april)"),
        ("Beslut senast 30 april.", (Month(4),), APRIL_30, "Beslut senast 30 april."),
        ("Planer godkända i december.", (Month(12),), DECEMBER, "Planer godkända i december (senast i december)."),
        ("Planer godkända.", (), DECEMBER, "Planer godkända (senast i december)."),
        (
            "Budget, bilagor m.m.",
            (),
            DECEMBER,
            "Budget, bilagor m.m. (senast i december)",
        ),  # the stop is the abbreviation's
        ("Är planen klar?", (), DECEMBER, "Är planen klar? (senast i december)"),  # a question stays a question
        ("Beslut med kvalificerad majoritet.", (Month(5),), None, "Beslut med kvalificerad majoritet (maj)."),
        ("Utan tid.", (), None, "Utan tid."),
    ],
)
def test_a_step_with_when_it_happens(
    text: str, months: tuple[Month, ...], deadline: Deadline | None, shown: str
) -> None:
    step = Step(id="steg", text=text, months=months, deadline=deadline)
    assert describe.step_with_when(step) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "Planer antagna och godkända/återrapporterade.",
            "Planer antagna och godkända/återrapporterade (senast i december).",
        ),
        ("Planer klara senast i december.", "Planer klara senast i december."),
    ],
)
def test_a_step_with_its_deadline(text: str, shown: str) -> None:
    step = Step(id="steg", text=text, deadline=DECEMBER)
    assert describe.step_with_deadline(step) == shown

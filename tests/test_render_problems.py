"""Renderers return problems; only the edge (render_site, check_outputs) raises them as DataErrors.

A renderer that raised would stop at the first problem of the first cooperation; returned, every
problem of every cooperation reaches the editor at once, with the same message as before.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.errors import DataErrors, Position
from generator.render.calendar.events import cooperation_events, duplicate_uids
from generator.render.calendar.feeds import calendar_problems, cooperation_feeds
from generator.render.site import check_outputs, render_site, site_problems
from generator.validate import read_handbook

from conftest import FIXTURE_DATA, Edit

CLASH = "blir samma fil som en annan sida (som {data}/exempel/grupper.yaml:38:9): exempel/checklistor/styrgrupp-var.md"


def test_duplicate_uids_are_returned_with_both_places() -> None:
    handbook = read_handbook(FIXTURE_DATA)
    events = cooperation_events(handbook.cooperations[0], handbook.site)
    second = dataclasses.replace(events[0], pos=Position("x.yaml", 3, 7))

    problems = duplicate_uids([*events, second])

    assert duplicate_uids(events) == []
    assert [str(problem) for problem in problems] == [
        f"x.yaml:3:7: två kalenderhändelser får samma id ({events[0].uid}); den första står i {events[0].pos}. "
        "Ge mötet eller steget ett annat id"
    ]


def test_an_event_in_several_feeds_is_not_a_duplicate() -> None:
    handbook = read_handbook(FIXTURE_DATA)
    feeds = cooperation_feeds(handbook.cooperations[0], handbook.site)
    assert len(feeds) > 1 and calendar_problems(feeds) == []


def test_a_path_clash_is_a_problem_and_an_error_at_the_edge(data_copy: Path, edit: Edit) -> None:
    edit(
        "grupper.yaml",
        "      - id: styrgrupp-extra\n        amne: Extra möte vid behov\n",
        "      - id: styrgrupp-var\n        amne: Extra möte vid behov\n        processer: [budget]\n",
    )
    handbook = read_handbook(data_copy)
    feeds = {c.id: cooperation_feeds(c, handbook.site) for c in handbook.cooperations}

    problems = site_problems(handbook, feeds)

    assert [problem.message for problem in problems] == [CLASH.format(data=data_copy) + "; byt id på den ena"]
    for edge in (check_outputs, render_site):
        with pytest.raises(DataErrors) as raised:
            edge(handbook)
        assert raised.value.errors == problems

"""Addresses of pages and files: the one place that turns a docs path into a link or URL."""

from __future__ import annotations

import dataclasses

import pytest

from generator.render import paths
from generator.render.trust import source_file
from generator.validate import read_handbook

from conftest import FIXTURE_DATA

ADDRESS = "https://example.org/hb/"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("sml/roller.md", "https://example.org/hb/sml/roller/"),
        ("sml/index.md", "https://example.org/hb/sml/"),
        ("index.md", "https://example.org/hb/"),
        ("sml/kalender/alla.ics", "https://example.org/hb/sml/kalender/alla.ics"),
        ("sml/moten/m/kallelse-m.docx", "https://example.org/hb/sml/moten/m/kallelse-m.docx"),
    ],
)
def test_absolute_gives_pages_directory_urls_and_files_their_name(path: str, expected: str) -> None:
    assert paths.absolute(ADDRESS, path) == expected


@pytest.mark.parametrize(
    ("url", "key", "expected"),
    [
        ("../checklistor/styrgrupp/", "styrgrupp-mars", "../checklistor/styrgrupp/?mote=styrgrupp-mars"),
        ("https://x.se/sml/checklistor/a/", "a-2027-02-11", "https://x.se/sml/checklistor/a/?mote=a-2027-02-11"),
        ("../checklistor/styrgrupp/", None, "../checklistor/styrgrupp/"),
        ("../checklistor/styrgrupp/", "", "../checklistor/styrgrupp/"),
    ],
)
def test_for_meeting_ties_a_checklist_to_one_meeting_only_with_a_key(url: str, key: str | None, expected: str) -> None:
    assert paths.for_meeting(url, key) == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("exempel/index.md", "samverkan.yaml"),
        ("exempel/kommunikation.md", "samverkan.yaml"),
        ("exempel/andringar.md", "samverkan.yaml"),
        ("exempel/roller.md", "roller.yaml"),
        ("exempel/processer/index.md", "processer.yaml"),
        ("exempel/processer/budget.md", "processer.yaml"),
        ("exempel/organisation/styrgrupp.md", "grupper.yaml"),
        ("exempel/arshjul/index.md", "grupper.yaml"),
        ("exempel/arshjul/mars.md", "grupper.yaml"),
        ("exempel/arshjul/2026.md", "motesplan-2026.yaml"),
        ("exempel/arshjul/2027.md", "grupper.yaml"),  # no plan for 2027: the rules in grupper.yaml
        ("exempel/checklistor/styrgrupp.md", "grupper.yaml"),
        ("exempel/moten/index.md", "samverkan.yaml"),
        ("exempel/kalender/index.md", "motesplan-2026.yaml"),  # the handbook year has a plan
    ],
)
def test_each_page_names_the_data_file_it_is_written_from(page: str, expected: str) -> None:
    c = read_handbook(FIXTURE_DATA).cooperations[0]
    assert source_file(c, page) == expected


def test_the_calendar_is_written_from_the_rules_in_a_year_without_a_plan() -> None:
    c = read_handbook(FIXTURE_DATA).cooperations[0]
    without = dataclasses.replace(c, schedules=())
    assert source_file(without, "exempel/kalender/index.md") == "grupper.yaml"
    assert source_file(without, "exempel/arshjul/2026.md") == "grupper.yaml"

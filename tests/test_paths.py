"""Addresses of pages and files: the one place that turns a docs path into a link or URL."""

from __future__ import annotations

import pytest

from generator.render import paths

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

"""Enumerated words are accepted with å, ä, ö or without, by the validator and the schema alike."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.model import MeetingStatus
from generator.validate import SCHEMA_FILES, read_handbook
from generator.validate.schema import schema_files

from conftest import Edit, run_generator


def meeting_schema() -> jsonschema.Draft202012Validator:
    """The schema editors get for a meeting's `status`."""
    schema = json.loads(schema_files(SCHEMA_FILES)["motesplan.schema.json"])
    return jsonschema.Draft202012Validator(schema["properties"]["moten"]["items"]["properties"]["status"])


@pytest.mark.parametrize("spelling", ["installt", "inställt", "Inställt", "INSTÄLLT", " inställt "])
def test_cancelled_in_every_spelling(data_copy: Path, edit: Edit, spelling: str) -> None:
    edit("motesplan-2026.yaml", "status: installt", f'status: "{spelling}"')
    (schedule,) = read_handbook(data_copy).cooperations[0].schedules
    assert schedule.meetings[1].status is MeetingStatus.CANCELLED
    if spelling == spelling.strip().lower():  # the schema, like the one for months, wants lower case
        assert meeting_schema().is_valid(spelling)


@pytest.mark.parametrize("spelling", ["instält", "inställd", "avlyst"])
def test_other_words_are_refused_by_both(data_copy: Path, edit: Edit, spelling: str) -> None:
    line = edit("motesplan-2026.yaml", "status: installt", f"status: {spelling}")
    result = run_generator("check", "--data", str(data_copy))
    assert f"motesplan-2026.yaml:{line}:13: okänt värde '{spelling}'; välj ett av: planerat, flyttat, installt" in (
        result.stderr
    )
    assert not meeting_schema().is_valid(spelling)

"""Month spans on the årshjul, by numbers (the pictures are tested in test_wheel.py)."""

from __future__ import annotations

import pytest

from generator.render.wheel.geometry import month_angles


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (1, 1, (0.0, 30.0)),
        (3, 5, (60.0, 150.0)),
        (12, 12, (330.0, 360.0)),
        (11, 2, (300.0, 420.0)),  # over the new year: past the top, never backwards
        (1, 12, (0.0, 360.0)),
        (4, 3, (90.0, 450.0)),  # a whole year that starts in April
    ],
)
def test_month_span_runs_clockwise_from_the_first_month_to_the_end_of_the_last(
    first: int, last: int, expected: tuple[float, float]
) -> None:
    assert month_angles(first, last) == expected

"""Date markers on a dated wheel: one shape per meeting status, so status never rests on colour.

`status_marker` is the one place that maps a status key to its shape and its words
in the key; a new status (a plan's 'forslag', 'exempel', …) is one more line there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...model import Cooperation, Meeting, MeetingStatus

R = 5.5  # a marker's half width in user units


@dataclass(frozen=True)
class Marker:
    shape: str  # 'circle', 'diamond', 'cross', 'ring', 'square'
    words: str  # what the key says, e.g. 'planerat möte'
    filled: bool  # filled with the body's colour, or white with a dashed outline

    @property
    def looks(self) -> str:
        """The shape in words, for the key on the page."""
        return _LOOKS[self.shape]


_LOOKS = {
    "circle": "fylld cirkel",
    "diamond": "fylld romb",
    "cross": "kryss i en ring",
    "ring": "streckad ring",
    "square": "streckad fyrkant",
}


_MARKERS = {
    "planerat": Marker("circle", "planerat möte", True),
    "flyttat": Marker("diamond", "flyttat möte", True),
    "installt": Marker("cross", "inställt möte", False),
    "forslag": Marker("ring", "föreslaget möte", False),
    "exempel": Marker("square", "exempel på möte", False),
}


def marker_key(c: Cooperation, meeting: Meeting) -> str:
    """What the marker shows: a move or a cancellation first, else how far the date has come."""
    plan = c.plan_status(meeting)
    if meeting.status is not MeetingStatus.PLANNED or plan.adopted:
        return meeting.status.value
    return plan.value


STATUS_KEYS = tuple(_MARKERS)  # the order in which a key lists the statuses


def status_marker(key: str) -> Marker:
    """The marker for a status key ('planerat', 'flyttat', 'installt', 'forslag', 'exempel');
    an unknown key gets a plain ring that the key calls by its own name."""
    return _MARKERS.get(key, Marker("ring", key, False))


def marker_svg(key: str, x: float, y: float, colour: str) -> str:
    marker = status_marker(key)
    fill = colour if marker.filled else "#ffffff"
    dash = "" if marker.filled else ' stroke-dasharray="2.5 1.5"'
    outline = f'fill="{fill}" stroke="#000000" stroke-width="1.5"{dash}'
    if marker.shape == "diamond":
        d = R * 1.25
        return (
            f'<path d="M{_f(x)} {_f(y - d)}L{_f(x + d)} {_f(y)}L{_f(x)} {_f(y + d)}L{_f(x - d)} {_f(y)}Z" {outline}/>'
        )
    if marker.shape == "square":
        return f'<rect x="{_f(x - R)}" y="{_f(y - R)}" width="{_f(2 * R)}" height="{_f(2 * R)}" {outline}/>'
    if marker.shape == "cross":
        d = R * 0.7
        return (
            f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(R)}" fill="#ffffff" stroke="#000000" stroke-width="1.5"/>'
            f'<path d="M{_f(x - d)} {_f(y - d)}L{_f(x + d)} {_f(y + d)}'
            f'M{_f(x - d)} {_f(y + d)}L{_f(x + d)} {_f(y - d)}"'
            ' stroke="#000000" stroke-width="2"/>'
        )
    return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(R)}" {outline}/>'


def _f(value: float) -> str:
    return f"{round(value, 2):g}"


def stack_levels(angles: list[float], radius: float = 340.0) -> list[int]:
    """A row for each marker (0 = outermost) so that markers on nearby days do not overlap."""
    gap = math.degrees(2.6 * R / radius)
    rows: list[list[float]] = []
    levels = []
    for angle in angles:
        level = next((i for i, row in enumerate(rows) if all(abs(angle - a) >= gap for a in row)), len(rows))
        if level == len(rows):
            rows.append([])
        rows[level].append(angle)
        levels.append(level)
    return levels

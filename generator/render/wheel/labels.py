"""Where an item's words go on the wheel: along its arc, one or two lines, only if they fit.

A label is kept inside its own sector (its months and its lane) with a margin, so it
can neither run into another label nor across a separating line. On the lower half
the text runs anticlockwise so that it reads upright.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .geometry import Arc, arc_length, baseline_radius, on_lower_half
from .textwidth import text_width

SIZES = (14.0, 12.0, 10.5)
PAD = 5.0  # user units kept free at each end of the arc
LINE = 1.2  # line height in em


@dataclass(frozen=True)
class Label:
    lines: tuple[tuple[str, Arc], ...]  # (text, the arc it follows), the first line on top as read
    size: float


def place_label(texts: tuple[str, ...], start: float, end: float, inner: float, outer: float) -> Label | None:
    """The first of `texts` that fits between the angles `start`–`end` and radii `inner`–`outer`,
    at the largest size that fits, on one line or else two; None when nothing fits."""
    for text in texts:
        for size in SIZES:
            for lines in ([text], _split(text)):
                label = _fit(lines, size, start, end, inner, outer)
                if label is not None:
                    return label
    return None


def _fit(lines: list[str], size: float, start: float, end: float, inner: float, outer: float) -> Label | None:
    if not lines or (outer - inner) < (len(lines) * LINE + 0.3) * size:
        return None
    middle = (start + end) / 2
    centre = (inner + outer) / 2
    offsets = [(i - (len(lines) - 1) / 2) * LINE * size for i in range(len(lines))]
    # Read top to bottom: on the upper half the top line is the outer one, on the lower half the inner one.
    sign = 1 if on_lower_half(middle) else -1
    placed = []
    for line, offset in zip(lines, offsets, strict=True):
        radius = baseline_radius(centre + sign * offset, size, middle)
        innermost = radius - (0.8 if sign > 0 else 0.25) * size  # glyphs rise inwards on the lower half
        if innermost <= PAD or text_width(line, size) / radius > math.radians(end - start) - 2 * PAD / innermost:
            return None
        placed.append((line, Arc(start, end, radius)))
    return Label(tuple(placed), size)


def _split(text: str) -> list[str]:
    """`text` as two lines of about equal width, broken at a space or after a slash; [] if it cannot be."""
    breaks = [i + 1 for i, ch in enumerate(text) if ch == " " or (ch == "/" and i + 1 < len(text))]
    if not breaks:
        return []
    best = min(breaks, key=lambda i: abs(text_width(text[:i], 1) - text_width(text[i:], 1)))
    return [text[:best].strip(), text[best:].strip()]


def fits_number(number: int, start: float, end: float, inner: float, outer: float, size: float) -> bool:
    """A horizontal number in the middle of the sector stays inside it (its box's diagonal fits)."""
    half = math.hypot(text_width(str(number), size), size) / 2 + 2
    centre = (inner + outer) / 2
    return (outer - inner) / 2 >= half and arc_length(end - start, centre) / 2 >= half

"""Geometry of the annual wheel: month → angle → SVG path, rounded so output is stable.

Angles are degrees clockwise from twelve o'clock; January starts at the top.
Kept apart from the markup so that it can be tested with numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SIZE = 800.0
CENTER = SIZE / 2
DEGREES_PER_MONTH = 30.0


def month_start_angle(month: int) -> float:
    """The angle where `month` (1–12) begins: January 0°, April 90°, July 180°."""
    return (month - 1) * DEGREES_PER_MONTH


def month_angles(first_month: int, last_month: int) -> tuple[float, float]:
    """The angles from the start of `first_month` to the end of `last_month`; a span from
    November to February wraps round the top: (300°, 420°)."""
    start = month_start_angle(first_month)
    return start, start + ((last_month - first_month) % 12 + 1) * DEGREES_PER_MONTH


@dataclass(frozen=True)
class Arc:
    """A baseline along the circle of `radius` from angle `start` to `end` (degrees clockwise from
    twelve o'clock, start < end); on the lower half it is read from `end` back to `start`."""

    start: float
    end: float
    radius: float


def exact_point(angle: float, radius: float) -> tuple[float, float]:
    """Where `angle` meets the circle of `radius`, not rounded (a glyph's place along an arc)."""
    radians = math.radians(angle)
    return CENTER + radius * math.sin(radians), CENTER - radius * math.cos(radians)


def point(angle: float, radius: float) -> tuple[float, float]:
    x, y = exact_point(angle, radius)
    return _round(x), _round(y)


def annular_sector(first_month: int, last_month: int, inner: float, outer: float) -> str:
    """The SVG path of the ring between `inner` and `outer` from the start of `first_month`
    to the end of `last_month` (December → January wraps round the top)."""
    start, end = month_angles(first_month, last_month)
    if end - start == 360:  # one arc cannot close a full circle: draw two halves
        return " ".join(_sector(start + half * 180, start + (half + 1) * 180, inner, outer) for half in (0, 1))
    return _sector(start, end, inner, outer)


def _sector(start: float, end: float, inner: float, outer: float) -> str:
    large = 1 if end - start > 180 else 0
    ox1, oy1 = point(start, outer)
    ox2, oy2 = point(end, outer)
    ix2, iy2 = point(end, inner)
    ix1, iy1 = point(start, inner)
    return (
        f"M{number(ox1)} {number(oy1)} A{number(outer)} {number(outer)} 0 {large} 1 {number(ox2)} {number(oy2)} "
        f"L{number(ix2)} {number(iy2)} A{number(inner)} {number(inner)} 0 {large} 0 {number(ix1)} {number(iy1)} Z"
    )


def middle(first_month: int, last_month: int, radius: float) -> tuple[float, float]:
    """The centre of a sector's arc at `radius`: where its label goes."""
    start, end = month_angles(first_month, last_month)
    return point((start + end) / 2, radius)


def day_angle(month: int, day: int, days_in_month: int) -> float:
    """The angle of the middle of `day` in `month`: every month has its 30°, however long it is."""
    return month_start_angle(month) + (day - 0.5) / days_in_month * DEGREES_PER_MONTH


def on_lower_half(angle: float) -> bool:
    """Text centred at `angle` would read upside down if it ran clockwise (between three and nine o'clock)."""
    return 90 < angle % 360 < 270


def read_from(start: float, end: float) -> tuple[float, int]:
    """Where words along the arc from angle `start` to `end` begin, and the way they run round:
    clockwise (1) on the upper half, anticlockwise (-1) on the lower, so that they read left to
    right and upright."""
    return (end, -1) if on_lower_half((start + end) / 2) else (start, 1)


def text_arc(start: float, end: float, radius: float) -> str:
    """The path a label follows from angle `start` to `end` (start < end, less than a full turn),
    in the way it reads (`read_from`)."""
    large = 1 if end - start > 180 else 0
    first, way = read_from(start, end)
    (x1, y1), (x2, y2) = point(first, radius), point(start + end - first, radius)
    sweep = 1 if way > 0 else 0
    r = number(radius)
    return f"M{number(x1)} {number(y1)} A{r} {r} 0 {large} {sweep} {number(x2)} {number(y2)}"


def baseline_radius(centre: float, size: float, angle: float) -> float:
    """Where the baseline goes so that text of `size` is centred on the circle `centre`: glyphs rise
    outwards on the upper half and inwards on the lower half, where the path runs the other way."""
    shift = 0.35 * size
    return centre + shift if on_lower_half(angle) else centre - shift


def arc_length(degrees: float, radius: float) -> float:
    return math.radians(degrees) * radius


def _round(value: float) -> float:
    rounded = round(value, 2)
    return 0.0 if rounded == 0 else rounded  # never '-0'


def number(value: float) -> str:
    """A coordinate as SVG text: two decimals at most, no trailing zeros, never "-0"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text

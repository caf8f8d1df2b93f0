"""The wheel's curved words (render/wheel/curved.py): on a path for browsers and CairoSVG, glyph by
glyph for the PDF, whose engine (WeasyPrint) has no textPath and drew such words in a heap at the
picture's corner. Read back from the PDF by pypdf, which did not write it."""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from generator.engines.pdf import FONT_DIR
from generator.render import paths
from generator.render.wheel import advances
from generator.render.wheel.curved import curved_text, placed_glyphs
from generator.render.wheel.geometry import CENTER, Arc
from generator.render.wheel.rings import wheel_rings
from generator.validate import read_handbook

MONTHS = ("Januari", "Februari", "Mars", "April", "Maj", "Juni", "Juli", "Augusti", "September", "Oktober",
          "November", "December")  # fmt: skip


def advance(char: str, size: float, bold: bool = False) -> float:
    table = advances.BOLD if bold else advances.REGULAR
    return next(width for width, chars in table.items() if char in chars) * size / advances.UNITS_PER_EM


def baseline_middles(text: str, arc: Arc, size: float) -> list[tuple[float, float]]:
    """Where the middle of each glyph's baseline lands: its origin moved half its advance along its turn."""
    middles = []
    for char, (x, y, turn) in zip(text, placed_glyphs(text, arc, size, False), strict=True):
        half = advance(char, size) / 2
        middles.append((x + math.cos(math.radians(turn)) * half, y + math.sin(math.radians(turn)) * half))
    return middles


def clockwise(x: float, y: float) -> float:
    """The angle of a point round the wheel's centre, clockwise from twelve o'clock."""
    return math.degrees(math.atan2(x - CENTER, CENTER - y)) % 360


@pytest.mark.parametrize(
    ("start", "end", "upright_turn", "reads_left_to_right"),
    [
        (0, 30, 15, True),  # January, near the top: along the circle, clockwise
        (60, 120, 90, None),  # at three o'clock: downwards, the letters' tops outwards
        (150, 210, 0, True),  # at the bottom: read anticlockwise, so upright and left to right
        (90, 150, -60, True),  # April–May, lower half
        (240, 300, -90, None),  # at nine o'clock: upwards
    ],
)
def test_each_glyph_sits_on_the_arc_turned_along_it_and_the_words_read_upright(
    start: float, end: float, upright_turn: float, reads_left_to_right: bool | None
) -> None:
    text, arc, size = "Budget och bokslut", Arc(start, end, 300), 14
    glyphs = placed_glyphs(text, arc, size, False)
    middles = baseline_middles(text, arc, size)
    for x, y in middles:  # every glyph's baseline touches the circle at its middle
        assert math.isclose(math.hypot(x - CENTER, y - CENTER), 300, abs_tol=1e-6)
    angles = [clockwise(x, y) for x, y in middles]
    for (before, after), (a, b) in zip(itertools.pairwise(angles), itertools.pairwise(text), strict=True):
        gap = math.radians(abs(after - before)) * 300  # glyphs follow each other by half of each advance
        assert math.isclose(gap, (advance(a, size) + advance(b, size)) / 2, rel_tol=1e-6)
    assert math.isclose((angles[0] + angles[-1]) / 2, (start + end) / 2, abs_tol=0.5)  # centred on the arc
    middle_turn = glyphs[len(text) // 2][2]
    assert math.isclose(middle_turn, upright_turn, abs_tol=3)
    if reads_left_to_right is not None:
        assert (glyphs[-1][0] > glyphs[0][0]) is reads_left_to_right


@pytest.mark.parametrize(
    ("text", "shown", "count"),
    [
        ("Budget", "Budget", 6),
        ('R&D <b>"x"</b>', "R&amp;D &lt;b&gt;&quot;x&quot;&lt;/b&gt;", 14),  # escaped, one position per character
        ("Två   mellanslag", "Två mellanslag", 14),  # a renderer joins the spaces: so are the positions
        ("Ωmega", "Ωmega", 5),  # a letter outside the table still has its place
        ("A\u030arsbokslut fo\u0308r a\u030aret", "Årsbokslut för året", 19),  # å typed as a and a ring: one letter
    ],
)
def test_placed_words_are_escaped_text_with_one_position_per_character(text: str, shown: str, count: int) -> None:
    markup = curved_text(text, Arc(0, 60, 300), 12, "#000000", bold=False, path_id="id", on_path=False)
    assert f">{shown}</text>" in markup and "textPath" not in markup
    element = ET.fromstring(markup)
    for attribute in ("x", "y", "rotate"):
        assert len(element.attrib[attribute].split(" ")) == count == len(element.text or ""), attribute


def test_on_a_path_the_words_follow_a_text_path_for_the_browser_to_set() -> None:
    markup = curved_text("Maj & juni", Arc(120, 180, 300), 16, "#ffffff", bold=True, path_id="hjul-m5", on_path=True)
    assert '<path id="hjul-m5" d="M' in markup
    assert re.search(r'<text font-size="16" font-weight="700" fill="#ffffff"><textPath xlink:href="#hjul-m5"', markup)
    assert ">Maj &amp; juni</textPath>" in markup


@pytest.mark.parametrize(
    ("table", "font"), [("REGULAR", "LiberationSans-Regular.ttf"), ("BOLD", "LiberationSans-Bold.ttf")]
)
def test_the_advances_are_the_pdf_fonts(table: str, font: str) -> None:
    """After a change of the font: .venv/bin/python tools/wheel_advances.py"""
    face = TTFont(FONT_DIR / font)
    glyphs, metrics = face.getBestCmap(), face["hmtx"]
    assert face["head"].unitsPerEm == advances.UNITS_PER_EM
    kept = getattr(advances, table)
    assert sum(len(chars) for chars in kept.values()) > 300
    for width, chars in kept.items():
        for char in chars:
            assert metrics[glyphs[ord(char)]][0] == width, f"{char!r}: kör .venv/bin/python tools/wheel_advances.py"


def test_the_pdf_sets_the_month_names_round_the_wheel_in_order(planned_data: Path, planned_site: Path) -> None:
    """Each month's name where its sector is: on one circle, a twelfth of a turn apart, clockwise.
    (WeasyPrint drew a textPath's words in a heap at the picture's corner, all at one point.)"""
    drawn = [c for c in read_handbook(planned_data).cooperations if wheel_rings(c)]
    assert drawn
    for c in drawn:
        found = month_names_in(planned_site / paths.pdf_file(c))
        assert list(found) == list(MONTHS), c.id
        centre_x = sum(x for x, _ in found.values()) / 12
        centre_y = sum(y for _, y in found.values()) / 12
        radii = [math.hypot(x - centre_x, y - centre_y) for x, y in found.values()]
        assert min(radii) > 0.8 * max(radii) > 50  # on one circle, of the wheel's size
        # Page coordinates run upwards: clockwise on paper is the angle falling. Each name is found by
        # its first letter, which is not its middle (and on the lower half is its clockwise end): a
        # step is about a twelfth of a turn, and twelve such steps are one turn, in order.
        turns = [math.degrees(math.atan2(y - centre_y, x - centre_x)) for x, y in found.values()]
        steps = [(before - after) % 360 for before, after in itertools.pairwise([*turns, turns[0]])]
        assert all(15 < step < 45 for step in steps), steps


def month_names_in(pdf: Path) -> dict[str, tuple[float, float]]:
    """Where each month's name begins on the first page that has the wheel, by pypdf's reading."""
    found: dict[str, tuple[float, float]] = {}

    def seen(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        month = next((m for m in MONTHS if len(text.strip()) >= 3 and m.startswith(text.strip())), None)
        if size == 16 and month and month not in found:  # the month ring's size; the table's text is smaller
            found[month] = (tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

    for page in PdfReader(pdf).pages:
        if not found:
            page.extract_text(visitor_text=seen)
    return found

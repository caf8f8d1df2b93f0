"""Words along an arc of the wheel (the months, the items' labels), as SVG in one of two forms.

On a path (<textPath>, centred on the arc): browsers and CairoSVG set the words in whatever font
they have. WeasyPrint, which makes the PDF, has no textPath: it set such words in a heap at the
picture's top left corner. For the PDF each glyph is placed and turned on its own instead
(`x`, `y` and `rotate` for every character), where a textPath would put it: the middle of its
baseline on the arc, turned along the arc there. That needs each glyph's advance, which is known
for the PDF's font (Liberation Sans, advances.py) but not for a browser's, so the page and the
picture files keep the path.
"""

from __future__ import annotations

import math
import unicodedata

from ..markdown import html_text
from . import advances
from .geometry import Arc, exact_point, number, read_from, text_arc

_WIDTHS = {
    bold: {char: width for width, chars in table.items() for char in chars}
    for bold, table in ((False, advances.REGULAR), (True, advances.BOLD))
}


def curved_text(text: str, arc: Arc, size: float, fill: str, *, bold: bool, path_id: str, on_path: bool = True) -> str:
    """`text` centred on `arc`: on a path named `path_id`, or (not `on_path`) glyph by glyph."""
    weight = ' font-weight="700"' if bold else ""
    style = f'font-size="{size:g}"{weight} fill="{fill}"'
    if on_path:
        return (
            f'<defs><path id="{path_id}" d="{text_arc(arc.start, arc.end, arc.radius)}"/></defs>'
            f'<text {style}><textPath xlink:href="#{path_id}" href="#{path_id}" startOffset="50%"'
            f' text-anchor="middle">{html_text(text)}</textPath></text>'
        )
    # One position per character the engine sets: it joins runs of spaces, and sets a letter and an
    # accent typed apart (as macOS and PDFs often give 'å') as two, so they are joined into one first.
    words = unicodedata.normalize("NFC", " ".join(text.split()))
    glyphs = placed_glyphs(words, arc, size, bold)
    xs, ys, turns = (" ".join(number(glyph[part]) for glyph in glyphs) for part in range(3))
    return f'<text {style} x="{xs}" y="{ys}" rotate="{turns}">{html_text(words)}</text>'


def placed_glyphs(text: str, arc: Arc, size: float, bold: bool) -> list[tuple[float, float, float]]:
    """Each character's origin (x, y) and turn (degrees clockwise) for `text` centred on `arc`."""
    known = _WIDTHS[bold]
    widths = [known.get(char, known["0"]) * size / advances.UNITS_PER_EM for char in text]  # else a digit's
    first, way = read_from(arc.start, arc.end)
    length = math.radians(arc.end - arc.start) * arc.radius
    along = (length - sum(widths)) / 2  # from where the arc is read from, to the first glyph
    glyphs = []
    for width in widths:
        middle = math.degrees((along + width / 2) / arc.radius)
        angle = first + way * middle
        turn = angle if way > 0 else angle + 180  # the way the text runs at that point
        run_x, run_y = math.cos(math.radians(turn)), math.sin(math.radians(turn))
        x, y = exact_point(angle, arc.radius)
        glyphs.append((x - run_x * width / 2, y - run_y * width / 2, (turn + 180) % 360 - 180))
        along += width
    return glyphs

"""The wheel's legend and key, drawn under the wheel inside the same SVG.

So a downloaded picture can be read on its own: which ring is which (in words,
inside out), what each colour stands for, what the numbers mean where no words
fitted, and what each date marker's shape says.
"""

from __future__ import annotations

from ..markdown import Markdown, html_text, plain
from .markers import STATUS_KEYS, marker_svg, status_marker
from .rings import DatedMeeting, Item, Ring
from .textwidth import text_width

LEFT = 24.0  # where the legend's column begins when it is under the wheel
WIDTH = 752.0  # the column's width there: the viewBox's width less the margins
SIZE = 15.0
STEP = 22.0
SWATCH = 16.0


def ring_position(index: int, count: int) -> str:
    """A ring's place in words: 'Innerst', 'Ring 2', 'Ytterst'; never a code to look up."""
    if count == 1:
        return "Ringen"
    if index == 0:
        return "Innerst"
    return "Ytterst" if index == count - 1 else f"Ring {index + 1}"


def ring_summary(rings: list[Ring]) -> Markdown:
    """The rings in a sentence, inside out: 'innerst Årsprocesser …, sedan Styrgrupp och ytterst Råd'."""
    names = [plain(r.name) for r in rings]
    if not names:
        return Markdown("")
    if len(names) == 1:
        return Markdown(f"ringen är {names[0]}")
    middle = "".join(f", sedan {n}" for n in names[1:-1])
    return Markdown(f"innerst {names[0]}{middle} och ytterst {names[-1]}")


def legend(
    rings: list[Ring],
    numbered: list[Item],
    meetings: list[DatedMeeting],
    top: float,
    left: float = LEFT,
    width: float = WIDTH,
) -> tuple[list[str], float]:
    """The legend's markup in a column `width` wide from (`left`, `top`) down, and where it ends."""
    right = left + width
    parts = ['<g class="hb-arshjul__teckenforklaring">']
    y = top + STEP
    if rings:
        parts.append(_text(left, y, "Ringarna, inifrån och ut", bold=True))
        y += STEP
    for index, ring in enumerate(rings):
        position = ring_position(index, len(rings))
        if ring.colour is not None:
            parts.append(_swatch(left, y, ring.colour))
            y = _wrapped(parts, right, left + SWATCH + 8, y, f"{position}: {ring.name}")
            continue
        y = _wrapped(parts, right, left, y, f"{position}: {ring.name}")
        for colour, name in ring.swatches:
            parts.append(_swatch(left + 16, y, colour))
            y = _wrapped(parts, right, left + 16 + SWATCH + 8, y, name)
    if numbered:
        y += STEP / 2
        parts.append(_text(left, y, "Siffrorna i hjulet", bold=True))
        y += STEP
        for item in numbered:
            parts.append(_text(left, y, str(item.number), bold=True))
            y = _wrapped(parts, right, left + 32, y, item.title)
    if meetings:
        y += STEP / 2
        y = _status_key(parts, left, right, y, meetings)
    parts.append("</g>")
    return parts, round(y + 4, 2)


def _status_key(parts: list[str], left: float, right: float, y: float, meetings: list[DatedMeeting]) -> float:
    parts.append(_text(left, y, "Mötesdagar: märkets form visar mötets status", bold=True))
    y += STEP
    present = dict.fromkeys(m.status for m in meetings)
    keys = [k for k in STATUS_KEYS if k in present] + [k for k in present if k not in STATUS_KEYS]
    x = left
    for key in keys:
        words = status_marker(key).words
        needed = 2 * SWATCH + text_width(words, SIZE)
        if x > left and x + needed > right:
            x, y = left, y + STEP
        parts.append(marker_svg(key, x + 7, y - 5, "#878787"))
        parts.append(_text(x + 20, y, words))
        x += needed + 8
    return y + STEP


def _wrapped(parts: list[str], right: float, x: float, y: float, text: str) -> float:
    """`text` from `x` to `right` on as many lines as it needs; returns the next line's y."""
    for line in wrap(text, right - x, SIZE):
        parts.append(_text(x, y, line))
        y += STEP
    return y


def wrap(text: str, width: float, size: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] += f" {word}"
        else:
            while text_width(word, size) > width and len(word) > 1:  # a word longer than the line: break it
                cut = next(i for i in range(len(word), 0, -1) if text_width(word[:i], size) <= width)
                lines.append(word[:cut])
                word = word[cut:]
            lines.append(word)
    return lines


def _text(x: float, y: float, text: str, bold: bool = False) -> str:
    weight = ' font-weight="700"' if bold else ""
    return f'<text x="{x:g}" y="{y:g}" font-size="{SIZE:g}"{weight} fill="#000000">{html_text(text)}</text>'


def _swatch(x: float, y: float, colour: str) -> str:
    return (
        f'<rect x="{x:g}" y="{y - 12:g}" width="{SWATCH:g}" height="{SWATCH:g}" fill="{colour}"'
        ' stroke="#000000" stroke-width="1"/>'
    )

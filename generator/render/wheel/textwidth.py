"""How wide a line of text is, estimated without a browser, so labels are placed only where they fit.

The widths are DejaVu Sans Bold's advances (in em): wider than Arial, Helvetica and
Segoe UI, and what Linux and CairoSVG fall back to. Estimating with the widest font
we may meet means a label that fits here fits in every renderer.
"""

from __future__ import annotations

_GROUPS = {
    0.31: "'",
    0.34: "ijl",
    0.35: " ",
    0.36: "/\\|",
    0.37: "IJ",
    0.38: ",.",
    0.40: ":;",
    0.41: "-",
    0.43: "f",
    0.46: "!()[]",
    0.48: "t",
    0.49: "r",
    0.50: "_`–§",
    0.52: '"*',
    0.58: "?z",
    0.59: "cs",
    0.64: "L",
    0.65: "vxy«»",
    0.67: "k",
    0.68: "EFTaeåäéÉ",
    0.69: "oö",
    0.70: "$0123456789",
    0.71: "hnu{}ü",
    0.72: "SYZbdgpq",
    0.73: "CP",
    0.76: "B",
    0.77: "ARVXÅÄ",
    0.78: "K",
    0.81: "UÜ",
    0.82: "G",
    0.83: "D",
    0.84: "#+<=>HN^~",
    0.85: "OQÖ",
    0.87: "&",
    0.92: "w",
    0.99: "M",
    1.00: "%@—…",
    1.04: "m",
    1.10: "W",
}
_WIDTHS = {char: width for width, chars in _GROUPS.items() for char in chars}
_UNKNOWN = 1.1  # a character not in the table: assume the widest


def text_width(text: str, size: float) -> float:
    """The estimated advance of `text` at font size `size` (user units)."""
    return sum(_WIDTHS.get(char, _UNKNOWN) for char in text) * size

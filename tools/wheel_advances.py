"""Writes generator/render/wheel/advances.py: the advance widths of the PDF's font (Liberation
Sans, regular and bold, in engines/fonts/) for the characters a wheel's words are written in.
The print edition places the glyphs of the wheel's curved words one by one (render/wheel/curved.py),
which needs each glyph's advance; render reads no files, so the widths are kept as code, and
tests/test_wheel_text.py checks that they are the font's. After a change of the font, run

    .venv/bin/python tools/wheel_advances.py
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.engines.pdf import FONT_DIR
from generator.write import write_file

TARGET = ROOT / "generator" / "render" / "wheel" / "advances.py"
# Basic Latin, Latin-1, Latin Extended-A, dashes, quotes and the like, the euro sign.
RANGES = ((0x20, 0x7E), (0xA0, 0x17F), (0x2010, 0x2027), (0x2030, 0x203A), (0x20AC, 0x20AC))
FACES = {"REGULAR": "LiberationSans-Regular.ttf", "BOLD": "LiberationSans-Bold.ttf"}


def font_advances(file_name: str) -> tuple[int, dict[str, int]]:
    """The font's units per em and the advance of each character in RANGES that it has."""
    font = TTFont(FONT_DIR / file_name)
    glyphs = font.getBestCmap()
    metrics = font["hmtx"]
    characters = (chr(code) for first, last in RANGES for code in range(first, last + 1) if code in glyphs)
    return font["head"].unitsPerEm, {char: metrics[glyphs[ord(char)]][0] for char in characters}


def module() -> str:
    lines = [
        '"""The advance widths of Liberation Sans, the PDF\'s font, in units of UNITS_PER_EM: written by',
        "tools/wheel_advances.py from engines/fonts/ (do not edit; run it again after a change of the font).",
        '"""',
        "",
    ]
    units = set()
    for name, file_name in FACES.items():
        per_em, advances = font_advances(file_name)
        units.add(per_em)
        groups: dict[int, str] = defaultdict(str)
        for char, advance in advances.items():
            groups[advance] += char
        lines += [
            "",
            f"{name} = {{",
            *(f"    {width}: {_quoted(chars)}," for width, chars in sorted(groups.items())),
            "}",
        ]
    assert len(units) == 1, units
    lines.insert(4, f"UNITS_PER_EM = {units.pop()}")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    """`text` as a Python literal the way `ruff format` writes it: in double quotes, unless it has
    double quotes and no single ones; invisible characters (no-break space, soft hyphen) escaped."""
    literal = repr(text)
    if literal.startswith('"') or '"' not in text:
        return '"' + literal[1:-1].replace("\\'", "'") + '"' if literal.startswith("'") else literal
    return literal


if __name__ == "__main__":
    write_file(TARGET, module())
    print(f"Skrev {TARGET.relative_to(ROOT)}.")

"""The wheel as a PNG for slides and print, rasterised by CairoSVG from the same SVG.

CairoSVG (with Debian's libcairo2) draws the picture; nothing here draws pixels
by hand. Cairo writes no time stamp, so the same SVG gives the same bytes.
"""

from __future__ import annotations

import cairosvg

from ..render.wheel.svg import PNG_WIDTH


def png_from_svg(svg: str) -> bytes:
    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=PNG_WIDTH)
    assert isinstance(png, bytes)
    return png


def png_path(svg_path: str) -> str:
    return svg_path.removesuffix(".svg") + ".png"

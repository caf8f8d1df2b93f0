"""The wheel's PNG is packed by the generator (engines/raster.png_file), not by cairo: read back
by Pillow, a decoder of its own, it must hold the pixels cairo draws, alpha included."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops

from generator.engines.raster import png_file, png_from_svg

# (what the row shows, width, height, RGBA bytes): transparent, half-covered and opaque pixels.
PIXELS = [
    ("one opaque pixel", 1, 1, bytes([200, 10, 30, 255])),
    ("a transparent pixel keeps its zero alpha", 1, 1, bytes([0, 0, 0, 0])),
    ("half-covered edge pixels", 2, 1, bytes([255, 0, 0, 128, 0, 0, 255, 1])),
    ("rows are kept apart", 2, 2, bytes(range(16))),
    ("a row of a whole wheel's width", 3200, 1, bytes(range(256)) * 50),
]


@pytest.mark.parametrize(("width", "height", "rgba"), [row[1:] for row in PIXELS], ids=[row[0] for row in PIXELS])
def test_pillow_reads_back_the_pixels_written(width: int, height: int, rgba: bytes) -> None:
    png = png_file(width, height, rgba)
    with Image.open(io.BytesIO(png)) as image:
        image.verify()  # the chunks' lengths and checksums
    with Image.open(io.BytesIO(png)) as image:
        assert (image.format, image.mode, image.size) == ("PNG", "RGBA", (width, height))
        assert image.tobytes() == rgba


WHEEL = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">'
    '<circle cx="150" cy="150" r="120" fill="#1f6f8b" fill-opacity="0.6"/>'
    '<path d="M150 30 A120 120 0 0 1 270 150" stroke="#c0392b" stroke-width="9" fill="none"/>'
    '<text x="40" y="160" font-size="30" font-family="Arial">Mars – Råd</text></svg>'
)


@pytest.mark.slow
def test_the_drawn_pixels_are_those_cairo_writes_itself() -> None:
    """Antialiased and translucent areas over a transparent background are where undoing cairo's
    premultiplied alpha could go wrong: the file must decode to what cairo's own PNG writer gives.
    Pillow rounds that division down where cairo rounds it to the nearest value, so a colour may
    differ by 1 in 255, and only where a pixel is partly covered."""
    import cairosvg

    ours = png_from_svg(WHEEL)
    cairos = cairosvg.svg2png(bytestring=WHEEL.encode(), output_width=3200)
    with Image.open(io.BytesIO(ours)) as mine, Image.open(io.BytesIO(cairos)) as theirs:
        assert mine.size == theirs.size == (3200, 2400)
        mine, theirs = mine.convert("RGBA"), theirs.convert("RGBA")
        assert mine.getchannel("A").tobytes() == theirs.getchannel("A").tobytes()
        partial = Image.eval(mine.getchannel("A"), lambda alpha: 0 if alpha in (0, 255) else 255)
        assert partial.getextrema() == (0, 255)  # the picture has partly covered pixels to compare
        difference = ImageChops.difference(mine, theirs)
        assert [high for _, high in difference.getextrema()] == [1, 1, 1, 0]
        outside = ImageChops.multiply(difference.convert("L"), ImageChops.invert(partial))
        assert outside.getbbox() is None  # fully covered and empty pixels are exactly cairo's

"""The wheel's PNG is packed by the generator (engines/raster.png_file), not by cairo: read back
by Pillow, a decoder of its own, it must hold the pixels cairo draws, alpha included."""

from __future__ import annotations

import io
import sys
import zlib

import pytest
from PIL import Image, ImageChops

from generator.engines import binaries
from generator.engines.raster import png_file, png_from_svg

# (what the row shows, width, height, RGBA bytes): transparent, half-covered and opaque pixels.
PIXELS = [
    ("one opaque pixel", 1, 1, bytes([200, 10, 30, 255])),
    ("a transparent pixel keeps its zero alpha", 1, 1, bytes([0, 0, 0, 0])),
    ("half-covered edge pixels", 2, 1, bytes([255, 0, 0, 128, 0, 0, 255, 1])),
    ("rows are kept apart", 2, 2, bytes(range(16))),
    ("a row of a whole wheel's width", 3200, 1, bytes(range(256)) * 50),
]


def rows(width: int, rgba: bytes) -> list[bytes]:
    return [rgba[start : start + width * 4] for start in range(0, len(rgba), width * 4)]


@pytest.mark.parametrize(("width", "height", "rgba"), [row[1:] for row in PIXELS], ids=[row[0] for row in PIXELS])
def test_pillow_reads_back_the_pixels_written(width: int, height: int, rgba: bytes) -> None:
    png = png_file(width, height, rows(width, rgba))
    with Image.open(io.BytesIO(png)) as image:
        image.verify()  # the chunks' lengths and checksums
    with Image.open(io.BytesIO(png)) as image:
        assert (image.format, image.mode, image.size) == ("PNG", "RGBA", (width, height))
        assert image.tobytes() == rgba


# (what is wrong, width, height, rows): a file that would not be the picture it claims is not written.
WRONG = [
    ("no pixels at all", 0, 0, []),
    ("a row too short", 2, 1, [bytes(7)]),
    ("a row too long", 2, 1, [bytes(9)]),
    ("a row missing", 1, 2, [bytes(4)]),
    ("a row too many", 1, 1, [bytes(4), bytes(4)]),
]


@pytest.mark.parametrize(("width", "height", "given"), [row[1:] for row in WRONG], ids=[row[0] for row in WRONG])
def test_rows_that_do_not_fit_the_size_are_refused(width: int, height: int, given: list[bytes]) -> None:
    with pytest.raises(ValueError):
        png_file(width, height, given)


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
    differ by 1 in 255, and only where a pixel is partly covered. 2400 rows: many bands (raster.BAND)."""
    import cairosvg

    ours = png_from_svg(WHEEL)
    cairos = cairosvg.svg2png(bytestring=WHEEL.encode(), output_width=3200)
    with Image.open(io.BytesIO(ours)) as mine_file, Image.open(io.BytesIO(cairos)) as theirs_file:
        assert mine_file.size == theirs_file.size == (3200, 2400)
        mine, theirs = mine_file.convert("RGBA"), theirs_file.convert("RGBA")
    assert mine.getchannel("A").tobytes() == theirs.getchannel("A").tobytes()
    partial = Image.eval(mine.getchannel("A"), lambda alpha: 0 if alpha in (0, 255) else 255)
    assert partial.getextrema() == (0, 255)  # the picture has partly covered pixels to compare
    difference = ImageChops.difference(mine, theirs).convert("RGB")  # the alphas are equal (above)
    assert difference.point(lambda value: 255 if value > 1 else 0).getbbox() is None  # at most 1 in 255
    changed = difference.point(lambda value: 255 if value else 0).convert("L")
    outside = ImageChops.multiply(changed, ImageChops.invert(partial))
    assert outside.getbbox() is None  # fully covered and empty pixels are exactly cairo's


@pytest.mark.slow
def test_a_big_endian_machine_gets_cairos_own_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cairo's pixels are B, G, R, A in memory only where the machine is little-endian."""
    import cairosvg

    monkeypatch.setattr(sys, "byteorder", "big")
    assert png_from_svg(WHEEL) == cairosvg.svg2png(bytestring=WHEEL.encode(), output_width=3200)


def test_the_png_is_kept_under_the_zlib_that_packs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another zlib may pack the same pixels into other bytes: a PNG from the cache must not differ
    from one drawn now, so the version is part of its key."""
    binaries._code.cache_clear()
    before = binaries._code("png")
    monkeypatch.setattr(zlib, "ZLIB_RUNTIME_VERSION", "0.0.0-another")
    binaries._code.cache_clear()
    try:
        assert binaries._code("png") != before
    finally:
        binaries._code.cache_clear()

"""The wheel as a PNG for slides and print, rasterised by CairoSVG from the same SVG.

CairoSVG (with Debian's libcairo2) draws the picture; nothing here draws pixels
by hand. The drawn pixels are packed into a PNG here (`png_file`): cairo's own PNG writer
tries five row filters on every row and took two thirds of the time, while the wheel's
large flat areas pack about as well with none. At zlib's level 3 the shipped wheel is packed
in a fifth of the time into 715 kB (cairo's file: 745 kB; level 6 gives 585 kB in twice the
time); a picture with less flat colour may come out larger than cairo's. The pixels are
cairo's, but for a partly covered pixel's colour, which may be 1 in 255 darker (Pillow undoes
the premultiplied alpha). No time stamp is written, so the same SVG gives the same bytes.

Cairo finds its fonts through fontconfig's current configuration, which on an ordinary
desktop maps the SVG's 'Segoe UI, Arial, Helvetica' to whatever the machine has (DejaVu
Sans, Nimbus Sans from Ghostscript's URW fonts, Liberation Sans). Before the first
picture the engine makes the current configuration one that holds only the project's own
fonts (engines/fonts/, the PDF's Liberation Sans) and maps every family to them, so the
PNG's letters are the same on every machine.
"""

from __future__ import annotations

import ctypes
import functools
import struct
import sys
import zlib
from collections.abc import Iterable
from typing import Any

from ..render.wheel.svg import PNG_WIDTH
from . import libraries
from .pdf import FONT_DIR
from .unavailable import PdfUnavailable

FAMILY = "Liberation Sans"
SIGNATURE = b"\x89PNG\r\n\x1a\n"  # the first eight bytes of every PNG
BAND = 64  # rows taken at a time from cairo's pixels: 0.8 MB at the wheel's width
# Every family the SVG may ask for, and any fallback for a missing glyph, is the project's font.
_CONFIG = f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <cachedir prefix="xdg">fontconfig</cachedir>
  <match target="pattern">
    <edit name="family" mode="assign_replace" binding="strong"><string>{FAMILY}</string></edit>
  </match>
</fontconfig>
"""


class FontsUnavailable(PdfUnavailable):
    """Fontconfig could not be given the project's fonts; the message says why, in Swedish."""


def png_from_svg(svg: str) -> bytes:
    with libraries.file_names_only():
        from cairosvg.surface import PNGSurface  # a fifth of a second to import: not on a warm build

    class Packed(PNGSurface):  # type: ignore[misc]  # CairoSVG's PNG surface, packed by png_file
        def finish(self) -> None:  # PNGSurface.finish would write cairo's own PNG: past it to Surface's
            self.output.write(_packed(self.cairo))
            super(PNGSurface, self).finish()

    _project_fonts_only()
    png = Packed.convert(bytestring=svg.encode("utf-8"), output_width=PNG_WIDTH)
    assert isinstance(png, bytes)
    return png


def _packed(surface: Any) -> bytes:
    """The PNG of cairo's image `surface`: 32-bit pixels, alpha premultiplied, in the machine's
    byte order, taken a band of rows at a time (a whole copy of a wheel's pixels is 24 MB)."""
    if sys.byteorder != "little":  # each pixel's bytes are B, G, R, A only on a little-endian machine
        return bytes(surface.write_to_png())
    surface.flush()
    width, height, stride = surface.get_width(), surface.get_height(), surface.get_stride()
    pixels = memoryview(surface.get_data())
    bands = (
        _unpremultiplied(pixels[top * stride :], width, min(BAND, height - top), stride)
        for top in range(0, height, BAND)
    )
    return png_file(width, height, (row for band in bands for row in band))


def _unpremultiplied(pixels: memoryview, width: int, rows: int, stride: int) -> list[bytes]:
    """`rows` rows of 8-bit RGBA from cairo's premultiplied BGRA. Pillow rounds the division
    down where cairo rounds it to the nearest, so a partly covered pixel's colour may be 1 in 255 darker."""
    from PIL import Image  # comes with CairoSVG and WeasyPrint

    band = Image.frombuffer("RGBA", (width, rows), bytes(pixels[: rows * stride]), "raw", "BGRa", stride, 1).tobytes()
    return [band[start : start + width * 4] for start in range(0, rows * width * 4, width * 4)]


def png_file(width: int, height: int, rows: Iterable[bytes]) -> bytes:
    """A PNG (ISO/IEC 15948) of `height` rows of `width` 8-bit RGBA pixels, each row unfiltered,
    packed by zlib at level 3."""
    packer = zlib.compressobj(3, zlib.DEFLATED, 15, 9)
    packed: list[bytes] = []
    count = 0
    for row in rows:
        if len(row) != width * 4:
            raise ValueError(f"a row of {len(row)} bytes in a PNG {width} pixels wide")
        packed.append(packer.compress(b"\0" + row))
        count += 1
    if count != height or not width:
        raise ValueError(f"{count} rows of {width} pixels in a PNG {height} rows high")
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8 bits, RGBA, deflate, no filter, no interlace
    pixels = b"".join(packed) + packer.flush()
    return SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", pixels) + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_path(svg_path: str) -> str:
    return svg_path.removesuffix(".svg") + ".png"


@functools.cache
def _project_fonts_only() -> None:
    """Once per process: fontconfig's current configuration holds the project's fonts and nothing else."""
    library = libraries.opened("libfontconfig.so.1", "fontconfig")
    if library is None:
        raise FontsUnavailable("Årshjulets typsnitt kunde inte ges till fontconfig: biblioteket fontconfig saknas.")
    library.FcConfigCreate.restype = ctypes.c_void_p
    library.FcConfigParseAndLoadFromMemory.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    library.FcConfigAppFontAddDir.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    library.FcConfigSetCurrent.argtypes = [ctypes.c_void_p]
    config = library.FcConfigCreate()
    loaded = library.FcConfigParseAndLoadFromMemory(config, _CONFIG.encode(), 1)
    added = library.FcConfigAppFontAddDir(config, str(FONT_DIR).encode())
    if not (config and loaded and added and library.FcConfigSetCurrent(config)):
        raise FontsUnavailable(f"Årshjulets typsnitt ({FONT_DIR}) kunde inte ges till fontconfig.")

"""The wheel as a PNG for slides and print, rasterised by CairoSVG from the same SVG.

CairoSVG (with Debian's libcairo2) draws the picture; nothing here draws pixels
by hand. Cairo writes no time stamp, so the same SVG gives the same bytes.

Cairo finds its fonts through fontconfig's current configuration, which on an ordinary
desktop maps the SVG's 'Segoe UI, Arial, Helvetica' to whatever the machine has (DejaVu
Sans, Nimbus Sans from Ghostscript's URW fonts, Liberation Sans). Before the first
picture the engine makes the current configuration one that holds only the project's own
fonts (engines/fonts/, the PDF's Liberation Sans) and maps every family to them, so the
PNG's letters are the same on every machine.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

from ..render.wheel.svg import PNG_WIDTH
from .pdf import FONT_DIR
from .unavailable import PdfUnavailable

FAMILY = "Liberation Sans"
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
    import cairosvg  # a fifth of a second to import: only when a wheel is drawn, not on a warm build

    _project_fonts_only()
    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=PNG_WIDTH)
    assert isinstance(png, bytes)
    return png


def png_path(svg_path: str) -> str:
    return svg_path.removesuffix(".svg") + ".png"


@functools.cache
def _project_fonts_only() -> None:
    """Once per process: fontconfig's current configuration holds the project's fonts and nothing else."""
    library = ctypes.CDLL(ctypes.util.find_library("fontconfig") or "libfontconfig.so.1")
    library.FcConfigCreate.restype = ctypes.c_void_p
    library.FcConfigParseAndLoadFromMemory.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    library.FcConfigAppFontAddDir.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    library.FcConfigSetCurrent.argtypes = [ctypes.c_void_p]
    config = library.FcConfigCreate()
    loaded = library.FcConfigParseAndLoadFromMemory(config, _CONFIG.encode(), 1)
    added = library.FcConfigAppFontAddDir(config, str(FONT_DIR).encode())
    if not (config and loaded and added and library.FcConfigSetCurrent(config)):
        raise FontsUnavailable(f"Årshjulets typsnitt ({FONT_DIR}) kunde inte ges till fontconfig.")

"""The files engines make from the rendered text: each wheel as a PNG (CairoSVG) and each
cooperation's print edition as a PDF (WeasyPrint), through the cache when there is one.

They are the slow part of a build, so they are made here, after `render_site`, where the cache
can keep them. A result is kept under everything that made it: the input, the engine's version,
this code and pdf.py's and raster.py's, and the fonts. Any change to one of them makes it anew.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
from collections.abc import Callable
from pathlib import Path

from ..model import CooperationData, Handbook
from ..render import paths
from ..render.print_edition import document as print_edition
from ..render.site import RenderedSite
from . import pdf, raster
from .cache import Cache, made


def with_binaries(
    site: RenderedSite, handbook: Handbook, cache: Cache | None = None, new_pdfs: bool = True
) -> RenderedSite:
    """The rendered site with a PNG beside each wheel and each cooperation's PDF. Without
    `new_pdfs` only the PDFs already in the cache are added (the preview: a changed PDF takes
    WeasyPrint seconds, while the page it belongs to takes milliseconds)."""
    files: dict[str, str | bytes] = dict(site.files)
    if handbook.cooperations:  # the print view's fonts, published beside its stylesheet
        pdf.require_fonts()
        files |= {f"{print_edition.FONT_FOLDER}/{font.name}": font.read_bytes() for font in pdf.font_files()}
    for c in handbook.cooperations:
        if paths.pdf_file(c) in files:  # kept with the rest of its files from an earlier build
            continue
        for svg_path in _wheels(c):
            svg = files.get(svg_path)
            if isinstance(svg, str):  # the same wheel as PNG, for slides
                files[raster.png_path(svg_path)] = made(cache, "png", [_code("png"), svg], _png(svg))
        parts, make = _pdf_job(c, handbook)
        if new_pdfs:
            files[paths.pdf_file(c)] = made(cache, "pdf", parts, make)
        elif cache is not None and (kept := cache.kept("pdf", parts)) is not None:
            files[paths.pdf_file(c)] = kept
    return dataclasses.replace(site, files=dict(sorted(files.items())))


def _wheels(c: CooperationData) -> list[str]:
    return [paths.wheel_file(c, year) for year in (None, *(s.year for s in c.schedules))]


def _png(svg: str) -> functools.partial[bytes]:
    return functools.partial(raster.png_from_svg, svg)


def cooperation_pdf(c: CooperationData, handbook: Handbook, cache: Cache | None = None) -> bytes:
    """The PDF of `c`'s print edition."""
    parts, make = _pdf_job(c, handbook)
    return made(cache, "pdf", parts, make)


def _pdf_job(c: CooperationData, handbook: Handbook) -> tuple[list[str], Callable[[], bytes]]:
    """What the PDF of `c` is made from, and how it is made."""
    pdf.require_fonts()  # first: missing fonts are a plain Swedish message, not a missing file
    html = print_edition.print_document(c, handbook.site)
    base_url = print_edition.published_url(c, handbook.site)
    parts = [_code("pdf"), print_edition.stylesheet(), base_url, html]
    return parts, functools.partial(pdf.html_to_pdf, html, base_url)


@functools.cache
def _code(kind: str) -> str:
    """What else decides the bytes of a `kind` file: every installed Python package's version
    (the engines and what they use, e.g. fontTools for subsetting), the system's cairo or Pango,
    this code and the fonts (the PNG's SVG asks for Arial, which fontconfig finds in the same files)."""
    import cairocffi

    if kind == "png":
        engine, sources = f"cairo {cairocffi.cairo_version_string()}", [Path(raster.__file__)]
    else:
        engine, sources = f"pango {pdf.library_version()}", [Path(pdf.__file__)]
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    digest = hashlib.sha256("\n".join([engine, *packages]).encode("utf-8"))
    for source in (Path(__file__), *sources, *pdf.font_files()):
        digest.update(source.read_bytes() if source.is_file() else b"-")
    return digest.hexdigest()

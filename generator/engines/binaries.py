"""The files engines make from the rendered text: each wheel as a PNG (CairoSVG) and each
cooperation's print edition as a PDF (WeasyPrint), through the cache when there is one; the
pages and Word papers go through the same cache as they are rendered (kept_pages.py).

They are the slow part of a build, so they are made here, after `render_site`, where the cache
can keep them. A result is kept under everything that made it: the input, the engine's version,
this code and pdf.py's and raster.py's, and the fonts. Any change to one of them makes it anew.
The engines are imported only when something is drawn: a warm build loads neither.
"""

from __future__ import annotations

import dataclasses
import functools
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from ..model import Cooperation, Handbook
from ..render import paths
from ..render.print_edition import document as print_edition
from ..render.site import Earlier, RenderedSite, render_site
from . import parallel, pdf, raster, templates
from .cache import Cache, made
from .kept_pages import KeptPages
from .versions import digest, installed_packages, library_version


def built_site(
    handbook: Handbook,
    cache: Cache | None,
    directory_urls: bool = True,
    earlier: Earlier | None = None,
    new_pdfs: bool = True,
) -> RenderedSite:
    """The whole site with every file engines make, through `cache`: what a build publishes."""
    return started_site(handbook, cache, directory_urls, earlier, new_pdfs).finish()


def started_site(
    handbook: Handbook,
    cache: Cache | None,
    directory_urls: bool = True,
    earlier: Earlier | None = None,
    new_pdfs: bool = True,
) -> SiteBeingDrawn:
    """The site rendered, with its drawings under way: the PDFs from the start (they need only
    the model), the PNGs once the wheels are rendered; MkDocs can lay out the pages meanwhile."""
    templates.use_cache(cache)
    # The files of the cooperations that did not change since the preview's last build.
    unchanged = {p: f for c in handbook.cooperations for p, f in _files_of(earlier, c, handbook, directory_urls)}
    drawing = SiteBeingDrawn(cache)
    try:
        drawing.add("pdf", _pdf_jobs(handbook, unchanged), {} if new_pdfs else None)
        if cache is None:
            site = render_site(handbook, directory_urls, earlier)
        else:
            kept = KeptPages(cache, handbook, directory_urls)
            site = render_site(handbook, directory_urls, earlier, word=kept.word, keep=kept.files)
        shown = earlier.site.files if earlier is not None and not new_pdfs else {}
        drawing.add("png", _png_jobs(handbook, site.files, unchanged), shown)
        drawing.rendered(site, handbook)
    except BaseException:  # data errors, a signal: the PDFs started above are not waited for
        drawing.pending.cancel()
        raise
    return drawing


def _files_of(
    earlier: Earlier | None, cooperation: Cooperation, handbook: Handbook, directory_urls: bool
) -> Iterable[tuple[str, str | bytes]]:
    return earlier.files_of(cooperation, handbook, directory_urls).items() if earlier is not None else ()


class SiteBeingDrawn:
    """A rendered site whose PNG and PDF files not in the cache are being drawn (`pending`)."""

    def __init__(self, cache: Cache | None) -> None:
        self.cache = cache
        self.site: RenderedSite | None = None  # with every file but those pending, once rendered
        self.kept: dict[str, bytes] = {}  # the drawings found in the cache or shown before
        self.keys: dict[str, tuple[str, list[str]]] = {}  # (kind, parts) in the cache of each pending file
        self.pending = parallel.Pending()
        self._finished: RenderedSite | None = None

    def rendered(self, site: RenderedSite, handbook: Handbook) -> None:
        """The rendered site, with the print view's fonts and the drawings kept from before."""
        self.site = dataclasses.replace(site, files={**site.files, **_fonts(handbook), **self.kept})

    def add(self, kind: str, jobs: Mapping[str, _Job], shown: Mapping[str, str | bytes] | None) -> None:
        """Each job's file from the cache, else the one the preview `shown` before, else drawn
        (with `shown` None, never: the preview's PDFs)."""
        new: dict[str, parallel.Drawing] = {}
        for path, (parts, draw, _) in jobs.items():
            kept = self.cache.kept(kind, parts) if self.cache is not None else None
            earlier = shown.get(path) if shown is not None else None
            if kept is None and isinstance(earlier, bytes):
                kept = earlier
            if kept is not None:
                self.kept[path] = kept
            elif shown is not None:
                self.keys[path] = (kind, parts)
                new[path] = draw
        sizes = {path: len(jobs[path].text) for path in new}
        self.pending.add(new, _workers(kind), sizes, can_wait=kind == "png")

    def finish(self) -> RenderedSite:
        """The whole site, once every drawing is made (and kept in the cache)."""
        if self._finished is None:
            assert self.site is not None, "rendered() comes first"
            drawn = self.pending.finish()
            for path, (kind, parts) in self.keys.items():
                if self.cache is not None:
                    self.cache.keep(kind, parts, drawn[path])
            self._finished = dataclasses.replace(self.site, files=dict(sorted((self.site.files | drawn).items())))
        return self._finished


def with_binaries(
    site: RenderedSite,
    handbook: Handbook,
    cache: Cache | None = None,
    new_pdfs: bool = True,
    shown: Mapping[str, str | bytes] | None = None,
) -> RenderedSite:
    """The rendered site with a PNG beside each wheel and each cooperation's PDF. Without
    `new_pdfs` only the PDFs already in the cache are added (the preview: a changed PDF takes
    WeasyPrint seconds, while the page it belongs to takes milliseconds), and a changed wheel
    keeps the PNG the preview `shown` before (a download, not on the page; `make site` draws it).
    What is not in the cache is drawn on every core the machine has (parallel.py)."""
    drawing = SiteBeingDrawn(cache)
    drawing.add("pdf", _pdf_jobs(handbook, site.files), {} if new_pdfs else None)
    drawing.add("png", _png_jobs(handbook, site.files, site.files), shown or {})
    drawing.rendered(site, handbook)
    return drawing.finish()


def _workers(kind: str) -> int:
    """How many workers a kind of drawing may take. A cooperation's PNGs take a fifth of a
    second each and its PDF about a second: the PNGs get one worker, the PDFs the other cores
    (or the only other one), and neither engine is loaded by more workers than that. The PNGs
    can wait (parallel.Pending.add): the PDFs and the pages are the longer paths."""
    return 1 if kind == "png" else max(1, parallel.cores() - 1)


class _Job(NamedTuple):
    """A drawing: what it is made from (its key in the cache), how it is made, and the text it
    is drawn from (the HTML, the SVG), whose length is a fair guess of its time."""

    parts: list[str]
    draw: parallel.Drawing
    text: str


def _pdf_jobs(handbook: Handbook, kept: Mapping[str, str | bytes]) -> dict[str, _Job]:
    """Each cooperation's PDF, but where `kept` (an earlier build's files) has it."""
    return {paths.pdf_file(c): _pdf_job(c, handbook) for c in handbook.cooperations if paths.pdf_file(c) not in kept}


def _png_jobs(handbook: Handbook, files: Mapping[str, str | bytes], kept: Mapping[str, str | bytes]) -> dict[str, _Job]:
    """The same wheels as PNG, for slides; none for a cooperation whose PDF `kept` has (its
    files all come from an earlier build)."""
    jobs: dict[str, _Job] = {}
    for c in handbook.cooperations:
        if paths.pdf_file(c) in kept:
            continue
        for svg_path in _wheels(c):
            svg = files.get(svg_path)
            if isinstance(svg, str):
                jobs[raster.png_path(svg_path)] = _Job(
                    [_code("png"), svg], functools.partial(raster.png_from_svg, svg), svg
                )
    return jobs


def _fonts(handbook: Handbook) -> dict[str, bytes]:
    """The print view's fonts, published beside its stylesheet."""
    if not handbook.cooperations:
        return {}
    pdf.require_fonts()
    return {f"{print_edition.FONT_FOLDER}/{font.name}": font.read_bytes() for font in pdf.font_files()}


def _wheels(c: Cooperation) -> list[str]:
    return [paths.wheel_file(c, year) for year in (None, *(s.year for s in c.schedules))]


def cooperation_pdf(c: Cooperation, handbook: Handbook, cache: Cache | None = None) -> bytes:
    """The PDF of `c`'s print edition."""
    parts, make, _ = _pdf_job(c, handbook)
    return made(cache, "pdf", parts, make)


def _pdf_job(c: Cooperation, handbook: Handbook) -> _Job:
    """What the PDF of `c` is made from, and how it is made."""
    pdf.require_fonts()  # first: missing fonts are a plain Swedish message, not a missing file
    html = print_edition.print_document(c, handbook.site)
    base_url = print_edition.published_url(c, handbook.site)
    parts = [_code("pdf"), print_edition.stylesheet(), base_url, html]
    return _Job(parts, functools.partial(pdf.html_to_pdf, html, base_url), html)


@functools.cache
def _code(kind: str) -> str:
    """What else decides the bytes of a `kind` file: every installed Python package's version
    (the engines and what they use, e.g. fontTools for subsetting, lxml for Word), the system's
    cairo or Pango (and zlib), this code and the fonts (the PNG's SVG asks for Arial, which fontconfig finds
    in the same files). Nothing here imports an engine."""
    engines, sources = {
        # raster.png_file packs the PNG with zlib: another version may pack the same pixels differently
        "png": ([library_version("cairo"), f"zlib {zlib.ZLIB_RUNTIME_VERSION}"], [Path(raster.__file__)]),
        "pdf": ([library_version("pango")], [Path(pdf.__file__)]),
    }[kind]
    return digest([kind, *engines, *installed_packages()], [Path(__file__), *sources, *pdf.font_files()])

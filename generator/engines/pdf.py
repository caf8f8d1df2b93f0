"""The print edition as an archival PDF (PDF/A-2u, tagged), by WeasyPrint.

This is the engine's edge, like mkdocs_build.py: the document itself is rendered by
render/print_edition (pure); here WeasyPrint lays it out. Every fetch goes through one
URL fetcher that serves only the files the project ships (its fonts) and refuses everything
else, unread: no address on the network, no other file of the machine (file:///etc/…,
/dev/zero), no data: URL. The fonts are the project's own (fonts/, Liberation Sans with its
licence), and WeasyPrint's fontconfig is given an empty configuration (fonts/fonts.conf), so
no family and no missing glyph is filled from the machine's fonts. The bytes depend only on
the data: the dates come from the version date.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..render.print_edition import document as print_edition
from ..render.print_edition.document import FONT_FACES
from ..write import remove_scratch, scratch_folder
from . import libraries
from .unavailable import PdfUnavailable

__all__ = ["FONT_DIR", "PdfUnavailable", "font_files", "html_to_pdf", "project_fetcher"]

# Liberation Sans, shipped with the package (fonts/LICENSE: GPL 2 with the font exception, so
# embedding it leaves the PDF free): metric-compatible with Arial, which the SVG pictures ask for.
# The print CSS names the files relative to itself (fonts/…): read as if it stood beside fonts/.
FONT_DIR = Path(__file__).parent / "fonts"
FONT_CONFIG = FONT_DIR / "fonts.conf"
VARIANT = "pdf/a-2u"


def font_files() -> list[Path]:
    return [FONT_DIR / name for name in FONT_FACES.values()]


def html_to_pdf(html: str, base_url: str) -> bytes:
    # WeasyPrint copies the fonts into a temporary folder that it removes only when its font
    # configuration is collected, which a worker that ends (parallel.py) never does: the
    # folder is made in one of the generator's own, removed here.
    scratch = scratch_folder("handbok-pdf-")
    try:
        with _temporary_files_in(scratch):
            return _pdf(html, base_url)
    finally:
        remove_scratch(scratch)


def _pdf(html: str, base_url: str) -> bytes:
    weasyprint = _engine()
    with _project_fonts_only():
        fonts = weasyprint.text.fonts.FontConfiguration()
    fetcher = project_fetcher()
    css_url = (FONT_DIR.parent / "utskrift.css").as_uri()  # so its url("fonts/…") are the files above
    style = weasyprint.CSS(string=print_edition.stylesheet(), base_url=css_url, font_config=fonts, url_fetcher=fetcher)
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    try:
        pdf = document.write_pdf(stylesheets=[style], font_config=fonts, pdf_variant=VARIANT, pdf_tags=True)
    except weasyprint.urls.FatalURLFetchingError as refused:  # a BaseException: stops WeasyPrint at once
        cause = refused.__cause__ or refused
        raise PdfUnavailable(f"PDF-versionen kunde inte göras: {cause}. Ta bort adressen ur uppgifterna.") from None
    assert isinstance(pdf, bytes)
    return pdf


def require_fonts() -> None:
    """A plain Swedish message, before anything is made, when the generator's fonts are missing."""
    missing = [font.name for font in font_files() if not font.is_file()]
    if missing:
        raise PdfUnavailable(
            f"Typsnittet för PDF-versionen saknas ({', '.join(missing)} i {FONT_DIR}). "
            "Filerna hör till generatorn: installera om den (pip install -e .) eller hämta dem ur git."
        )


def served_files() -> dict[str, Path]:
    """Everything the fetcher serves, by URL: the project's font files, nothing else."""
    return {font.as_uri(): font for font in font_files()}


def project_fetcher() -> Any:
    """WeasyPrint's one URL fetcher. It serves the files the project ships and refuses any other
    URL before reading anything, and a refusal stops the PDF with an error instead of a warning:
    a stray address in the data never reaches a third party or a file of the machine."""
    urls = _engine().urls
    served = served_files()

    def fetch(self: Any, url: str, headers: Any = None) -> Any:
        if url in served:
            return urls.URLFetcher.fetch(self, served[url].as_uri(), headers)
        shown = url if len(url) <= 60 else url[:60] + "…"
        if url.startswith(("file:", "data:")):
            raise urls.FatalURLFetchingError(
                f"{shown} hör inte till handboken, och PDF-versionen läser inga andra filer"
            )
        raise urls.FatalURLFetchingError(f"{shown} finns inte på datorn, och PDF-versionen hämtar inget från nätet")

    project_only = type("ProjectOnly", (urls.URLFetcher,), {"fetch": fetch})
    return project_only(allowed_protocols=("file",), fail_on_errors=True)


@contextlib.contextmanager
def _temporary_files_in(folder: Path) -> Iterator[None]:
    before = tempfile.tempdir
    tempfile.tempdir = str(folder)
    try:
        yield
    finally:
        tempfile.tempdir = before


@contextlib.contextmanager
def _project_fonts_only() -> Iterator[None]:
    """Fontconfig reads FONTCONFIG_FILE when WeasyPrint makes its configuration: for that moment
    it names the empty one, so the machine's fonts and rules (aliases such as Helvetica → Nimbus
    Sans) never enter the PDF engine."""
    before = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(FONT_CONFIG)
    try:
        yield
    finally:
        if before is None:
            del os.environ["FONTCONFIG_FILE"]
        else:
            os.environ["FONTCONFIG_FILE"] = before


def _engine() -> Any:
    try:
        with libraries.file_names_only():
            import weasyprint  # needs Pango from the system; imported only when a PDF is made
    except OSError as err:
        raise PdfUnavailable(
            "PDF-versionen kräver Pango: installera Debians paket libpango-1.0-0, libpangoft2-1.0-0 "
            f"och libharfbuzz-subset0 ({err})."
        ) from None
    return weasyprint

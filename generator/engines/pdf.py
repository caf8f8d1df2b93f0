"""The print edition as an archival PDF (PDF/A-2u, tagged), by WeasyPrint.

This is the engine's edge, like mkdocs_build.py: the document itself is rendered by
render/print_edition.py (pure); here WeasyPrint lays it out with fonts read from the
machine. Nothing is fetched from the network: the URL fetcher refuses everything but
local files, so a stray link in the data can never make the build call a third party.
The bytes depend only on the data: the dates come from the version date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..render.print_edition import document as print_edition
from .unavailable import PdfUnavailable

__all__ = ["PdfUnavailable", "font_faces", "font_files", "html_to_pdf", "local_fetcher"]

# Liberation Sans (Debian's fonts-liberation): metric-compatible with Arial, which the
# SVG pictures ask for, so the same files serve the text and the pictures.
FONT_DIR = Path("/usr/share/fonts/truetype/liberation")
FACES = {
    ("normal", "normal"): "LiberationSans-Regular.ttf",
    ("bold", "normal"): "LiberationSans-Bold.ttf",
    ("normal", "italic"): "LiberationSans-Italic.ttf",
    ("bold", "italic"): "LiberationSans-BoldItalic.ttf",
}
# Every family name the document and its SVG pictures ask for, so none falls back to whatever
# fontconfig finds on the machine: the PDF is the same on every machine with the package.
FAMILIES = ("Liberation Sans",)
VARIANT = "pdf/a-2u"


def font_files() -> list[Path]:
    return [FONT_DIR / name for name in FACES.values()]


def html_to_pdf(html: str, base_url: str) -> bytes:
    weasyprint = _engine()
    fonts = weasyprint.text.fonts.FontConfiguration()
    fetcher = local_fetcher()
    styles = [
        weasyprint.CSS(string=font_faces(), font_config=fonts, url_fetcher=fetcher),
        weasyprint.CSS(string=print_edition.stylesheet(), font_config=fonts, url_fetcher=fetcher),
    ]
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    try:
        pdf = document.write_pdf(stylesheets=styles, font_config=fonts, pdf_variant=VARIANT, pdf_tags=True)
    except weasyprint.urls.FatalURLFetchingError as refused:  # a BaseException: stops WeasyPrint at once
        cause = refused.__cause__ or refused
        raise PdfUnavailable(f"PDF-versionen kunde inte göras: {cause}. Ta bort adressen ur uppgifterna.") from None
    assert isinstance(pdf, bytes)
    return pdf


def font_faces() -> str:
    missing = [font.name for font in font_files() if not font.is_file()]
    if missing:
        raise PdfUnavailable(
            f"Typsnittet för PDF-versionen saknas ({', '.join(missing)} i {FONT_DIR}). "
            "Installera Debians paket fonts-liberation."
        )
    return "\n".join(
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
        f'src: url("{(FONT_DIR / name).as_uri()}"); }}'
        for family in FAMILIES
        for (weight, style), name in FACES.items()
    )


def local_fetcher() -> Any:
    """WeasyPrint's URL fetcher for local files only. Any other request stops the PDF with an
    error instead of a warning, so a stray address in the data never reaches a third party."""
    urls = _engine().urls

    def fetch(self: Any, url: str, headers: Any = None) -> Any:
        if not url.startswith("file:"):
            raise urls.FatalURLFetchingError(f"{url} finns inte på datorn, och PDF-versionen hämtar inget från nätet")
        return urls.URLFetcher.fetch(self, url, headers)

    local_only = type("LocalOnly", (urls.URLFetcher,), {"fetch": fetch})
    return local_only(allowed_protocols=("file",), fail_on_errors=True)


def _engine() -> Any:
    try:
        import weasyprint  # needs Pango from the system; imported only when a PDF is made
    except OSError as err:
        raise PdfUnavailable(
            "PDF-versionen kräver Pango: installera Debians paket libpango-1.0-0, libpangoft2-1.0-0 "
            f"och libharfbuzz-subset0 ({err})."
        ) from None
    return weasyprint

"""What the site needs from the package besides the generated pages: Material's theme overrides,
the handbook's CSS and JavaScript, and the editor guide page.

They travel in the wheel, so that a content project (`samverkanshandbok init`) holds only its data
and a pin: the MkDocs plugin and the Zensical build take them from here. A project may still
shadow a page or an asset with its own file of the same name in its docs/.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
# Material's templates overridden or added (main.html, partials/, utskrift.html for the print edition).
OVERRIDES = HERE / "overrides"
# Files added to the site as if they were in docs/: the assets and the editor guide.
DOCS = HERE / "docs"

# Loaded on every page, in this order, after Material's own.
EXTRA_CSS = ("assets/handbok.css", "assets/arshjul.css", "assets/kommande.css")
EXTRA_JAVASCRIPT = ("assets/handbok.js", "assets/arshjul.js", "assets/kommande.js")


def docs_files() -> dict[str, Path]:
    """`{path inside docs/: file in the package}` for every file the package adds to the site."""
    return {p.relative_to(DOCS).as_posix(): p for p in sorted(DOCS.rglob("*")) if p.is_file()}


def newest_change() -> float:
    """The newest modification time among the overrides: a preview rebuilds every page after it."""
    return max((p.stat().st_mtime for p in OVERRIDES.rglob("*") if p.is_file()), default=0.0)

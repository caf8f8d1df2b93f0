"""The annual wheel as one self-contained SVG: the wheel, its legend and its key in one picture.

The same markup is inlined on the page and published as a file for slides and
intranets, so it carries its own styles and a font stack found on Windows and
Mac, and no external reference. It has a viewBox and no fixed size: it scales to
whatever holds it. Every item is a link with a <title>; words on the arcs, ring
names in the legend and marker shapes carry the meaning, never colour alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...model import Cooperation, Month
from .. import paths
from ..derive import month_pages
from ..markdown import html_text
from .curved import curved_text
from .geometry import CENTER, SIZE, Arc, annular_sector, baseline_radius, day_angle, middle, month_angles, point
from .labels import fits_number, place_label
from .legend import legend
from .markers import marker_svg, stack_levels
from .rings import DatedMeeting, Item, Ring, dated_meetings, wheel_rings
from .textwidth import text_width

# The PNG beside the SVG (drawn by engines/raster.py); the wheel page states its width.
PNG_WIDTH = 3200  # wide enough for a full-screen slide or an A3 print at 200 dpi
Href = Callable[..., str]  # (docs path, anchor="") → link relative to the picture
FONTS = "'Segoe UI', Arial, Helvetica, sans-serif"
MONTH_RING = (352.0, 392.0)
MONTH_FILL = "#1d4f6e"  # white month names on it: 8.9:1
HUB = 80.0
GAP = 4.0
WIDE_LEGEND = 540.0  # the legend's column beside the wheel: about A4 landscape's proportions
TRACK_STEP = 13.0  # radial room per row of date markers
STYLE = (
    "<style>"
    f".hb-arshjul text{{font-family:{FONTS}}}"
    ".hb-arshjul a{text-decoration:none}"
    ".hb-arshjul a:hover .hb-punkt,.hb-arshjul a:focus .hb-punkt{stroke:#000000;stroke-width:3}"
    "</style>"
)


@dataclass(frozen=True)
class DrawnWheel:
    """The wheel's markup and what its key explains: the rings, the items whose words did not fit
    on their arc and show a number instead, and (for a year) the meetings marked on their days."""

    svg: str
    rings: list[Ring]
    numbered: list[Item]
    meetings: list[DatedMeeting]


def drawn_wheel(
    c: Cooperation,
    here: str,
    directory_urls: bool = True,
    year: int | None = None,
    wide: bool = False,
    on_paths: bool = True,
    keyed: bool = True,
) -> DrawnWheel:
    """The wheel as SVG markup whose links are relative to `here` (the page or the .svg file);
    with a `year`, that year's meetings are marked on their days and their key is in the legend.
    The legend stands under the wheel for a page's column, or beside it when `wide` (slides, print).
    Not `keyed`, the picture is the wheel alone and its key is the caller's to show (the print
    edition sets it as text). The words along the arcs follow paths, or (not `on_paths`) are
    placed glyph by glyph for the PDF, whose engine has no textPath (curved.py)."""
    rings = wheel_rings(c, year)
    meetings = dated_meetings(c, year) if year else []
    ident = f"hb-arshjul-{c.id}" + (f"-{year}" if year else "") + ("-bred" if wide else "")

    def href(target: str, anchor: str = "") -> str:
        return html_text(paths.url_between(here, target, anchor, directory_urls))

    levels = stack_levels([_angle(m) for m in meetings])
    track = (max(levels, default=-1) + 1) * TRACK_STEP
    body, numbered = _rings(rings, ident, MONTH_RING[0] - GAP - track, href, on_paths)
    parts = [*_month_ring(c, ident, href, on_paths), *body]
    parts += _markers(meetings, levels, href)
    parts.append(_hub(c, year))
    key: list[str] = []
    if not keyed:
        width, height = SIZE, SIZE
    elif wide:
        key, bottom = legend(rings, numbered, meetings, top=0, left=SIZE + 8, width=WIDE_LEGEND)
        width, height = SIZE + 8 + WIDE_LEGEND + 16, max(SIZE, bottom)
    else:
        key, height = legend(rings, numbered, meetings, top=SIZE + 8)
        width = SIZE
    title = f"Årshjul för {c.info.short_name}" + (f" {year}" if year else "")
    # Sliced from the top: in a box of the picture's own shape nothing changes; a page that makes the
    # box square on a phone (arshjul.css) shows the wheel alone, its legend left to the list below.
    fit = "" if wide else ' preserveAspectRatio="xMidYMin slice"'
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        f' viewBox="0 0 {width:g} {height:g}"{fit} class="hb-arshjul" role="group" aria-labelledby="{ident}"'
        f' font-family="{FONTS}" data-hb-ar="{year or ""}" data-hb-mitt="{CENTER:g}"'
        f' data-hb-radie="{MONTH_RING[1]:g}" data-hb-nav="{HUB:g}">',
        f'<title id="{ident}">{html_text(title)}</title>',
        STYLE,
        f'<rect width="{width:g}" height="{height:g}" fill="#ffffff"/>',
    ]
    return DrawnWheel("\n".join([*head, *parts, *key, "</svg>"]) + "\n", rings, numbered, meetings)


def _angle(m: DatedMeeting) -> float:
    return day_angle(m.month, m.day, m.days)


def _month_ring(c: Cooperation, ident: str, href: Href, on_path: bool) -> list[str]:
    inner, outer = MONTH_RING
    parts = ['<g class="hb-arshjul__manader">']
    pages = month_pages(c)
    for month in Month:
        start, end = month_angles(month, month)
        radius = baseline_radius((inner + outer) / 2, 16, (start + end) / 2)
        arc, path_id = Arc(start, end, radius), f"{ident}-m{month.value}"
        name = curved_text(month.title, arc, 16, "#ffffff", bold=True, path_id=path_id, on_path=on_path)
        sector = (
            f'<path d="{annular_sector(month, month, inner, outer)}" fill="{MONTH_FILL}" stroke="#ffffff"'
            f' stroke-width="2"/>{name}'
        )
        if month in pages:  # a month with nothing in it has no page to link to
            sector = (
                f'<a href="{href(paths.month_page(c, month))}"><title>Vad händer i {month.swedish}?</title>{sector}</a>'
            )
        parts.append(sector)
    parts.append("</g>")
    return parts


def _rings(rings: list[Ring], ident: str, outer: float, href: Href, on_path: bool) -> tuple[list[str], list[Item]]:
    """Each ring as wide as its lanes need; returns the markup and the items that show a number."""
    lane_width = (outer - HUB - GAP) / max(sum(r.lanes for r in rings), 1)
    parts: list[str] = []
    numbered: list[Item] = []
    inner = HUB + GAP
    for ring in rings:
        width = ring.lanes * lane_width
        parts.append(
            f'<g class="hb-arshjul__ring" data-hb-ring="{html_text(ring.key)}" data-hb-namn="{html_text(ring.name)}">'
        )
        parts.append(f'<path d="{annular_sector(1, 12, inner, inner + width - GAP)}" fill="#f2f2f2"/>')
        lane = (width - GAP) / ring.lanes
        for item in ring.items:
            low = inner + item.lane * lane
            markup, shows_number = _item(item, ident, low, low + lane, href, on_path)
            parts.append(markup)
            if shows_number:
                numbered.append(item)
        parts.append("</g>")
        inner += width
    return parts, sorted(numbered, key=lambda i: i.number)


def _item(item: Item, ident: str, low: float, high: float, href: Href, on_path: bool) -> tuple[str, bool]:
    start, end = month_angles(item.first, item.last)
    link = href(item.target, item.anchor)
    shape = (
        f'<path class="hb-punkt" d="{annular_sector(item.first, item.last, low + 1, high - 1)}"'
        f' fill="{item.colour}" stroke="#ffffff" stroke-width="2"/>'
    )
    label = place_label(item.labels, start, end, low + 1, high - 1)
    if label is None:
        x, y = middle(item.first, item.last, (low + high) / 2)
        size = 14 if fits_number(item.number, start, end, low, high, 14) else 11
        text = (
            f'<text x="{x:g}" y="{y:g}" dy="0.35em" text-anchor="middle" font-size="{size}" font-weight="700"'
            f' fill="#000000">{item.number}</text>'
        )
    else:
        text = "".join(
            curved_text(
                line, arc, label.size, "#000000", bold=False, path_id=f"{ident}-{item.number}-{index}", on_path=on_path
            )
            for index, (line, arc) in enumerate(label.lines)
        )
    return f'<a href="{link}"><title>{item.number}. {html_text(item.title)}</title>{shape}{text}</a>', label is None


def _markers(meetings: list[DatedMeeting], levels: list[int], href: Href) -> list[str]:
    if not meetings:
        return []
    base = MONTH_RING[0] - GAP - TRACK_STEP / 2
    parts = [  # a thin circle that the markers sit on: the year's days, read clockwise
        '<g class="hb-arshjul__datum">',
        f'<circle cx="{CENTER:g}" cy="{CENTER:g}" r="{base:g}" fill="none" stroke="#767676" stroke-width="1"/>',
    ]
    for m, level in zip(meetings, levels, strict=True):
        x, y = point(_angle(m), base - level * TRACK_STEP)
        ring = f' data-hb-ring="{html_text(m.ring)}"' if m.ring else ""
        parts.append(
            f'<a href="{href(m.target, m.anchor)}"{ring}><title>{html_text(m.title)}</title>'
            f"{marker_svg(m.status, x, y, m.colour)}</a>"
        )
    parts.append("</g>")
    return parts


def _hub(c: Cooperation, year: int | None) -> str:
    below = str(year) if year else "Enligt reglerna"
    return (
        f'<circle cx="{CENTER:g}" cy="{CENTER:g}" r="{HUB:g}" fill="#ffffff" stroke="{MONTH_FILL}" stroke-width="2"/>'
        f'<text x="{CENTER:g}" y="{CENTER:g}" text-anchor="middle" font-size="18" font-weight="700" fill="#102a3a">'
        f'<tspan x="{CENTER:g}" dy="-0.2em">{html_text(_short(c.info.short_name))}</tspan>'
        f'<tspan x="{CENTER:g}" dy="1.3em" font-size="14" font-weight="400">{below}</tspan></text>'
    )


def _short(name: str) -> str:
    """The cooperation's short name, cut so that it stays inside the hub."""
    while text_width(name, 18) > 2 * HUB - 16 and len(name) > 2:
        name = name[:-2] + "…"
    return name

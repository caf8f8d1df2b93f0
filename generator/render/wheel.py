"""The annual wheel (årshjul) as SVG: twelve months, one ring per body, one for the processes.

Each item is a numbered sector with a link and a <title>; the numbers and the
legend under the picture carry the meaning, so colour is never needed to read it.
The same SVG is inlined on the page and published as a file to download.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import BodyKind, CooperationData, MeetingStatus, Month, month_span
from ..model.dates import month_runs
from . import paths
from .describe import meeting_status, meeting_when
from .geometry import CENTER, SIZE, annular_sector, middle, point
from .markdown import html_text

RING_COLOURS = ("#d6e6f2", "#dcefd2", "#f7e3c8", "#e8dcf3", "#f4d9d9", "#e4e4e4")  # black text: contrast > 12:1
KIND_ORDER = (BodyKind.POLITICAL, BodyKind.MANAGEMENT, BodyKind.COORDINATION, BodyKind.PREPARATION)
MONTH_RING = (352.0, 392.0)
HUB = 96.0


@dataclass(frozen=True)
class Item:
    number: int
    first: Month
    last: Month
    lane: int
    title: str
    target: str  # docs path of the page the item links to
    anchor: str = ""


@dataclass(frozen=True)
class Ring:
    number: int
    name: str
    target: str
    items: tuple[Item, ...]
    lanes: int


def wheel_rings(c: CooperationData, year: int | None = None) -> list[Ring]:
    """Rings from the inside out: the processes first, then the bodies from preparation to council.
    With a `year`, each meeting's title also gives its date from that year's schedule."""
    raw: list[tuple[str, str, list[tuple[tuple[Month, ...], str, str, str]]]] = []
    steps = [
        (run, f"{p.name}: {s.text}", paths.process_page(c, p), "")
        for p, s in c.all_steps()
        for run in _step_runs(s.months, s.deadline.month if s.deadline else None)
    ]
    if steps:
        raw.append(("Årsprocesser och tidsgränser", paths.processes_page(c), steps))
    bodies = sorted(
        (b for b in c.bodies if b.kind in KIND_ORDER and any(o.months for o in b.occasions)),
        key=lambda b: -KIND_ORDER.index(b.kind),
    )
    for b in bodies:
        entries = [
            (run, f"{b.name}, {month_span(run)}: {o.topic}{_date_note(c, o.id, year)}", paths.body_page(c, b), o.id)
            for o in b.occasions
            for run in month_runs(o.months)
        ]
        raw.append((b.name, paths.body_page(c, b), entries))
    return _numbered(raw)


def _date_note(c: CooperationData, occasion_id: str, year: int | None) -> str:
    meeting = c.dated(occasion_id, year) if year else None
    if meeting is None:
        return ""
    status = "" if meeting.status is MeetingStatus.PLANNED else f" ({meeting_status(meeting)})"
    return f" – {meeting_when(meeting)}{status}"


def _step_runs(months: tuple[Month, ...], deadline: Month | None) -> list[tuple[Month, ...]]:
    return month_runs(months) if months else ([(deadline,)] if deadline else [])


def _numbered(raw: list[tuple[str, str, list[tuple[tuple[Month, ...], str, str, str]]]]) -> list[Ring]:
    """Number items in reading order (by month, then from the outer ring in), and give each a lane."""
    order = sorted(
        ((run[0], -ring, index) for ring, (_, _, entries) in enumerate(raw) for index, (run, *_) in enumerate(entries))
    )
    numbers = {(-neg_ring, index): n for n, (_, neg_ring, index) in enumerate(order, start=1)}
    rings = []
    for ring_index, (name, target, entries) in enumerate(raw):
        lanes = _lanes([run for run, *_ in entries])
        items = tuple(
            Item(numbers[(ring_index, i)], run[0], run[-1], lanes[i], title, page, anchor)
            for i, (run, title, page, anchor) in enumerate(entries)
        )
        rings.append(Ring(ring_index + 1, name, target, items, max(lanes, default=0) + 1))
    return rings


def _lanes(runs: list[tuple[Month, ...]]) -> list[int]:
    """Give overlapping items different lanes (bands inside the ring), greedily by start month."""
    taken: dict[int, set[Month]] = {}
    lanes = []
    for run in runs:
        lane = next(n for n in range(len(runs) + 1) if not taken.get(n, set()) & set(run))
        taken.setdefault(lane, set()).update(run)
        lanes.append(lane)
    return lanes


def wheel_svg(c: CooperationData, here: str, directory_urls: bool = True, year: int | None = None) -> str:
    """The wheel as SVG markup whose links are relative to `here` (the page or the .svg file);
    with a `year`, the meetings' dates from that year's schedule are in their titles."""
    rings = wheel_rings(c, year)
    lane_width = (MONTH_RING[0] - 8 - HUB) / max(sum(r.lanes for r in rings), 1)
    title = f"Årshjul för {c.info.short_name}" + (f" {year}" if year else "")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE:g} {SIZE:g}" class="hb-arshjul" role="group"'
        f' aria-labelledby="hb-arshjul-{c.id}" font-family="Helvetica, Arial, sans-serif">',
        f'<title id="hb-arshjul-{c.id}">{html_text(title)}</title>',
        f'<rect width="{SIZE:g}" height="{SIZE:g}" fill="#ffffff"/>',
        *_month_ring(c, here, directory_urls),
    ]
    inner = HUB
    for ring in rings:  # each ring as wide as its lanes need
        parts += _ring(ring, inner, ring.lanes * lane_width, here, directory_urls)
        inner += ring.lanes * lane_width
    parts.append(f'<circle cx="{CENTER:g}" cy="{CENTER:g}" r="{HUB - 4:g}" fill="#ffffff" stroke="#1d4f6e"/>')
    parts.append(_centre_text(c, year))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _month_ring(c: CooperationData, here: str, directory_urls: bool) -> list[str]:
    inner, outer = MONTH_RING
    parts = ['<g class="hb-arshjul__manader">']
    for month in Month:
        href = html_text(paths.url_between(here, paths.month_page(c, month), "", directory_urls))
        x, y = middle(month, month, (inner + outer) / 2)
        parts.append(
            f'<a href="{href}"><title>Vad händer i {month.swedish}?</title>'
            f'<path d="{annular_sector(month, month, inner, outer)}" fill="#1d4f6e" stroke="#ffffff" stroke-width="2"/>'
            f'<text x="{x:g}" y="{y:g}" dy="0.35em" text-anchor="middle" font-size="16" fill="#ffffff">'
            f"{month.title}</text></a>"
        )
    parts.append("</g>")
    return parts


def _ring(ring: Ring, inner: float, width: float, here: str, directory_urls: bool) -> list[str]:
    colour = RING_COLOURS[(ring.number - 1) % len(RING_COLOURS)]
    lane_width = (width - 4) / ring.lanes
    x, y = point(0, inner + width / 2)
    parts = [
        '<g class="hb-arshjul__ring">',
        f'<path d="{annular_sector(1, 12, inner, inner + width - 4)}" fill="#f7f7f7" stroke="#c8c8c8"/>',
    ]
    for item in ring.items:
        low = inner + item.lane * lane_width
        href = html_text(paths.url_between(here, item.target, item.anchor, directory_urls))
        lx, ly = middle(item.first, item.last, low + lane_width / 2)
        parts.append(
            f'<a href="{href}"><title>{item.number}. {html_text(item.title)}</title>'
            f'<path d="{annular_sector(item.first, item.last, low + 1, low + lane_width - 1)}" fill="{colour}"'
            f' stroke="#333333" stroke-width="1"/>'
            f'<text x="{lx:g}" y="{ly:g}" dy="0.35em" text-anchor="middle" font-size="18" font-weight="700"'
            f' fill="#000000">{item.number}</text></a>'
        )
    parts.append(
        f'<text x="{x:g}" y="{y:g}" dy="0.35em" text-anchor="middle" font-size="14" fill="#000000">'
        f"R{ring.number}</text>"
    )
    parts.append("</g>")
    return parts


def _centre_text(c: CooperationData, year: int | None) -> str:
    below = str(year) if year else "Enligt reglerna"
    return (
        f'<text x="{CENTER:g}" y="{CENTER:g}" text-anchor="middle" font-size="18" font-weight="700" fill="#102a3a">'
        f'<tspan x="{CENTER:g}" dy="-0.2em">{html_text(c.info.short_name)}</tspan>'
        f'<tspan x="{CENTER:g}" dy="1.3em" font-size="14" font-weight="400">{below}</tspan></text>'
    )

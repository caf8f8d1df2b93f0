"""The organisation chart as SVG: bodies in levels, arrows for who prepares for and reports to whom.

A body's level is the length of the longest chain of 'bereder åt' / 'rapporterar
till' arrows from it to a body with no arrows out; so preparation sits at the
bottom and the deciding bodies at the top. Bodies with no arrows at all stand in
a row of their own at the bottom.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...model import Body, Cooperation
from .. import paths
from ..markdown import html_text

BOX_W, BOX_H = 210.0, 62.0
GAP_X, GAP_Y = 24.0, 64.0
MARGIN = 16.0
LEGEND_H = 40.0
LEGEND_W = 370.0  # the two arrows and their words: the chart is never narrower
PER_ROW = 4  # more bodies on one level wrap to a new row, so twenty bodies stay readable


@dataclass(frozen=True)
class Box:
    body: Body
    x: float
    y: float


def _edges(c: Cooperation) -> list[tuple[str, str, bool]]:
    """(from, to, prepares): a solid arrow for 'bereder åt', dashed for 'återkopplar till' only."""
    edges = []
    for b in c.bodies:
        for target in dict.fromkeys((*b.prepares_for, *b.reports_to)):
            edges.append((b.id, target, target in b.prepares_for))
    return edges


def _levels(c: Cooperation) -> dict[str, int]:
    outgoing: dict[str, list[str]] = {b.id: [] for b in c.bodies}
    for source, target, _ in _edges(c):
        outgoing[source].append(target)

    @cache
    def level(body_id: str, depth: int = 0) -> int:
        if depth > len(outgoing):  # a cycle in the data: stop rather than loop
            return 0
        return max((level(t, depth + 1) + 1 for t in outgoing[body_id]), default=0)

    return {b.id: level(b.id) for b in c.bodies}


def layout(c: Cooperation) -> tuple[list[Box], float, float]:
    connected = {s for s, _, _ in _edges(c)} | {t for _, t, _ in _edges(c)}
    levels = _levels(c)
    levelled: dict[int, list[Body]] = {}
    for b in c.bodies:
        level = levels[b.id] if b.id in connected else max(levels.values(), default=0) + 1
        levelled.setdefault(level, []).append(b)
    rows = {
        (level, start): bodies[start : start + PER_ROW]
        for level, bodies in levelled.items()
        for start in range(0, len(bodies), PER_ROW)
    }
    widest = max((len(r) for r in rows.values()), default=1)
    width = max(2 * MARGIN + widest * BOX_W + (widest - 1) * GAP_X, 2 * MARGIN + LEGEND_W)
    boxes = []
    for row_index, row in enumerate(sorted(rows)):
        bodies = rows[row]
        row_width = len(bodies) * BOX_W + (len(bodies) - 1) * GAP_X
        left = (width - row_width) / 2
        y = MARGIN + LEGEND_H + row_index * (BOX_H + GAP_Y)
        boxes += [Box(b, round(left + i * (BOX_W + GAP_X), 2), y) for i, b in enumerate(bodies)]
    height = MARGIN * 2 + LEGEND_H + len(rows) * BOX_H + max(len(rows) - 1, 0) * GAP_Y
    return boxes, width, height


def org_chart_svg(c: Cooperation, here: str, directory_urls: bool = True) -> str:
    boxes, width, height = layout(c)
    where = {box.body.id: box for box in boxes}
    title = f"Organisationsschema för {c.info.short_name}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" class="hb-schema" role="group"'
        f' style="max-width:{width:g}px"'  # a small chart keeps its size instead of being blown up
        f' aria-labelledby="hb-schema-{c.id}" font-family="Helvetica, Arial, sans-serif">',
        f'<title id="hb-schema-{c.id}">{html_text(title)}</title>',
        f'<rect width="{width:g}" height="{height:g}" fill="#ffffff"/>',
        '<defs><marker id="hb-pil" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8"'
        ' orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#1d4f6e"/></marker></defs>',
        *_legend(),
    ]
    for source, target, prepares in _edges(c):
        parts.append(_arrow(where[source], where[target], prepares))
    parts += [_box(c, box, here, directory_urls) for box in boxes]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _legend() -> list[str]:
    y = MARGIN + 12
    return [
        f'<line x1="{MARGIN:g}" y1="{y:g}" x2="{MARGIN + 40:g}" y2="{y:g}" stroke="#1d4f6e" stroke-width="2"'
        ' marker-end="url(#hb-pil)"/>',
        f'<text x="{MARGIN + 48:g}" y="{y:g}" dy="0.35em" font-size="14" fill="#000000">bereder frågor åt</text>',
        f'<line x1="{MARGIN + 190:g}" y1="{y:g}" x2="{MARGIN + 230:g}" y2="{y:g}" stroke="#1d4f6e" stroke-width="2"'
        ' stroke-dasharray="6 4" marker-end="url(#hb-pil)"/>',
        f'<text x="{MARGIN + 238:g}" y="{y:g}" dy="0.35em" font-size="14" fill="#000000">återkopplar till</text>',
    ]


def _arrow(source: Box, target: Box, prepares: bool) -> str:
    x1, x2 = source.x + BOX_W / 2, target.x + BOX_W / 2
    up = target.y < source.y
    y1 = source.y if up else source.y + BOX_H
    y2 = target.y + BOX_H if up else target.y
    dash = "" if prepares else ' stroke-dasharray="6 4"'
    return (
        f'<line x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}" stroke="#1d4f6e" stroke-width="2"{dash}'
        ' marker-end="url(#hb-pil)"/>'
    )


def _box(c: Cooperation, box: Box, here: str, directory_urls: bool) -> str:
    b = box.body
    members = ", ".join(c.role(s.role).name for s in b.members) or "Sammansättning anges inte"
    href = html_text(paths.url_between(here, paths.body_page(c, b), "", directory_urls))
    lines = _wrap(b.name, 26)[:2]
    first_dy = 0.35 - 0.6 * (len(lines) - 1)
    text = "".join(
        f'<tspan x="{box.x + BOX_W / 2:g}" dy="{first_dy if i == 0 else 1.2:g}em">{html_text(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    dash = ' stroke-dasharray="4 3"' if b.kind.value == "extern" else ""
    return (
        f'<a href="{href}"><title>{html_text(b.name)}: {html_text(members)}</title>'
        f'<rect x="{box.x:g}" y="{box.y:g}" width="{BOX_W:g}" height="{BOX_H:g}" rx="6" fill="#eef3f7"'
        f' stroke="#1d4f6e" stroke-width="2"{dash}/>'
        f'<text x="{box.x + BOX_W / 2:g}" y="{box.y + BOX_H / 2:g}" text-anchor="middle" font-size="15"'
        f' fill="#102a3a">{text}</text></a>'
    )


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])[: width - 1] + "…"]
    return lines

"""What the annual wheel (årshjul) shows: rings of items, their colours, and a dated year's meetings.

Rings run from the inside out: the processes' steps and deadlines first, then
the bodies from preparation to council. Every item is numbered in reading order
(by month, then from the outer ring in); the number is the label of last resort
when no words fit on the item's arc. The markup is in `svg.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Body, BodyKind, Cooperation, Meeting, Month, month_span
from ...model.dates import last_day, month_runs
from .. import paths
from ..describe import meeting_when, status_cell
from .markers import marker_key

# Mid-tone fills: black text on them ≥ 5.8:1, and each ≥ 3.5:1 against the white gaps
# and background around it (WCAG 1.4.11), so no item depends on its neighbour's colour.
PALETTE = ("#3d8ec7", "#be7637", "#489a2d", "#a371d6", "#d26573", "#2c9688", "#a2852f", "#d05daa", "#878787")
KIND_ORDER = (BodyKind.POLITICAL, BodyKind.MANAGEMENT, BodyKind.COORDINATION, BodyKind.PREPARATION)
PROCESS_RING = "arsprocesser"


@dataclass(frozen=True)
class Item:
    number: int
    first: Month
    last: Month
    lane: int
    title: str  # the full text: the item's <title> and its line in the key
    labels: tuple[str, ...]  # what may stand on its arc, best first ('kort', then the full text)
    colour: str
    target: str  # docs path of the page the item links to
    anchor: str = ""


@dataclass(frozen=True)
class Ring:
    number: int
    key: str  # 'arsprocesser' or the body's id: what the filter buttons toggle
    name: str
    target: str
    items: tuple[Item, ...]
    lanes: int
    swatches: tuple[tuple[str, str], ...]  # (colour, name) for the legend: the body, or each process

    @property
    def colour(self) -> str | None:
        """The ring's one colour when its one swatch is the ring itself (a body's); None when the
        key names a colour for each of its parts (the processes)."""
        if len(self.swatches) == 1 and self.swatches[0][1] == self.name:
            return self.swatches[0][0]
        return None


@dataclass(frozen=True)
class DatedMeeting:
    """A meeting of a dated year, drawn as a marker at its day's angle."""

    month: int
    day: int
    days: int  # days in its month
    status: str  # the status key: 'planerat', 'flyttat', 'installt', …
    title: str
    colour: str
    ring: str  # the ring key of its body, for the filter
    target: str
    anchor: str


_Entry = tuple[tuple[Month, ...], str, tuple[str, ...], str, str, str]  # run, title, labels, colour, page, anchor


def wheel_rings(c: Cooperation, year: int | None = None) -> list[Ring]:
    """The rings from the inside out. With a `year`, each meeting's title also gives its date."""
    colours = colour_map(c)
    raw: list[tuple[str, str, str, list[_Entry], tuple[tuple[str, str], ...]]] = []
    steps: list[_Entry] = [
        (run, f"{p.name}: {s.text}", _labels(s.short, s.text), colours[p.id], paths.process_page(c, p), "")
        for p, s in c.all_steps()
        for run in _step_runs(s.months, s.deadline.month if s.deadline else None)
    ]
    if steps:
        used = dict.fromkeys(p.id for p, s in c.all_steps() if s.months or s.deadline)
        swatches = tuple((colours[p], c.process(p).name) for p in used)
        raw.append((PROCESS_RING, "Årsprocesser och tidsgränser", paths.processes_page(c), steps, swatches))
    for b in wheel_bodies(c):
        entries: list[_Entry] = [
            (
                run,
                f"{b.name}, {month_span(run)}: {o.topic}{_date_note(c, o.id, year)}",
                _labels(o.short, o.topic),
                colours[b.id],
                paths.body_page(c, b),
                o.id,
            )
            for o in b.occasions
            for run in month_runs(o.months)
        ]
        raw.append((b.id, b.name, paths.body_page(c, b), entries, ((colours[b.id], b.name),)))
    return _numbered(raw)


def wheel_bodies(c: Cooperation) -> list[Body]:
    """The bodies that have a ring: those with meetings in set months, from preparation to council."""
    return sorted(
        (b for b in c.bodies if b.kind in KIND_ORDER and any(o.months for o in b.occasions)),
        key=lambda b: -KIND_ORDER.index(b.kind),
    )


def colour_map(c: Cooperation) -> dict[str, str]:
    """One colour per process, then per body, in the order of the data; a body that shares its id
    with a process shares its colour too, which is harmless: they are in different rings."""
    keys = [p.id for p in c.processes] + [b.id for b in c.bodies]
    return {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(dict.fromkeys(keys))}


def dated_meetings(c: Cooperation, year: int) -> list[DatedMeeting]:
    """The year's meetings in date order, each with its body's colour and ring."""
    schedule = c.schedule(year)
    if schedule is None:
        return []
    colours = colour_map(c)
    in_wheel = {b.id for b in wheel_bodies(c)}
    found = []
    for m in sorted(schedule.meetings, key=lambda m: m.order):
        body = c.meeting_body(m)
        topic = c.meeting_topic(m) or ""
        found.append(
            DatedMeeting(
                m.date.month,
                m.date.day,
                last_day(m.date.year, m.date.month),
                marker_key(c, m),
                f"{body.name}: {topic} – {meeting_when(m)} ({status_cell(c, m)})",
                colours.get(body.id, PALETTE[-1]),
                body.id if body.id in in_wheel else "",
                paths.body_page(c, body),
                m.occasion or "",
            )
        )
    return found


def _labels(short: str | None, text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in (short, " ".join(text.split())) if t))


def _date_note(c: Cooperation, occasion_id: str, year: int | None) -> str:
    meeting: Meeting | None = c.dated(occasion_id, year) if year else None
    if meeting is None:
        return ""
    return f" – {meeting_when(meeting)} ({status_cell(c, meeting)})"


def _step_runs(months: tuple[Month, ...], deadline: Month | None) -> list[tuple[Month, ...]]:
    return month_runs(months) if months else ([(deadline,)] if deadline else [])


def _numbered(raw: list[tuple[str, str, str, list[_Entry], tuple[tuple[str, str], ...]]]) -> list[Ring]:
    """Number items in reading order (by month, then from the outer ring in), and give each a lane."""
    order = sorted(
        (entry[0][0], -ring, index) for ring, (*_, entries, _s) in enumerate(raw) for index, entry in enumerate(entries)
    )
    numbers = {(-neg_ring, index): n for n, (_, neg_ring, index) in enumerate(order, start=1)}
    rings = []
    for ring_index, (key, name, target, entries, swatches) in enumerate(raw):
        lanes = _lanes([run for run, *_ in entries])
        items = tuple(
            Item(numbers[(ring_index, i)], run[0], run[-1], lanes[i], title, labels, colour, page, anchor)
            for i, (run, title, labels, colour, page, anchor) in enumerate(entries)
        )
        rings.append(Ring(ring_index + 1, key, name, target, items, max(lanes, default=0) + 1, swatches))
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

"""Drafting next year's schedule from the rules: `python -m generator new-year 2028`.

Each autumn the steering group adopts the coming year's årshjul. The draft gives
every recurring meeting a proposed date in its rule month: the same week and
weekday as last year's meeting, or the second Thursday of the month, moved on
to the next working day past weekends and Swedish public holidays. A meeting
held together with another body's meeting gets the same day. Hosts rotate on
from where last year's rotation stopped. A pure function: same data and year,
same text.
"""

from __future__ import annotations

import datetime
import json

from .model import Body, CooperationData, Meeting, Occasion
from .model.dates import next_working_day, nth_weekday

THURSDAY = 3


def draft_schedule(c: CooperationData, year: int) -> str:
    previous = c.schedule(year - 1)
    proposals = _proposed_dates(c, year)
    lines = [
        "# yaml-language-server: $schema=../_schema/motesplan.schema.json",
        f"# FÖRSLAG till mötesplan för {year}, framtaget från reglerna i grupper.yaml med",
        "# `python -m generator new-year`. Varje datum är ett förslag: stäm av det, ändra",
        "# och ta bort kommentaren 'FÖRSLAG' när styrgruppen har antagit årshjulet.",
        "",
        f"ar: {year}",
        f"uppdaterad: {c.info.version_date.isoformat()}",
        "",
    ]
    rotations = _rotations(c, year)
    if rotations:
        lines.append("turordning:")
        for body, start in rotations:
            lines += [f"  - grupp: {body.id}", f"    borjar_med: {start}"]
        lines.append("")
    if not proposals:
        lines += ["# Reglerna anger inga månader för mötena: skriv in dem här med datum.", "moten: []"]
        return "\n".join(lines) + "\n"
    lines.append("moten:")
    for body, occasion in sorted(c.occasions(), key=lambda bo: (proposals.get(bo[1].id, datetime.date.max), bo[1].id)):
        if occasion.id in proposals:
            last = c.dated(occasion.id, year - 1) if previous else None
            lines += _meeting_lines(body, occasion, proposals[occasion.id], last)
    return "\n".join(lines) + "\n"


def _meeting_lines(body: Body, occasion: Occasion, day: datetime.date, last: Meeting | None) -> list[str]:
    lines = [
        f"  # FÖRSLAG: {body.name}, {occasion.topic}",
        f"  - mote: {occasion.id}",
        f"    datum: {day.isoformat()}",
    ]
    if last is not None and last.start is not None:
        lines.append(f'    start: "{last.start:%H:%M}"')
        if last.end is not None:
            lines.append(f'    slut: "{last.end:%H:%M}"')
    if last is not None and last.place:
        lines.append(f"    plats: {json.dumps(last.place, ensure_ascii=False)}")
    if last is not None and last.video:
        lines.append(f"    videolank: {json.dumps(last.video, ensure_ascii=False)}")
    lines.append("")
    return lines


def _proposed_dates(c: CooperationData, year: int) -> dict[str, datetime.date]:
    dates: dict[str, datetime.date] = {}
    for _, occasion in c.occasions():
        if occasion.months:
            dates[occasion.id] = next_working_day(_first_guess(c, occasion, year))
    # Held together with another body's meeting in the same month: the same day.
    for _, occasion in c.occasions():
        if occasion.id in dates and occasion.held_with:
            partner = next(
                (
                    o
                    for b, o in c.occasions()
                    if b.id == occasion.held_with and o.id in dates and set(o.months) & set(occasion.months)
                ),
                None,
            )
            if partner is not None:
                dates[occasion.id] = dates[partner.id]
    return dates


def _first_guess(c: CooperationData, occasion: Occasion, year: int) -> datetime.date:
    month = occasion.months[0]
    last = c.dated(occasion.id, year - 1)
    if last is not None and last.date.month == month:
        week = (last.date.day - 1) // 7
        return nth_weekday(year, month, last.date.weekday(), week)
    return nth_weekday(year, month, THURSDAY, 1)


def _rotations(c: CooperationData, year: int) -> list[tuple[Body, str]]:
    """Bodies whose convener or notice goes round 'var sin gång', with the member whose turn is first."""
    members = [m.id for m in c.info.members]
    previous = c.schedule(year - 1)
    result = []
    for body in c.bodies:
        if not any(r is not None and r.rotating for r in (body.convener, body.notice)):
            continue
        start = members[0]
        if previous is not None:
            hosted = [
                c.host(m) for m in sorted(previous.meetings, key=lambda m: m.date) if c.meeting_body(m).id == body.id
            ]
            rotated = [h.id for h in hosted if h is not None]
            if rotated:
                start = members[(members.index(rotated[-1]) + 1) % len(members)]
        result.append((body, start))
    return result

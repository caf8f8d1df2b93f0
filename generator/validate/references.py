"""Ids must be unique and every reference must name something that exists."""

from __future__ import annotations

import difflib
from collections import defaultdict

from ..errors import ErrorLog
from .convert import Mention

KIND_NAMES = {
    "kommun": "medlemskommun (samverkan.yaml, medlemmar)",
    "roll": "roll (roller.yaml)",
    "grupp": "grupp (grupper.yaml)",
    "mote": "möte (grupper.yaml, moten)",
    "process": "process (processer.yaml)",
    "diskussionspunkter": "lista med diskussionspunkter (diskussionspunkter.yaml)",
}


def check_references(
    definitions: list[Mention], references: list[Mention], incomplete: set[str], log: ErrorLog
) -> None:
    known: dict[str, dict[str, Mention]] = defaultdict(dict)
    for d in definitions:
        first = known[d.kind].get(d.value)
        if first is not None:
            log.add(
                d.pos, f"id '{d.value}' används redan (första gången i {first.pos}); ett id måste vara unikt", d.path
            )
        else:
            known[d.kind][d.value] = d
    for r in references:
        if r.kind not in incomplete and r.value not in known[r.kind]:
            log.add(r.pos, _unknown(r, sorted(known[r.kind])), r.path)


def _unknown(ref: Mention, ids: list[str]) -> str:
    what = KIND_NAMES[ref.kind]
    close = difflib.get_close_matches(ref.value, ids, n=1)
    hint = f"; menade du '{close[0]}'?" if close else f"; kända id: {', '.join(ids) or 'inga'}"
    return f"okänd {what.split(' (')[0]} '{ref.value}': det finns ingen {what} med det id:t{hint}"

"""Ids must be unique and every reference must name something that exists."""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass

from ..errors import ErrorLog
from ..model.files import AGENDAS_FILE, BODIES_FILE, INFO_FILE, PROCESSES_FILE, ROLES_FILE
from .convert import Mention


@dataclass(frozen=True)
class KindName:
    """A kind of id in Swedish: the noun, whether it is an en- or ett-word, and where such ids are defined."""

    noun: str
    neuter: bool  # ett möte: "okänt möte", "inget möte"; en roll: "okänd roll", "ingen roll"
    where: str

    @property
    def unknown(self) -> str:
        return f"{'okänt' if self.neuter else 'okänd'} {self.noun}"

    @property
    def none(self) -> str:
        return f"{'inget' if self.neuter else 'ingen'} {self.noun} ({self.where})"


KIND_NAMES = {
    "kommun": KindName("medlemskommun", False, f"{INFO_FILE}, medlemmar"),
    "roll": KindName("roll", False, ROLES_FILE),
    "grupp": KindName("grupp", False, BODIES_FILE),
    "mote": KindName("möte", True, f"{BODIES_FILE}, moten"),
    "process": KindName("process", False, PROCESSES_FILE),
    "diskussionspunkter": KindName("lista med diskussionspunkter", False, AGENDAS_FILE),
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
    kind = KIND_NAMES[ref.kind]
    close = difflib.get_close_matches(ref.value, ids, n=1)
    hint = f"; menade du '{close[0]}'?" if close else f"; kända id: {', '.join(ids) or 'inga'}"
    return f"{kind.unknown} '{ref.value}': det finns {kind.none} med det id:t{hint}"

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
    duplicates: dict[str, list[tuple[Mention, Mention]]] = defaultdict(list)
    for d in definitions:
        first = known[d.kind].get(d.value)
        if first is not None:
            duplicates[d.kind].append((d, first))
        else:
            known[d.kind][d.value] = d
    unknown = [r for r in references if r.kind not in incomplete and r.value not in known[r.kind]]
    for kind, pairs in duplicates.items():
        # A copied entry whose id was not changed hides the id it replaced: the references to that id
        # are one mistake with the duplicate, so they are told in its message, not as errors of their own.
        lost = sorted({r.value for r in unknown if r.kind == kind})
        for number, (d, first) in enumerate(pairs):
            hint = _lost_hint(KIND_NAMES[kind], lost) if number == 0 and lost else ""
            message = f"id '{d.value}' används redan (första gången i {first.pos}); ett id måste vara unikt{hint}"
            log.add(d.pos, message, d.path)
    for r in unknown:
        if r.kind not in duplicates:
            log.add(r.pos, _unknown(r, sorted(known[r.kind])), r.path)


def _lost_hint(kind: KindName, lost: list[str]) -> str:
    names = ", ".join(f"'{value}'" for value in lost)
    return f"; hänvisningarna till {names} hittar {kind.none.split(' (')[0]}: var det id:t som ska stå här?"


def _unknown(ref: Mention, ids: list[str]) -> str:
    kind = KIND_NAMES[ref.kind]
    close = difflib.get_close_matches(ref.value, ids, n=1)
    hint = f"; menade du '{close[0]}'?" if close else f"; kända id: {', '.join(ids) or 'inga'}"
    return f"{kind.unknown} '{ref.value}': det finns {kind.none} med det id:t{hint}"

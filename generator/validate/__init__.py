"""Read `data/` into a validated `Handbook`, or raise `DataErrors` listing every problem."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import DataError, DataErrors, ErrorLog, Position, display_path
from ..load import load_file
from ..model import AgendaFile, BodyFile, Cooperation, CooperationData, Handbook, ProcessFile, RoleFile
from .convert import INVALID, Converter
from .references import check_references
from .rules import check_rules
from .types import ID_PATTERN

# The files of one cooperation's folder and what each holds.
COOPERATION_FILES: dict[str, type] = {
    "samverkan.yaml": Cooperation,
    "roller.yaml": RoleFile,
    "grupper.yaml": BodyFile,
    "processer.yaml": ProcessFile,
    "diskussionspunkter.yaml": AgendaFile,
}


def read_handbook(data_dir: Path) -> Handbook:
    log = ErrorLog()
    if not data_dir.is_dir():
        raise DataErrors([DataError(Position(display_path(data_dir)), "datamappen finns inte")])
    folders = sorted(p for p in data_dir.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
    cooperations = [c for c in (_read_cooperation(f, log) for f in folders) if c is not None]
    if not folders:
        log.add(
            Position(display_path(data_dir)),
            "datamappen har ingen samverkan: lägg till en mapp per samverkan, t.ex. data/sml/",
        )
    if log:
        raise DataErrors(log.errors)
    return Handbook(tuple(cooperations))


def _read_cooperation(folder: Path, log: ErrorLog) -> CooperationData | None:
    if not re.fullmatch(ID_PATTERN.strip("^$"), folder.name):
        log.add(
            Position(display_path(folder)),
            "mappens namn blir samverkans id i adresser: använd små bokstäver a–z, siffror och bindestreck",
        )
        return None
    for extra in sorted(folder.glob("*.y*ml")):
        if extra.name not in COOPERATION_FILES:
            log.add(
                Position(display_path(extra)),
                f"okänd fil; en samverkans mapp har filerna {', '.join(COOPERATION_FILES)}",
            )
    errors_before = len(log.errors)
    converter = Converter(log)
    parts = {}
    for name, cls in COOPERATION_FILES.items():
        parts[name] = converter.convert(cls, load_file(folder / name, log))
    check_references(converter.definitions, converter.references, converter.incomplete, log)
    if any(p is INVALID for p in parts.values()) or len(log.errors) > errors_before:
        return None
    data = CooperationData(
        id=folder.name,
        info=parts["samverkan.yaml"],
        roles=parts["roller.yaml"].roles,
        bodies=parts["grupper.yaml"].bodies,
        processes=parts["processer.yaml"].processes,
        agendas=parts["diskussionspunkter.yaml"].agendas,
    )
    check_rules(data, log)
    return data

"""Read `data/` into a validated `Handbook`, or raise `DataErrors` listing every problem."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..errors import DataError, DataErrors, ErrorLog, Position, display_path
from ..load import load_file
from ..model import (
    AgendaFile,
    BodyFile,
    Cooperation,
    CooperationInfo,
    Handbook,
    ProcessFile,
    RoleFile,
    SiteSettings,
    YearSchedule,
)
from ..model.files import (
    AGENDAS_FILE,
    BODIES_FILE,
    COOPERATION_FILES,
    INFO_FILE,
    PROCESSES_FILE,
    ROLES_FILE,
    SCHEDULE_FILE,
)
from ..model.history import HISTORY_FILE, HistoryError, Revision, parse_history
from ..model.history import MAX_BYTES as MAX_HISTORY_BYTES
from .convert import Converter, Invalid
from .references import check_references
from .reserved import check_reserved
from .rules import check_rules, check_site
from .types import ID_PATTERN
from .versions import with_previous

SITE_FILE = "handbok.yaml"

# Names a cooperation's folder cannot have: its pages would replace the handbook's own
# (pages and folders at the top of the site, MkDocs' own files, the hand-written docs/ pages).
RESERVED_FOLDERS = frozenset({"index", "tillganglighet", "uppdatera", "assets", "search", "404", "sitemap"})

Part = TypeVar("Part")  # the model of one of a cooperation's files

# Every kind of data file, for the JSON Schemas.
SCHEMA_FILES: dict[str, type] = {SITE_FILE: SiteSettings, **COOPERATION_FILES, "motesplan.yaml": YearSchedule}


def read_handbook(data_dir: Path) -> Handbook:
    log = ErrorLog()
    if not data_dir.is_dir():
        raise DataErrors([DataError(Position(display_path(data_dir)), "datamappen finns inte")])
    site = Converter(log).convert(SiteSettings, load_file(data_dir / SITE_FILE, log, data_dir))
    folders = sorted(p for p in data_dir.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
    cooperations = [c for c in (_read_cooperation(f, data_dir, log) for f in folders) if c is not None]
    cooperations = [with_previous(data_dir / c.id, c, _version_reader(data_dir), log) for c in cooperations]
    if not folders:
        log.add(Position(display_path(data_dir)), "datamappen har ingen samverkan: lägg till en mapp per samverkan")
    history = _read_history(data_dir / HISTORY_FILE, log)
    if log or isinstance(site, Invalid):
        raise DataErrors(log.errors)
    check_site(site, log)
    if log:
        raise DataErrors(log.errors)
    return Handbook(site, tuple(cooperations), history)


def read_cooperation(folder: Path) -> Cooperation:
    """One cooperation's folder on its own, such as a version kept in versioner/DATUM/."""
    log = ErrorLog()
    data = _read_cooperation(folder, folder.parent, log)
    if log or data is None:
        raise DataErrors(log.errors)
    return data


def _read_history(path: Path, log: ErrorLog) -> dict[str, Revision]:
    """The calendar history the last build wrote; none before the first build."""
    if not path.exists() and not path.is_symlink():
        return {}  # a first build; revisions.history_problems refuses a history git had before
    problem = _history_problem(path.lstat())
    if problem is not None:
        log.add(Position(display_path(path)), f"kalenderhistoriken går inte att läsa: {problem}")
        return {}
    try:
        return parse_history(path.read_text(encoding="utf-8"))
    except HistoryError as err:
        log.add(Position(display_path(path), err.line, err.column), f"kalenderhistoriken går inte att läsa: {err}")
    except (OSError, UnicodeDecodeError):
        log.add(Position(display_path(path)), "kalenderhistoriken går inte att läsa; återställ filen från git")
    return {}


def _history_problem(info: os.stat_result) -> str | None:
    """Why the history is not read at all: a link, no regular file (a FIFO would hang), too big."""
    if not stat.S_ISREG(info.st_mode):
        return "filen är ingen vanlig fil (utan t.ex. en länk eller ett rör); återställ den från git"
    if info.st_size > MAX_HISTORY_BYTES:
        return f"filen är större än {MAX_HISTORY_BYTES // 1_000_000} MB; det är ingen kalenderhistorik"
    return None


def _version_reader(root: Path) -> Callable[[Path, ErrorLog], Cooperation | None]:
    """Reads a kept version's folder (versioner/DATUM/) under the same rules as the data folder."""
    return lambda folder, log: _read_cooperation(folder, root, log)


def _read_cooperation(folder: Path, root: Path, log: ErrorLog) -> Cooperation | None:
    problem = _folder_problem(folder, root)
    if problem:
        log.add(Position(display_path(folder)), problem)
        return None
    errors_before = len(log.errors)
    converter = Converter(log)
    parts: dict[str, object] = {
        name: converter.convert(cls, load_file(folder / name, log, root)) for name, cls in COOPERATION_FILES.items()
    }
    schedules = [_read_schedule(path, root, converter, log) for path in _schedule_files(folder, log)]
    check_references(converter.definitions, converter.references, converter.incomplete, log)
    check_reserved(converter.definitions, log)
    plans = [s for s in schedules if not isinstance(s, Invalid)]
    if any(isinstance(p, Invalid) for p in parts.values()) or len(plans) < len(schedules):
        return None
    if len(log.errors) > errors_before:
        return None
    data = Cooperation(
        id=folder.name,
        info=_part(parts, INFO_FILE, CooperationInfo),
        roles=_part(parts, ROLES_FILE, RoleFile).roles,
        bodies=_part(parts, BODIES_FILE, BodyFile).bodies,
        processes=_part(parts, PROCESSES_FILE, ProcessFile).processes,
        agendas=_part(parts, AGENDAS_FILE, AgendaFile).agendas,
        schedules=tuple(sorted(plans, key=lambda s: s.year)),
    )
    check_rules(data, log)
    return data


def _part(parts: dict[str, object], name: str, cls: type[Part]) -> Part:
    """The converted file `name`, which COOPERATION_FILES says is a `cls`."""
    part = parts[name]
    assert isinstance(part, cls), f"{name} is {COOPERATION_FILES[name].__name__}"
    return part


def _folder_problem(folder: Path, root: Path) -> str | None:
    if not re.fullmatch(ID_PATTERN.strip("^$"), folder.name):
        return "mappens namn blir samverkans id i adresser: använd små bokstäver a–z, siffror och bindestreck"
    if folder.name in RESERVED_FOLDERS:
        return f"mappens namn '{folder.name}' används redan av handbokens egna sidor; välj ett annat namn"
    if folder.is_symlink() and root.resolve() not in folder.resolve().parents:
        return "mappen är en länk till något utanför datamappen; lägg in själva mappen i stället"
    return None


def _schedule_files(folder: Path, log: ErrorLog) -> list[Path]:
    found = []
    for path in sorted(folder.glob("*.y*ml")):
        if SCHEDULE_FILE.fullmatch(path.name):
            found.append(path)
        elif path.name not in COOPERATION_FILES:
            expected = ", ".join(COOPERATION_FILES)
            log.add(
                Position(display_path(path)), f"okänd fil; en samverkans mapp har {expected} och motesplan-ÅÅÅÅ.yaml"
            )
    return found


def _read_schedule(path: Path, root: Path, converter: Converter, log: ErrorLog) -> YearSchedule | Invalid:
    schedule = converter.convert(YearSchedule, load_file(path, log, root))
    match = SCHEDULE_FILE.fullmatch(path.name)
    if not isinstance(schedule, Invalid) and match and int(match.group(1)) != schedule.year:
        log.add(
            schedule.pos,
            f"filen heter {path.name} men 'ar' är {schedule.year}; året i namnet och i filen ska vara samma",
        )
    return schedule

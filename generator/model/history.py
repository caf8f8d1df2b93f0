"""What the calendars have already told their subscribers: one record per event.

Calendar clients keep an event's old version unless its SEQUENCE grows. A
hand-kept counter goes wrong under ordinary edits, so the build keeps the count
itself: `data/kalenderhistorik.json` records, for every UID ever published, a
fingerprint of what subscribers were shown, its SEQUENCE and when it last
changed. A build compares each event with its record; a changed event gets the
next SEQUENCE, an unchanged one keeps its own. Records are never removed, so an
event that comes back (a reinstated meeting) continues its count instead of
starting again.

No clock is read: a change is dated by the data's own date ('uppdaterad',
'versionsdatum'), and never earlier than one minute after the previous change,
so LAST-MODIFIED grows with SEQUENCE and the same data always gives the same
bytes.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

HISTORY_FILE = "kalenderhistorik.json"
FORMAT = 1
MAX_BYTES = 20_000_000  # about 100,000 events: centuries of a handbook's calendars; more is not a history
SHOWN = 5  # events named in one message; the count says how many more
_STEP = datetime.timedelta(minutes=1)
ABOUT = "Skrivs av bygget: vad kalenderprenumeranterna har fått se. Checka in filen; ändra den inte för hand."


@dataclass(frozen=True)
class Revision:
    """The version of one event that subscribers were last shown."""

    sequence: int
    modified: datetime.datetime  # UTC
    fingerprint: str


History = Mapping[str, Revision]


@dataclass(frozen=True)
class Observed:
    """An event as the build sees it now: its UID, what it shows, and the data's date for it."""

    uid: str
    fingerprint: str
    dated: datetime.date


def advance(history: History, observed: Iterable[Observed]) -> dict[str, Revision]:
    """The history after publishing `observed`: new events start at 0, changed ones move on by 1."""
    result = dict(history)
    for event in observed:
        since = datetime.datetime.combine(event.dated, datetime.time(), datetime.UTC)
        previous = result.get(event.uid)
        if previous is None:
            result[event.uid] = Revision(0, since, event.fingerprint)
        elif previous.fingerprint != event.fingerprint:
            modified = max(since, previous.modified + _STEP)
            result[event.uid] = Revision(previous.sequence + 1, modified, event.fingerprint)
    return dict(sorted(result.items()))


def changed(before: History, after: History) -> int:
    """How many events are new or changed from `before` to `after`."""
    return sum(1 for uid, record in after.items() if before.get(uid) != record)


def history_text(history: History) -> str:
    """The history as JSON, one event per line, sorted: small, readable diffs in git."""
    lines = [
        f"  {json.dumps(uid)}: "
        + json.dumps(
            {
                "sekvens": r.sequence,
                "andrad": r.modified.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "innehall": r.fingerprint,
            },
            ensure_ascii=False,
        )
        for uid, r in sorted(history.items())
    ]
    body = ",\n".join(lines)
    return f'{{\n"format": {FORMAT},\n"om": {json.dumps(ABOUT, ensure_ascii=False)},\n"handelser": {{\n{body}\n}}\n}}\n'


class HistoryError(ValueError):
    """The history file cannot be read; `line` and `column` say where (1-based, 0 if unknown)."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def parse_history(text: str) -> dict[str, Revision]:
    """Read what `history_text` wrote; anything else is a `HistoryError` with its place."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise HistoryError("filen är inte giltig JSON", err.lineno, err.colno) from None
    if not isinstance(document, dict) or type(document.get("format")) is not int or document["format"] != FORMAT:
        raise HistoryError(f'okänt format; filen ska ha "format": {FORMAT}')
    events = document.get("handelser")
    if not isinstance(events, dict):
        raise HistoryError('"handelser" saknas')
    return {uid: _revision(uid, record) for uid, record in events.items()}


def _revision(uid: str, record: object) -> Revision:
    damaged = HistoryError(f"händelsen '{uid}' är skadad; återställ filen från git")
    if not isinstance(record, dict):
        raise damaged
    sequence, modified, fingerprint = record.get("sekvens"), record.get("andrad"), record.get("innehall")
    # `type(...) is int`: JSON's true is a bool, and bool is an int in Python; it is no SEQUENCE.
    if not (type(sequence) is int and 0 <= sequence < 2**31) or type(fingerprint) is not str:
        raise damaged
    try:
        when = datetime.datetime.strptime(str(modified), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    except ValueError:
        raise damaged from None
    return Revision(sequence, when, fingerprint)


def losses(committed: History, current: History) -> list[str]:
    """What `current` has lost of the `committed` history, in Swedish: dropped records and lowered
    SEQUENCE numbers. Either makes calendar clients keep an old version of an event."""
    dropped = [uid for uid in committed if uid not in current]
    lowered = [uid for uid in committed if uid in current and current[uid].sequence < committed[uid].sequence]
    problems = []
    if dropped:
        problems.append(
            f"{_count(dropped)} som finns i den incheckade versionen saknas ({_named(dropped)}); en händelse "
            "som kommer tillbaka skulle börja om på SEQUENCE 0"
        )
    if lowered:
        examples = ", ".join(
            f"'{u}' {current[u].sequence} i stället för {committed[u].sequence}" for u in lowered[:SHOWN]
        )
        more = f" och {len(lowered) - SHOWN} till" if len(lowered) > SHOWN else ""
        problems.append(
            f"{_count(lowered)} har lägre sekvens än i den incheckade versionen ({examples}{more}); "
            "kalenderprogrammen skulle behålla den gamla versionen"
        )
    return problems


def _count(uids: list[str]) -> str:
    return "en händelse" if len(uids) == 1 else f"{len(uids)} händelser"


def _named(uids: list[str]) -> str:
    more = f" och {len(uids) - SHOWN} till" if len(uids) > SHOWN else ""
    return ", ".join(f"'{uid}'" for uid in uids[:SHOWN]) + more

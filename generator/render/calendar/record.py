"""One calendar event as the feeds and "Kommande" see it, before SEQUENCE is added."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from enum import Enum

from ...errors import Position
from ...model import Month
from ...model.dates import event_uid, month_runs


class Status(Enum):
    TENTATIVE = "TENTATIVE"
    CONFIRMED = "CONFIRMED"
    CANCELLED = "CANCELLED"


@dataclass(frozen=True)
class Event:
    uid: str
    summary: str
    description: str
    start: datetime.date | datetime.datetime
    end: datetime.date | datetime.datetime
    status: Status
    transparent: bool
    category: str
    url: str
    dated: datetime.date  # the data's own date for this event's information ('uppdaterad', 'versionsdatum')
    pos: Position  # where the event is defined, for errors
    location: str | None = None
    body_id: str | None = None  # the body whose feed the event belongs to; None for deadlines
    occasion_id: str | None = None  # the recurring meeting, whose own participants are in the role feeds
    responsible: str | None = None  # the role responsible for a step
    papers: str | None = None  # the key of the meeting's notice (paths.notice_page)
    checklist: str | None = None  # the id of the meeting's checklist (paths.checklist_page)
    label: str | None = None  # 'förslag', 'flyttat', 'inställt', 'datum ej fastställt', as "Kommande" shows it
    page: str = ""  # the handbook page about the event (a docs path), and the anchor on it
    anchor: str = ""
    months: tuple[Month, ...] = ()  # the months of a meeting whose date is not set yet

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime.datetime)

    @property
    def fingerprint(self) -> str:
        """What a subscriber sees of the event: when, where, what and its status. A change in any
        of them must reach the calendars, so it moves SEQUENCE on (description and links do not:
        they change with the publishing address)."""
        shown = (self.summary, self.start, self.end, self.status.value, self.transparent, self.location)
        return hashlib.sha256(repr(shown).encode("utf-8")).hexdigest()[:16]


def run_uids(cooperation_id: str, kind: str, item_id: str, year: int, months: tuple[Month, ...]) -> list[str]:
    """One UID per run of months: the first run keeps the plain UID, so adding a run never renames it."""
    runs = month_runs(months)
    return [event_uid(cooperation_id, kind, item_id, year, run[0] if i else None) for i, run in enumerate(runs)]

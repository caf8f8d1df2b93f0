"""A year's dated meetings: motesplan-ÅÅÅÅ.yaml, and the site-wide handbok.yaml."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import Enum
from typing import Annotated

from .base import YEARS, Id, Located, Prose, Ref, WebAddress, key, many, optional
from .organisation import Decision

# A meeting with a start and no 'slut' is taken to last an hour: the calendars show it so, and
# the clash checks and warnings count it so (drafting plans with its own, longer, length).
ASSUMED_LENGTH = datetime.timedelta(hours=1)


class MeetingStatus(Enum):
    """What became of a dated meeting."""

    PLANNED = "planerat"
    MOVED = "flyttat"
    CANCELLED = "installt"


class PlanStatus(Enum):
    """How far a date has come: an example, a proposal, or adopted by a decision."""

    EXAMPLE = "exempel"
    PROPOSAL = "forslag"
    ADOPTED = "faststalld"

    @property
    def label(self) -> str:
        """'Exempel', 'Förslag', 'Fastställd': as the pages print it."""
        return {"exempel": "Exempel", "forslag": "Förslag", "faststalld": "Fastställd"}[self.value]

    @property
    def adopted(self) -> bool:
        return self is PlanStatus.ADOPTED


@dataclass(frozen=True, kw_only=True)
class Meeting(Located):
    """A dated meeting: either the rule occasion it fulfils (`mote`) or an extra meeting."""

    occasion: Annotated[str, Ref("mote")] | None = optional(
        "mote", "Det återkommande mötet (id i grupper.yaml) som detta möte är, t.ex. 'styrgrupp-februari'."
    )
    id: Annotated[str, Id("extramote")] | None = optional("id", "Id för ett extra möte som inte finns i grupper.yaml.")
    body: Annotated[str, Ref("grupp")] | None = optional("grupp", "Gruppen, för ett extra möte.")
    title: str | None = optional("rubrik", "Mötets ämne, för ett extra möte.")
    date: datetime.date = key("datum", "Mötesdag, ÅÅÅÅ-MM-DD.")
    start: datetime.time | None = optional("start", "Starttid, TT:MM, t.ex. '09:00'.")
    end: datetime.time | None = optional("slut", "Sluttid, TT:MM, t.ex. '12:00'.")
    place: str | None = optional("plats", "Plats, t.ex. 'Kommunhuset, Lysekil'.")
    video: str | None = optional("videolank", "Länk till videomötet (https://…).")
    host: Annotated[str, Ref("kommun")] | None = optional("vard", "Kommunen som står värd och ansvarar för kallelse.")
    status: MeetingStatus = key("status", "planerat, flyttat eller installt.", default=MeetingStatus.PLANNED)
    moved_from: datetime.date | None = optional("flyttat_fran", "Den tidigare mötesdagen, för ett flyttat möte.")
    reason: str | None = optional(
        "anledning", "Varför mötet flyttats, ställts in eller ligger utanför regelns månader."
    )
    plan_status: PlanStatus | None = optional(
        "planstatus",
        "Bara om mötet skiljer sig från planen: 'forslag' för ett möte som inte är beslutat "
        "i en fastställd plan, eller 'faststalld' (med 'beslut') i en plan som är ett förslag.",
    )
    decision: Decision | None = optional("beslut", "Beslutet som fastställde just det här mötet.")

    def overlaps(self, other: Meeting) -> bool:
        """Whether the two meetings take up some of the same time; one without a start takes the
        whole day. Compared as points in time, so a meeting that runs past midnight still clashes."""
        mine, theirs = self._span(), other._span()
        if mine is None or theirs is None:
            return self.date == other.date
        return mine[0] < theirs[1] and theirs[0] < mine[1]

    def _span(self) -> tuple[datetime.datetime, datetime.datetime] | None:
        ends = self.ends()
        return None if self.start is None or ends is None else (datetime.datetime.combine(self.date, self.start), ends)

    @property
    def order(self) -> tuple[datetime.date, datetime.time]:
        """Sort key: by day, a meeting without a start first."""
        return (self.date, self.start or datetime.time())

    def ends(self, assumed: datetime.timedelta = ASSUMED_LENGTH) -> datetime.datetime | None:
        """When the meeting ends: its 'slut', else `assumed` after its start; None for a meeting
        without a start, which takes the whole day. The one definition every user calls."""
        if self.start is None:
            return None
        if self.end is not None:
            return datetime.datetime.combine(self.date, self.end)
        return datetime.datetime.combine(self.date, self.start) + assumed

    @property
    def finish(self) -> datetime.time:
        """The time of day the meeting ends (`ends`); the end of the day for one without a start."""
        ends = self.ends()
        return datetime.time.max if ends is None else ends.time()


@dataclass(frozen=True, kw_only=True)
class Rotation(Located):
    """The member municipalities take turns hosting a body's meetings, 'var sin gång'."""

    body: Annotated[str, Ref("grupp")] = key("grupp", "Gruppen vars möten kommunerna turas om att stå värd för.")
    start: Annotated[str, Ref("kommun")] = key("borjar_med", "Kommunen som står värd för årets första möte.")


@dataclass(frozen=True, kw_only=True)
class YearSchedule(Located):
    year: int = key("ar", "Året som mötesplanen gäller.", between=YEARS)
    updated: datetime.date = key("uppdaterad", "Datum då mötesplanen senast ändrades.")
    status: PlanStatus = key(
        "status",
        "exempel (påhittad, visar hur det ser ut), forslag (framtagen men inte beslutad) "
        "eller faststalld (beslutad; skriv beslutet under 'beslut').",
    )
    decision: Decision | None = optional(
        "beslut", "Beslutet som fastställde planen: organ, datum och paragraf, t.ex. styrgruppens protokoll."
    )
    rotations: tuple[Rotation, ...] = many(
        "turordning", "Grupper där kommunerna turas om att ansvara för kallelse, handlingar och anteckningar."
    )
    meetings: tuple[Meeting, ...] = many("moten", "Årets möten med datum.")


@dataclass(frozen=True, kw_only=True)
class SiteSettings(Located):
    title: str = key("titel", "Handbokens namn.")
    address: WebAddress = key("adress", "Webbadressen där handboken publiceras, med / på slutet.")
    publisher: str = key("utgivare", "Vem som ger ut handboken, för tillgänglighetsredogörelsen.")
    contact: Prose = key("kontakt", "Hur läsare når utgivaren, t.ex. för att rapportera brister i tillgängligheten.")
    reviewed: datetime.date = key("tillganglighet_bedomd", "Datum då tillgängligheten senast bedömdes.")
    edit_address: str | None = optional(
        "andringsforslag",
        "Adress att föreslå ändringar på, som datafilens sökväg läggs till, "
        "t.ex. 'https://github.com/kommun/handbok/edit/main/' (ger …/edit/main/data/sml/grupper.yaml).",
    )
    feed_years_before: int = key(
        "kalender_ar_fore", "Hur många år före handboksåret kalendrarna behåller (0–5).", default=1
    )
    feed_years_after: int = key(
        "kalender_ar_efter", "Hur många år efter handboksåret kalendrarna visar (0–5).", default=1
    )

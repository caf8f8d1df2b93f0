"""A year's dated meetings: motesplan-ÅÅÅÅ.yaml, and the site-wide handbok.yaml."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import Enum
from typing import Annotated

from .base import YEARS, Id, Located, Prose, Ref, WebAddress, key, many, optional


class MeetingStatus(Enum):
    PLANNED = "planerat"
    MOVED = "flyttat"
    CANCELLED = "installt"


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
    revision: int = key(
        "andring", "Öka med 1 varje gång tid eller plats ändras, så att kalendrar uppdateras.", default=0
    )


@dataclass(frozen=True, kw_only=True)
class Rotation(Located):
    """The member municipalities take turns hosting a body's meetings, 'var sin gång'."""

    body: Annotated[str, Ref("grupp")] = key("grupp", "Gruppen vars möten kommunerna turas om att stå värd för.")
    start: Annotated[str, Ref("kommun")] = key("borjar_med", "Kommunen som står värd för årets första möte.")


@dataclass(frozen=True, kw_only=True)
class YearSchedule(Located):
    year: int = key("ar", "Året som mötesplanen gäller.", between=YEARS)
    updated: datetime.date = key("uppdaterad", "Datum då mötesplanen senast ändrades.")
    example: bool = key("exempel", "Sant om planen är ett exempel och inte beslutad.", default=False)
    rotations: tuple[Rotation, ...] = many(
        "turordning", "Grupper där kommunerna turas om att ansvara för kallelse, handlingar och anteckningar."
    )
    meetings: tuple[Meeting, ...] = many("moten", "Årets möten med datum.")


@dataclass(frozen=True, kw_only=True)
class Site(Located):
    title: str = key("titel", "Handbokens namn.")
    address: WebAddress = key("adress", "Webbadressen där handboken publiceras, med / på slutet.")
    publisher: str = key("utgivare", "Vem som ger ut handboken, för tillgänglighetsredogörelsen.")
    contact: Prose = key("kontakt", "Hur läsare når utgivaren, t.ex. för att rapportera brister i tillgängligheten.")
    reviewed: datetime.date = key("tillganglighet_bedomd", "Datum då tillgängligheten senast bedömdes.")

"""The cooperation and its organisation: samverkan.yaml, roller.yaml, grupper.yaml."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import Enum
from typing import Annotated

from .base import YEARS, Id, Located, Month, Prose, Ref, key, many, optional


class BodyKind(Enum):
    POLITICAL = "politisk"
    MANAGEMENT = "ledning"
    PREPARATION = "beredning"
    COORDINATION = "samordning"
    EXTERNAL = "extern"

    @property
    def label(self) -> str:
        return BODY_KIND_LABELS[self]


BODY_KIND_LABELS = {
    BodyKind.POLITICAL: "Politiskt samverkansorgan",
    BodyKind.MANAGEMENT: "Styrning och ledning",
    BodyKind.PREPARATION: "Beredning",
    BodyKind.COORDINATION: "Samordning",
    BodyKind.EXTERNAL: "Organ utanför samverkan",
}


# --- samverkan.yaml ---------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Decision(Located):
    body: str = key("organ", "Organet som beslutade, t.ex. 'Kommunfullmäktige i Sotenäs kommun'.")
    date: datetime.date = key("datum", "Beslutsdatum, ÅÅÅÅ-MM-DD.")
    paragraph: str | None = optional("paragraf", "Paragraf i protokollet, t.ex. '§ 92'.")


@dataclass(frozen=True, kw_only=True)
class Municipality(Located):
    id: Annotated[str, Id("kommun")] = key("id", "Kort id med små bokstäver, t.ex. 'sotenas'.")
    name: str = key("namn", "Kommunens namn, t.ex. 'Sotenäs'.")
    letter: str | None = optional("bokstav", "Förkortning som dokumentet använder, t.ex. 'S'.")
    adoption: Decision | None = optional("antagande", "Kommunfullmäktiges beslut att anta styrdokumentet.")


@dataclass(frozen=True, kw_only=True)
class PolicyDocument(Located):
    title: str = key("titel", "Styrdokumentets titel.")
    decided_by: str | None = optional(
        "beslutat_av", "Vem som beslutade dokumentet, om inte fullmäktige i varje kommun."
    )
    revised: datetime.date | None = optional("reviderat", "Datum då dokumentet senast reviderades.")
    scope: Prose = key("avgransning", "Vad dokumentet omfattar och inte omfattar.")


@dataclass(frozen=True, kw_only=True)
class Communication(Located):
    premises: Prose = key("lokal_profil", "Vilken grafisk profil verksamheterna följer för lokaler, utrustning m.m.")
    joint_profile: Prose = key("gemensam_profil", "Regeln för kommunikation inom samverkan.")


@dataclass(frozen=True, kw_only=True)
class Version(Located):
    """A published version of the handbook, whose data is kept in versioner/ÅÅÅÅ-MM-DD/."""

    date: datetime.date = key("datum", "Versionens 'versionsdatum', ÅÅÅÅ-MM-DD; uppgifterna finns i versioner/DATUM/.")
    decision: Decision | None = optional("beslut", "Beslutet som antog versionen: organ, datum och paragraf.")
    note: str | None = optional("anmarkning", "Kort om versionen, t.ex. 'Ny ekonomisk beredning'.")


@dataclass(frozen=True, kw_only=True)
class CooperationInfo(Located):
    name: str = key("namn", "Samverkans fullständiga namn.")
    short_name: str = key("kortnamn", "Kort namn som används i menyer och rubriker.")
    document: PolicyDocument = key("styrdokument", "Styrdokumentet som handboken bygger på.")
    members: tuple[Municipality, ...] = key(
        "medlemmar", "Medlemskommunerna i den ordning dokumentet nämner dem.", between=(1, 200)
    )
    members_note: Prose | None = optional("medlemmar_anmarkning", "Anmärkning om medlemmarna, t.ex. att de är antagna.")
    background: Prose = key("bakgrund", "Bakgrund till samverkan.")
    purpose: Prose = key("syfte", "Syftet med samverkan.")
    sales_principle: Prose | None = optional("forsaljning", "Principen för att sälja tjänster till andra.")
    governance: Prose = key("styrning", "Övergripande principer för styrning och ledning.")
    processes_intro: Prose | None = optional("arsprocesser", "Inledning till årsprocesserna, som i dokumentet.")
    communication: Communication | None = optional("kommunikation", "Kommunikation och grafisk profil.")
    version_date: datetime.date = key("versionsdatum", "Datum då uppgifterna senast ändrades.")
    year: int = key(
        "handboksar", "Året som handboken gäller; kalendrarna visar året före, det och nästa år.", between=YEARS
    )
    reviewed: datetime.date | None = optional(
        "granskad", "Datum då uppgifterna senast granskades mot styrdokumentet och besluten."
    )
    reviewer: Annotated[str, Ref("roll")] | None = optional(
        "granskas_av", "Rollen som ansvarar för att uppgifterna stämmer, t.ex. 'administrativ-chef'."
    )
    versions: tuple[Version, ...] = many(
        "versioner",
        "Publicerade versioner, äldst först. Handboken visar vad som har ändrats sedan den senaste "
        "versionen före 'versionsdatum'; dess uppgifter ska finnas i versioner/DATUM/ i samverkans mapp.",
    )


# --- roller.yaml --------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Role(Located):
    id: Annotated[str, Id("roll")] = key("id", "Kort id, t.ex. 'ekonomichef'.")
    name: str = key("namn", "Rollens namn i singular, t.ex. 'Ekonomichef'.")
    plural: str = key("plural", "Rollen i plural bestämd form, t.ex. 'ekonomicheferna'.")
    description: str | None = optional("beskrivning", "Kort förklaring, t.ex. andra titlar som används.")
    one_per_member: bool = key("en_per_kommun", "Sant om varje medlemskommun har en person i rollen.", default=True)
    duties: tuple[str, ...] = many("ansvar", "Uppgifter som dokumentet ger rollen utöver möten och processer.")


@dataclass(frozen=True, kw_only=True)
class RoleFile(Located):
    roles: tuple[Role, ...] = key("roller", "Rollerna som förekommer i samverkan.")


# --- grupper.yaml -------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Responsibility(Located):
    """Who does something: 'Ekonomichefen i Lysekil', 'administrativa cheferna var sin gång'."""

    role: Annotated[str, Ref("roll")] | None = optional("roll", "Rollen som ansvarar.")
    municipality: Annotated[str, Ref("kommun")] | None = optional("kommun", "Kommunen vars person i rollen ansvarar.")
    rotating: bool = key("var_sin_gang", "Sant om ansvaret går runt mellan kommunerna, 'var sin gång'.", default=False)
    designated: bool = key(
        "utsedd", "Sant om ansvaret ligger på den kommun eller person som utses inför mötet.", default=False
    )


@dataclass(frozen=True, kw_only=True)
class Seat(Located):
    role: Annotated[str, Ref("roll")] = key("roll", "Rollen som ingår eller deltar.")
    note: str | None = optional("anmarkning", "T.ex. 'vid behov'.")


@dataclass(frozen=True, kw_only=True)
class Preparation(Located):
    """Something done before each meeting of a body, a number of working days ahead of it."""

    text: str = key("text", "Vad som ska vara gjort, t.ex. 'Kallelse och handlingar skickas ut'.")
    working_days: int = key(
        "arbetsdagar_fore", "Senast så många arbetsdagar före mötet (helger och helgdagar räknas inte), t.ex. 5."
    )
    responsible: Responsibility | None = optional(
        "ansvarig", "Vem som gör det; utan uppgift den som ansvarar för kallelse och handlingar."
    )


class RuleSource(Enum):
    """Where a rule of the handbook comes from: the governing document, or the handbook's own suggestion."""

    DOCUMENT = "styrdokumentet"
    HANDBOOK = "handboken"


@dataclass(frozen=True, kw_only=True)
class NoticeTimes(Located):
    """When the notice and papers go out, when absence must be reported, and when the minutes are
    sent, in working days from each meeting of a body."""

    notice_days: int = key(
        "kallelse_arbetsdagar_fore",
        "Kallelse och handlingar skickas senast så många arbetsdagar före mötet, t.ex. 5.",
        between=(0, 60),
    )
    absence_days: int = key(
        "forhinder_arbetsdagar_fore",
        "Förhinder anmäls senast så många arbetsdagar före mötet, t.ex. 2.",
        between=(0, 60),
    )
    absence_to: str | None = optional(
        "forhinder_till",
        "Vart förhinder anmäls: en funktionsbrevlåda (t.ex. 'styrgrupp@lysekil.se') eller en roll. "
        "Utan uppgift anmäls förhinder till den som skickar kallelsen.",
    )
    minutes_days: int | None = optional(
        "anteckningar_arbetsdagar_efter", "Anteckningarna skickas senast så många arbetsdagar efter mötet, t.ex. 5."
    )
    source: RuleSource = key(
        "kalla",
        "'styrdokumentet' om styrdokumentet anger tiderna, 'handboken' om de är handbokens förslag.",
        default=RuleSource.HANDBOOK,
    )


@dataclass(frozen=True, kw_only=True)
class Minutes(Located):
    name: str = key("benamning", "Vad anteckningarna kallas, t.ex. 'Mötesanteckningar'.")
    distribution: str = key("utskick", "Hur och när de skickas, t.ex. 'Mailas ut efter mötet'.")
    recipient: Annotated[str, Ref("roll")] | None = optional("mottagare", "Rollen som anteckningarna ska skickas till.")


@dataclass(frozen=True, kw_only=True)
class DecisionPoints(Located):
    examples: bool = key("exempel", "Sant om listan är exempel och inte uttömmande.", default=True)
    points: tuple[str, ...] = key("punkter", "Frågor som gruppen fattar beslut om.")


@dataclass(frozen=True, kw_only=True)
class Occasion(Located):
    """A recurring meeting of a body in set months, with what it handles."""

    id: Annotated[str, Id("mote")] = key("id", "Kort id, unikt inom samverkan, t.ex. 'styrgrupp-februari'.")
    months: tuple[Month, ...] = many(
        "manader", "Månad eller månader, t.ex. [september, oktober]. Tom om månaden fastställs årligen."
    )
    topic: str = key("amne", "Vad mötet behandlar, som i dokumentets tabell 'Månad / Processer'.")
    short: str | None = optional(
        "kort", "Kort etikett för årshjulet, några ord, t.ex. 'Delårsbokslut'. Utan den används ämnet om det får plats."
    )
    processes: tuple[Annotated[str, Ref("process")], ...] = many("processer", "Årsprocesser som behandlas.")
    held_with: Annotated[str, Ref("grupp")] | None = optional(
        "samband_med", "Grupp som mötet hålls i samband med, t.ex. 'rad'."
    )
    note: str | None = optional("anmarkning", "Anmärkning, t.ex. 'samverkansråd'.")
    attendees: tuple[Seat, ...] = many("deltagare", "Roller som deltar utöver gruppens ledamöter.")
    agenda: Annotated[str, Ref("diskussionspunkter")] | None = optional(
        "diskussionspunkter", "Id för mötets diskussionspunkter."
    )


@dataclass(frozen=True, kw_only=True)
class Body(Located):
    id: Annotated[str, Id("grupp")] = key("id", "Kort id som används i adresser, t.ex. 'styrgrupp'.")
    name: str = key("namn", "Gruppens namn, t.ex. 'Styrgrupp'.")
    kind: BodyKind = key("typ", "Slag av grupp.")
    section: str | None = optional("avsnitt", "Avsnitt i styrdokumentet, t.ex. '3.2'.")
    purpose: Prose | None = optional("syfte", "Gruppens syfte och roll.")
    duties: tuple[str, ...] = many("uppgifter", "Gruppens uppgifter, en per rad.")
    mandate: Prose | None = optional("mandat", "Gruppens mandat.")
    may_decide: bool | None = optional("beslutsmandat", "Sant om gruppen kan fatta beslut, falskt om den inte kan.")
    members: tuple[Seat, ...] = many("ledamoter", "Rollerna som ingår i gruppen, från varje kommun.")
    composition_note: str | None = optional("sammansattning_anmarkning", "T.ex. vem som beslutar om sammansättningen.")
    attendees: tuple[Seat, ...] = many("deltagare", "Roller som deltar i gruppens möten utan att ingå i den.")
    min_meetings: int | None = optional("minst_moten_per_ar", "Minsta antal möten per år.")
    frequency: str | None = optional("motesfrekvens", "Hur ofta gruppen träffas, t.ex. 'Regelbundet'.")
    convener: Responsibility | None = optional("sammankallande", "Vem som kallar till mötet.")
    notice: Responsibility | None = optional("kallelse", "Vem som ansvarar för att kallelse och handlingar skickas ut.")
    minutes: Minutes | None = optional("anteckningar", "Hur mötet dokumenteras.")
    times: NoticeTimes | None = optional(
        "tidsgranser", "När kallelse och handlingar skickas, när förhinder anmäls och när anteckningarna skickas."
    )
    preparations: tuple[Preparation, ...] = many(
        "forberedelser", "Det som ska vara gjort inför varje möte, med tidsgräns i arbetsdagar före mötet."
    )
    prepares_for: tuple[Annotated[str, Ref("grupp")], ...] = many(
        "bereder_for", "Grupper som denna grupp bereder frågor åt."
    )
    reports_to: tuple[Annotated[str, Ref("grupp")], ...] = many(
        "rapporterar_till", "Grupper som denna grupp återkopplar eller lyfter frågor till."
    )
    decision_points: DecisionPoints | None = optional("beslutspunkter", "Frågor som gruppen beslutar om.")
    occasions: tuple[Occasion, ...] = many("moten", "Gruppens återkommande möten under året.")

    @property
    def internal(self) -> bool:
        """A body of the cooperation itself, which it convenes (it gets notices and papers), and
        not an outside one such as a council or a board."""
        return self.kind is not BodyKind.EXTERNAL


@dataclass(frozen=True, kw_only=True)
class BodyFile(Located):
    bodies: tuple[Body, ...] = key("grupper", "Samverkans grupper och organ.", between=(1, 200))

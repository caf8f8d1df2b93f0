"""The year's work: processer.yaml (annual processes) and diskussionspunkter.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from .base import Deadline, Id, Located, Month, Prose, Ref, key, many, optional


@dataclass(frozen=True, kw_only=True)
class Step(Located):
    """One step of a process, or a milestone: what happens, when, and by whom."""

    id: Annotated[str, Id("steg")] = key(
        "id", "Kort id, unikt inom samverkan, t.ex. 'budgetbeslut'. Kalendrarna känner igen steget på det."
    )
    text: str = key("text", "Vad som ska göras, som i dokumentet.")
    substeps: tuple[str, ...] = many("delsteg", "Delsteg (a, b, …) i den ordning de görs.")
    months: tuple[Month, ...] = many("manader", "Månad eller månader då steget görs, t.ex. [november, december].")
    deadline: Deadline | None = optional("senast", "Sista dag, t.ex. '30 april', eller bara månad, t.ex. 'december'.")
    responsible: Annotated[str, Ref("roll")] | None = optional("ansvarig", "Rollen som ansvarar för steget.")
    body: Annotated[str, Ref("grupp")] | None = optional(
        "grupp", "Gruppen där steget görs, om det inte sker på ett visst möte."
    )
    occasion: Annotated[str, Ref("mote")] | None = optional(
        "mote", "Mötet där steget görs, t.ex. 'styrgrupp-februari'."
    )
    short: str | None = optional(
        "kort", "Kort etikett för årshjulet, några ord, t.ex. 'Budgetram'. Utan den används texten om den får plats."
    )
    agenda_text: str | None = optional(
        "punkt", "Stegets punkt i föredragningslistan, t.ex. 'Avstämning av preliminära ramar'. Utan den: texten."
    )
    documents: tuple[str, ...] = many(
        "handlingar", "Handlingar som steget kräver till mötet, t.ex. 'Årsbokslut med verksamhetsberättelse'."
    )


@dataclass(frozen=True, kw_only=True)
class Process(Located):
    id: Annotated[str, Id("process")] = key("id", "Kort id som används i adresser, t.ex. 'budget'.")
    name: str = key("namn", "Processens namn, t.ex. 'Budget och verksamhetsplan'.")
    description: Prose | None = optional("beskrivning", "Processen beskriven i löptext.")
    requirements: tuple[str, ...] = many("krav", "Krav som dokumentet ställer, ett per rad.")
    steps_title: str | None = optional("stegrubrik", "Rubrik över stegen, t.ex. 'Beskrivning av budgetprocessen'.")
    steps: tuple[Step, ...] = many("steg", "Processens steg i ordning.")
    milestones: tuple[Step, ...] = many("milstolpar", "Andra tidpunkter i processen som dokumentet nämner.")
    note: str | None = optional("anmarkning", "T.ex. 'Anvisning samt hålltider kommer att uppdateras årligen.'")


@dataclass(frozen=True, kw_only=True)
class ProcessFile(Located):
    processes: tuple[Process, ...] = key("processer", "Samverkans årligen återkommande processer.")


@dataclass(frozen=True, kw_only=True)
class AgendaSection(Located):
    title: str = key("rubrik", "Avsnittets rubrik, t.ex. 'Bokslut'.")
    points: tuple[str, ...] = key("punkter", "Diskussionspunkterna, en per rad.")
    processes: tuple[Annotated[str, Ref("process")], ...] = many(
        "processer",
        "Årsprocesser som behandlas under rubriken: kallelsen tar deras steg här i stället för i en egen punkt.",
    )


@dataclass(frozen=True, kw_only=True)
class Agenda(Located):
    """The discussion points of one kind of meeting, grouped in sections."""

    id: Annotated[str, Id("diskussionspunkter")] = key("id", "Kort id, t.ex. 'arsbokslut-budget'.")
    title: str = key("rubrik", "Rubrik, t.ex. 'Årsbokslut/uppstart budget'.")
    intro: str | None = optional("inledning", "Inledande rad, t.ex. 'Frågor att diskutera'.")
    sections: tuple[AgendaSection, ...] = key("avsnitt", "Avsnitten med diskussionspunkter.")


@dataclass(frozen=True, kw_only=True)
class AgendaFile(Located):
    agendas: tuple[Agenda, ...] = key("diskussionspunkter", "Diskussionspunkter per slags möte.")

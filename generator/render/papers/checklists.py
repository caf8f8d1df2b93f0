"""Printable checklists and minutes templates, derived from meetings and processes.

A body's meetings that share a list of discussion points share a checklist
(SML's steering group uses one list in February and March); a meeting without
discussion points but with processes gets one of its own, built from the process
steps held at that meeting. Every annual process also gets a step list.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Body, Cooperation, Meeting, Month, Occasion, Process

Section = tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    body: Body | None
    occasions: tuple[Occasion, ...]
    intro: str | None
    sections: tuple[Section, ...]
    process: Process | None = None

    @property
    def months(self) -> tuple[Month, ...]:
        return tuple(sorted({m for o in self.occasions for m in o.months}))


def meeting_checklists(c: Cooperation) -> list[Checklist]:
    checklists: list[Checklist] = []
    for body in c.bodies:
        done: set[str] = set()
        for occasion in body.occasions:
            if occasion.agenda is not None and occasion.agenda not in done:
                done.add(occasion.agenda)
                checklists.append(_agenda_checklist(c, body, occasion))
            elif occasion.agenda is None and occasion.processes:
                checklists.append(_process_meeting_checklist(c, body, occasion))
    return checklists


def checklist_id(body: Body, occasion: Occasion) -> str | None:
    """The checklist a meeting uses: shared by all the body's meetings with the same discussion points."""
    if occasion.agenda is not None:
        return f"{body.id}-{occasion.agenda}"
    return occasion.id if occasion.processes else None


def _agenda_checklist(c: Cooperation, body: Body, occasion: Occasion) -> Checklist:
    assert occasion.agenda is not None
    agenda = c.agenda(occasion.agenda)
    occasions = tuple(o for b, o in c.occasions_with_agenda(agenda.id) if b.id == body.id)
    return Checklist(
        id=str(checklist_id(body, occasion)),
        title=agenda.title,
        body=body,
        occasions=occasions,
        intro=agenda.intro,
        sections=tuple((s.title, s.points) for s in agenda.sections),
    )


def _process_meeting_checklist(c: Cooperation, body: Body, occasion: Occasion) -> Checklist:
    sections = []
    for process_id in occasion.processes:
        process = c.process(process_id)
        steps = tuple(s.text for s in (*process.steps, *process.milestones) if s.occasion == occasion.id)
        sections.append((process.name, steps or (f"Avstämning av {process.name[:1].lower()}{process.name[1:]}",)))
    return Checklist(
        id=str(checklist_id(body, occasion)),
        title=occasion.topic,
        body=body,
        occasions=(occasion,),
        intro=None,
        sections=tuple(sections),
    )


def process_checklists(c: Cooperation) -> list[Checklist]:
    result = []
    for process in c.processes:
        sections: list[Section] = []
        if process.requirements:
            sections.append(("Krav", process.requirements))
        if process.steps:
            sections.append((process.steps_title or "Steg", tuple(_numbered(process))))
        if process.milestones:
            sections.append(("Tidpunkter under året", tuple(s.text for s in process.milestones)))
        result.append(
            Checklist(
                id=f"arsprocess-{process.id}",
                title=process.name,
                body=None,
                occasions=(),
                intro=process.note,
                sections=tuple(sections),
                process=process,
            )
        )
    return result


def _numbered(process: Process) -> list[str]:
    items = []
    for number, step in enumerate(process.steps, start=1):
        letters = "abcdefghijklmnopqrstuvwxyz"
        subs = "".join(f" {letters[i]}) {sub}" for i, sub in enumerate(step.substeps))
        items.append(f"{number}. {step.text}{subs}")
    return items


def dated_meetings(c: Cooperation, checklist: Checklist) -> list[tuple[int, Meeting]]:
    """The schedule's dates for the checklist's meetings, year by year."""
    found = []
    for year in c.years:
        for occasion in checklist.occasions:
            meeting = c.dated(occasion.id, year)
            if meeting is not None:
                found.append((year, meeting))
    return found

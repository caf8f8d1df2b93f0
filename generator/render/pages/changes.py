"""What changed between two versions of a cooperation's data, in Swedish.

A pure comparison of two model objects: `compare(old, new)` lists what was added,
removed or changed, grouped as a council reads it: members, bodies and their mandates,
meetings, process steps and deadlines, discussion points, the meeting plans. Things are
matched by their ids, so a renamed body is a change, not a removal and an addition.
The command `python -m generator diff` prints it; the site and the print edition show it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from ...model import (
    Agenda,
    Body,
    Cooperation,
    Handbook,
    Meeting,
    MeetingStatus,
    Month,
    Occasion,
    Process,
    Responsibility,
    Seat,
    Step,
    YearSchedule,
)
from .. import describe
from ..environment import render

T = TypeVar("T")


@dataclass(frozen=True)
class ChangeGroup:
    title: str
    lines: tuple[str, ...]


def compare(old: Cooperation, new: Cooperation) -> list[ChangeGroup]:
    """Every difference that matters to a reader, in groups; an empty list when none does."""
    groups = [
        ChangeGroup("Medlemskommuner", tuple(_members(old, new))),
        ChangeGroup("Grupper, ledamöter och mandat", tuple(_bodies(old, new))),
        ChangeGroup("Möten under året", tuple(_occasions(old, new))),
        ChangeGroup("Årsprocesser, steg och tidsgränser", tuple(_processes(old, new))),
        ChangeGroup("Diskussionspunkter", tuple(_agendas(old, new))),
        ChangeGroup("Mötesplaner", tuple(_schedules(old, new))),
    ]
    return [g for g in groups if g.lines]


def since_previous(c: Cooperation) -> list[ChangeGroup]:
    """What changed since the previous published version; nothing when none is kept."""
    return compare(c.previous, c) if c.previous is not None else []


def changes_page(c: Cooperation) -> str:
    """'Ändringar i den här versionen': the comparison with the previous version, and the versions."""
    previous_version = next((v for v in c.info.versions if c.previous and v.date == c.previous.info.version_date), None)
    return render(
        "changes.md.j2", c=c, previous=c.previous, previous_version=previous_version, groups=since_previous(c)
    )


def handbook_changes(old: Handbook, new: Handbook) -> str:
    """The report for every cooperation in either version, as plain text for the command line."""
    before = {c.id: c for c in old.cooperations}
    after = {c.id: c for c in new.cooperations}
    parts = []
    for key in [*after, *(k for k in before if k not in after)]:
        if key not in before:
            parts.append(_heading(after[key]) + "\nNy samverkan i handboken.\n")
        elif key not in after:
            parts.append(_heading(before[key]) + "\nSamverkan finns inte längre i handboken.\n")
        else:
            parts.append(report_text(before[key], after[key]))
    return "\n".join(parts)


def report_text(old: Cooperation, new: Cooperation) -> str:
    """One cooperation's changes as plain text."""
    groups = compare(old, new)
    version = f"Version {old.info.version_date.isoformat()} → {new.info.version_date.isoformat()}."
    lines = [_heading(new), version]
    if not groups:
        lines.append("Inga ändringar.")
    for group in groups:
        lines += ["", f"{group.title}:", *(f"- {line}" for line in group.lines)]
    return "\n".join(lines) + "\n"


def _heading(c: Cooperation) -> str:
    title = f"{c.info.short_name}: {c.info.name}"
    return f"{title}\n{'=' * len(title)}"


# --- the parts --------------------------------------------------------------------


def _by_id(items: Iterable[T], key: Callable[[T], str]) -> dict[str, T]:
    return {key(item): item for item in items}


def _added_removed(
    old: dict[str, T], new: dict[str, T], what: str, name: Callable[[T], str]
) -> tuple[list[str], list[str]]:
    """'Ny grupp: X' and 'Borttagen grupp: X' lines ('Nytt möte' for an ett-word), and the ids in both."""
    added, removed = ("Nytt", "Borttaget") if what in NEUTER else ("Ny", "Borttagen")
    lines = [f"{added} {what}: {name(new[k])}" for k in new if k not in old]
    lines += [f"{removed} {what}: {name(old[k])}" for k in old if k not in new]
    return lines, [k for k in new if k in old]


NEUTER = {"möte"}  # ett-words among the things _added_removed names


def _members(old: Cooperation, new: Cooperation) -> list[str]:
    before, after = _by_id(old.info.members, lambda x: x.id), _by_id(new.info.members, lambda x: x.id)
    lines = [f"Ny medlemskommun: {after[k].name}" for k in after if k not in before]
    lines += [f"{before[k].name} är inte längre medlem." for k in before if k not in after]
    return lines


def _bodies(old: Cooperation, new: Cooperation) -> list[str]:
    before, after = _by_id(old.bodies, lambda x: x.id), _by_id(new.bodies, lambda x: x.id)
    lines, common = _added_removed(before, after, "grupp", lambda b: b.name)
    for key in common:
        lines += _body_changes(old, before[key], new, after[key])
    return lines


def _body_changes(old: Cooperation, b: Body, new: Cooperation, a: Body) -> list[str]:
    lines = []
    if b.name != a.name:
        lines.append(f"{b.name} heter nu {a.name}.")
    lines += _seat_changes(a.name, "ledamot", old, b.members, new, a.members)
    lines += _seat_changes(a.name, "deltagare", old, b.attendees, new, a.attendees)
    if b.mandate != a.mandate:
        lines.append(f"{a.name}: mandatet är nu: {a.mandate or 'anges inte'}")
    if b.may_decide != a.may_decide:
        lines.append(f"{a.name}: beslutsmandat {_yes_no(b.may_decide)} → {_yes_no(a.may_decide)}.")
    if b.purpose != a.purpose:
        lines.append(f"{a.name}: syftet är nu: {a.purpose or 'anges inte'}")
    lines += [f"{a.name}: ny uppgift: {d}" for d in a.duties if d not in b.duties]
    lines += [f"{a.name}: borttagen uppgift: {d}" for d in b.duties if d not in a.duties]
    if describe.meeting_frequency(b) != describe.meeting_frequency(a):
        lines.append(f"{a.name}: möten {describe.meeting_frequency(b)} → {describe.meeting_frequency(a)}.")
    if _who(old, b.convener) != _who(new, a.convener):
        lines.append(f"{a.name}: sammankallande {_who(old, b.convener)} → {_who(new, a.convener)}.")
    return lines


def _seat_changes(
    body: str, what: str, old: Cooperation, before: tuple[Seat, ...], new: Cooperation, after: tuple[Seat, ...]
) -> list[str]:
    was, now = {s.role for s in before}, {s.role for s in after}
    lines = [f"{body}: ny {what} {new.role(r).name}." for r in (s.role for s in after) if r not in was]
    lines += [f"{body}: {what}n {old.role(r).name} är borttagen." for r in (s.role for s in before) if r not in now]
    return lines


def _yes_no(value: bool | None) -> str:
    return "anges inte" if value is None else describe.yes_no(value).lower()


def _who(c: Cooperation, responsibility: Responsibility | None) -> str:
    return describe.responsibility(responsibility, c) if responsibility is not None else "anges inte"


def _occasions(old: Cooperation, new: Cooperation) -> list[str]:
    before = _by_id(old.occasions(), lambda bo: bo[1].id)
    after = _by_id(new.occasions(), lambda bo: bo[1].id)
    lines, common = _added_removed(before, after, "möte", _occasion_name)
    for key in common:
        (_, b), (body, a) = before[key], after[key]
        if b.months != a.months:
            lines.append(f"{body.name}, {a.topic}: {_months(b.months)} → {_months(a.months)}.")
        if b.topic != a.topic:
            lines.append(f"{body.name}, {b.topic}: ämnet är nu {a.topic}.")
    return lines


def _occasion_name(pair: tuple[Body, Occasion]) -> str:
    body, occasion = pair
    return f"{body.name}, {occasion.topic} ({_months(occasion.months)})"


def _months(months: tuple[Month, ...]) -> str:
    return describe.first_lower(describe.months(months))


def _processes(old: Cooperation, new: Cooperation) -> list[str]:
    before, after = _by_id(old.processes, lambda x: x.id), _by_id(new.processes, lambda x: x.id)
    lines, _ = _added_removed(before, after, "årsprocess", lambda p: p.name)
    old_steps = _by_id(old.all_steps(), lambda ps: ps[1].id)
    new_steps = _by_id(new.all_steps(), lambda ps: ps[1].id)
    lines += [f"Nytt steg i {p.name}: {s.text}{_when(s)}" for k, (p, s) in new_steps.items() if k not in old_steps]
    lines += [f"Borttaget steg i {p.name}: {s.text}" for k, (p, s) in old_steps.items() if k not in new_steps]
    for key in (k for k in new_steps if k in old_steps):
        lines += _step_changes(old, old_steps[key][1], new, *new_steps[key])
    return lines


def _step_changes(old: Cooperation, b: Step, new: Cooperation, process: Process, a: Step) -> list[str]:
    lines = []
    where = f"{process.name}, steget '{a.id}'"
    if b.text != a.text:
        lines.append(f"{where}: texten är nu: {a.text}")
    if b.deadline != a.deadline:
        lines.append(f"{where}: tidsgräns {b.deadline or 'ingen'} → {a.deadline or 'ingen'}.")
    if b.months != a.months:
        lines.append(f"{where}: {_months(b.months)} → {_months(a.months)}.")
    if b.responsible != a.responsible:
        lines.append(f"{where}: ansvarig {_role_name(old, b.responsible)} → {_role_name(new, a.responsible)}.")
    return lines


def _when(step: Step) -> str:
    when = describe.step_when(step)
    return f" ({when})" if when else ""


def _role_name(c: Cooperation, role_id: str | None) -> str:
    return c.role(role_id).name if role_id is not None else "ingen"


def _agendas(old: Cooperation, new: Cooperation) -> list[str]:
    before, after = _by_id(old.agendas, lambda x: x.id), _by_id(new.agendas, lambda x: x.id)
    lines, common = _added_removed(before, after, "lista med diskussionspunkter", lambda a: a.title)
    for key in common:
        was, now = _points(before[key]), _points(after[key])
        lines += [
            f"{after[key].title}, {section}: ny punkt: {point}" for section, point in now if (section, point) not in was
        ]
        lines += [
            f"{after[key].title}, {section}: borttagen punkt: {point}"
            for section, point in was
            if (section, point) not in now
        ]
    return lines


def _points(agenda: Agenda) -> list[tuple[str, str]]:
    return [(s.title, p) for s in agenda.sections for p in s.points]


def _schedules(old: Cooperation, new: Cooperation) -> list[str]:
    before = {str(s.year): s for s in old.schedules}
    after = {str(s.year): s for s in new.schedules}
    lines, common = _added_removed(before, after, "mötesplan", lambda s: f"{s.year} ({s.status.label.lower()})")
    for year in common:
        b, a = before[year], after[year]
        if b.status != a.status or b.decision != a.decision:
            status = f"{b.status.label.lower()} → {a.status.label.lower()}"
            lines.append(describe.sentence(f"Mötesplan {year}: {status}", describe.decision_phrase(a.decision)))
        lines += _meeting_changes(old, b, new, a)
    return lines


def _meeting_changes(old: Cooperation, b: YearSchedule, new: Cooperation, a: YearSchedule) -> list[str]:
    was, now = _meetings(b), _meetings(a)
    lines = [f"Nytt möte: {_meeting_name(new, m)}, {describe.meeting_when(m)}." for k, m in now.items() if k not in was]
    lines += [
        f"Borttaget möte: {_meeting_name(old, m)}, {describe.meeting_when(m)}." for k, m in was.items() if k not in now
    ]
    for key in (k for k in now if k in was):
        m, n = was[key], now[key]
        name = _meeting_name(new, n)
        if (m.date, m.start, m.end) != (n.date, n.start, n.end):
            lines.append(f"{name}: {describe.meeting_when(m)} → {describe.meeting_when(n)}.")
        if m.status != n.status:
            lines.append(_status_change(name, n))
        if m.place != n.place:
            lines.append(f"{name}: plats {describe.meeting_place(m)} → {describe.meeting_place(n)}.")
    return lines


def _status_change(name: str, meeting: Meeting) -> str:
    """'Styrgrupp, Extra möte: Inställt torsdag 10 juni 2027, 13:00–14:30: Frågan …': a cancelled
    meeting is named with the day it was to be held, since no line about its date follows."""
    status = describe.meeting_status(meeting)
    if meeting.status is MeetingStatus.CANCELLED:
        status = status.replace("Inställt", f"Inställt {describe.meeting_when(meeting)}", 1)
    return describe.sentence(f"{name}: {status}")


def _meetings(schedule: YearSchedule) -> dict[str, Meeting]:
    """The plan's meetings by the rule occasion they fulfil, or an extra meeting's own id."""
    return {str(m.occasion or m.id): m for m in schedule.meetings}


def _meeting_name(c: Cooperation, m: Meeting) -> str:
    """The body and the meeting's topic: 'Styrgrupp: Årsbokslut/uppstart budget'."""
    topic = c.meeting_topic(m)
    return f"{c.meeting_body(m).name}, {topic}" if topic else c.meeting_body(m).name

"""The handbook's Markdown pages: one pure function per page kind, model in, text out."""

from __future__ import annotations

from ..model import Body, CooperationData, Handbook, Process
from . import derive, paths
from .calendar import cooperation_feeds, feed_text
from .checklists import Checklist, dated_meetings, meeting_checklists, process_checklists
from .environment import render
from .paths import Links


def home_page(handbook: Handbook) -> str:
    return render("home.md.j2", handbook=handbook)


def cooperation_pages(c: CooperationData, address: str) -> dict[str, str]:
    """Every page and feed of one cooperation, keyed by its path in the docs tree."""
    feeds = cooperation_feeds(c, address)
    pages = {
        paths.calendar_page(c): _page("calendar.md.j2", c, paths.calendar_page(c), feeds=feeds, address=address),
        **{paths.feed_file(c, f.name): feed_text(f) for f in feeds},
        paths.cooperation_page(c): _page("cooperation.md.j2", c, paths.cooperation_page(c)),
        paths.organisation_page(c): _organisation(c),
        paths.wheel_page(c): _wheel(c),
        paths.processes_page(c): _page("processes.md.j2", c, paths.processes_page(c)),
        paths.roles_page(c): _roles(c),
    }
    if c.info.communication is not None:
        pages[paths.communication_page(c)] = _page("communication.md.j2", c, paths.communication_page(c))
    pages.update(checklist_pages(c))
    feed_names = {f.name for f in feeds}
    for body in c.bodies:
        pages[paths.body_page(c, body)] = _body(c, body, body.id in feed_names)
    for process in c.processes:
        pages[paths.process_page(c, process)] = _process(c, process)
    return pages


def _page(template: str, c: CooperationData, path: str, **context: object) -> str:
    return render(template, c=c, links=Links(c, path), **context)


def _organisation(c: CooperationData) -> str:
    return _page(
        "organisation.md.j2",
        c,
        paths.organisation_page(c),
        internal=derive.internal_bodies(c),
        external=derive.external_bodies(c),
    )


def _body(c: CooperationData, body: Body, has_feed: bool) -> str:
    agenda_ids = dict.fromkeys(o.agenda for o in body.occasions if o.agenda is not None)
    return _page(
        "body.md.j2",
        c,
        paths.body_page(c, body),
        b=body,
        prepared_by=derive.preparing_bodies(c, body),
        reported_by=derive.reporting_bodies(c, body),
        agendas=[c.agenda(a) for a in agenda_ids],
        has_feed=has_feed,
    )


def _process(c: CooperationData, process: Process) -> str:
    return _page(
        "process.md.j2", c, paths.process_page(c, process), p=process, meetings=derive.process_meetings(c, process)
    )


def _wheel(c: CooperationData) -> str:
    return _page(
        "wheel.md.j2", c, paths.wheel_page(c), rows=derive.month_rows(c), unscheduled=derive.unscheduled_occasions(c)
    )


def _roles(c: CooperationData) -> str:
    summaries = [derive.role_summary(c, r) for r in c.roles]
    return _page("roles.md.j2", c, paths.roles_page(c), roles=summaries)


def checklist_pages(c: CooperationData) -> dict[str, str]:
    meetings, processes = meeting_checklists(c), process_checklists(c)
    index = paths.checklists_page(c)
    pages = {index: _page("checklists.md.j2", c, index, meetings=meetings, processes=processes)}
    for checklist in meetings:
        pages[paths.checklist_page(c, checklist.id)] = _checklist(c, checklist, paths.minutes_page(c, checklist.id))
        pages[paths.minutes_page(c, checklist.id)] = _minutes(c, checklist)
    for checklist in processes:
        pages[paths.checklist_page(c, checklist.id)] = _checklist(c, checklist, None)
    return pages


def _checklist(c: CooperationData, checklist: Checklist, minutes_path: str | None) -> str:
    path = paths.checklist_page(c, checklist.id)
    dated = dated_meetings(c, checklist)
    return _page("checklist.md.j2", c, path, cl=checklist, dated=dated, minutes_path=minutes_path)


def _minutes(c: CooperationData, checklist: Checklist) -> str:
    path = paths.minutes_page(c, checklist.id)
    dated = dated_meetings(c, checklist)
    return _page(
        "minutes.md.j2", c, path, cl=checklist, dated=dated, checklist_path=paths.checklist_page(c, checklist.id)
    )

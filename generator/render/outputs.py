"""What `check` needs of the rendering without rendering: the calendar history a build would
write and the paths the data claims (two things written to one file is an error in the data).
Kept apart from site.py so that `check` loads neither the templates nor python-docx."""

from __future__ import annotations

from ..errors import NOWHERE, DataError, DataErrors, Position
from ..model import CooperationData, Handbook
from ..model.history import Revision, advance
from . import paths
from .calendar.feeds import cooperation_feeds, observed
from .derive import month_pages
from .papers.checklists import meeting_checklists, process_checklists
from .papers.papers import meeting_papers

HOME = "index.md"
ACCESSIBILITY = "tillganglighet.md"


def calendar_history(handbook: Handbook) -> dict[str, Revision]:
    """The calendar history after publishing the handbook's feeds, without rendering the pages
    (for `check`; two events with one UID raise `DataErrors` here as in a build)."""
    feeds = [f for c in handbook.cooperations for f in cooperation_feeds(c, handbook.site)]
    return advance(handbook.history, observed(feeds))


def check_outputs(handbook: Handbook) -> None:
    """`DataErrors` if two things in the data would be written to one file; cheap, for `check` too."""
    for c in handbook.cooperations:
        _check_unique(c, {HOME, ACCESSIBILITY})


def _check_unique(c: CooperationData, taken: set[str]) -> None:
    """`DataErrors` if two things in the data would be written to the same file (the second
    one's place is given): one would silently replace the other."""
    errors: list[DataError] = []
    claimed = dict.fromkeys(taken, NOWHERE)
    for path, pos in _claims(c):
        if path not in claimed:
            claimed[path] = pos
            continue
        first = claimed[path]
        where = f" (som {first})" if first.file else ""
        errors.append(DataError(pos, f"blir samma fil som en annan sida{where}: {path}; byt id på den ena"))
    if errors:
        raise DataErrors(errors)


def _claims(c: CooperationData) -> list[tuple[str, Position]]:
    """Every output named by the data, with where the name was written."""
    own = c.info.pos
    claims = [(p, own) for p in _fixed_paths(c)]
    for body in c.bodies:
        claims += [(paths.body_page(c, body), body.pos), (paths.feed_file(c, body.id), body.pos)]
    claims += [(paths.process_page(c, p), p.pos) for p in c.processes]
    for checklist in meeting_checklists(c):
        pos = checklist.occasions[0].pos if checklist.occasions else own
        claims.append((paths.checklist_page(c, checklist.id), pos))
    for checklist in process_checklists(c):
        pos = checklist.process.pos if checklist.process else own
        claims.append((paths.checklist_page(c, checklist.id), pos))
    for papers in meeting_papers(c):
        pos = papers.meeting.pos if papers.meeting else papers.occasion.pos if papers.occasion else own
        claims += [(paths.notice_page(c, papers.key), pos), (paths.minutes_page(c, papers.key), pos)]
    return claims


def _fixed_paths(c: CooperationData) -> list[str]:
    fixed = [
        paths.cooperation_page(c),
        paths.organisation_page(c),
        paths.org_chart_file(c),
        paths.processes_page(c),
        paths.roles_page(c),
        paths.communication_page(c),
        paths.calendar_page(c),
        paths.feed_file(c, "alla"),
        paths.feed_file(c, "tidsgranser"),
        paths.checklists_page(c),
        paths.wheel_page(c),
        paths.wheel_file(c),
        *(paths.month_page(c, m) for m in month_pages(c)),
        paths.poster_page(c),
        paths.meetings_page(c),
        paths.print_page(c),
        paths.changes_page(c),
    ]
    return fixed + [f(c, s.year) for s in c.schedules for f in (paths.year_page, paths.wheel_file)]

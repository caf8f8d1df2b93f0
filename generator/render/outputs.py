"""What `check` needs of the rendering without rendering: the calendar history a build would
write, and the problems in the data that would break the site (two things written to one file,
two calendar events with one UID). Kept apart from site.py so that `check` loads neither the
templates nor python-docx. The problems are returned; `report` is the edge that raises them."""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import NOWHERE, DataError, DataErrors, Position
from ..model import Cooperation, Handbook
from ..model.history import Revision, advance
from . import paths
from .calendar.feeds import Feed, calendar_problems, cooperation_feeds, observed, role_feed_name
from .derive import month_pages
from .papers.checklists import meeting_checklists, process_checklists
from .papers.papers import meeting_papers

HOME = "index.md"
ACCESSIBILITY = "tillganglighet.md"


def check_outputs(handbook: Handbook) -> dict[str, Revision]:
    """`DataErrors` for everything in the data that would break the site (see `site_problems`);
    else the calendar history a build would write. Cheap, for `check` too: the feeds are made once."""
    feeds = {c.id: cooperation_feeds(c, handbook.site) for c in handbook.cooperations}
    report(site_problems(handbook, feeds))
    return history_after(handbook, feeds)


def history_after(handbook: Handbook, feeds: Mapping[str, list[Feed]]) -> dict[str, Revision]:
    """The calendar history after publishing `feeds`: what the build writes, what `check` counts."""
    return advance(handbook.history, [event for feed in feeds.values() for event in observed(feed)])


def site_problems(handbook: Handbook, feeds: Mapping[str, list[Feed]]) -> list[DataError]:
    """Two things in the data written to one file, or two calendar events with one UID."""
    taken = {HOME, ACCESSIBILITY, paths.UPCOMING_FILE}
    problems = [problem for c in handbook.cooperations for problem in _path_clashes(c, taken)]
    return problems + [problem for c in handbook.cooperations for problem in calendar_problems(feeds[c.id])]


def report(problems: list[DataError]) -> None:
    """The edge where a renderer's problems become the one exception a command reports."""
    if problems:
        raise DataErrors(problems)


def _path_clashes(c: Cooperation, taken: set[str]) -> list[DataError]:
    """Two things in the data that would be written to the same file (the second one's place is
    given): one would silently replace the other."""
    problems: list[DataError] = []
    claimed = dict.fromkeys(taken, NOWHERE)
    for path, pos in _claims(c):
        if path not in claimed:
            claimed[path] = pos
            continue
        first = claimed[path]
        where = f" (som {first})" if first.file else ""
        problems.append(DataError(pos, f"blir samma fil som en annan sida{where}: {path}; byt id på den ena"))
    return problems


def _claims(c: Cooperation) -> list[tuple[str, Position]]:
    """Every output named by the data, with where the name was written."""
    own = c.info.pos
    claims = [(p, own) for p in _fixed_paths(c)]
    for body in c.bodies:
        claims += [(paths.body_page(c, body), body.pos), (paths.feed_file(c, body.id), body.pos)]
    claims += [(paths.feed_file(c, role_feed_name(role)), role.pos) for role in c.roles]
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


def _fixed_paths(c: Cooperation) -> list[str]:
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

"""The whole generated tree: every page as text, and the navigation over them.

`render_site` is a pure function from the model to `{path: text}` plus a
navigation tree. It knows nothing of MkDocs: the MkDocs plugin feeds the pages
to MkDocs, and the command line can write them to a folder for another engine.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CooperationData, Handbook, Month
from ..model.history import Revision, advance
from . import paths
from .calendar import cooperation_feeds, observed
from .changes import changes_page, changes_page_path
from .checklists import meeting_checklists, process_checklists
from .environment import render
from .pages import cooperation_pages, home_page
from .print_edition import STYLESHEET, print_page, print_view, stylesheet
from .trust import with_trust_notes

HOME = "index.md"
ACCESSIBILITY = "tillganglighet.md"

# A navigation entry: (title, path) for a page, (title, entries) for a section.
# Titles are plain text. A title of None means "use the page's own heading",
# which is how pages named in the data get theirs.
NavEntry = tuple[str | None, str | list["NavEntry"]]


@dataclass(frozen=True)
class RenderedSite:
    files: dict[str, str | bytes]  # text, or bytes for binary files such as the PDF
    nav: list[NavEntry]
    history: dict[str, Revision]  # the calendar history after this build, for write to keep
    address: str  # where the site is published


def render_site(handbook: Handbook, directory_urls: bool = True) -> RenderedSite:
    """Every file of the site; `directory_urls` is False for the offline copy opened from disk."""
    feeds = {c.id: cooperation_feeds(c, handbook.site) for c in handbook.cooperations}
    history = advance(handbook.history, [event for f in feeds.values() for event in observed(f)])
    files: dict[str, str | bytes] = {
        HOME: home_page(handbook),
        ACCESSIBILITY: render("accessibility.md.j2", site=handbook.site),
        STYLESHEET: stylesheet(),
    }
    for c in handbook.cooperations:
        pages: dict[str, str | bytes] = {**cooperation_pages(c, handbook.site, feeds[c.id], history, directory_urls)}
        pages[changes_page_path(c)] = changes_page(c)
        files.update(with_trust_notes(c, handbook.site, pages))
        files[print_page(c)] = print_view(c, handbook.site, directory_urls)  # its trust note is on its title page
    nav: list[NavEntry] = [(c.info.short_name, _cooperation_nav(c)) for c in handbook.cooperations]
    nav.append(("Tillgänglighet", ACCESSIBILITY))
    return RenderedSite(dict(sorted(files.items())), nav, history, handbook.site.address)


def _cooperation_nav(c: CooperationData) -> list[NavEntry]:
    nav: list[NavEntry] = [
        ("Översikt", paths.cooperation_page(c)),
        ("Organisation", [(None, paths.organisation_page(c)), *((None, paths.body_page(c, b)) for b in c.bodies)]),
        ("Årshjul", _wheel_nav(c)),
        ("Årsprocesser", [(None, paths.processes_page(c)), *((None, paths.process_page(c, p)) for p in c.processes)]),
        ("Roller", paths.roles_page(c)),
        ("Kalender", paths.calendar_page(c)),
        ("Checklistor", _checklists_nav(c)),
    ]
    if c.info.communication is not None:
        nav.append(("Kommunikation och grafisk profil", paths.communication_page(c)))
    nav.append(("Ändringar i den här versionen", changes_page_path(c)))
    nav.append(("Hela handboken för utskrift och PDF", print_page(c)))
    return nav


def _checklists_nav(c: CooperationData) -> list[NavEntry]:
    nav: list[NavEntry] = [(None, paths.checklists_page(c))]
    for checklist in meeting_checklists(c):
        nav.append((None, paths.checklist_page(c, checklist.id)))
        nav.append((None, paths.minutes_page(c, checklist.id)))
    nav += [(None, paths.checklist_page(c, cl.id)) for cl in process_checklists(c)]
    return nav


def _wheel_nav(c: CooperationData) -> list[NavEntry]:
    nav: list[NavEntry] = [(None, paths.wheel_page(c)), *((m.title, paths.month_page(c, m)) for m in Month)]
    nav += [(f"Mötesplan {s.year}", paths.year_page(c, s.year)) for s in reversed(c.schedules)]
    return nav

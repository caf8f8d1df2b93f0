"""The whole generated tree: every page as text, and the navigation over them.

`render_site` is a pure function from the model to `{path: text}` (bytes for
binary files such as the Word documents) plus a navigation tree. It knows
nothing of MkDocs: the MkDocs plugin feeds the pages to MkDocs, and the
command line can write them to a folder for another engine.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CooperationData, Handbook, Month
from . import paths
from .checklists import meeting_checklists, process_checklists
from .environment import render
from .pages import cooperation_pages, home_page
from .papers import meeting_papers, papers_label

HOME = "index.md"
ACCESSIBILITY = "tillganglighet.md"

# A navigation entry: (title, path) for a page, (title, entries) for a section.
# Titles are plain text. A title of None means "use the page's own heading",
# which is how pages named in the data get theirs.
NavEntry = tuple[str | None, str | list["NavEntry"]]


@dataclass(frozen=True)
class RenderedSite:
    files: dict[str, str | bytes]
    nav: list[NavEntry]


def render_site(handbook: Handbook, directory_urls: bool = True) -> RenderedSite:
    """Every file of the site; `directory_urls` is False for the offline copy opened from disk."""
    files: dict[str, str | bytes] = {
        HOME: home_page(handbook),
        ACCESSIBILITY: render("accessibility.md.j2", site=handbook.site),
    }
    for c in handbook.cooperations:
        files.update(cooperation_pages(c, handbook.site.address, directory_urls))
    nav: list[NavEntry] = [(c.info.short_name, _cooperation_nav(c)) for c in handbook.cooperations]
    nav.append(("Tillgänglighet", ACCESSIBILITY))
    return RenderedSite(dict(sorted(files.items())), nav)


def _cooperation_nav(c: CooperationData) -> list[NavEntry]:
    nav: list[NavEntry] = [
        ("Översikt", paths.cooperation_page(c)),
        ("Organisation", [(None, paths.organisation_page(c)), *((None, paths.body_page(c, b)) for b in c.bodies)]),
        ("Årshjul", _wheel_nav(c)),
        ("Årsprocesser", [(None, paths.processes_page(c)), *((None, paths.process_page(c, p)) for p in c.processes)]),
        ("Roller", paths.roles_page(c)),
        ("Kalender", paths.calendar_page(c)),
        ("Inför mötet", _meetings_nav(c)),
        ("Checklistor", _checklists_nav(c)),
    ]
    if c.info.communication is not None:
        nav.append(("Kommunikation och grafisk profil", paths.communication_page(c)))
    return nav


def _checklists_nav(c: CooperationData) -> list[NavEntry]:
    nav: list[NavEntry] = [(None, paths.checklists_page(c))]
    nav += [(None, paths.checklist_page(c, cl.id)) for cl in meeting_checklists(c)]
    nav += [(None, paths.checklist_page(c, cl.id)) for cl in process_checklists(c)]
    return nav


def _meetings_nav(c: CooperationData) -> list[NavEntry]:
    """The 'Inför mötet' page, then each meeting's notice and minutes template."""
    groups: dict[str, list[NavEntry]] = {}
    for p in meeting_papers(c):
        pages: list[NavEntry] = [(None, paths.notice_page(c, p.key)), (None, paths.minutes_page(c, p.key))]
        groups.setdefault(str(p.date.year) if p.date else "Utan datum", []).append((papers_label(p), pages))
    dated = sorted((g for g in groups if g != "Utan datum"), reverse=True)
    order = [*dated, *(["Utan datum"] if "Utan datum" in groups else [])]
    return [(None, paths.meetings_page(c)), *((group, groups[group]) for group in order)]


def _wheel_nav(c: CooperationData) -> list[NavEntry]:
    nav: list[NavEntry] = [(None, paths.wheel_page(c)), *((m.title, paths.month_page(c, m)) for m in Month)]
    nav += [(f"Mötesplan {s.year}", paths.year_page(c, s.year)) for s in reversed(c.schedules)]
    return nav

"""The whole generated tree: every page as text, and the navigation over them.

`render_site` is a pure function from the model to `{path: text}` (bytes for
binary files such as the Word documents) plus a navigation tree. The files that
engines make from its text (the PNG wheels, the PDF) are added by binaries.py. It knows
nothing of MkDocs: the MkDocs plugin feeds the pages to MkDocs, and the
command line can write them to a folder for another engine.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Cooperation, Handbook, month_span
from ..model.history import Revision
from . import paths
from .calendar.feeds import Feed, cooperation_feeds
from .calendar.upcoming import upcoming_text
from .derive import month_pages
from .environment import render
from .outputs import ACCESSIBILITY, HOME, history_after, report, site_problems
from .pages.changes import changes_page
from .pages.pages import cooperation_pages, home_page
from .papers.checklists import meeting_checklists, process_checklists
from .papers.documents import WordMaker, made_now
from .papers.papers import meeting_papers, papers_label
from .print_edition.document import STYLESHEET, print_view, stylesheet
from .trust import with_trust_notes
from .wheel.rings import wheel_rings

# A navigation entry: (title, path) for a page, (title, entries) for a section.
# Titles are plain text. A title of None means "use the page's own heading",
# which is how pages named in the data get theirs.
NavEntry = tuple[str | None, str | list["NavEntry"]]
Files = dict[str, str | bytes]
# (a cooperation, how to render its files) -> its files: a build passes the content cache
# (engines/kept_pages.py), which renders only a cooperation whose inputs changed.
FilesKeeper = Callable[[Cooperation, Callable[[], Files]], Files]


def rendered_now(cooperation: Cooperation, render_files: Callable[[], Files]) -> Files:
    return render_files()


@dataclass(frozen=True)
class RenderedSite:
    files: dict[str, str | bytes]  # text, or bytes for binary files such as the PDF
    nav: list[NavEntry]
    history: dict[str, Revision]  # the calendar history after this build, for write to keep
    address: str  # where the site is published


def merge_nav(hand_written: list[Any], generated: list[NavEntry]) -> list[Any]:
    """The engine's navigation: the first hand-written entry (the home page), then the generated
    sections, then the rest. MkDocs and Zensical print titles unescaped, so they are escaped here."""
    return [*hand_written[:1], *(_nav_entry(e) for e in generated), *hand_written[1:]]


def _nav_entry(entry: NavEntry) -> Any:
    title, target = entry
    value = target if isinstance(target, str) else [_nav_entry(e) for e in target]
    return value if title is None else {html.escape(title): value}


@dataclass(frozen=True)
class Earlier:
    """The site rendered last time, from `handbook`: `make serve` renders again only what changed."""

    handbook: Handbook
    site: RenderedSite
    directory_urls: bool

    def files_of(self, c: Cooperation, handbook: Handbook, directory_urls: bool) -> dict[str, str | bytes]:
        """The files of `c` from last time if nothing they are made from has changed, else none."""
        before = {e.id: e for e in self.handbook.cooperations}.get(c.id)
        same = (before, self.handbook.site, self.handbook.history, self.directory_urls) == (
            c,
            handbook.site,
            handbook.history,
            directory_urls,
        )
        return (
            {path: content for path, content in self.site.files.items() if path.startswith(f"{c.id}/")} if same else {}
        )


def render_site(
    handbook: Handbook,
    directory_urls: bool = True,
    earlier: Earlier | None = None,
    word: WordMaker = made_now,
    keep: FilesKeeper = rendered_now,
) -> RenderedSite:
    """Every file of the site; `directory_urls` is False for the offline copy opened from disk.
    The files of a cooperation that has not changed since `earlier` are taken from it (a
    cooperation's files depend only on its own data, the site's settings and the history);
    the others are rendered through `keep`. `word` makes the Word papers. A build passes the
    content cache for both (engines/kept_pages.py)."""
    feeds = {c.id: cooperation_feeds(c, handbook.site) for c in handbook.cooperations}
    report(site_problems(handbook, feeds))
    history = history_after(handbook, feeds)
    files: dict[str, str | bytes] = {
        HOME: home_page(handbook, directory_urls),
        paths.UPCOMING_FILE: upcoming_text(((c, feeds[c.id]) for c in handbook.cooperations), directory_urls),
        ACCESSIBILITY: render("accessibility.md.j2", site=handbook.site),
        STYLESHEET: stylesheet(),
    }
    for c in handbook.cooperations:
        kept = earlier.files_of(c, handbook, directory_urls) if earlier else {}
        if kept:
            files.update(kept)
            continue
        render_files = functools.partial(_cooperation_files, c, handbook, feeds[c.id], history, directory_urls, word)
        files.update(keep(c, render_files))
    nav: list[NavEntry] = [(c.info.short_name, _cooperation_nav(c)) for c in handbook.cooperations]
    nav.append(("Tillgänglighet", ACCESSIBILITY))
    return RenderedSite(dict(sorted(files.items())), nav, history, handbook.site.address)


def _cooperation_files(
    cooperation: Cooperation,
    handbook: Handbook,
    feeds: list[Feed],
    history: dict[str, Revision],
    directory_urls: bool,
    word: WordMaker,
) -> Files:
    """Every file of one cooperation: its pages with their trust notes, feeds, papers and print view."""
    site = handbook.site
    pages = cooperation_pages(cooperation, site, feeds, history, directory_urls, word)
    pages[paths.changes_page(cooperation)] = changes_page(cooperation)
    files = with_trust_notes(cooperation, site, pages)
    files[paths.print_page(cooperation)] = print_view(cooperation, site, directory_urls)  # trust note on its title page
    return files


def _cooperation_nav(c: Cooperation) -> list[NavEntry]:
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
    nav.append(("Ändringar i den här versionen", paths.changes_page(c)))
    nav.append(("Hela handboken för utskrift och PDF", paths.print_page(c)))
    return nav


def _checklists_nav(c: Cooperation) -> list[NavEntry]:
    """Short labels that scan on a phone ('Styrgrupp, februari/mars'); the page keeps the full title."""
    nav: list[NavEntry] = [(None, paths.checklists_page(c))]
    for checklist in meeting_checklists(c):
        assert checklist.body is not None
        months = month_span(checklist.months)
        label = f"{checklist.body.name}, {months}" if months else checklist.body.name
        nav.append((label, paths.checklist_page(c, checklist.id)))
    nav += [(checklist.title, paths.checklist_page(c, checklist.id)) for checklist in process_checklists(c)]
    return nav


def _meetings_nav(c: Cooperation) -> list[NavEntry]:
    """The 'Inför mötet' page, then each meeting's notice and minutes template."""
    groups: dict[str, list[NavEntry]] = {}
    for p in meeting_papers(c):
        pages: list[NavEntry] = [(None, paths.notice_page(c, p.key)), (None, paths.minutes_page(c, p.key))]
        groups.setdefault(str(p.date.year) if p.date else "Utan datum", []).append((papers_label(p), pages))
    dated = sorted((g for g in groups if g != "Utan datum"), reverse=True)
    order = [*dated, *(["Utan datum"] if "Utan datum" in groups else [])]
    return [(None, paths.meetings_page(c)), *((group, groups[group]) for group in order)]


def _wheel_nav(c: Cooperation) -> list[NavEntry]:
    nav: list[NavEntry] = [(None, paths.wheel_page(c)), *((m.title, paths.month_page(c, m)) for m in month_pages(c))]
    nav += [(f"Mötesplan {s.year}", paths.year_page(c, s.year)) for s in reversed(c.schedules)]
    if wheel_rings(c):  # a poster only where there is a wheel
        nav.append((None, paths.poster_page(c)))
    return nav

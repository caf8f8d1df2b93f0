"""The handbook's Markdown pages: one pure function per page kind, model in, text out."""

from __future__ import annotations

from ...model import Body, Cooperation, Handbook, Process, SiteSettings
from ...model.history import History
from .. import derive, paths
from ..calendar.feeds import Feed, feed_text
from ..calendar.upcoming import upcoming_section
from ..environment import render
from ..markdown import Markdown
from ..outputs import HOME
from ..papers.checklists import dated_meetings, meeting_checklists, process_checklists
from ..papers.documents import WordMaker, made_now, word_papers
from ..papers.papers import Papers, meeting_papers, plan_note
from ..papers.prepare import all_dated, undated
from ..paths import Links
from ..trust import review_sentence
from ..wheel.legend import ring_summary
from ..wheel.markers import marker_key, status_marker
from ..wheel.rings import wheel_rings
from ..wheel.svg import PNG_WIDTH, drawn_wheel
from .orgchart import org_chart_svg


def home_page(handbook: Handbook, directory_urls: bool = True) -> str:
    upcoming = upcoming_section(handbook.cooperations, HOME, directory_urls)
    return render("home.md.j2", handbook=handbook, review=review_sentence, upcoming=upcoming)


def cooperation_pages(
    c: Cooperation,
    site: SiteSettings,
    feeds: list[Feed],
    history: History,
    directory_urls: bool = True,
    word: WordMaker = made_now,
) -> dict[str, str | bytes]:
    """Every page and feed of one cooperation, keyed by its path in the docs tree; `word` makes
    the Word papers (a build passes the cache)."""
    calendar = paths.calendar_page(c)
    pages: dict[str, str | bytes] = {
        calendar: _page("calendar.md.j2", c, calendar, feeds=feeds, address=site.address, years=c.feed_years(site)),
        **{paths.feed_file(c, f.name): feed_text(f, history) for f in feeds},
        paths.cooperation_page(c): _cooperation(c, directory_urls),
        paths.organisation_page(c): _organisation(c, directory_urls),
        paths.org_chart_file(c): org_chart_svg(c, paths.org_chart_file(c), directory_urls),
        paths.processes_page(c): _page("processes.md.j2", c, paths.processes_page(c)),
        paths.roles_page(c): _roles(c, feeds, site.address),
    }
    if c.info.communication is not None:
        pages[paths.communication_page(c)] = _page("communication.md.j2", c, paths.communication_page(c))
    pages.update(checklist_pages(c))
    pages.update(papers_pages(c, word))
    pages.update(wheel_pages(c, directory_urls))
    feed_names = {f.name for f in feeds}
    for body in c.bodies:
        pages[paths.body_page(c, body)] = _body(c, body, body.id in feed_names)
    for process in c.processes:
        pages[paths.process_page(c, process)] = _process(c, process)
    return pages


def _cooperation(c: Cooperation, directory_urls: bool) -> str:
    page = paths.cooperation_page(c)
    return _page("cooperation.md.j2", c, page, upcoming=upcoming_section([c], page, directory_urls, c.id))


def _page(template: str, c: Cooperation, path: str, **context: object) -> str:
    return render(template, c=c, links=Links(c, path), **context)


def _organisation(c: Cooperation, directory_urls: bool) -> str:
    page = paths.organisation_page(c)
    return _page(
        "organisation.md.j2",
        c,
        page,
        internal=derive.internal_bodies(c),
        external=derive.external_bodies(c),
        svg=Markdown(org_chart_svg(c, page, directory_urls)),
    )


def _body(c: Cooperation, body: Body, has_feed: bool) -> str:
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


def _process(c: Cooperation, process: Process) -> str:
    return _page(
        "process.md.j2", c, paths.process_page(c, process), p=process, meetings=derive.process_meetings(c, process)
    )


def wheel_pages(c: Cooperation, directory_urls: bool) -> dict[str, str]:
    """The årshjul page with its picture, the picture as a file, and a page per month."""
    page = paths.wheel_page(c)
    rings = wheel_rings(c)
    items = sorted((item for ring in rings for item in ring.items), key=lambda i: i.number)
    rows = derive.month_rows(c)
    pages = {
        page: _page(
            "wheel.md.j2",
            c,
            page,
            rows=[r for r in rows if r.occasions or r.steps],
            unscheduled=derive.unscheduled_occasions(c),
            svg=Markdown(drawn_wheel(c, page, directory_urls).svg) if rings else "",
            print_svg=Markdown(drawn_wheel(c, page, directory_urls, wide=True).svg) if rings else "",
            rings=rings,
            ring_summary=Markdown(ring_summary(rings)),
            items=items,
            steps=c.all_steps(),
            png_width=PNG_WIDTH,
        ),
    }
    if rings:
        pages[paths.wheel_file(c)] = drawn_wheel(c, paths.wheel_file(c), directory_urls, wide=True).svg
        poster = paths.poster_page(c)
        pages[poster] = _page(
            "poster.md.j2", c, poster, svg=Markdown(drawn_wheel(c, poster, directory_urls, wide=True).svg)
        )
    for schedule in c.schedules:
        path = paths.year_page(c, schedule.year)
        svg = Markdown(drawn_wheel(c, path, directory_urls, schedule.year).svg)
        key = [status_marker(k) for k in dict.fromkeys(marker_key(c, m) for m in schedule.meetings)]
        pages[path] = _page("year.md.j2", c, path, schedule=schedule, svg=svg, markers=key)
        file = paths.wheel_file(c, schedule.year)
        pages[file] = drawn_wheel(c, file, directory_urls, schedule.year, wide=True).svg
    months = derive.month_pages(c)
    for index, row in enumerate(r for r in rows if r.month in months):
        path = paths.month_page(c, row.month)
        dated = derive.dated_in_month(c, row.month)
        neighbours = {
            "previous": months[index - 1] if index > 0 else None,
            "following": months[(index + 1) % len(months)],
        }
        pages[path] = _page("month.md.j2", c, path, row=row, dated=dated, **neighbours)
    return pages


def _roles(c: Cooperation, feeds: list[Feed], address: str) -> str:
    summaries = [derive.role_summary(c, r) for r in c.roles]
    role_feeds = {f.role.id: f.name for f in feeds if f.role is not None}
    return _page("roles.md.j2", c, paths.roles_page(c), roles=summaries, role_feeds=role_feeds, address=address)


def checklist_pages(c: Cooperation) -> dict[str, str]:
    meetings, processes = meeting_checklists(c), process_checklists(c)
    index = paths.checklists_page(c)
    pages = {index: _page("checklists.md.j2", c, index, meetings=meetings, processes=processes)}
    papers = meeting_papers(c)
    for checklist in [*meetings, *processes]:
        uses = [p for p in papers if p.checklist == checklist.id]
        path = paths.checklist_page(c, checklist.id)
        pages[path] = _page("checklist.md.j2", c, path, cl=checklist, dated=dated_meetings(c, checklist), uses=uses)
    return pages


def _plan_notes(c: Cooperation) -> dict[int, str | None]:
    return {s.year: plan_note(s) for s in c.schedules}


def _search_paper(p: Papers, dated_occasions: set[str]) -> str:
    """How a paper is found in search: a dated meeting's first; an undated template not at all when a
    dated meeting has the same papers (one result per paper), else last."""
    if p.meeting is not None:
        return "dated"
    return "exclude" if p.occasion is not None and p.occasion.id in dated_occasions else "template"


def papers_pages(c: Cooperation, word: WordMaker = made_now) -> dict[str, str | bytes]:
    """'Inför mötet', and each meeting's notice and minutes template as web pages and Word documents."""
    index = paths.meetings_page(c)
    listing = _page("meetings.md.j2", c, index, dated=all_dated(c), undated=undated(c), plan_notes=_plan_notes(c))
    pages: dict[str, str | bytes] = {index: listing}
    papers = meeting_papers(c)
    dated_occasions = {p.occasion.id for p in papers if p.meeting is not None and p.occasion is not None}
    for p in papers:
        search = _search_paper(p, dated_occasions)
        for path, template in (
            (paths.notice_page(c, p.key), "notice.md.j2"),
            (paths.minutes_page(c, p.key), "minutes.md.j2"),
        ):
            pages[path] = _page(template, c, path, p=p, search_paper=search)
        documents = word_papers(p, word)
        pages[paths.notice_file(c, p.key)] = documents["notice"]
        pages[paths.minutes_file(c, p.key)] = documents["minutes"]
    return pages

""" "Kommande": the meetings and deadlines of every feed, as a small JSON file for the reader's browser.

The build never reads the clock, so it cannot know what comes next. It writes every event
of the calendar window once; docs/assets/kommande.js picks those on or after the reader's
today and shows the first few. Links are relative to the site root, for the published site
or the offline copy as the build is told. The script only ever sets text (textContent) and
attributes, never HTML, so the data's text needs no escaping here.
"""

from __future__ import annotations

import datetime
import json
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from ...model import Cooperation, month_span
from ...model.dates import first_after_month
from .. import paths
from .feeds import Feed
from .record import Event

FORMAT = 1
SHOWN = 5  # events a section lists; the issue asks for at least the next three


def upcoming_text(feeds: Iterable[tuple[Cooperation, list[Feed]]], directory_urls: bool) -> str:
    """The JSON: one record per event of each cooperation's 'alla' feed, in time order."""
    records = [
        _record(c, event, directory_urls)
        for c, cooperation_feeds in feeds
        for feed in cooperation_feeds
        if feed.name == "alla"
        for event in feed.events
    ]
    records.sort(key=lambda r: (r["datum"] or "", r["tid"] or "", r["samverkan"] or "", r["titel"] or ""))
    # One event a line, without empty fields: small, and readable in a diff.
    lines = [
        json.dumps(
            {k: v for k, v in r.items() if v is not None}, ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )
        for r in records
    ]
    return f'{{"format":{FORMAT},"handelser":[\n' + ",\n".join(lines) + "\n]}\n"


def _record(c: Cooperation, event: Event, directory_urls: bool) -> dict[str, str | None]:
    start = event.start
    day = start.date() if isinstance(start, datetime.datetime) else start
    until = first_after_month(day.year, event.months[-1]) if event.months else None
    return {
        "datum": day.isoformat(),
        "tid": start.strftime("%H:%M") if isinstance(start, datetime.datetime) else None,
        # A meeting without a date counts as coming until its months are over, and shows its months.
        "till": until.isoformat() if until else None,
        "manader": month_span(event.months) if event.months else None,
        "titel": event.summary,
        "slag": event.category,
        "status": event.label,
        "samverkan": c.id,
        "samverkansnamn": c.info.short_name,
        "sida": _url(event.page, directory_urls, event.anchor),
        "kallelse": _url(paths.notice_page(c, event.papers), directory_urls) if event.papers else None,
        "checklista": _checklist(c, event, directory_urls),
    }


def _checklist(c: Cooperation, event: Event, directory_urls: bool) -> str | None:
    if event.checklist is None:
        return None
    return paths.for_meeting(_url(paths.checklist_page(c, event.checklist), directory_urls), event.papers)


def _url(page: str, directory_urls: bool, anchor: str = "") -> str:
    url = paths.page_url(page, directory_urls)
    return f"{url}#{anchor}" if anchor else url


@dataclass(frozen=True)
class Section:
    """A page's "Kommande": where the JSON and the site root are from the page (raw HTML, which
    MkDocs does not rewrite), whose events to show ('' for all), and the year's plans that a
    reader without script (or with the copy opened from disk) follows instead."""

    source: str
    root: str
    cooperation: str
    plans: tuple[tuple[str, str], ...]  # (link text, Markdown link target from the page)
    count: int = SHOWN


def upcoming_section(
    cooperations: Iterable[Cooperation], here: str, directory_urls: bool, cooperation: str = ""
) -> Section:
    chosen = [c for c in cooperations if not cooperation or c.id == cooperation]
    base = posixpath.dirname(here) or "."
    plans = tuple((_plan_title(c, len(chosen) > 1), posixpath.relpath(_plan_page(c), base)) for c in chosen)
    return Section(
        source=paths.url_between(here, paths.UPCOMING_FILE, directory_urls=directory_urls),
        root=paths.url_between(here, "index.md", directory_urls=directory_urls),
        cooperation=cooperation,
        plans=plans,
    )


def _plan_page(c: Cooperation) -> str:
    """The year's plan: the dated plan of the handbook year, else the årshjul from the rules."""
    return paths.year_page(c, c.info.year) if c.schedule(c.info.year) else paths.wheel_page(c)


def _plan_title(c: Cooperation, named: bool) -> str:
    title = f"Mötesplan {c.info.year}" if c.schedule(c.info.year) else f"Årshjul {c.info.year}"
    return f"{c.info.short_name}: {title.lower()}" if named else title

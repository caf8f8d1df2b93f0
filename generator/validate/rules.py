"""Rules that span several fields, checked after the files are converted."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import ErrorLog, Position
from ..model import Body, Cooperation, Month, Responsibility, SiteSettings
from .schedule_rules import check_schedule

# A preparation more than three months ahead is a planning step, not something done before a meeting.
MAX_WORKING_DAYS = 60


def check_rules(data: Cooperation, log: ErrorLog) -> None:
    for body in data.bodies:
        _check_body(body, log)
    for process in data.processes:
        for step in (*process.steps, *process.milestones):
            if step.body is not None and step.occasion is not None:
                log.add(
                    step.pos,
                    "ange antingen 'grupp' eller 'mote', inte båda: mötet talar redan om vilken grupp det gäller",
                )
            _check_months(step.months, step.pos, log)
    for schedule in data.schedules:
        check_schedule(data, schedule, log)


MAX_FEED_YEARS = 5


def check_site(site: SiteSettings, log: ErrorLog) -> None:
    for key, value in (("kalender_ar_fore", site.feed_years_before), ("kalender_ar_efter", site.feed_years_after)):
        if value > MAX_FEED_YEARS:
            log.add(site.pos, f"'{key}' får vara högst {MAX_FEED_YEARS} år, inte {value}")
    if site.edit_address is not None and not EDIT_ADDRESS.fullmatch(site.edit_address):
        log.add(site.pos, "'andringsforslag' ska vara en adress som börjar med https://, utan mellanslag och ()<>\"'")


# The address becomes a link on every page: a plain web address, nothing Markdown or HTML could read.
EDIT_ADDRESS = re.compile(r"https?://[^\s()<>\[\]\"'`\\]+")


def _check_body(body: Body, log: ErrorLog) -> None:
    for responsibility in _responsibilities(body):
        _check_responsibility(responsibility, log)
    for preparation in body.preparations:
        if not 0 <= preparation.working_days <= MAX_WORKING_DAYS:
            log.add(preparation.pos, f"'arbetsdagar_fore' ska vara ett heltal från 0 till {MAX_WORKING_DAYS}")
    for own in ("prepares_for", "reports_to"):
        if body.id in getattr(body, own):
            log.add(body.pos, f"gruppen '{body.id}' kan inte bereda åt eller rapportera till sig själv")
    for occasion in body.occasions:
        _check_months(occasion.months, occasion.pos, log)


def _responsibilities(body: Body) -> Iterator[Responsibility]:
    for r in (body.convener, body.notice, *(p.responsible for p in body.preparations)):
        if r is not None:
            yield r


def _check_responsibility(r: Responsibility, log: ErrorLog) -> None:
    if r.role is None and not r.designated:
        log.add(r.pos, "ange vem som ansvarar: 'roll', eller 'utsedd: true' om det utses inför varje möte")
    if r.municipality is not None and r.rotating:
        log.add(
            r.pos, "'kommun' och 'var_sin_gang' går inte ihop: ansvaret ligger antingen hos en kommun eller går runt"
        )


def _check_months(months: tuple[Month, ...], pos: Position, log: ErrorLog) -> None:
    seen: set[Month] = set()
    for month in months:
        if month in seen:
            log.add(pos, f"månaden '{month.swedish}' står två gånger")
        seen.add(month)

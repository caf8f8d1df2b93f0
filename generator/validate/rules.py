"""Rules that span several fields, checked after the files are converted."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import ErrorLog, Position
from ..model import Body, CooperationData, Month, Responsibility, Site
from .schedule_rules import check_schedule


def check_rules(data: CooperationData, log: ErrorLog) -> None:
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


def check_site(site: Site, log: ErrorLog) -> None:
    for key, value in (("kalender_ar_fore", site.feed_years_before), ("kalender_ar_efter", site.feed_years_after)):
        if value > MAX_FEED_YEARS:
            log.add(site.pos, f"'{key}' får vara högst {MAX_FEED_YEARS} år, inte {value}")


def _check_body(body: Body, log: ErrorLog) -> None:
    for responsibility in _responsibilities(body):
        _check_responsibility(responsibility, log)
    for own in ("prepares_for", "reports_to"):
        if body.id in getattr(body, own):
            log.add(body.pos, f"gruppen '{body.id}' kan inte bereda åt eller rapportera till sig själv")
    for occasion in body.occasions:
        _check_months(occasion.months, occasion.pos, log)


def _responsibilities(body: Body) -> Iterator[Responsibility]:
    for r in (body.convener, body.notice):
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

"""Page trust: when the data behind a page was last reviewed, who answers for it, and where
to propose a change (the data file on the repository host, when handbok.yaml names one)."""

from __future__ import annotations

from ..model import Cooperation, SiteSettings
from ..model.files import BODIES_FILE, INFO_FILE, PROCESSES_FILE, ROLES_FILE, schedule_file
from . import paths
from .markdown import Markdown, link, plain

# The data folder's path in the repository, after the edit address.
DATA_FOLDER = "data"


def source_file(c: Cooperation, path: str) -> str:
    """The data file a page of `c` is mostly written from: 'grupper.yaml' for a body's page."""
    for schedule in c.schedules:
        if path == paths.year_page(c, schedule.year):
            return schedule_file(schedule.year)
    in_calendar = path.startswith(paths.folder(paths.calendar_page(c)))
    if in_calendar and c.schedule(c.info.year) is not None:
        return schedule_file(c.info.year)
    if path.startswith(paths.folder(paths.processes_page(c))):
        return PROCESSES_FILE
    if path == paths.roles_page(c):
        return ROLES_FILE
    sections = (paths.organisation_page(c), paths.wheel_page(c), paths.checklists_page(c), paths.calendar_page(c))
    if any(path.startswith(paths.folder(section)) for section in sections):
        return BODIES_FILE
    return INFO_FILE


def edit_url(c: Cooperation, site: SiteSettings, file: str) -> str | None:
    if site.edit_address is None:
        return None
    return f"{site.edit_address.rstrip('/')}/{DATA_FOLDER}/{c.id}/{file}"


def review_sentence(c: Cooperation) -> str:
    """'Senast granskad 2026-11-22. Ansvarig: Administrativ chef.' as plain text."""
    info = c.info
    when = f"Senast granskad {info.reviewed.isoformat()}." if info.reviewed else ""
    when = when or f"Uppgifterna ändrades senast {info.version_date.isoformat()}."
    who = f" Ansvarig för uppgifterna: {c.role(info.reviewer).name}." if info.reviewer else ""
    return when + who


def trust_note(c: Cooperation, site: SiteSettings, path: str) -> Markdown:
    """The closing paragraph of every page of a cooperation."""
    text = plain(review_sentence(c))
    url = edit_url(c, site, source_file(c, path))
    if url is not None:
        text = Markdown(f"{text} {link('Föreslå en ändring', url)} i {plain(source_file(c, path))}.")
    return Markdown(f'<p class="hb-granskad" markdown>{text}</p>')


def with_trust_notes(c: Cooperation, site: SiteSettings, pages: dict[str, str | bytes]) -> dict[str, str | bytes]:
    """Every Markdown page of `c` with its trust note at the end."""
    return {
        path: f"{content}\n{trust_note(c, site, path)}\n"
        if isinstance(content, str) and path.endswith(".md")
        else content
        for path, content in pages.items()
    }

"""Where each generated page lives, and relative links between pages.

Paths are relative to the docs folder and use '/' on every system, so the
generated tree is the same for MkDocs and for any other engine.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..model import Body, Cooperation, Meeting, Month, Occasion, Process, Role


def cooperation_page(c: Cooperation) -> str:
    return f"{c.id}/index.md"


def organisation_page(c: Cooperation) -> str:
    return f"{c.id}/organisation/index.md"


def body_page(c: Cooperation, body: Body) -> str:
    return f"{c.id}/organisation/{body.id}.md"


def wheel_page(c: Cooperation) -> str:
    return f"{c.id}/arshjul/index.md"


def processes_page(c: Cooperation) -> str:
    return f"{c.id}/processer/index.md"


def process_page(c: Cooperation, process: Process) -> str:
    return f"{c.id}/processer/{process.id}.md"


def roles_page(c: Cooperation) -> str:
    return f"{c.id}/roller.md"


def communication_page(c: Cooperation) -> str:
    return f"{c.id}/kommunikation.md"


@dataclass(frozen=True)
class Links:
    """Links from the page at `here` to the pages of cooperation `c`."""

    c: Cooperation
    here: str

    def to(self, path: str, anchor: str = "") -> str:
        if path == self.here:
            return f"#{anchor}" if anchor else posixpath.basename(path)
        rel = posixpath.relpath(path, posixpath.dirname(self.here) or ".")
        return f"{rel}#{anchor}" if anchor else rel

    def body(self, body: Body) -> str:
        return self.to(body_page(self.c, body))

    def occasion(self, occasion: Occasion) -> str:
        body, _ = self.c.occasion(occasion.id)
        return self.to(body_page(self.c, body), occasion.id)

    def process(self, process: Process) -> str:
        return self.to(process_page(self.c, process))

    def role(self, role: Role) -> str:
        return self.to(roles_page(self.c), role.id)


def page_url(path: str, directory_urls: bool = True) -> str:
    """A page's URL relative to the site root: 'sml/roller.md' → 'sml/roller/' with directory
    URLs (the published site), 'sml/roller.html' without (the offline copy)."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def site_path(path: str) -> str:
    """The URL path of a generated file: pages get directory URLs, other files keep their name."""
    return page_url(path) if path.endswith(".md") else path


def absolute(address: str, path: str) -> str:
    """The published address of a page or file: ('https://x.se/hb/', 'sml/roller.md') →
    'https://x.se/hb/sml/roller/'. `address` is the site's validated address, ending in '/'."""
    return address + site_path(path)


# The query that ties a checklist's ticks to one meeting (docs/assets/handbok.js reads it).
MEETING_PARAMETER = "mote"


def for_meeting(url: str, key: str | None) -> str:
    """A checklist's `url` with its ticks kept for the meeting whose papers are `key`
    ('…/checklistor/styrgrupp/?mote=styrgrupp-mars'); without a key, the checklist as it is."""
    return f"{url}?{MEETING_PARAMETER}={key}" if key else url


def calendar_page(c: Cooperation) -> str:
    return f"{c.id}/kalender/index.md"


def feed_file(c: Cooperation, name: str) -> str:
    return f"{c.id}/kalender/{name}.ics"


# "Kommande": every event of the feeds for the reader's browser, at the site root (calendar/upcoming.py).
UPCOMING_FILE = "kommande.json"


def checklists_page(c: Cooperation) -> str:
    return f"{c.id}/checklistor/index.md"


def checklist_page(c: Cooperation, checklist_id: str) -> str:
    return f"{c.id}/checklistor/{checklist_id}.md"


def meetings_page(c: Cooperation) -> str:
    """'Inför mötet': the coming meetings and what to prepare for each."""
    return f"{c.id}/moten/index.md"


def occasion_key(occasion: Occasion) -> str:
    """The papers of a recurring meeting in a year without a date: 'styrgrupp-februari'."""
    return occasion.id


def meeting_key(meeting: Meeting) -> str:
    """The papers of one dated meeting: 'styrgrupp-februari-2027-02-11'."""
    return f"{meeting.occasion or meeting.id}-{meeting.date.isoformat()}"


def notice_page(c: Cooperation, key: str) -> str:
    """The notice with agenda (kallelse med föredragningslista) for the papers `key`
    (`occasion_key` or `meeting_key`); the feeds link a dated meeting's notice here."""
    return f"{c.id}/moten/{key}/index.md"


def minutes_page(c: Cooperation, key: str) -> str:
    return f"{c.id}/moten/{key}/anteckningar.md"


def notice_file(c: Cooperation, key: str) -> str:
    return f"{c.id}/moten/{key}/kallelse-{key}.docx"


def minutes_file(c: Cooperation, key: str) -> str:
    return f"{c.id}/moten/{key}/anteckningar-{key}.docx"


def month_page(c: Cooperation, month: Month) -> str:
    return f"{c.id}/arshjul/{month.swedish}.md"


def wheel_file(c: Cooperation, year: int | None = None) -> str:
    return f"{c.id}/arshjul/arshjul{f'-{year}' if year else ''}.svg"


def poster_page(c: Cooperation) -> str:
    return f"{c.id}/arshjul/affisch.md"


def year_page(c: Cooperation, year: int) -> str:
    return f"{c.id}/arshjul/{year}.md"


def org_chart_file(c: Cooperation) -> str:
    return f"{c.id}/organisation/organisation.svg"


def changes_page(c: Cooperation) -> str:
    """'Ändringar i den här versionen'."""
    return f"{c.id}/andringar.md"


def print_page(c: Cooperation) -> str:
    """The print edition's page: the whole handbook of `c` as one document."""
    return f"{c.id}/utskrift.md"


def pdf_file(c: Cooperation) -> str:
    """The PDF download, beside the print view."""
    return f"{c.id}/utskrift/handbok-{c.id}.pdf"


def folder(page: str) -> str:
    """The folder of a section's index page, to tell the section's pages by: 'sml/kalender/'."""
    return posixpath.dirname(page) + "/"


def url_between(here: str, there: str, anchor: str = "", directory_urls: bool = True) -> str:
    """A link that works in raw HTML and SVG, which MkDocs does not rewrite: from the URL of
    the page or file `here` to the URL of `there` (both docs paths)."""
    if here.endswith(".md"):
        here_url = page_url(here, directory_urls)
        base = here_url.rstrip("/") if directory_urls else posixpath.dirname(here_url)
    else:
        base = posixpath.dirname(here)
    target = page_url(there, directory_urls) if there.endswith(".md") else there
    rel = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") or not target:
        rel = "./" if rel == "." else rel + "/"
    return f"{rel}#{anchor}" if anchor else rel

"""The print edition: one cooperation's whole handbook as one HTML document.

The same body serves two readers. The site shows it as a page of its own (no navigation
chrome, a template in overrides/), and the PDF engine (generator/engines/pdf.py) prints it
as the archival copy. The sections follow the governing document's order: background,
purpose, governance and its bodies, annual processes, discussion points, communication;
then the årshjul, the meeting plan of the year and an appendix of roles.

Pure functions: model in, text out. Every value from the data is escaped by Jinja's
autoescape; prose is turned into HTML by the one prose renderer (generator/prose.py).
"""

from __future__ import annotations

import dataclasses
import json
from functools import cache

import jinja2
from markupsafe import Markup

from ... import prose
from ...model import Cooperation, Month, SiteSettings
from .. import derive, describe, paths
from ..pages.changes import since_previous
from ..pages.orgchart import org_chart_svg
from ..paths import pdf_file, print_page, url_between
from ..trust import review_sentence
from ..wheel.legend import ring_position
from ..wheel.svg import DrawnWheel, drawn_wheel

STYLESHEET = "assets/utskrift.css"
# The print edition's one font, Liberation Sans, shipped with the generator (engines/fonts) and
# published beside the stylesheet (assets/fonts/): the screen, the paper and the PDF show the same
# letters, and no machine's own fonts fill in. Keyed by (weight, style).
FONT_FOLDER = "assets/fonts"
FONT_FAMILY = "Liberation Sans"
FONT_FACES = {
    ("normal", "normal"): "LiberationSans-Regular.ttf",
    ("bold", "normal"): "LiberationSans-Bold.ttf",
    ("normal", "italic"): "LiberationSans-Italic.ttf",
    ("bold", "italic"): "LiberationSans-BoldItalic.ttf",
}


def document_title(c: Cooperation) -> str:
    return f"Handbok för {c.info.name} {c.info.year}"


def print_view(c: Cooperation, site: SiteSettings, directory_urls: bool = True) -> str:
    """The print view as a page for MkDocs: front matter that picks the chrome-free template,
    then the document's body as raw HTML."""
    # JSON is YAML: the title from the data is quoted whatever characters it has.
    title = json.dumps(document_title(c), ensure_ascii=False)
    front = f"---\ntitle: {title}\ntemplate: utskrift.html\nsearch:\n  exclude: true\n---\n\n"
    pdf_link = url_between(print_page(c), pdf_file(c), directory_urls=directory_urls)
    return front + body(c, site, directory_urls, pdf_link=pdf_link) + "\n"


def print_document(c: Cooperation, site: SiteSettings) -> str:
    """The whole document for the PDF engine, with the metadata an archive reads: language,
    title, author, and dates from the data (never the clock). Links are relative to the
    print view's published address, which the engine is given as base URL."""
    return (
        template_environment()
        .get_template("print.html.j2")
        .render(
            c=c,
            title=document_title(c),
            author=site.publisher,
            body=Markup(body(c, site, directory_urls=True, pdf_link=None, on_paths=False)),  # noqa: S704 - built here
        )
    )


def published_url(c: Cooperation, site: SiteSettings) -> str:
    """The address of the print view on the published site, the base of the PDF's links."""
    return paths.absolute(site.address, print_page(c))


def body(c: Cooperation, site: SiteSettings, directory_urls: bool, pdf_link: str | None, on_paths: bool = True) -> str:
    """The document's body; the PDF's has its wheel's curved words placed glyph by glyph (`on_paths`
    False), as its engine has no textPath (wheel/curved.py)."""
    here = print_page(c)

    def url(path: str, anchor: str = "") -> str:
        return url_between(here, path, anchor, directory_urls)

    schedule = c.schedule(c.info.year)
    return (
        template_environment()
        .get_template("_print_body.html.j2")
        .render(
            c=c,
            site=site,
            url=url,
            pdf_link=pdf_link,
            web_address=paths.absolute(site.address, paths.cooperation_page(c)),
            calendar_address=paths.absolute(site.address, paths.calendar_page(c)),
            schedule=schedule,
            meetings=sorted(schedule.meetings, key=lambda m: m.order) if schedule else [],
            internal=derive.internal_bodies(c),
            external=derive.external_bodies(c),
            rows=[row for row in derive.month_rows(c) if row.occasions or row.steps],  # as on the wheel's page
            roles=[derive.role_summary(c, r) for r in c.roles],
            wheel=_wheel(c, here, directory_urls, on_paths),
            org_chart=Markup(org_chart_svg(c, here, directory_urls)),  # noqa: S704 - as above
            changes=since_previous(c),
            review=review_sentence(c),
        )
        .strip()
    )


def _wheel(c: Cooperation, here: str, directory_urls: bool, on_paths: bool) -> DrawnWheel | None:
    """The wheel alone, as wide as the text, with its key set as text under it (at the picture's
    size the key's letters were 7 points); None where the rules give no months (as on the wheel's
    page, a sentence says so)."""
    wheel = drawn_wheel(c, here, directory_urls, on_paths=on_paths, keyed=False)
    if not wheel.rings:
        return None
    return dataclasses.replace(wheel, svg=Markup(wheel.svg))  # noqa: S704 - generated SVG, escaped at its source


def prose_html(text: str) -> Markup:
    """Prose from the data as HTML, by the one prose renderer that `check` examined."""
    return Markup(prose.to_html(text))  # noqa: S704 - the renderer escapes the prose's HTML


@cache
def template_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.render.print_edition", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(d=describe, Month=Month, paths=paths, ring_position=ring_position)
    env.filters["prose"] = prose_html
    return env


def stylesheet() -> str:
    """The print edition's CSS, for the site and the PDF alike. Its fonts are named relative to
    the stylesheet (fonts/…), which resolves to the site's assets/fonts/ and, for the PDF
    engine, to the generator's own copies."""
    return template_environment().get_template("utskrift.css.j2").render(family=FONT_FAMILY, faces=FONT_FACES)

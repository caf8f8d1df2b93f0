"""Ids that would name the same page or feed as one the handbook makes itself.

Ids are unique within their kind, but they share the site's folders with the
generated pages: a group called 'index' would replace the organisation overview,
one called 'alla' the calendar with everything. Such ids are refused where they
are written. (`render.site` also refuses any two outputs with the same path.)
"""

from __future__ import annotations

from ..errors import ErrorLog
from .convert import Mention

# kind: (names it may not have, prefixes, suffixes, where the clash would be)
_RESERVED: dict[str, tuple[frozenset[str], tuple[str, ...], tuple[str, ...], str]] = {
    "grupp": (
        frozenset({"index", "alla", "tidsgranser", "arsprocess"}),
        (),
        ("-anteckningar",),
        "organisationens översikt, kalenderfilerna alla.ics och tidsgranser.ics, checklistorna",
    ),
    "process": (frozenset({"index"}), (), ("-anteckningar",), "översikten över årsprocesserna, checklistorna"),
    "mote": (frozenset({"index"}), ("arsprocess-",), ("-anteckningar",), "checklistorna och mallarna för anteckningar"),
    "diskussionspunkter": (frozenset({"anteckningar"}), (), ("-anteckningar",), "mallarna för anteckningar"),
}


def check_reserved(definitions: list[Mention], log: ErrorLog) -> None:
    for d in definitions:
        if d.kind not in _RESERVED:
            continue
        names, prefixes, suffixes, where = _RESERVED[d.kind]
        if d.value in names or d.value.startswith(prefixes) or d.value.endswith(suffixes):
            log.add(d.pos, f"id '{d.value}' krockar med handbokens egna sidor ({where}); välj ett annat id", d.path)

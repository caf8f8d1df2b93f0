"""Read .ics files with libical (an independent implementation) and print what it sees, as JSON.

Runs under Debian's /usr/bin/python3 with python3-gi and gir1.2-ical-3.0, not in the
project's virtual environment: the feeds are written by the icalendar package, and
they must be judged by a reader that shares no code with it.

Usage: /usr/bin/python3 libical_dump.py FILE...
"""

import json
import sys
from pathlib import Path

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402

KIND = ICalGLib.ComponentKind
PROP = ICalGLib.PropertyKind


def errors_in(component):
    found = []
    prop = component.get_first_property(PROP.XLICERROR_PROPERTY)
    while prop is not None:
        found.append(prop.get_xlicerror())
        prop = component.get_next_property(PROP.XLICERROR_PROPERTY)
    child = component.get_first_component(KIND.ANY_COMPONENT)
    while child is not None:
        found += errors_in(child)
        child = component.get_next_component(KIND.ANY_COMPONENT)
    return found


def time_text(t):
    if t.is_date():
        return f"{t.get_year():04d}-{t.get_month():02d}-{t.get_day():02d}"
    tz = t.get_tzid() or ("UTC" if t.is_utc() else "")
    return (
        f"{t.get_year():04d}-{t.get_month():02d}-{t.get_day():02d}T"
        f"{t.get_hour():02d}:{t.get_minute():02d}:{t.get_second():02d} {tz}".strip()
    )


def texts(event, kind, getter):
    values = []
    prop = event.get_first_property(kind)
    while prop is not None:
        values.append(getattr(prop, getter)())
        prop = event.get_next_property(kind)
    return values


def first_value(event, kind):
    prop = event.get_first_property(kind)
    return prop.get_value_as_string() if prop is not None else None


def event_record(event):
    status = event.get_status()
    return {
        "uid": event.get_uid(),
        "summary": event.get_summary(),
        "description": event.get_description(),
        "location": event.get_location(),
        "start": time_text(event.get_dtstart()),
        "end": time_text(event.get_dtend()),
        "status": ICalGLib.Property.status_to_string(status),
        "categories": texts(event, PROP.CATEGORIES_PROPERTY, "get_categories"),
        "sequence": event.get_sequence(),
        "url": texts(event, PROP.URL_PROPERTY, "get_url"),
        "transp": first_value(event, PROP.TRANSP_PROPERTY),
        "dtstamp": first_value(event, PROP.DTSTAMP_PROPERTY),
        "last_modified": first_value(event, PROP.LASTMODIFIED_PROPERTY),
    }


def dump(path):
    calendar = ICalGLib.Component.new_from_string(Path(path).read_text(encoding="utf-8"))
    if calendar is None:
        return {"file": path, "errors": ["libical could not parse the file"], "events": []}
    ICalGLib.restriction_check(calendar)
    events = []
    event = calendar.get_first_component(KIND.VEVENT_COMPONENT)
    while event is not None:
        events.append(event_record(event))
        event = calendar.get_next_component(KIND.VEVENT_COMPONENT)
    return {"file": path, "errors": errors_in(calendar), "events": events}


if __name__ == "__main__":
    json.dump([dump(p) for p in sys.argv[1:]], sys.stdout, ensure_ascii=False)

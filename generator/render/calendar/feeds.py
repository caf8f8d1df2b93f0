"""iCalendar feeds that Outlook, Google and Apple Calendar subscribe to.

Outlook is the strictest reader, so its rules decide: UTF-8 without BOM, CRLF,
lines folded at 75 octets without splitting a character, METHOD:PUBLISH, a
VTIMEZONE with RRULE transitions (Outlook ignores RDATE-only zones), no
ORGANIZER, ATTENDEE or VALARM, and every TEXT value escaped, including NAME and
X-WR-CALNAME, which icalendar leaves as they are unless given as vText.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...errors import DataError
from ...model import Cooperation, Role, SiteSettings
from ...model.history import History, Observed, Revision
from .events import Event, cooperation_events, duplicate_uids

if TYPE_CHECKING:
    import icalendar

PRODID = "-//Samverkanshandboken//Handbok för kommunal samverkan//SV"
TZID = "Europe/Stockholm"
REFRESH = datetime.timedelta(hours=12)

# Written out rather than generated: icalendar's add_missing_timezones() writes
# RDATE lists, which Outlook ignores. The EU rule: summer time from the last
# Sunday in March 02:00 to the last Sunday in October 03:00.
VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Stockholm
X-LIC-LOCATION:Europe/Stockholm
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""


@dataclass(frozen=True)
class Feed:
    """One subscribable calendar: its file name (without .ics), name and events; `role` is set
    for a role's own feed."""

    name: str
    title: str
    description: str
    events: tuple[Event, ...]
    role: Role | None = None


def role_feed_name(role: Role) -> str:
    """'roll-ekonomichef': the prefix keeps a role's feed apart from a body's ('styrgrupp')."""
    return f"roll-{role.id}"


def calendar_problems(feeds: list[Feed]) -> list[DataError]:
    """Two events of the feeds with one UID; an event in several feeds counts once."""
    return duplicate_uids({id(event): event for feed in feeds for event in feed.events}.values())


def cooperation_feeds(c: Cooperation, site: SiteSettings) -> list[Feed]:
    """Everything; one feed per role; one per body that has meetings; the process deadlines and
    milestones. An event is the same record, with one UID, in every feed that carries it.

    A calendar must hold at least one event (RFC 5545), so with nothing dated there is no feed.
    """
    events = cooperation_events(c, site)
    if not events:
        return []
    feeds = [
        Feed(
            "alla",
            f"{c.info.short_name} – alla möten och tidsgränser",
            "Alla möten, tidsgränser och milstolpar.",
            tuple(events),
        )
    ]
    feeds += [feed for role in c.roles if (feed := _role_feed(c, role, events)) is not None]
    for body in c.bodies:
        own = tuple(e for e in events if e.body_id == body.id)
        if own:
            feeds.append(Feed(body.id, f"{c.info.short_name} – {body.name}", f"Möten i {body.name}.", own))
    deadlines = tuple(e for e in events if e.body_id is None)
    if deadlines:
        feeds.append(
            Feed(
                "tidsgranser",
                f"{c.info.short_name} – tidsgränser och milstolpar",
                "Årsprocessernas tidsgränser och milstolpar.",
                deadlines,
            )
        )
    return feeds


def _role_feed(c: Cooperation, role: Role, events: list[Event]) -> Feed | None:
    own = tuple(e for e in events if concerns(c, role, e))
    if not own:
        return None
    return Feed(
        role_feed_name(role),
        f"{c.info.short_name} – {role.name}",
        f"Mötena som {role.plural} ingår i eller deltar i, och stegen och tidsgränserna de ansvarar för.",
        own,
        role,
    )


def concerns(c: Cooperation, role: Role, event: Event) -> bool:
    """Whether `event` belongs in the feed of `role`: a meeting of a body the role is a member of,
    takes part in or convenes (or whose recurring meeting it is invited to), or a step it is
    responsible for."""
    if event.body_id is None:
        return event.responsible == role.id
    body = c.body(event.body_id)
    seats = [*body.members, *body.attendees]
    if event.occasion_id is not None:
        seats += c.occasion(event.occasion_id)[1].attendees
    convenes = body.convener is not None and body.convener.role == role.id
    return convenes or any(seat.role == role.id for seat in seats)


def observed(feeds: list[Feed]) -> list[Observed]:
    """What the feeds show now, for the calendar history (every event is in the 'alla' feed)."""
    return [Observed(e.uid, e.fingerprint, e.dated) for f in feeds if f.name == "alla" for e in f.events]


def feed_text(feed: Feed, history: History) -> str:
    """The feed as iCalendar text; SEQUENCE and LAST-MODIFIED come from `history`, which must
    already record every event of the feed (`model.history.advance`)."""
    import icalendar  # a twenty-fifth of a second to import: not on a build that reads the feeds from the cache

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", icalendar.vText(feed.title))
    calendar.add("x-wr-calname", icalendar.vText(feed.title))
    calendar.add("x-wr-caldesc", icalendar.vText(feed.description))
    calendar.add("x-wr-timezone", icalendar.vText(TZID))
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH))
    if any(not e.all_day for e in feed.events):
        calendar.add_component(icalendar.Timezone.from_ical(VTIMEZONE.replace("\n", "\r\n")))
    for event in feed.events:
        calendar.add_component(_vevent(event, history[event.uid]))
    return str(calendar.to_ical().decode("utf-8"))


def _vevent(event: Event, revision: Revision) -> icalendar.Event:
    import icalendar

    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", revision.modified)
    vevent.add("last-modified", revision.modified)
    vevent.add("sequence", revision.sequence)
    vevent.add("summary", event.summary)
    vevent.add("dtstart", _moment(event.start))
    vevent.add("dtend", _moment(event.end))
    vevent.add("status", event.status.value)
    vevent.add("transp", "TRANSPARENT" if event.transparent else "OPAQUE")
    vevent.add("categories", [event.category])
    vevent.add("description", event.description)
    vevent.add("url", event.url)
    if event.location:
        vevent.add("location", event.location)
    return vevent


def _moment(moment: datetime.date | datetime.datetime) -> datetime.date | datetime.datetime:
    if isinstance(moment, datetime.datetime):
        return moment.replace(tzinfo=zoneinfo.ZoneInfo(TZID))
    return moment

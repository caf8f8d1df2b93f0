"""Calendar feeds that Outlook, Google and Apple Calendar can trust.

The feeds are checked three ways: byte by byte against Outlook's rules, by
libical (an independent implementation, run under Debian's Python), and read
back and compared with the data they came from.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.validate import read_handbook

from conftest import SHIPPED_DATA, Edit, build_site
from helpers import libical

# RFC 5546 (iTIP) wants an ORGANIZER in every PUBLISH event; Outlook turns an
# ORGANIZER into a meeting invitation from that person, so subscription feeds
# leave it out on purpose. libical reports exactly this and nothing else is allowed.
ACCEPTED_LIBICAL_FINDING = (
    "Failed iTIP restrictions for ORGANIZER property. Expected 1 instances of the property and got 0"
)


def feeds(site: Path) -> list[Path]:
    found = sorted(site.rglob("*.ics"))
    assert found
    return found


def unfold(raw: bytes) -> list[str]:
    return raw.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_shipped_feeds_follow_outlooks_rules(shipped_site: Path) -> None:
    for feed in feeds(shipped_site):
        check_outlook_rules(feed)


def test_fixture_feeds_follow_outlooks_rules(fixture_site: Path) -> None:
    for feed in feeds(fixture_site):
        check_outlook_rules(feed)


def check_outlook_rules(feed: Path) -> None:
    raw = feed.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{feed}: BOM"
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), f"{feed}: bare LF or CR"
    for physical in raw.split(b"\r\n"):
        assert len(physical) <= 75, f"{feed}: line longer than 75 octets: {physical!r}"
        physical.decode("utf-8")  # a fold never splits a character
    lines = unfold(raw)
    assert "METHOD:PUBLISH" in lines
    assert any(line.startswith("NAME:") for line in lines)
    assert any(line.startswith("X-WR-CALNAME:") for line in lines)
    assert "X-WR-TIMEZONE:Europe/Stockholm" in lines
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in lines
    assert "X-PUBLISHED-TTL:PT12H" in lines
    for banned in ("ORGANIZER", "ATTENDEE", "BEGIN:VALARM"):
        assert not any(line.startswith(banned) for line in lines), f"{feed}: {banned}"
    check_events(feed, lines)
    uses_tzid = any(";TZID=Europe/Stockholm:" in line for line in lines)
    assert ("BEGIN:VTIMEZONE" in lines) == uses_tzid
    if uses_tzid:
        assert sum(line.startswith("RRULE:FREQ=YEARLY") for line in lines) == 2
        assert not any(line.startswith("RDATE") for line in lines)


def check_events(feed: Path, lines: list[str]) -> None:
    events = "\r\n".join(lines).split("BEGIN:VEVENT")[1:]
    assert events, feed
    for event in events:
        props = {line.split(":", 1)[0].split(";", 1)[0]: line for line in event.split("\r\n") if ":" in line}
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL", "SEQUENCE"):
            assert required in props, f"{feed}: {required} saknas i {event[:200]}"
        start, end = props["DTSTART"].split(":", 1)[1], props["DTEND"].split(":", 1)[1]
        assert end > start, f"{feed}: DTEND måste komma efter DTSTART (exklusivt för heldag)"
        assert re.fullmatch(r"DTSTAMP:\d{8}T\d{6}Z", props["DTSTAMP"])
        assert re.fullmatch(r"CATEGORIES:[^,]+", props["CATEGORIES"])


def test_libical_accepts_every_feed(shipped_site: Path, fixture_site: Path) -> None:
    for dump in libical(feeds(shipped_site) + feeds(fixture_site)):
        assert [e for e in dump["errors"] if e != ACCEPTED_LIBICAL_FINDING] == [], dump["file"]
        assert dump["events"], dump["file"]


def events_by_uid(site: Path, name: str = "alla") -> dict[str, dict[str, Any]]:
    (dump,) = libical([site / "exempel" / "kalender" / f"{name}.ics"])
    return {e["uid"]: e for e in dump["events"]}


def test_dated_meeting_reads_back_as_in_the_data(fixture_site: Path) -> None:
    meeting = events_by_uid(fixture_site)["exempel.mote.styrgrupp-mars.2026@samverkanshandbok"]
    assert meeting["summary"] == "Styrgrupp: Bokslut och budgetstart"
    assert meeting["start"] == "2026-03-12T09:00:00 Europe/Stockholm"
    assert meeting["end"] == "2026-03-12T12:00:00 Europe/Stockholm"
    assert meeting["location"] == 'Stadshuset, Norrby; sal "Ek" \\ plan 2'
    assert meeting["status"] == "CONFIRMED"
    assert meeting["categories"] == ["Möte"]
    description = meeting["description"].split("\n")
    assert "Mötet är flyttat från torsdag 5 mars 2026: Krock med budgetdagen" in description
    assert 'Plats: Stadshuset, Norrby; sal "Ek" \\ plan 2' in description
    assert "Värdkommun: Norrby" in description
    assert "• Ramar, mål; nyckeltal \\ avvikelser" in description
    assert "• Risker – ökade kostnader?" in description
    assert "Fastställt av Styrgruppen 2025-11-20, § 12." in description
    papers = "https://example.org/samverkanshandbok/exempel/moten/styrgrupp-mars-2026-03-12/"
    assert description[-4:] == [
        "Handboken: https://example.org/samverkanshandbok/exempel/organisation/styrgrupp/#styrgrupp-mars",
        f"Kallelse med föredragningslista: {papers}",
        f"Kallelsen i Word: {papers}kallelse-styrgrupp-mars-2026-03-12.docx",
        "Checklista: https://example.org/samverkanshandbok/exempel/checklistor/styrgrupp-var/?mote=styrgrupp-mars-2026-03-12",
    ]


def test_placeholder_is_one_tentative_free_day_that_names_its_months(fixture_site: Path) -> None:
    autumn = events_by_uid(fixture_site)["exempel.mote.styrgrupp-hosten.2026@samverkanshandbok"]
    assert autumn["summary"] == "Styrgrupp: Delår (september/oktober, datum ej fastställt)"
    assert (autumn["start"], autumn["end"]) == ("2026-09-01", "2026-09-02")
    assert autumn["status"] == "TENTATIVE"
    raw = (fixture_site / "exempel" / "kalender" / "alla.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    block = raw.split("UID:exempel.mote.styrgrupp-hosten.2026@samverkanshandbok")[0].rsplit("BEGIN:VEVENT", 1)[1]
    block += raw.split("UID:exempel.mote.styrgrupp-hosten.2026@samverkanshandbok")[1].split("END:VEVENT")[0]
    assert "TRANSP:TRANSPARENT" in block


def test_cancelled_extra_meeting(fixture_site: Path) -> None:
    extra = events_by_uid(fixture_site)["exempel.mote.extra-styrgrupp-maj.2026@samverkanshandbok"]
    assert extra["status"] == "CANCELLED"
    assert extra["summary"] == "INSTÄLLT: Styrgrupp: Extra möte om lokaler"
    assert "Mötet är inställt: Frågan löstes i beredningen" in extra["description"]


def test_deadlines_are_all_day_on_the_right_day(fixture_site: Path) -> None:
    deadlines = events_by_uid(fixture_site, "tidsgranser")
    decision = deadlines["exempel.steg.beslut.2026@samverkanshandbok"]
    assert (decision["start"], decision["end"]) == ("2026-04-30", "2026-05-01")
    assert decision["categories"] == ["Tidsgräns"]
    assert decision["summary"] == "Budget: Beslut om budget (senast 30 april)"
    # 'senast i december': the last working day, and New Year's Eve is a day off.
    internal_control = deadlines["exempel.steg.internkontroll.2027@samverkanshandbok"]
    assert (internal_control["start"], internal_control["end"]) == ("2027-12-30", "2027-12-31")
    assert internal_control["summary"].endswith("(senast i december)")
    # A step held during a month is due on its last working day (27 February 2026 is a Friday).
    framework = deadlines["exempel.steg.ram.2026@samverkanshandbok"]
    assert (framework["start"], framework["end"]) == ("2026-02-27", "2026-02-28")
    assert framework["summary"].endswith("(under februari)")


def test_calendar_name_is_escaped(data_copy: Path, edit: Edit, tmp_path: Path) -> None:
    edit("samverkan.yaml", "kortnamn: NoSö", 'kortnamn: "No, Sö; \\\\ å"')
    site = build_site(data_copy, tmp_path / "site")
    lines = unfold((site / "exempel" / "kalender" / "alla.ics").read_bytes())
    assert "NAME:No\\, Sö\\; \\\\ å – alla möten och tidsgränser" in lines
    assert "X-WR-CALNAME:No\\, Sö\\; \\\\ å – alla möten och tidsgränser" in lines


def test_uid_stays_when_placeholder_gets_its_date(data_copy: Path, tmp_path: Path) -> None:
    plan = data_copy / "exempel" / "motesplan-2026.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.unlink()
    site = build_site(data_copy, tmp_path / "site")
    before = events_by_uid(site)
    plan.write_text(text, encoding="utf-8")
    after = events_by_uid(build_site(data_copy, tmp_path / "site"))
    uid = "exempel.mote.styrgrupp-mars.2026@samverkanshandbok"
    assert before[uid]["status"] == "TENTATIVE" and before[uid]["start"] == "2026-03-02"
    assert after[uid]["status"] == "CONFIRMED" and after[uid]["start"].startswith("2026-03-12T09:00")
    assert after[uid]["sequence"] > before[uid]["sequence"]
    assert set(before) - set(after) == set()


def test_calendar_page_lists_every_feed(fixture_site: Path) -> None:
    html = (fixture_site / "exempel" / "kalender" / "index.html").read_text(encoding="utf-8")
    for feed in feeds(fixture_site):
        name = feed.name
        assert f'href="https://example.org/samverkanshandbok/exempel/kalender/{name}"' in html
        assert f'href="webcal://example.org/samverkanshandbok/exempel/kalender/{name}"' in html
    assert "Prenumerera från webben" in html
    body = (fixture_site / "exempel" / "organisation" / "styrgrupp" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../kalender/styrgrupp.ics"' in body


def test_calendar_events_link_their_checklist(planned_site: Path) -> None:
    feed = (planned_site / "sml" / "kalender" / "styrgrupp.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    (event,) = [e for e in feed.split("BEGIN:VEVENT") if "UID:sml.mote.styrgrupp-februari.2027@" in e]
    assert "\\nChecklista: https://example.org/samverkanshandbok/sml/checklistor/styrgrupp-arsbokslut-budget/" in event


def test_no_meeting_reaches_a_calendar_as_decided_unless_its_plan_is_adopted(shipped_site: Path) -> None:
    """Whatever plans data/ holds: a confirmed meeting in a feed is one whose date is adopted."""
    adopted = {
        (c.id, m.date.isoformat())
        for c in read_handbook(SHIPPED_DATA).cooperations
        for s in c.schedules
        for m in s.meetings
        if c.plan_status(m).adopted
    }
    for dump in libical(feeds(shipped_site)):
        cooperation = Path(dump["file"]).parent.parent.name
        for event in dump["events"]:
            if event["categories"] != ["Möte"] or event["status"] != "CONFIRMED":
                continue
            assert (cooperation, event["start"][:10]) in adopted, event["uid"]
            assert event["transp"] == "OPAQUE", event["uid"]
            assert not event["summary"].endswith(("(förslag)", "(exempel)")), event["uid"]

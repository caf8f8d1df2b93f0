"""A feed per role, and months without banners: the feeds read back by libical against the data.

A role's feed must hold exactly the meetings of the bodies it is a member of, takes part in or
convenes (and the recurring meetings it is invited to), and the steps it is responsible for.
Which event is which is read from its UID and the data, never from the generator's own
bookkeeping. No event lasts more than seven days, and no year before the handbook year holds a
meeting without a date.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.model import Cooperation, Role
from generator.validate import read_handbook

from conftest import FIXTURE_DATA, SHIPPED_DATA, build_site
from helpers import libical

FORMER_SHAPE = Path(__file__).parent / "fixtures" / "kalender-manadsformat"
MAX_DAYS = 7


def read(feed: Path) -> list[dict[str, Any]]:
    (dump,) = libical([feed])
    return list(dump["events"])


def day(moment: str) -> datetime.date:
    return datetime.date.fromisoformat(moment[:10])


def expected_in_role_feed(c: Cooperation, role: Role, uid: str) -> bool:
    """From the UID ('sml.mote.styrgrupp-februari.2027@…', 'sml.steg.budgetbeslut.2027@…') and the data alone."""
    kind, item = uid.split("@")[0].split(".")[1:3]
    if kind == "steg":
        return any(step.id == item and step.responsible == role.id for _, step in c.all_steps())
    occasion = next((o for _, o in c.occasions() if o.id == item), None)
    if occasion is not None:
        body = c.occasion(item)[0]
        seats = [*body.members, *body.attendees, *occasion.attendees]
    else:
        (meeting,) = [m for s in c.schedules for m in s.meetings if m.id == item]
        body = c.meeting_body(meeting)
        seats = [*body.members, *body.attendees]
    convener = body.convener.role if body.convener else None
    return convener == role.id or any(seat.role == role.id for seat in seats)


@pytest.mark.parametrize("which", ["fixture_site", "planned_site"])
def test_every_role_feed_holds_exactly_its_meetings_and_steps(
    which: str, request: pytest.FixtureRequest, planned_data: Path
) -> None:
    site: Path = request.getfixturevalue(which)
    data = FIXTURE_DATA if which == "fixture_site" else planned_data
    checked = 0
    for c in read_handbook(data).cooperations:
        folder = site / c.id / "kalender"
        if not (folder / "alla.ics").exists():
            continue
        everything = {e["uid"]: e for e in read(folder / "alla.ics")}
        for role in c.roles:
            wanted = {uid for uid in everything if expected_in_role_feed(c, role, uid)}
            feed = folder / f"roll-{role.id}.ics"
            if not wanted:
                assert not feed.exists(), feed
                continue
            events = read(feed)
            assert {e["uid"] for e in events} == wanted, feed.name
            for event in events:  # one UID, one and the same event in every feed that carries it
                assert event == {**everything[event["uid"]], "uid": event["uid"]}, event["uid"]
            checked += 1
    assert checked >= 3


def test_the_finance_chief_and_the_councillor_each_get_their_own(planned_site: Path) -> None:
    folder = planned_site / "sml" / "kalender"
    finance = {e["uid"].split(".")[2] for e in read(folder / "roll-ekonomichef.ics")}
    councillor = {e["uid"].split(".")[2] for e in read(folder / "roll-kommunalrad.ics")}
    assert any(uid.startswith("ekonomisk-beredning") for uid in finance)
    assert not any(uid.startswith("ekonomisk-beredning") for uid in councillor)
    assert any(uid.startswith("rad-") for uid in councillor)
    assert not any(uid.startswith("styrgrupp") for uid in councillor)


@pytest.mark.parametrize("which", ["fixture_site", "planned_site", "shipped_site"])
def test_no_event_lasts_more_than_a_week(which: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(which)
    feeds = sorted(site.rglob("*.ics"))
    assert feeds
    for dump in libical(feeds):
        for event in dump["events"]:
            length = day(event["end"]) - day(event["start"])
            assert length <= datetime.timedelta(days=MAX_DAYS), (dump["file"], event["uid"], length)


@pytest.mark.parametrize("which", ["fixture_site", "planned_site", "shipped_site"])
def test_no_undated_meeting_before_the_handbook_year(
    which: str, request: pytest.FixtureRequest, planned_data: Path
) -> None:
    site: Path = request.getfixturevalue(which)
    data = {"fixture_site": FIXTURE_DATA, "planned_site": planned_data, "shipped_site": SHIPPED_DATA}[which]
    handbook_year = {c.id: c.info.year for c in read_handbook(data).cooperations}
    found = 0
    for dump in libical(sorted(site.rglob("alla.ics"))):
        year = handbook_year[Path(dump["file"]).parent.parent.name]
        for event in dump["events"]:
            if day(event["start"]).year < year:
                found += 1
                assert "datum ej fastställt" not in event["summary"], event["uid"]
                assert event["categories"] != ["Möte"] or "T" in event["start"], event["uid"]
    assert found  # the past year is there, with its deadlines


def test_change_of_shape_keeps_uids_and_moves_sequence_on(tmp_path: Path) -> None:
    """A history and a feed published before months lost their banners: the same UIDs come back,
    one day long, with a larger SEQUENCE, so subscribers' calendars update in place."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    shutil.copy(FORMER_SHAPE / "kalenderhistorik.json", data / "kalenderhistorik.json")
    before = {e["uid"]: e for e in read(FORMER_SHAPE / "alla.ics")}
    banners = {u for u, e in before.items() if day(e["end"]) - day(e["start"]) > datetime.timedelta(days=MAX_DAYS)}
    assert len(banners) >= 5
    site = build_site(data, tmp_path / "site")
    after = {e["uid"]: e for e in read(site / "exempel" / "kalender" / "alla.ics")}
    handbook_year = 2026
    kept = {u for u in before if u in after}
    # Only the past year's undated placeholders leave; every other event keeps its UID.
    gone = set(before) - kept
    assert all(before[u]["summary"].endswith("(datum ej fastställt)") for u in gone), gone
    assert all(day(before[u]["start"]).year < handbook_year for u in gone), gone
    for uid in banners & kept:
        assert day(after[uid]["end"]) - day(after[uid]["start"]) == datetime.timedelta(days=1), uid
        assert after[uid]["sequence"] > before[uid]["sequence"], uid
        assert after[uid]["last_modified"] > before[uid]["last_modified"], uid
    for uid in kept - banners:
        moved_on = after[uid]["summary"] != before[uid]["summary"]
        assert (after[uid]["sequence"] > before[uid]["sequence"]) == moved_on, uid


def test_calendar_and_roles_pages_offer_each_role_its_feed(fixture_site: Path) -> None:
    calendar = (fixture_site / "exempel" / "kalender" / "index.html").read_text(encoding="utf-8")
    roles = (fixture_site / "exempel" / "roller" / "index.html").read_text(encoding="utf-8")
    assert "En kalender räcker" in calendar and "Din roll" in calendar
    for role in ("kd", "ekonomichef", "verksamhetschef"):
        for page in (calendar, roles):
            assert f'href="webcal://example.org/samverkanshandbok/exempel/kalender/roll-{role}.ics"' in page
            assert f'href="https://example.org/samverkanshandbok/exempel/kalender/roll-{role}.ics"' in page
        assert f'id="roll-{role}"' in calendar
        assert f'href="../kalender/#roll-{role}"' in roles


def test_a_cooperation_without_feeds_says_how_to_get_them_and_gives_no_steps(planned_site: Path) -> None:
    folder = planned_site / "sydnarke" / "kalender"
    assert not list(folder.glob("*.ics"))
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "Inga kalendrar ännu" in page
    assert "grupper.yaml" in page and "motesplan-ÅÅÅÅ.yaml" in page
    for step in ("Så prenumererar du", "Prenumerera från webben", "Från webbadress", "Prenumerera (webcal)"):
        assert step not in page, step
    roles = (planned_site / "sydnarke" / "roller" / "index.html").read_text(encoding="utf-8")
    assert "Kalender för rollen" not in roles

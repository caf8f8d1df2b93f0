"""A year replayed: edits an editor makes, each followed by a build, with the feeds read back by libical.

After every build: every UID is unique across the feeds and means the same event in
each; an event whose date, time, place, status or title changed has a larger
SEQUENCE and LAST-MODIFIED, every other event keeps both; and no event of the
calendar window disappears, except a placeholder that a dated meeting fulfils.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.model.history import HistoryError, parse_history

from conftest import FIXTURE_DATA, run_generator
from helpers import libical

PLAN = "exempel/motesplan-2026.yaml"
ADOPTED_PLAN = """ar: 2026
uppdaterad: 2026-02-01
status: faststalld
beslut:
  organ: Styrgruppen
  datum: 2025-11-20
moten: []
"""
MEETING = """  - mote: styrgrupp-mars
    datum: 2026-03-12
    start: "09:00"
    slut: "12:00"
    plats: Stadshuset, Norrby
"""
MARCH = "exempel.mote.styrgrupp-mars.2026@samverkanshandbok"
SHOWN = ("summary", "start", "end", "status", "location", "transp")


@dataclass
class Year:
    """A data folder that the test edits and builds again and again, remembering the last feeds."""

    data: Path
    site: Path
    events: dict[str, dict[str, Any]]

    def edit(self, file: str, old: str, new: str) -> None:
        path = self.data / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {file}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def build(self) -> dict[str, dict[str, Any]]:
        """Build, read the feeds back and check the promises against the previous build."""
        result = run_generator("build", "--data", str(self.data), "--site", str(self.site))
        assert result.returncode == 0, result.stderr
        now = read_feeds(self.site)
        for uid, event in now.items():
            before = self.events.get(uid)
            if before is None:
                continue
            if any(event[k] != before[k] for k in SHOWN):
                assert event["sequence"] > before["sequence"], f"{uid}: ändrad men SEQUENCE växte inte"
                assert event["last_modified"] > before["last_modified"], f"{uid}: LAST-MODIFIED växte inte"
            else:
                assert event["sequence"] == before["sequence"], f"{uid}: oförändrad men SEQUENCE ändrades"
                assert event["last_modified"] == before["last_modified"], uid
        self.events, previous = now, self.events
        return previous


def read_feeds(site: Path) -> dict[str, dict[str, Any]]:
    """Every event of every feed by UID; one UID must mean one and the same event in every feed."""
    found: dict[str, dict[str, Any]] = {}
    for dump in libical(sorted((site / "exempel" / "kalender").glob("*.ics"))):
        uids = [e["uid"] for e in dump["events"]]
        assert len(uids) == len(set(uids)), f"{dump['file']}: samma UID två gånger"
        for event in dump["events"]:
            other = found.setdefault(event["uid"], event)
            assert {k: other[k] for k in (*SHOWN, "sequence")} == {k: event[k] for k in (*SHOWN, "sequence")}
    return found


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> Year:
    """The fixture data with an adopted, empty plan for 2026, built once; read only (see `year`)."""
    root = tmp_path_factory.mktemp("year")
    data = root / "data"
    shutil.copytree(FIXTURE_DATA, data)
    (data / PLAN).write_text(ADOPTED_PLAN, encoding="utf-8")
    cycle = Year(data, root / "site", {})
    cycle.build()
    return cycle


@pytest.fixture
def year(first_build: Year, tmp_path: Path) -> Year:
    """A copy of the first build (the data with its calendar history, and the site) to edit and build
    again: the same files a build of its own would give, since builds are byte-identical."""
    shutil.copytree(first_build.data, tmp_path / "data")
    shutil.copytree(first_build.site, tmp_path / "site")
    return Year(tmp_path / "data", tmp_path / "site", copy.deepcopy(first_build.events))


def test_a_year_of_edits_keeps_uids_and_grows_sequence(year: Year) -> None:
    placeholder = year.events[MARCH]
    # One day, the first working day of March (the 1st is a Sunday), not a month-long bar.
    shown = (placeholder["start"], placeholder["end"], placeholder["status"])
    assert shown == ("2026-03-02", "2026-03-03", "TENTATIVE")
    assert placeholder["sequence"] == 0

    steps: list[tuple[str, Callable[[], None], Callable[[dict[str, Any]], bool]]] = [
        ("datum", lambda: year.edit(PLAN, "moten: []\n", "moten:\n" + MEETING), _at("2026-03-12T09:00:00")),
        ("tid", lambda: year.edit(PLAN, 'start: "09:00"', 'start: "10:00"'), _at("2026-03-12T10:00:00")),
        (
            "flyttat",
            lambda: year.edit(
                PLAN,
                "    datum: 2026-03-12\n",
                "    datum: 2026-03-19\n    status: flyttat\n    flyttat_fran: 2026-03-12\n    anledning: Krock\n",
            ),
            _at("2026-03-19T10:00:00"),
        ),
        (
            "inställt",
            lambda: year.edit(PLAN, "status: flyttat\n    flyttat_fran: 2026-03-12\n", "status: installt\n"),
            _status("CANCELLED"),
        ),
        ("återinsatt", lambda: year.edit(PLAN, "    status: installt\n", ""), _status("CONFIRMED")),
        ("plats", lambda: year.edit(PLAN, "plats: Stadshuset, Norrby", "plats: Biblioteket"), _place("Biblioteket")),
    ]
    sequences = [0]
    for name, change, expect in steps:
        change()
        year.build()
        event = year.events[MARCH]
        assert expect(event), f"{name}: {event}"
        sequences.append(event["sequence"])
    assert sequences == sorted(set(sequences)), f"SEQUENCE ska växa vid varje ändring: {sequences}"

    before = dict(year.events)
    year.build()  # nothing changed: nothing moves
    assert {u: e["sequence"] for u, e in year.events.items()} == {u: e["sequence"] for u, e in before.items()}


def test_inserting_a_step_moves_no_other_event(year: Year) -> None:
    before = year.events
    year.edit(
        "exempel/processer.yaml",
        "    steg:\n",
        "    steg:\n      - id: nytt-forsta-steg\n        text: Ett nytt första steg\n        senast: 15 januari\n",
    )
    year.build()
    new = set(year.events) - set(before)
    assert new == {f"exempel.steg.nytt-forsta-steg.{y}@samverkanshandbok" for y in (2025, 2026, 2027)}
    for uid, event in before.items():
        assert {k: event[k] for k in (*SHOWN, "sequence")} == {k: year.events[uid][k] for k in (*SHOWN, "sequence")}


def test_a_step_over_two_separate_runs_gives_two_events(year: Year) -> None:
    year.edit("exempel/processer.yaml", "        manader: [februari]\n", "        manader: [juni, november]\n")
    year.build()
    june, november = (year.events[f"exempel.steg.ram.2026{run}@samverkanshandbok"] for run in ("", ".november"))
    # Each run is due on the last working day of its last month, one day long.
    assert (june["start"], june["end"]) == ("2026-06-30", "2026-07-01")
    assert (november["start"], november["end"]) == ("2026-11-30", "2026-12-01")
    assert june["summary"].endswith("(under juni)") and november["summary"].endswith("(under november)")


def test_meeting_in_separate_months_keeps_the_uid_of_its_run_when_dated(year: Year) -> None:
    year.edit("exempel/grupper.yaml", "        manader: [mars]\n", "        manader: [februari, oktober]\n")
    year.build()
    october = "exempel.mote.styrgrupp-mars.2026.oktober@samverkanshandbok"
    assert year.events[MARCH]["start"] == "2026-02-02" and year.events[october]["start"] == "2026-10-01"
    october_meeting = MEETING.replace("2026-03-12", "2026-10-15")
    year.edit(PLAN, "moten: []\n", "moten:\n" + october_meeting)
    year.build()
    assert year.events[october]["start"] == "2026-10-15T09:00:00 Europe/Stockholm"
    assert MARCH not in year.events, "februari-platshållaren är uppfylld av mötet i oktober"


def test_moving_the_handbook_year_on_keeps_this_years_events(year: Year) -> None:
    before = year.events
    year.edit("exempel/samverkan.yaml", "handboksar: 2026", "handboksar: 2027")
    year.build()
    # A past year holds what happened: its dated meetings and deadlines, not the placeholders
    # of meetings that never got a date.
    undated = {uid for uid, e in before.items() if ".2026" in uid and "datum ej fastställt" in e["summary"]}
    assert undated
    kept = {uid for uid in before if ".2026" in uid or ".2027" in uid} - undated
    assert kept <= set(year.events), sorted(kept - set(year.events))
    assert not undated & set(year.events), sorted(undated & set(year.events))
    assert any(".2028" in uid for uid in year.events), "nästa år kommer med"
    assert not any(".2025" in uid for uid in year.events), "fönstret är förra, detta och nästa år"


def test_a_plan_that_is_not_adopted_reaches_no_calendar_as_decided(year: Year) -> None:
    year.edit(PLAN, "moten: []\n", "moten:\n" + MEETING)
    year.build()
    assert year.events[MARCH]["status"] == "CONFIRMED" and year.events[MARCH]["transp"] == "OPAQUE"
    for status, label in (("forslag", "förslag"), ("exempel", "exempel")):
        text = (year.data / PLAN).read_text(encoding="utf-8")
        meetings = text.split("moten:\n")[1]
        (year.data / PLAN).write_text(f"ar: 2026\nuppdaterad: 2026-02-01\nstatus: {status}\nmoten:\n{meetings}")
        year.build()
        event = year.events[MARCH]
        assert event["summary"] == f"Styrgrupp: Bokslut och budgetstart ({label})"
        assert (event["status"], event["transp"]) == ("TENTATIVE", "TRANSPARENT")


def test_history_file_is_written_once_and_is_the_only_data_change(year: Year) -> None:
    history = year.data / "kalenderhistorik.json"
    first = history.read_bytes()
    others = {p: p.read_bytes() for p in year.data.rglob("*.yaml")}
    year.build()
    assert history.read_bytes() == first
    assert {p: p.read_bytes() for p in year.data.rglob("*.yaml")} == others
    history.write_text("{ trasig", encoding="utf-8")
    broken = run_generator("check", "--data", str(year.data))
    assert broken.returncode == 1
    assert f"{history}:1:3: kalenderhistoriken går inte att läsa: filen är inte giltig JSON" in broken.stderr


def _at(start: str) -> Callable[[dict[str, Any]], bool]:
    return lambda e: bool(e["start"] == f"{start} Europe/Stockholm")


def _status(status: str) -> Callable[[dict[str, Any]], bool]:
    return lambda e: bool(e["status"] == status)


def _place(place: str) -> Callable[[dict[str, Any]], bool]:
    return lambda e: bool(e["location"] == place)


@pytest.mark.parametrize(
    "record", ['{"sekvens": "1", "andrad": "2026-01-01T00:00:00Z", "innehall": "x"}', '{"sekvens": 1}', "[]"]
)
def test_a_damaged_history_record_is_an_error(record: str) -> None:
    text = f'{{"format": 1, "handelser": {{"u@x": {record}}}}}'
    with pytest.raises(HistoryError, match="händelsen 'u@x' är skadad"):
        parse_history(text)

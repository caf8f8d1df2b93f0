"""The year's schedule: host rotation, warnings, drafting next year, and the year pages."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import yaml

from generator.drafting import draft_schedule
from generator.model.dates import not_a_working_day
from generator.validate import read_handbook

from conftest import SHIPPED_DATA, Edit, build_site, run_generator


def hosts_of(data: Path, cooperation: str, body: str, year: int) -> list[str | None]:
    c = next(c for c in read_handbook(data).cooperations if c.id == cooperation)
    schedule = c.schedule(year)
    assert schedule is not None
    meetings = sorted((m for m in schedule.meetings if c.meeting_body(m).id == body), key=lambda m: m.date)
    return [h.name if (h := c.host(m)) else None for m in meetings]


def test_rotation_goes_round_in_member_order_skipping_exceptions() -> None:
    # SML 2027: starts with Lysekil; March names Sotenäs itself; June is cancelled.
    assert hosts_of(SHIPPED_DATA, "sml", "styrgrupp", 2027) == ["Lysekil", "Sotenäs", None, "Munkedal"]


def test_rotation_is_shown_on_pages_and_in_feeds(shipped_site: Path) -> None:
    year = (shipped_site / "sml" / "arshjul" / "2027" / "index.html").read_text(encoding="utf-8")
    assert "i ordningen Lysekil, Munkedal, Sotenäs" in year
    feed = (shipped_site / "sml" / "kalender" / "styrgrupp.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    (event,) = [e for e in feed.split("BEGIN:VEVENT") if "UID:sml-styrgrupp-september-oktober-2027@" in e]
    assert "Värdkommun: Munkedal" in event
    checklist = (shipped_site / "sml" / "checklistor" / "styrgrupp-budget-delarsbokslut" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "värdkommun Munkedal" in checklist


def draft_for(data: Path, cooperation: str, year: int) -> dict[str, object]:
    c = next(c for c in read_handbook(data).cooperations if c.id == cooperation)
    first = draft_schedule(c, year)
    assert draft_schedule(c, year) == first, "samma data och år ska ge samma utkast"
    return dict(yaml.safe_load(first))


def test_draft_proposes_working_days_inside_the_rule_months() -> None:
    draft = draft_for(SHIPPED_DATA, "sml", 2028)
    months = {"ekonomisk-beredning-februari": {2}, "styrgrupp-februari": {2}, "styrgrupp-mars": {3},
              "rad-mars": {3}, "styrgrupp-september-oktober": {9, 10}, "rad-oktober": {10}}  # fmt: skip
    meetings = {m["mote"]: m for m in draft["moten"]}  # type: ignore[attr-defined]
    assert set(meetings) == set(months)
    for occasion, allowed in months.items():
        day = meetings[occasion]["datum"]
        assert day.month in allowed and day.year == 2028
        assert not_a_working_day(day) is None, f"{occasion}: {day}"
    assert meetings["styrgrupp-mars"]["datum"] == meetings["rad-mars"]["datum"]  # held together (samverkansråd)
    assert meetings["styrgrupp-februari"]["start"] == "09:00"  # carried over from 2027


def test_draft_rotates_on_from_last_year() -> None:
    draft = draft_for(SHIPPED_DATA, "sml", 2028)
    # 2027's rotated meetings ended with Munkedal, so Sotenäs has the first turn.
    assert draft["turordning"] == [{"grupp": "styrgrupp", "borjar_med": "sotenas"}]


def test_draft_moves_past_a_public_holiday(data_copy: Path, edit: Edit) -> None:
    edit("grupper.yaml", "manader: [mars]", "manader: [maj]")
    (data_copy / "exempel" / "motesplan-2026.yaml").unlink()
    meetings = {m["mote"]: m for m in draft_for(data_copy, "exempel", 2026)["moten"]}  # type: ignore[attr-defined]
    # The second Thursday of May 2026 is Ascension Day (Kristi himmelsfärdsdag): the next day is proposed.
    assert not_a_working_day(datetime.date(2026, 5, 14)) == "Kristi himmelsfärdsdag"
    assert meetings["styrgrupp-mars"]["datum"] == datetime.date(2026, 5, 15)


def test_new_year_command_writes_a_draft_and_never_overwrites(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    first = run_generator("new-year", "2028", "--cooperation", "sml", "--data", str(data))
    assert first.returncode == 0, first.stderr
    written = data / "sml" / "motesplan-2028.yaml"
    text = written.read_text(encoding="utf-8")
    assert text.count("# FÖRSLAG:") == 6
    assert not (data / "sydnarke" / "motesplan-2028.yaml").exists()
    assert run_generator("check", "--data", str(data)).returncode == 0

    written.write_text(text + "# egen ändring\n", encoding="utf-8")
    again = run_generator("new-year", "2028", "--cooperation", "sml", "--data", str(data))
    assert again.returncode == 1
    assert "Finns redan" in again.stderr and "--force" in again.stderr
    assert written.read_text(encoding="utf-8").endswith("# egen ändring\n")
    forced = run_generator("new-year", "2028", "--cooperation", "sml", "--data", str(data), "--force")
    assert forced.returncode == 0
    assert written.read_text(encoding="utf-8") == text

    unknown = run_generator("new-year", "2028", "--cooperation", "okand", "--data", str(data))
    assert unknown.returncode == 1 and "Det finns ingen samverkan med id 'okand'" in unknown.stderr


def test_warnings_do_not_stop_the_build(data_copy: Path, edit: Edit) -> None:
    edit("motesplan-2026.yaml", "    datum: 2026-05-20\n", "    datum: 2026-04-03\n")
    edit("motesplan-2026.yaml", "    status: installt\n", "")
    edit("motesplan-2026.yaml", "    anledning: Frågan löstes i beredningen\n", "    anledning: Extra\n")
    result = run_generator("check", "--data", str(data_copy))
    assert result.returncode == 0, result.stderr
    warnings = [w for w in result.stderr.splitlines() if "varning:" in w]
    schedule = f"{data_copy}/exempel/motesplan-2026.yaml"
    text = Path(schedule).read_text(encoding="utf-8")
    line = text[: text.index("- id: extra-styrgrupp-maj")].count("\n") + 1
    assert f"{schedule}:{line}:5: varning: 2026-04-03 är Långfredagen, ingen arbetsdag" in warnings
    assert any(
        w.startswith(f"{schedule}:1:1: varning: Styrgrupp ska enligt reglerna mötas i september/oktober")
        for w in warnings
    )


def test_shared_members_meeting_the_same_day_is_a_warning(data_copy: Path, edit: Edit) -> None:
    edit(
        "grupper.yaml",
        "    ledamoter:\n      - roll: ekonomichef\n",
        "    ledamoter:\n      - roll: ekonomichef\n      - roll: kd\n",
    )
    schedule = data_copy / "exempel" / "motesplan-2026.yaml"
    schedule.write_text(
        schedule.read_text(encoding="utf-8")
        + "  - id: ekonomi-mars\n    grupp: ekonomiberedning\n    rubrik: Extra\n    datum: 2026-03-12\n",
        encoding="utf-8",
    )
    result = run_generator("check", "--data", str(data_copy))
    assert result.returncode == 0
    assert (
        "varning: Styrgrupp och Ekonomiberedning möts samma dag (2026-03-12) "
        "och har ledamöter gemensamt: Kommundirektör" in result.stderr
    )


def test_year_pages_mark_current_next_and_archive(data_copy: Path, edit: Edit, tmp_path: Path) -> None:
    edit("samverkan.yaml", "handboksar: 2026", "handboksar: 2027")
    site = build_site(data_copy, tmp_path / "site")
    wheel = (site / "exempel" / "arshjul" / "index.html").read_text(encoding="utf-8")
    assert "Mötesplan 2026</a>: arkiv" in wheel
    year = (site / "exempel" / "arshjul" / "2026" / "index.html").read_text(encoding="utf-8")
    assert "Arkiv" in year and "Extra möte om lokaler" in year
    assert (site / "exempel" / "arshjul" / "arshjul-2026.svg").is_file()

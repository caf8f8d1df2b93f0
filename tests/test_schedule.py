"""The year's schedule: host rotation, warnings, drafting next year, and the year pages."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from generator.drafting import draft_schedule
from generator.model.dates import meeting_day_concern, not_a_working_day, working_days_before
from generator.render.site import render_site
from generator.validate import read_handbook
from generator.validate.warnings import collect_warnings

from conftest import ROOT, Edit, build_site, run_generator, shipped_with_plans


def hosts_of(data: Path, cooperation: str, body: str, year: int) -> list[str | None]:
    c = next(c for c in read_handbook(data).cooperations if c.id == cooperation)
    schedule = c.schedule(year)
    assert schedule is not None
    meetings = sorted((m for m in schedule.meetings if c.meeting_body(m).id == body), key=lambda m: m.date)
    return [h.name if (h := c.host(m)) else None for m in meetings]


def test_rotation_goes_round_in_member_order_skipping_exceptions(planned_data: Path) -> None:
    # SML 2027: starts with Lysekil; March names Sotenäs itself; June is cancelled.
    assert hosts_of(planned_data, "sml", "styrgrupp", 2027) == ["Lysekil", "Sotenäs", None, "Munkedal"]


def test_rotation_is_shown_on_pages_and_in_feeds(planned_site: Path) -> None:
    year = (planned_site / "sml" / "arshjul" / "2027" / "index.html").read_text(encoding="utf-8")
    assert "i ordningen Lysekil, Munkedal, Sotenäs" in year
    feed = (planned_site / "sml" / "kalender" / "styrgrupp.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    (event,) = [e for e in feed.split("BEGIN:VEVENT") if "UID:sml.mote.styrgrupp-september-oktober.2027@" in e]
    assert "Värdkommun: Munkedal" in event
    checklist = (planned_site / "sml" / "checklistor" / "styrgrupp-budget-delarsbokslut" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "värdkommun Munkedal" in checklist


def draft_for(data: Path, cooperation: str, year: int) -> dict[str, object]:
    c = next(c for c in read_handbook(data).cooperations if c.id == cooperation)
    first = draft_schedule(c, year)
    assert draft_schedule(c, year) == first, "samma data och år ska ge samma utkast"
    return dict(yaml.safe_load(first))


def test_draft_proposes_working_days_inside_the_rule_months(planned_data: Path) -> None:
    draft = draft_for(planned_data, "sml", 2028)
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


def test_draft_rotates_on_from_last_year(planned_data: Path) -> None:
    draft = draft_for(planned_data, "sml", 2028)
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
    data = shipped_with_plans(tmp_path / "data")
    first = run_generator("new-year", "2028", "--cooperation", "sml", "--data", str(data))
    assert first.returncode == 0, first.stderr
    written = data / "sml" / "motesplan-2028.yaml"
    text = written.read_text(encoding="utf-8")
    assert text.count("  - mote: ") == 6 and "\nstatus: forslag\n" in text
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
    # Each command's verdict comes after the warnings and counts them: none is missed below it.
    site = data_copy.parent / "site"
    count = f"{len(warnings)} varningar (se ovan)"
    for command, verdict in (
        (["check"], f"Inga fel i {data_copy}, {count}. Kontrollerade 1 samverkan"),
        (["build", "--site", str(site)], f"Handboken är byggd i {site}/, {count}."),
    ):
        lines = subprocess.run(
            [sys.executable, "-m", "generator", *command, "--data", str(data_copy)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        ).stdout.splitlines()
        said = [i for i, line in enumerate(lines) if line.startswith(verdict)]
        assert said and said[0] > max(i for i, line in enumerate(lines) if "varning:" in line), lines
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
        + "  - id: ekonomi-mars\n    grupp: ekonomiberedning\n    rubrik: Extra\n    datum: 2026-03-12\n"
        + '    start: "13:00"\n',
        encoding="utf-8",
    )
    result = run_generator("check", "--data", str(data_copy))
    assert result.returncode == 0
    assert (
        "varning: Styrgrupp och Ekonomiberedning möts samma dag (2026-03-12) "
        "och har ledamöter gemensamt: Kommundirektör" in result.stderr
    )
    schedule.write_text(schedule.read_text(encoding="utf-8").replace('start: "13:00"', 'start: "11:30"'), "utf-8")
    result = run_generator("check", "--data", str(data_copy))
    assert (
        "varning: Styrgrupp (09:00–12:00) och Ekonomiberedning (11:30–12:30) överlappar 2026-03-12 "
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


def test_new_year_then_check_gives_a_clash_free_proposal(tmp_path: Path) -> None:
    """The draft that once put Styrgrupp and the council both at 09:00–12:00 on one day."""
    data = shipped_with_plans(tmp_path / "data")
    assert run_generator("new-year", "2028", "--cooperation", "sml", "--data", str(data)).returncode == 0
    checked = run_generator("check", "--data", str(data))
    assert checked.returncode == 0, checked.stderr
    draft = [w for w in checked.stderr.splitlines() if "motesplan-2028.yaml" in w]
    assert draft == [], draft  # no overlap, no shared day, no holiday, no missing month

    c = next(c for c in read_handbook(data).cooperations if c.id == "sml")
    plan = c.schedule(2028)
    assert plan is not None and plan.status.value == "forslag"
    meetings = {m.occasion: m for m in plan.meetings}
    for held, partner in (("styrgrupp-mars", "rad-mars"), ("styrgrupp-september-oktober", "rad-oktober")):
        first, second = meetings[held], meetings[partner]
        assert first.date == second.date and not first.overlaps(second), (first, second)
        assert c.host(first) == c.host(second) and first.place == second.place
    order = [(m.date, m.start) for m in plan.meetings]
    assert order == sorted(order), "meetings of a day are listed in time order"

    site = build_site(data, tmp_path / "site")
    feed = (site / "sml" / "kalender" / "alla.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    (event,) = [e for e in feed.split("BEGIN:VEVENT") if "UID:sml.mote.rad-oktober.2028@" in e]
    assert "SUMMARY:Råd för avtalssamverkan SML: Delårsbokslut/avstämning kommande år (förslag)" in event
    assert "STATUS:TENTATIVE" in event and "TRANSP:TRANSPARENT" in event
    page = (site / "sml" / "arshjul" / "2028" / "index.html").read_text(encoding="utf-8")
    assert "är ett förslag och inte beslutad" in page


def test_draft_never_puts_the_same_people_on_one_day(data_copy: Path, edit: Edit) -> None:
    # Ekonomiberedning and Styrgrupp share the municipal director and would both get 2026-03-12.
    edit("grupper.yaml", "    ledamoter:\n      - roll: ekonomichef\n", "    ledamoter:\n      - roll: kd\n")
    edit(
        "grupper.yaml",
        "    rapporterar_till: [styrgrupp]\n",
        "    rapporterar_till: [styrgrupp]\n    moten:\n      - id: ekonomiberedning-mars\n"
        "        manader: [mars]\n        amne: Ram\n",
    )
    (data_copy / "exempel" / "motesplan-2026.yaml").unlink()
    c = read_handbook(data_copy).cooperations[0]
    days = {m["mote"]: m["datum"] for m in draft_for(data_copy, "exempel", 2026)["moten"]}  # type: ignore[attr-defined]
    assert days["styrgrupp-mars"] != days["ekonomiberedning-mars"], days
    assert all(d.month == 3 for k, d in days.items() if k.endswith("-mars"))
    assert c.share_people(c.body("styrgrupp"), c.body("ekonomiberedning"))


PLAN_STATUS_ERRORS = [
    (
        "status: faststalld\nbeslut:\n  organ: Styrgruppen\n  datum: 2025-11-20\n  paragraf: § 12\n",
        "status: faststalld\n",
        "en fastställd mötesplan behöver 'beslut'",
    ),
    ("status: faststalld\n", "status: forslag\n", "'beslut' hör bara till en fastställd mötesplan"),
    ("    vard: norrby\n", "    vard: norrby\n    planstatus: faststalld\n", "mötet har samma planstatus som planen"),
    ("    vard: norrby\n", "    vard: norrby\n    planstatus: exempel\n", "'planstatus' går inte att använda i"),
    ("    vard: norrby\n", "    vard: norrby\n    beslut:\n      organ: X\n      datum: 2026-01-01\n", "hör ihop med"),
    ("status: faststalld\n", "status: utkast\n", "okänt värde 'utkast'; välj ett av: exempel, forslag, faststalld"),
]


def test_plan_status_mistakes_are_located_errors(data_copy: Path, edit: Edit) -> None:
    plan = data_copy / "exempel" / "motesplan-2026.yaml"
    original = plan.read_text(encoding="utf-8")
    for old, new, message in PLAN_STATUS_ERRORS:
        plan.write_text(original, encoding="utf-8")
        edit("motesplan-2026.yaml", old, new)
        result = run_generator("check", "--data", str(data_copy))
        assert result.returncode == 1, (new, result.stdout)
        (line,) = [x for x in result.stderr.splitlines() if "motesplan-2026.yaml:" in x]
        assert message in line, (new, line)
        assert re.search(r"motesplan-2026\.yaml:\d+:\d+: ", line), line


def test_a_proposal_whose_year_has_begun_is_a_warning(data_copy: Path, edit: Edit) -> None:
    edit("motesplan-2026.yaml", "status: faststalld\n", "status: forslag\n")
    edit("motesplan-2026.yaml", "beslut:\n  organ: Styrgruppen\n  datum: 2025-11-20\n  paragraf: § 12\n", "")
    handbook = read_handbook(data_copy)
    late = [
        str(w) for w in collect_warnings(handbook, datetime.date(2026, 1, 2)) if "fortfarande ett förslag" in str(w)
    ]
    early = [str(w) for w in collect_warnings(handbook, datetime.date(2025, 12, 31)) if "förslag" in str(w)]
    assert len(late) == 1 and late[0].startswith(f"{data_copy}/exempel/motesplan-2026.yaml:1:1: varning:")
    assert early == []


def test_meetings_on_eves_and_weekends_are_warnings() -> None:
    assert meeting_day_concern(datetime.date(2027, 12, 24)) == "Julafton, ingen arbetsdag"
    assert meeting_day_concern(datetime.date(2027, 4, 30)) == "Valborgsmässoafton, en halv arbetsdag"
    assert meeting_day_concern(datetime.date(2027, 6, 5)) == "en lördag, ingen arbetsdag"
    assert meeting_day_concern(datetime.date(2027, 6, 7)) is None
    assert working_days_before(datetime.date(2027, 4, 1), 3) == datetime.date(2027, 3, 25)  # past Easter


def test_year_page_key_names_the_markers_the_wheel_draws(planned_site: Path) -> None:
    """The example plan's meetings are drawn as examples: the key beside the wheel must say so."""
    page = (planned_site / "sml" / "arshjul" / "2027" / "index.html").read_text(encoding="utf-8")
    key = page.split("Märkets form visar mötets status:", 1)[1].split("</ul>", 1)[0]
    assert "exempel på möte" in key and "flyttat möte" in key and "inställt möte" in key
    assert "planerat möte" not in key


def test_a_day_with_a_timed_and_an_all_day_meeting_renders(data_copy: Path) -> None:
    """Meetings sort by day and start; one without a start sorts first (it once raised TypeError)."""
    plan = data_copy / "exempel" / "motesplan-2026.yaml"
    extra = "  - id: ekonomi-mars\n    grupp: ekonomiberedning\n    rubrik: Extra\n    datum: 2026-03-12\n"
    plan.write_text(plan.read_text(encoding="utf-8") + extra, encoding="utf-8")
    files = render_site(read_handbook(data_copy)).files
    assert "Extra" in str(files["exempel/arshjul/2026.md"])

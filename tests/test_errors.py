"""Every kind of data error gives file, line, column and a Swedish message; all at once; exit 1."""

from __future__ import annotations

from pathlib import Path

from conftest import Edit, run_generator


def check(data: Path) -> tuple[int, list[str]]:
    result = run_generator("check", "--data", str(data))
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(data))]
    return result.returncode, lines


def only_error(data: Path) -> str:
    code, errors = check(data)
    assert code == 1
    assert len(errors) == 1, errors
    return errors[0]


def test_clean_fixture_passes(data_copy: Path) -> None:
    result = run_generator("check", "--data", str(data_copy))
    assert result.returncode == 0, result.stderr
    assert "Inga fel" in result.stdout


def test_yaml_syntax_error(data_copy: Path, edit: Edit) -> None:
    line = edit("grupper.yaml", "    typ: beredning\n", "    typ: beredning: fel\n")
    error = only_error(data_copy)
    assert error.startswith(f"{data_copy}/exempel/grupper.yaml:{line}:")
    assert "kolon" in error


def test_tab_indentation(data_copy: Path, edit: Edit) -> None:
    line = edit("roller.yaml", "    namn: Ekonomichef\n", "\tnamn: Ekonomichef\n")
    error = only_error(data_copy)
    assert error.startswith(f"{data_copy}/exempel/roller.yaml:{line}:1: tabbtecken får inte användas")


def test_duplicate_key(data_copy: Path, edit: Edit) -> None:
    line = edit("roller.yaml", "    plural: ekonomicheferna\n", "    plural: ekonomicheferna\n    plural: igen\n")
    error = only_error(data_copy)
    assert error.startswith(f"{data_copy}/exempel/roller.yaml:{line + 1}:5: nyckeln 'plural' står två gånger")
    assert f"första gången på rad {line}" in error


def test_unknown_key_suggests_the_right_one(data_copy: Path, edit: Edit) -> None:
    line = edit("grupper.yaml", "        amne: Delår\n", "        amne: Delår\n        manad: [oktober]\n")
    error = only_error(data_copy)
    assert error.startswith(
        f"{data_copy}/exempel/grupper.yaml:{line + 1}:9: okänd nyckel 'manad'; menade du 'manader'?"
    )
    assert error.endswith("(i grupper[0].moten[1].manad)")


def test_missing_key(data_copy: Path, edit: Edit) -> None:
    line = edit("roller.yaml", "  - id: kd\n    namn: Kommundirektör\n", "  - id: kd\n")
    error = only_error(data_copy)
    assert error.startswith(f"{data_copy}/exempel/roller.yaml:{line}:5: nyckeln 'namn' saknas")


def test_wrong_type(data_copy: Path, edit: Edit) -> None:
    line = edit("grupper.yaml", "    minst_moten_per_ar: 2\n", "    minst_moten_per_ar: två\n")
    error = only_error(data_copy)
    assert error.startswith(f"{data_copy}/exempel/grupper.yaml:{line}:25: väntade ett heltal (t.ex. 3), fick 'två'")


def test_list_expected(data_copy: Path, edit: Edit) -> None:
    line = edit(
        "grupper.yaml",
        "        processer: [budget]\n        diskussionspunkter: var\n",
        "        processer: budget\n        diskussionspunkter: var\n",
    )
    error = only_error(data_copy)
    assert error.startswith(f"{data_copy}/exempel/grupper.yaml:{line}:20: väntade en lista")


def test_unknown_month(data_copy: Path, edit: Edit) -> None:
    line = edit("grupper.yaml", "        manader: [mars]\n", "        manader: [febuari]\n")
    error = only_error(data_copy)
    assert error.startswith(f"{data_copy}/exempel/grupper.yaml:{line}:19: okänd månad 'febuari'; menade du 'februari'?")


def test_impossible_date(data_copy: Path, edit: Edit) -> None:
    line = edit("samverkan.yaml", "datum: 2024-02-29", "datum: 2023-02-29")
    error = only_error(data_copy)
    assert error.startswith(
        f"{data_copy}/exempel/samverkan.yaml:{line}:14: datumet '2023-02-29' finns inte i kalendern"
    )


def test_impossible_deadline(data_copy: Path, edit: Edit) -> None:
    line = edit("processer.yaml", "senast: 30 april", "senast: 31 april")
    error = only_error(data_copy)
    assert error.startswith(f"{data_copy}/exempel/processer.yaml:{line}:17: '31 april' finns inte: april har 30 dagar")


def test_unknown_reference(data_copy: Path, edit: Edit) -> None:
    line = edit("processer.yaml", "        mote: styrgrupp-mars\n", "        mote: styrgrupp-maj\n")
    error = only_error(data_copy)
    assert error.startswith(f"{data_copy}/exempel/processer.yaml:{line}:15: okänt möte 'styrgrupp-maj'")
    assert "menade du 'styrgrupp-mars'?" in error


def test_duplicate_id(data_copy: Path, edit: Edit) -> None:
    line = edit("roller.yaml", "  - id: verksamhetschef\n", "  - id: ekonomichef\n")
    code, errors = check(data_copy)
    assert code == 1
    assert any(
        e.startswith(f"{data_copy}/exempel/roller.yaml:{line}:9: id 'ekonomichef' används redan") for e in errors
    ), errors


def test_invalid_id(data_copy: Path, edit: Edit) -> None:
    line = edit("roller.yaml", "  - id: kd\n", "  - id: Kommun Direktör\n")
    code, errors = check(data_copy)
    assert code == 1
    assert errors[0].startswith(f"{data_copy}/exempel/roller.yaml:{line}:9: ogiltigt id 'Kommun Direktör'")


def test_unsafe_tag_is_refused_and_never_run(data_copy: Path, edit: Edit, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    line = edit(
        "roller.yaml", "    namn: Kommundirektör\n", f"    namn: !!python/object/apply:os.system ['touch {marker}']\n"
    )
    error = only_error(data_copy)
    assert error.startswith(
        f"{data_copy}/exempel/roller.yaml:{line}:11: taggen '!!python/object/apply:os.system' är inte tillåten"
    )
    assert not marker.exists()


def test_alias_bomb_is_refused(data_copy: Path) -> None:
    bomb = (
        "a: &a [x, x, x, x, x, x, x, x, x]\n"
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    )
    (data_copy / "exempel" / "roller.yaml").write_text(bomb, encoding="utf-8")
    error = only_error(data_copy)
    assert error.startswith(f"{data_copy}/exempel/roller.yaml:2:8: alias")


def test_prose_link_with_script_scheme(data_copy: Path, edit: Edit) -> None:
    line = edit("samverkan.yaml", "bakgrund: Samverkan startade 2020.", "bakgrund: Se [här](javascript:alert(1)).")
    error = only_error(data_copy)
    assert error.startswith(f"{data_copy}/exempel/samverkan.yaml:{line}:11: länkar får bara gå till http:")


def test_rule_across_fields(data_copy: Path, edit: Edit) -> None:
    line = edit("grupper.yaml", "      kommun: norrby\n", "      kommun: norrby\n      var_sin_gang: true\n")
    error = only_error(data_copy)
    assert error.startswith(f"{data_copy}/exempel/grupper.yaml:{line - 1}:7: 'kommun' och 'var_sin_gang' går inte ihop")


def test_missing_file_and_unknown_file(data_copy: Path) -> None:
    (data_copy / "exempel" / "processer.yaml").rename(data_copy / "exempel" / "process.yaml")
    code, errors = check(data_copy)
    assert code == 1
    assert errors[0].startswith(f"{data_copy}/exempel/process.yaml: okänd fil; en samverkans mapp har samverkan.yaml")
    assert errors[1] == f"{data_copy}/exempel/processer.yaml: filen saknas"


def test_all_errors_are_reported_at_once(data_copy: Path, edit: Edit) -> None:
    edit("grupper.yaml", "        manader: [mars]\n", "        manader: [marz]\n")
    edit("roller.yaml", "    plural: kommundirektörerna\n", "    plural: kommundirektörerna\n    titel: KD\n")
    edit("samverkan.yaml", "datum: 2024-02-29", "datum: 2024-13-01")
    code, errors = check(data_copy)
    assert code == 1
    assert [e.split(":")[0].rsplit("/", 1)[1] for e in errors] == ["grupper.yaml", "roller.yaml", "samverkan.yaml"]
    result = run_generator("check", "--data", str(data_copy))
    assert result.stderr.rstrip().endswith("Kontrollen är klar: 3 fel i datafilerna.")
    assert "byggdes" not in result.stderr


def test_meeting_outside_its_rule_months(data_copy: Path, edit: Edit) -> None:
    line = edit(
        "motesplan-2026.yaml",
        "  - mote: styrgrupp-mars\n    datum: 2026-03-12\n",
        "  - mote: styrgrupp-mars\n    datum: 2026-04-12\n",
    )
    edit("motesplan-2026.yaml", "    anledning: Krock med budgetdagen\n", "")
    edit("motesplan-2026.yaml", "    status: flyttat\n    flyttat_fran: 2026-03-05\n", "")
    error = only_error(data_copy)
    assert error.startswith(
        f"{data_copy}/exempel/motesplan-2026.yaml:{line}:5: mötet ska enligt reglerna hållas i mars"
    )


def test_two_meetings_of_one_body_on_one_day(data_copy: Path, edit: Edit) -> None:
    edit("motesplan-2026.yaml", "    datum: 2026-05-20\n", "    datum: 2026-03-12\n")
    edit("motesplan-2026.yaml", "    status: installt\n", "")
    edit("motesplan-2026.yaml", "    anledning: Frågan löstes i beredningen\n", "    anledning: Extra\n")
    error = only_error(data_copy)
    assert error.endswith("Styrgrupp har redan ett möte 2026-03-12 (rad 9)")


def test_wrong_time_format(data_copy: Path, edit: Edit) -> None:
    line = edit("motesplan-2026.yaml", '    start: "09:00"\n', "    start: 9.00\n")
    error = only_error(data_copy)
    assert error.startswith(f"{data_copy}/exempel/motesplan-2026.yaml:{line}:12: väntade en tid som TT:MM")


def test_schedule_year_must_match_file_name(data_copy: Path, edit: Edit) -> None:
    edit("motesplan-2026.yaml", "ar: 2026\n", "ar: 2027\n")
    code, errors = check(data_copy)
    assert code == 1
    assert errors[0].startswith(
        f"{data_copy}/exempel/motesplan-2026.yaml:1:1: filen heter motesplan-2026.yaml men 'ar' är 2027"
    )

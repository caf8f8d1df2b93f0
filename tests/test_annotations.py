"""`check --format github`: every error and warning as a GitHub workflow command on its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.annotations import annotation
from generator.errors import DataError, Position, Severity

from conftest import Edit, run_generator


def test_three_mistakes_become_three_exact_annotations(data_copy: Path, edit: Edit) -> None:
    month = edit("grupper.yaml", "manader: [mars]", "manader: [febuari]")
    ref = edit("processer.yaml", "mote: styrgrupp-mars", "mote: styrgrupp-maj")
    status = edit("motesplan-2026.yaml", "status: installt", 'status: "100%\\r\\nklart"')
    # A comma and a colon in the folder name must be escaped in the file property.
    data = data_copy.rename(data_copy.parent / "utkast,v1:a")

    result = run_generator("check", "--format", "github", "--data", data.name, cwd=data.parent)

    file = "utkast%2Cv1%3Aa/exempel"
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error file={file}/grupper.yaml,line={month},col=19::okänd månad 'febuari'; menade du 'februari'?"
        " (i grupper[0].moten[0].manader[0])",
        # An error shows at most the first line of a value: the rest of it never reaches the annotation.
        f"::error file={file}/motesplan-2026.yaml,line={status},col=13::okänt värde '100%25…';"
        " välj ett av: planerat, flyttat, installt (i moten[1].status)",
        f"::error file={file}/processer.yaml,line={ref},col=15::okänt möte 'styrgrupp-maj': det finns inget möte"
        " (grupper.yaml, moten) med det id:t; menade du 'styrgrupp-mars'? (i processer[0].steg[1].mote)",
    ]
    assert result.stderr == "3 fel i datafilerna.\n"


def test_a_warning_is_a_warning_annotation_and_no_failure(data_copy: Path, edit: Edit) -> None:
    line = edit("motesplan-2026.yaml", "datum: 2026-03-12", "datum: 2026-05-14")  # Kristi himmelsfärds dag

    result = run_generator("check", "--format", "github", "--data", "data", cwd=data_copy.parent)

    assert result.returncode == 0, result.stderr
    expected = f"::warning file=data/exempel/motesplan-2026.yaml,line={line - 1},col=5::2026-05-14 är Kristi"
    assert [w for w in result.stdout.splitlines() if w.startswith(expected)], result.stdout


def test_shipped_data_passes(tmp_path: Path) -> None:
    result = run_generator("check", "--format", "github")
    assert result.returncode == 0 and "::error" not in result.stdout, result.stdout


def test_more_than_github_shows_gets_a_notice_and_all_are_in_the_step_summary(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GitHub shows 10 error annotations per step; the summary page must still list every error."""
    cooperation = data_copy / "exempel" / "samverkan.yaml"
    extra = "".join(f"nyckel_{i}: x\n" for i in range(10)) + '"*fet*_<b>": x\n'
    cooperation.write_text(cooperation.read_text(encoding="utf-8") + extra, encoding="utf-8")
    summary = data_copy.parent / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))

    result = run_generator("check", "--format", "github", "--data", "data", cwd=data_copy.parent)

    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert [line.split(" ", 1)[0] for line in lines] == ["::error"] * 11 + ["::notice::11"]
    assert lines[-1] == (
        "::notice::11 fel och 0 varningar i datafilerna. GitHub visar högst 10 av varje slag på raderna;"
        " alla står i körningens sammanfattning (Summary)."
    )
    items = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("- ")]
    assert len(items) == 11
    last_line = len(cooperation.read_text(encoding="utf-8").splitlines())
    assert items[-1] == (
        f"- **data/exempel/samverkan.yaml:{last_line}:1**: okänd nyckel '&#42;fet&#42;&#95;&#60;b&#62;';"
        " tillåtna nycklar här: namn, kortnamn, styrdokument, medlemmar, medlemmar&#95;anmarkning, bakgrund,"
        " syfte, forsaljning, styrning, arsprocesser, kommunikation, versionsdatum, handboksar, granskad,"
        " granskas&#95;av, versioner (i &#42;fet&#42;&#95;&#60;b&#62;)"
    )


def test_github_check_finds_what_only_a_build_used_to_find(data_copy: Path, edit: Edit) -> None:
    """Two outputs with one path fail the pull request's check, not only the build after the merge."""
    line = edit(
        "grupper.yaml",
        "      - id: styrgrupp-extra\n        amne: Extra möte vid behov\n",
        "      - id: styrgrupp-var\n        amne: Extra möte vid behov\n        processer: [budget]\n",
    )
    result = run_generator("check", "--format", "github", "--data", "data", cwd=data_copy.parent)
    assert result.returncode == 1
    assert any(
        x.startswith(f"::error file=data/exempel/grupper.yaml,line={line},col=9::blir samma fil som en annan sida")
        for x in result.stdout.splitlines()
    ), result.stdout


@pytest.mark.parametrize(("count", "limit"), [(4000, 1024 * 1024), (4000, 100_000), (3, 1024 * 1024), (50, 2_000)])
def test_the_step_summary_fits_its_limit_and_counts_what_is_left_out(count: int, limit: int) -> None:
    from generator.annotations import step_summary
    from generator.errors import DataError, Position

    found = [DataError(Position("data/exempel/grupper.yaml", n + 1, 1), f"fel {n} " + "å" * 300) for n in range(count)]
    summary = step_summary(found, limit)
    shown = summary.count("\n- **")
    assert len(summary.encode("utf-8")) <= limit
    if shown < count:
        assert summary.rstrip().endswith(
            f"… och {count - shown} till, som inte får plats: GitHub tar högst 1 MiB. Alla står i loggen."
        )
    else:
        assert "som inte får plats" not in summary
    assert shown > 0


@pytest.mark.parametrize(
    ("error", "printed", "command"),
    [
        (
            DataError(Position("a.yaml", 2, 5), "dagen är helgdag", severity=Severity.WARNING),
            "a.yaml:2:5: varning: dagen är helgdag",
            "::warning file=a.yaml,line=2,col=5::dagen är helgdag",
        ),
        (
            DataError(Position("a.yaml", 2, 5), "okänd månad"),
            "a.yaml:2:5: okänd månad",
            "::error file=a.yaml,line=2,col=5::okänd månad",
        ),
        # The level is the error's field, never read back out of its text.
        (
            DataError(Position("a.yaml", 1, 1), "varning: är ett fel här"),
            "a.yaml:1:1: varning: är ett fel här",
            "::error file=a.yaml,line=1,col=1::varning: är ett fel här",
        ),
    ],
)
def test_severity_is_a_field_and_prints_as_before(error: DataError, printed: str, command: str) -> None:
    assert str(error) == printed
    assert annotation(error) == command

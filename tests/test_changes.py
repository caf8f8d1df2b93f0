"""`python -m generator diff`: what changed between two versions, compared with a reviewed report."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, run_generator

PAIR = ROOT / "tests" / "fixtures" / "andringar"
GOLDEN = ROOT / "tests" / "golden" / "andringar.txt"


def test_diff_of_two_data_folders_matches_the_reviewed_report(update_golden: bool) -> None:
    result = run_generator("diff", str(PAIR / "fore"), str(PAIR / "efter"))
    assert result.returncode == 0, result.stderr
    if update_golden:
        GOLDEN.write_text(result.stdout, encoding="utf-8")
        pytest.skip("tests/golden/andringar.txt skrevs om; granska diffen")
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "expected",
    [
        "Ny medlemskommun: Mittby",
        "Ny grupp: Samordningsgrupp",
        "Styrgrupp: ny ledamot Ekonomichef.",
        "Styrgrupp: mandatet är nu: Fattar beslut om budget och investeringar.",
        "Styrgrupp, Bokslut och budgetstart: mars → april.",
        "Borttaget steg i Budget: Budgetdag",
        "Budget, steget 'beslut': tidsgräns senast 30 april → senast 15 maj.",
        "Vår och höst, Budget: borttagen punkt: Risker – ökade kostnader?",
        "Vår och höst, Budget: ny punkt: Investeringsbehov",
        "Nytt möte: Styrgrupp, Delår, torsdag 17 september 2026.",
        "torsdag 12 mars 2026, 09:00–12:00 → torsdag 9 april 2026, 09:00–12:00",
    ],
)
def test_each_kind_of_change_is_named(expected: str) -> None:
    result = run_generator("diff", str(PAIR / "fore"), str(PAIR / "efter"))
    assert expected in result.stdout


def test_the_reverse_comparison_names_the_opposites() -> None:
    result = run_generator("diff", str(PAIR / "efter"), str(PAIR / "fore"))
    assert "Mittby är inte längre medlem." in result.stdout
    assert "Borttagen grupp: Samordningsgrupp" in result.stdout
    assert "Nytt steg i Budget: Budgetdag" in result.stdout


def test_same_data_has_no_changes() -> None:
    result = run_generator("diff", str(PAIR / "fore"), str(PAIR / "fore"))
    assert result.returncode == 0
    assert "Inga ändringar." in result.stdout


def git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args]
    return subprocess.run(command, cwd=repo, check=True, capture_output=True, text=True).stdout


def test_diff_of_two_git_revisions_leaves_the_work_tree_alone(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(PAIR / "fore", repo / "data")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "före")
    shutil.rmtree(repo / "data")
    shutil.copytree(PAIR / "efter", repo / "data")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "efter")
    (repo / "data" / "exempel" / "samverkan.yaml").write_text("ej incheckad ändring\n", encoding="utf-8")

    result = run_generator("diff", "HEAD~1", "HEAD", cwd=repo)

    assert result.returncode == 0, result.stderr
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")
    assert git(repo, "status", "--porcelain") == " M data/exempel/samverkan.yaml\n"


@pytest.mark.parametrize("version", ["finns-inte", "--output=/tmp/x"])
def test_unknown_version_is_a_plain_error(tmp_path: Path, version: str) -> None:
    git(tmp_path, "init", "-q")
    result = run_generator("diff", "--", version, str(PAIR / "fore"), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{version}: ")
    assert "Traceback" not in result.stderr

"""`python -m generator diff`: what changed between two versions, compared with a reviewed report."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.render.print_edition import document as print_edition
from generator.render.site import render_site
from generator.validate import read_handbook

from conftest import FIXTURE_DATA, ROOT, Edit, run_generator

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


def test_a_recurring_meeting_added_or_removed_is_neuter(data_copy: Path, edit: Edit) -> None:
    edit("grupper.yaml", "      - id: styrgrupp-extra\n", "      - id: styrgrupp-extra-ny\n")
    result = run_generator("diff", str(FIXTURE_DATA), str(data_copy))
    assert "Nytt möte: Styrgrupp, Extra möte vid behov" in result.stdout
    assert "Borttaget möte: Styrgrupp, Extra möte vid behov" in result.stdout


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


def versioned_data(tmp_path: Path, keep: bool = True) -> Path:
    """The 'efter' data, published after version 2026-01-15 ('fore'), kept as the site expects."""
    data = tmp_path / "data"
    shutil.copytree(PAIR / "efter", data)
    info = data / "exempel" / "samverkan.yaml"
    versions = "versioner:\n  - datum: 2026-01-15\n    beslut:\n      organ: Styrgruppen\n      datum: 2026-01-20\n"
    info.write_text(info.read_text(encoding="utf-8") + versions, encoding="utf-8")
    if keep:
        shutil.copytree(PAIR / "fore" / "exempel", data / "exempel" / "versioner" / "2026-01-15")
    return data


def test_site_shows_what_changed_since_the_previous_version(tmp_path: Path) -> None:
    handbook = read_handbook(versioned_data(tmp_path))
    (c,) = handbook.cooperations
    files = render_site(handbook).files
    page = files["exempel/andringar.md"]
    assert isinstance(page, str)
    assert "sedan förra versionen, från\n2026-01-15 (antagen av Styrgruppen 2026-01-20)" in page
    assert "## Årsprocesser, steg och tidsgränser" in page
    assert "- Budget, steget 'beslut': tidsgräns senast 30 april → senast 15 maj." in page
    printed = print_edition.print_document(c, handbook.site)
    assert '<h2 id="andringar">Ändringar i den här versionen</h2>' in printed
    assert "Vår och höst, Budget: ny punkt: Investeringsbehov" in printed


def test_without_a_previous_version_the_page_says_so() -> None:
    handbook = read_handbook(PAIR / "efter")
    page = render_site(handbook).files["exempel/andringar.md"]
    assert isinstance(page, str)
    assert "Det finns ingen tidigare version sparad" in page
    assert 'id="andringar"' not in print_edition.print_document(handbook.cooperations[0], handbook.site)


def test_a_listed_version_without_its_data_is_a_located_error(tmp_path: Path) -> None:
    data = versioned_data(tmp_path, keep=False)
    result = run_generator("check", "--data", str(data))
    assert result.returncode == 1
    line = (data / "exempel" / "samverkan.yaml").read_text(encoding="utf-8").splitlines().index("  - datum: 2026-01-15")
    assert f"samverkan.yaml:{line + 1}:5: uppgifterna för versionen 2026-01-15 saknas" in result.stderr


def test_save_version_keeps_a_copy_that_the_next_version_compares_with(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(PAIR / "fore", data)
    result = run_generator("save-version", "--data", str(data))
    assert result.returncode == 0, result.stderr
    kept = data / "exempel" / "versioner" / "2026-01-15"
    assert sorted(p.name for p in kept.iterdir()) == sorted(p.name for p in (data / "exempel").glob("*.yaml"))
    again = run_generator("save-version", "--data", str(data))
    assert "redan sparad" in again.stdout


@pytest.mark.parametrize(
    ("address", "ok"),
    [
        ("https://git.example.org/kommun/handbok/-/edit/main/", True),
        ("javascript:alert(1)", False),
        ("https://example.org/a) [x](https://ond.example", False),
        ('https://example.org/"><script>', False),
    ],
)
def test_edit_address_is_a_plain_web_address(data_copy: Path, address: str, ok: bool) -> None:
    site = data_copy / "handbok.yaml"
    text = site.read_text(encoding="utf-8").replace(
        "andringsforslag: https://git.example.org/kommun/handbok/-/edit/main/", f"andringsforslag: '{address}'"
    )
    site.write_text(text, encoding="utf-8")
    result = run_generator("check", "--data", str(data_copy))
    assert (result.returncode == 0) is ok, result.stderr
    if not ok:
        assert "'andringsforslag' ska vara en adress som börjar med https://" in result.stderr


def test_every_page_of_a_cooperation_says_when_it_was_reviewed_and_where_to_propose_a_change() -> None:
    handbook = read_handbook(FIXTURE_DATA)
    pages = {p: t for p, t in render_site(handbook).files.items() if p.startswith("exempel/") and p.endswith(".md")}
    assert len(pages) > 20
    edit = "https://git.example.org/kommun/handbok/-/edit/main/data/exempel/"
    for path, text in pages.items():
        assert isinstance(text, str)
        if path == "exempel/utskrift.md":  # the print edition says it on its title page
            assert "Senast granskad 2026-01-10. Ansvarig för uppgifterna: Kommundirektör." in text
            continue
        assert "Senast granskad 2026-01-10. Ansvarig för uppgifterna: Kommundirektör." in text, path
        assert f"[Föreslå en ändring]({edit}" in text, path
    assert f"({edit}grupper.yaml)" in pages["exempel/organisation/styrgrupp.md"]
    assert f"({edit}processer.yaml)" in pages["exempel/processer/budget.md"]
    assert f"({edit}motesplan-2026.yaml)" in pages["exempel/arshjul/2026.md"]
    assert f"({edit}roller.yaml)" in pages["exempel/roller.md"]
    home = render_site(handbook).files["index.md"]
    assert isinstance(home, str) and "Senast granskad 2026-01-10. Ansvarig för uppgifterna: Kommundirektör." in home


def test_diff_of_two_folders_of_one_cooperation_such_as_a_kept_version() -> None:
    result = run_generator("diff", str(PAIR / "fore" / "exempel"), str(PAIR / "efter" / "exempel"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")


def test_print_edition_title_page_names_the_decision_that_adopted_this_version(tmp_path: Path) -> None:
    data = versioned_data(tmp_path)
    info = data / "exempel" / "samverkan.yaml"
    adopted = (
        "  - datum: 2026-06-01\n    beslut:\n      organ: Styrgruppen\n      datum: 2026-06-10\n      paragraf: § 3\n"
    )
    info.write_text(info.read_text(encoding="utf-8") + adopted, encoding="utf-8")
    handbook = read_handbook(data)
    printed = print_edition.print_document(handbook.cooperations[0], handbook.site)
    assert "<dd>2026-06-01, antagen av Styrgruppen 2026-06-10, § 3</dd>" in printed

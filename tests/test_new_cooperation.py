"""`make new-cooperation`: a complete, valid folder whose commented examples are valid too."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, build_site, run_generator

NAME = 'Västra "samverkan" <b>& co</b> # inte en kommentar'
# A commented example line: '# key: …' or '# - …', at any indent (prose comments are sentences).
COMMENTED_EXAMPLE = re.compile(r"^(\s*)# (\s*)(?=[a-z_]+:|- )", re.MULTILINE)


def make(*args: str) -> subprocess.CompletedProcess[str]:
    """The make target exactly as the guide shows it, on a copy of the data."""
    return subprocess.run(["make", "-s", "-C", str(ROOT), *args], capture_output=True, text=True, check=False)


@pytest.fixture
def new_folder(data_copy: Path) -> Path:
    result = make("new-cooperation", "ID=vastra", f"NAMN={NAME}", f"DATA={data_copy}")
    assert result.returncode == 0, result.stderr
    return data_copy / "vastra"


def test_the_new_folder_passes_check_and_the_strict_build_shows_it(new_folder: Path, tmp_path: Path) -> None:
    assert sorted(p.name for p in new_folder.iterdir()) == [
        "diskussionspunkter.yaml",
        "grupper.yaml",
        "processer.yaml",
        "roller.yaml",
        "samverkan.yaml",
    ]
    check = run_generator("check", "--data", str(new_folder.parent))
    assert check.returncode == 0 and "2 samverkan" in check.stdout, check.stderr
    site = build_site(new_folder.parent, tmp_path / "site")
    page = (site / "vastra" / "index.html").read_text(encoding="utf-8")
    assert "Västra &quot;samverkan&quot; &lt;b&gt;&amp; co&lt;/b&gt; # inte en kommentar" in page
    assert (site / "vastra" / "organisation" / "styrgrupp" / "index.html").exists()


def test_every_commented_example_is_valid_when_uncommented(new_folder: Path) -> None:
    uncommented = 0
    for path in new_folder.glob("*.yaml"):
        text, count = COMMENTED_EXAMPLE.subn(r"\1\2", path.read_text(encoding="utf-8"))
        path.write_text(text, encoding="utf-8")
        uncommented += count
    assert uncommented >= 30
    check = run_generator("check", "--data", str(new_folder.parent))
    assert check.returncode == 0, check.stderr


def test_an_existing_folder_is_refused_untouched(new_folder: Path) -> None:
    before = {p.name: p.read_bytes() for p in new_folder.iterdir()}
    again = make("new-cooperation", "ID=vastra", "NAMN=Annan", f"DATA={new_folder.parent}")
    assert again.returncode != 0
    assert "vastra finns redan; välj ett annat id (ingenting skrevs)" in again.stderr
    assert {p.name: p.read_bytes() for p in new_folder.iterdir()} == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Västra", "Västra samverkan"], "ogiltigt id 'Västra'"),
        (["vastra", "  "], "namnet är tomt"),
        (["vastra", "Två\nrader"], "namnet får bara vara en rad"),
    ],
)
def test_bad_id_or_name_writes_nothing(data_copy: Path, args: list[str], message: str) -> None:
    result = run_generator("new-cooperation", *args, "--data", str(data_copy))
    assert result.returncode == 1 and message in result.stderr
    assert sorted(p.name for p in data_copy.iterdir()) == ["exempel", "handbok.yaml"]


def test_make_says_what_to_write_when_a_value_is_missing() -> None:
    result = make("new-cooperation", "ID=vastra")
    assert result.returncode != 0 and 'make new-cooperation ID=vastra NAMN="Västra samverkan"' in result.stdout

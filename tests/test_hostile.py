"""Nothing a data file or a command line can do harms the checkout, the site or a reader.

One test per class of hostile input: destructive output flags, injections, ids
that collide with the site's own names, control characters, huge or deeply
nested files, odd files (FIFO, symlinks). Each runs the command line as an
editor would and checks what is (and is not) left on disk and in the output.
"""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest

from generator.write import MARKER

from conftest import FIXTURE_DATA, ROOT, run_generator


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A checkout of the project (data, docs, config, a .git folder) to point destructive flags at."""
    root = tmp_path / "project"
    for folder in ("docs", "overrides"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(FIXTURE_DATA, root / "data")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (root / "egen").mkdir()
    (root / "egen" / "viktigt.docx").write_bytes(b"en anvandares fil")
    return root


# Every command that replaces a folder, and the folders it must never replace.
DESTRUCTIVE = [
    ("build", "--site", "."),
    ("build", "--site", "data"),
    ("build", "--site", "docs"),
    ("build", "--site", "egen"),
    ("build", "--site", ".."),
    ("build", "--site", "data/exempel"),
    ("generate", "--out", "."),
    ("generate", "--out", "data"),
    ("generate", "--out", "egen"),
    ("generate", "--out", ".git"),
    ("schema", "--out", "."),
    ("schema", "--out", "data"),
    ("schema", "--out", "egen"),
]


@pytest.mark.parametrize("args", DESTRUCTIVE, ids=[" ".join(a) for a in DESTRUCTIVE])
def test_output_flags_never_replace_a_folder_the_generator_did_not_write(project: Path, args: tuple[str, ...]) -> None:
    before = digest(project.parent)
    result = run_generator(*args, cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{args[2]}: mappen "), first
    assert result.stderr.rstrip().endswith("Inget skrevs.")
    assert digest(project.parent) == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == [".git"], "staging left behind"


def test_a_folder_with_a_users_file_is_refused_with_a_clear_message(project: Path) -> None:
    result = run_generator("build", "--site", "egen", cwd=project)
    assert result.stderr.startswith(
        f"egen: mappen finns redan och är inte skriven av generatorn (filen {MARKER} saknas), så den ersätts inte."
    )
    assert (project / "egen" / "viktigt.docx").read_bytes() == b"en anvandares fil"


def test_output_folders_carry_the_marker_and_are_replaced_next_time(project: Path) -> None:
    for args in (("build", "--site", "site"), ("generate", "--out", "md"), ("schema", "--out", "schema")):
        for _ in range(2):  # the second run replaces what the first wrote
            result = run_generator(*args, cwd=project)
            assert result.returncode == 0, result.stderr
        assert (project / args[2] / MARKER).is_file()
    empty = project / "tom"
    empty.mkdir()
    assert run_generator("generate", "--out", "tom", cwd=project).returncode == 0  # empty folders are fine
    assert (empty / MARKER).is_file()


def test_a_marker_does_not_make_the_data_or_a_repository_replaceable(project: Path) -> None:
    (project / "data" / MARKER).write_text("", encoding="utf-8")
    (project / MARKER).write_text("", encoding="utf-8")
    before = digest(project)
    for args in (("generate", "--out", "data"), ("generate", "--out", ".")):
        result = run_generator(*args, cwd=project)
        assert result.returncode == 1, result.stderr
    git = project / "sub"
    (git / ".git").mkdir(parents=True)
    (git / MARKER).write_text("", encoding="utf-8")
    result = run_generator("generate", "--out", "sub", cwd=project)
    assert result.stderr.startswith("sub: mappen är ett git-repo")
    assert digest(project) == before | {f"sub/{MARKER}": hashlib.sha256(b"").hexdigest()}


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("fil/site", "fil/site: kan inte skapas, eftersom fil är en fil och ingen mapp"),
        ("fil", "fil: finns redan och är ingen mapp; välj en mapp för utdata"),
    ],
)
def test_an_impossible_target_is_a_clear_error(project: Path, target: str, message: str) -> None:
    (project / "fil").write_text("x", encoding="utf-8")
    result = run_generator("build", "--site", target, cwd=project)
    assert (result.returncode, result.stderr.splitlines()[0]) == (1, message)


def test_a_zip_that_cannot_be_written_leaves_the_site_as_it_was(project: Path) -> None:
    assert run_generator("build", "--site", "site", cwd=project).returncode == 0
    before = digest(project / "site")
    (project / "fil").write_text("x", encoding="utf-8")
    for target, message in [
        ("fil/h.zip", "fil/h.zip: kan inte skapas, eftersom fil är en fil och ingen mapp"),
        ("egen", "egen: är en mapp; ange ett filnamn för zip-filen"),
        ("site/h.zip", "site/h.zip: zip-filen kan inte ligga i mappen som den packar"),
    ]:
        (project / "data" / "handbok.yaml").write_text(
            (FIXTURE_DATA / "handbok.yaml").read_text(encoding="utf-8").replace("Handbok", "Ändrad handbok"), "utf-8"
        )
        result = run_generator("build", "--site", "site", "--zip", target, cwd=project)
        assert result.returncode == 1, result.stdout
        assert result.stderr.startswith(message), result.stderr
        assert digest(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == [".git"]


def test_the_zip_leaves_the_marker_out(project: Path) -> None:
    assert run_generator("build", "--site", "site", "--zip", "h.zip", cwd=project).returncode == 0
    with zipfile.ZipFile(project / "h.zip") as archive:
        names = archive.namelist()
    assert "site/index.html" in names and not any(MARKER in n for n in names)


def test_leftover_staging_folders_are_cleaned(project: Path) -> None:
    """A build killed halfway leaves its staging folder (with the marker); the next build removes it."""
    leftover = project / ".site-ny-abc123"
    leftover.mkdir()
    (leftover / MARKER).write_text("", encoding="utf-8")
    old = project / ".site-gammal-xyz"
    old.mkdir()
    (old / MARKER).write_text("", encoding="utf-8")
    foreign = project / ".site-ny-inte-var"  # no marker: not ours, left alone
    foreign.mkdir()
    (foreign / "egen.txt").write_text("x", encoding="utf-8")
    assert run_generator("build", "--site", "site", cwd=project).returncode == 0
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == [".git", ".site-ny-inte-var"]

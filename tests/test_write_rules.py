"""The writer's promises (write.py), each as a sequence of real writes: a failed build or a failed
swap leaves the old output whole, and only a folder with a real marker file is ever replaced."""

from __future__ import annotations

import datetime
import os
import zipfile
from pathlib import Path

import pytest

from generator.write import (
    MARKER,
    OutputRefused,
    append_file,
    remove_scratch,
    scratch_folder,
    staging,
    update_files,
    write_file,
    write_files,
    write_tree,
    zip_tree,
)


def build(target: Path, files: dict[str, str]) -> None:
    write_tree(files, target)


def contents(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_build_replaces_its_own_output_whole(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(site, {"index.html": "ett", "gammal.html": "borta sedan"})
    build(site, {"index.html": "två"})
    assert contents(site) == {MARKER: (site / MARKER).read_text(), "index.html": "två"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging folder left behind


def test_a_failed_build_leaves_the_old_output_as_it_was(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(site, {"index.html": "ett"})
    before = contents(site)
    with pytest.raises(RuntimeError), staging(site) as stage:
        (stage / "index.html").write_text("halv")
        raise RuntimeError("bygget misslyckades")
    assert contents(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_swap_that_fails_keeps_the_old_site_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk or a lost mount at the moment of the swap: the old site is back, whole."""
    site = tmp_path / "site"
    build(site, {"index.html": "ett"})
    before = contents(site)
    real_rename = os.rename
    calls: list[str] = []

    def fail_to_put_the_new_one_in_place(source: str | Path, destination: str | Path) -> None:
        calls.append(str(destination))
        if Path(destination) == site and ".site-ny-" in str(source):
            raise OSError(28, "No space left on device")  # injected disk fault, not the code under test
        real_rename(source, destination)

    monkeypatch.setattr(os, "rename", fail_to_put_the_new_one_in_place)
    with pytest.raises(OutputRefused, match="kunde inte skrivas"):
        build(site, {"index.html": "två"})
    monkeypatch.undo()
    assert calls, "the swap renames folders"
    assert contents(site) == before


@pytest.mark.parametrize("kind", ["symlink to a file", "folder", "missing"])
def test_only_a_real_marker_file_lets_a_folder_be_replaced(tmp_path: Path, kind: str) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "viktigt.txt").write_text("någon annans fil")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text("x")
    if kind == "symlink to a file":
        (site / MARKER).symlink_to(elsewhere)
    elif kind == "folder":
        (site / MARKER).mkdir()
    with pytest.raises(OutputRefused, match=MARKER):
        build(site, {"index.html": "ett"})
    assert (site / "viktigt.txt").read_text() == "någon annans fil"


@pytest.mark.parametrize("name", ["data", ".", "data/sml"])
def test_a_protected_folder_is_never_a_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data" / "sml").mkdir(parents=True)
    (tmp_path / "data" / "sml" / "samverkan.yaml").write_text("namn: x\n")
    with pytest.raises(OutputRefused):
        write_tree({"index.html": "ett"}, Path(name), protected=[Path("data")])
    assert (tmp_path / "data" / "sml" / "samverkan.yaml").read_text() == "namn: x\n"


def modes(folder: Path) -> set[tuple[str, int]]:
    return {(p.relative_to(folder).as_posix(), p.stat().st_mode & 0o777) for p in folder.rglob("*")}


# (umask, a folder's mode, a file's mode)
MODES = [(0o022, 0o755, 0o644), (0o027, 0o750, 0o640), (0o077, 0o700, 0o600)]


@pytest.mark.parametrize(("mask", "folder", "file"), MODES)
def test_what_is_written_follows_the_users_umask(tmp_path: Path, mask: int, folder: int, file: int) -> None:
    """A web server running as another user can read a site built under umask 022."""
    before = os.umask(mask)
    try:
        build(tmp_path / "site", {"index.html": "ett", "sml/index.html": "två"})
        write_file(tmp_path / "ensam.txt", "tre")
        zip_tree(tmp_path / "site", tmp_path / "site.zip", datetime.date(2027, 1, 1), "site")
    finally:
        os.umask(before)
    assert (tmp_path / "site").stat().st_mode & 0o777 == folder
    assert modes(tmp_path / "site") == {
        (MARKER, file),
        ("index.html", file),
        ("sml", folder),
        ("sml/index.html", file),
    }
    assert (tmp_path / "ensam.txt").stat().st_mode & 0o777 == file
    assert (tmp_path / "site.zip").stat().st_mode & 0o777 == file


def test_a_second_build_to_the_same_target_is_refused_while_the_first_writes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    with staging(site) as stage:
        (stage / "index.html").write_text("ett")
        with pytest.raises(OutputRefused, match="ett annat bygge skriver just nu"), staging(site):
            pass
    assert contents(site)["index.html"] == "ett"
    with staging(site) as stage:  # the lock is gone with the first build
        (stage / "index.html").write_text("två")
    assert contents(site)["index.html"] == "två"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_build_that_removes_its_marker_replaces_nothing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(site, {"index.html": "ett"})
    with pytest.raises(OutputRefused, match="markeringsfilen"), staging(site) as stage:
        (stage / MARKER).unlink()
    assert contents(site)["index.html"] == "ett"


def test_the_same_site_zips_to_the_same_bytes_without_its_marker(tmp_path: Path) -> None:
    build(tmp_path / "site", {"b.html": "två", "a/index.html": "ett"})
    day = datetime.date(2027, 3, 1)
    zip_tree(tmp_path / "site", tmp_path / "ett.zip", day, "handbok")
    first = (tmp_path / "ett.zip").read_bytes()
    zip_tree(tmp_path / "site", tmp_path / "ett.zip", day, "handbok")  # over its own zip
    assert (tmp_path / "ett.zip").read_bytes() == first
    with zipfile.ZipFile(tmp_path / "ett.zip") as archive:
        assert archive.namelist() == ["handbok/a/index.html", "handbok/b.html"]
        assert {info.date_time for info in archive.infolist()} == {(2027, 3, 1, 0, 0, 0)}
        assert archive.read("handbok/a/index.html") == b"ett"


def test_one_file_is_replaced_whole_and_never_over_a_folder(tmp_path: Path) -> None:
    write_file(tmp_path / "ny" / "historik.json", "ett")
    write_file(tmp_path / "ny" / "historik.json", b"tv\xc3\xa5")
    assert (tmp_path / "ny" / "historik.json").read_text() == "två"
    with pytest.raises(OutputRefused, match="är en mapp"):
        write_file(tmp_path / "ny", "x")
    assert sorted(p.name for p in (tmp_path / "ny").iterdir()) == ["historik.json"]  # no temporary file left


def test_a_summary_is_appended_never_through_a_link(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    append_file(summary, "ett\n")
    append_file(summary, "två\n")
    assert summary.read_text() == "ett\ntvå\n"
    elsewhere = tmp_path / "annan.txt"
    elsewhere.write_text("orörd")
    link = tmp_path / "länk.md"
    link.symlink_to(elsewhere)
    with pytest.raises(OutputRefused):
        append_file(link, "nej\n")
    assert elsewhere.read_text() == "orörd"


def test_only_changed_files_are_written_again(tmp_path: Path) -> None:
    """The preview's dirty build skips a page whose file kept its time."""
    files = {"a.md": "ett", "b.md": "två"}
    write_files(files, tmp_path)
    os.utime(tmp_path / "a.md", (1, 1))
    os.utime(tmp_path / "b.md", (1, 1))
    update_files({"a.md": "ett", "b.md": "tre", "c.md": "ny"}, files, tmp_path)
    assert (tmp_path / "a.md").stat().st_mtime == 1
    assert (tmp_path / "b.md").read_text() == "tre" and (tmp_path / "b.md").stat().st_mtime != 1
    assert (tmp_path / "c.md").read_text() == "ny"


def test_a_scratch_folder_is_removed_only_while_it_is_ours(tmp_path: Path) -> None:
    scratch = scratch_folder("handbok-test-")
    (scratch / "sida.md").write_text("x")
    remove_scratch(scratch)
    assert not scratch.exists()
    foreign = tmp_path / "främmande"
    foreign.mkdir()
    (foreign / "viktigt.txt").write_text("x")
    remove_scratch(foreign)
    assert (foreign / "viktigt.txt").exists()


# (a path a file is written to inside a folder, whether the writer takes it)
PLACES = [
    ("sml/index.md", True),
    ("a/b/c.pdf", True),
    ("/etc/utanfor.txt", False),
    ("../utanfor.txt", False),
    ("sml/../../utanfor.txt", False),
    ("sml/a\0b.md", False),
    ("", False),
]


@pytest.mark.parametrize(("relative", "taken"), PLACES)
def test_a_generated_file_stays_inside_its_folder(tmp_path: Path, relative: str, taken: bool) -> None:
    folder = tmp_path / "stage"
    folder.mkdir()
    if taken:
        write_files({relative: "x"}, folder)
        assert (folder / relative).read_text(encoding="utf-8") == "x"
    else:
        with pytest.raises(OutputRefused, match="inne i mappen"):
            write_files({relative: "x"}, folder)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stage"]

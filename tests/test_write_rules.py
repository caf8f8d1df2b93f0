"""The writer's promises (write.py), each as a sequence of real writes: a failed build or a failed
swap leaves the old output whole, and only a folder with a real marker file is ever replaced."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.write import MARKER, OutputRefused, staging, write_tree


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

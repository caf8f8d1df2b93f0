"""The cache of PDF and PNG files: the same site with it as without it, only faster.

Replay: build without the cache, build twice with it, change the data, build again; after each
step the site is compared byte for byte with a build that made everything anew.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from generator.engines.binaries import with_binaries
from generator.engines.cache import ENTRY, SPARE, Cache
from generator.render import paths
from generator.render.site import render_site
from generator.validate import read_handbook
from generator.write import MARKER

from conftest import FIXTURE_DATA, ROOT, run_generator


def build(data: Path, site: Path, *cache: str) -> None:
    result = run_generator("build", "--data", str(data), "--site", str(site), *cache)
    assert result.returncode == 0, result.stderr


def files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def entries(cache: Path) -> dict[str, float]:
    return {p.name: p.stat().st_mtime for p in cache.iterdir() if ENTRY.fullmatch(p.name)}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    return tmp_path / "data"


def test_a_site_built_from_the_cache_is_the_site_built_anew(data: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(data, tmp_path / "anew", "--utan-cache")
    assert not cache.exists()
    build(data, tmp_path / "first", "--cache", str(cache))
    made = entries(cache)
    assert {Path(name).suffix for name in made} == {".pdf", ".png", ".docx", ".jinja", ".pages"}
    assert (cache / MARKER).is_file()
    build(data, tmp_path / "second", "--cache", str(cache))
    assert sorted(entries(cache)) == sorted(made)  # nothing made again
    anew = files(tmp_path / "anew")
    assert files(tmp_path / "first") == anew
    assert files(tmp_path / "second") == anew


def test_a_change_in_the_data_makes_the_pdf_anew(data: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(data, tmp_path / "before", "--cache", str(cache))
    info = data / "exempel" / "samverkan.yaml"
    text = info.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("namn: "))
    info.write_text(text.replace(name, name + " (ändrad)", 1), encoding="utf-8")
    build(data, tmp_path / "cached", "--cache", str(cache))
    build(data, tmp_path / "anew", "--utan-cache")
    pdf = "exempel/utskrift/handbok-exempel.pdf"
    assert files(tmp_path / "cached")[pdf] == files(tmp_path / "anew")[pdf] != files(tmp_path / "before")[pdf]


def test_only_the_caches_own_old_entries_are_removed(data: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(data, tmp_path / "site", "--cache", str(cache))
    build(data, tmp_path / "site", "--cache", str(cache))  # after the calendar history the first wrote
    used = entries(cache)
    (cache / "anteckning.txt").write_text("min egen fil", encoding="utf-8")
    for number in range(SPARE + 10):
        old = cache / f"{number:064x}.pdf"
        old.write_bytes(b"old")
        os.utime(old, (number, number))  # the higher the number, the more recently used
    started = time.time()
    build(data, tmp_path / "site", "--cache", str(cache))
    left = entries(cache)
    assert set(used) <= set(left)  # the generator's own recent entries are kept
    used_now = [name for name, when in left.items() if when >= started]  # read (touched) or made by this build
    assert len(left) == len(used_now) + SPARE
    assert f"{0:064x}.pdf" not in left and f"{SPARE + 9:064x}.pdf" in left  # oldest first
    assert (cache / "anteckning.txt").read_text(encoding="utf-8") == "min egen fil"


@pytest.mark.parametrize("folder", ["foreign", "data", ".", "data/cache", "docs/cache"])
def test_a_cache_folder_the_generator_did_not_write_is_refused(data: Path, tmp_path: Path, folder: str) -> None:
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "viktigt.txt").write_text("behåll", encoding="utf-8")
    target = {"foreign": foreign, "data": data, ".": Path(), "data/cache": data / "cache"}.get(folder, Path(folder))
    before = files(data)
    result = run_generator("build", "--data", str(data), "--site", str(tmp_path / "site"), "--cache", str(target))
    assert result.returncode == 1, result.stderr
    assert "Inget skrevs." in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
    assert (foreign / "viktigt.txt").read_text(encoding="utf-8") == "behåll"
    assert not (foreign / MARKER).exists() and files(data) == before
    assert not (ROOT / "docs" / "cache").exists()


def test_the_preview_takes_only_the_pdfs_the_cache_has(tmp_path: Path) -> None:
    handbook = read_handbook(FIXTURE_DATA)
    site, cache = render_site(handbook), Cache(tmp_path / "cache")
    pdf = paths.pdf_file(handbook.cooperations[0])
    preview = with_binaries(site, handbook, cache, new_pdfs=False).files
    assert pdf not in preview and "exempel/arshjul/arshjul.png" in preview
    built = with_binaries(site, handbook, cache).files
    cache.save()
    assert with_binaries(site, handbook, cache, new_pdfs=False).files[pdf] == built[pdf]

"""What makes a build fast, asserted without a clock (the times are in benchmarks/): a warm
build loads no drawing engine, `check` loads nothing it does not use, and the content cache
keeps the pages, Word papers and compiled templates so that nothing whose inputs did not change
is made again (tests/test_kept_pages.py replays edits)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from generator.adapters import watching
from generator.engines.binaries import built_site
from generator.engines.cache import Cache
from generator.render.site import Earlier
from generator.validate import read_handbook

from conftest import FIXTURE_DATA, ROOT, run_generator

# Runs the command line in-process, then reports which of the heavy packages it imported.
PROBE = """
import json, sys
from generator.cli import main
code = main(sys.argv[2:])
print(json.dumps({"code": code, "modules": sorted(m for m in sys.modules if "." not in m)}), file=sys.stderr)
"""


def imported(*args: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "-", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["code"] == 0, result.stderr
    return set(report["modules"])


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    return tmp_path / "data"


def build(data: Path, site: Path, cache: Path) -> None:
    result = run_generator("build", "--data", str(data), "--site", str(site), "--cache", str(cache))
    assert result.returncode == 0, result.stderr


def entries(cache: Path, suffix: str) -> set[str]:
    return {p.name for p in cache.iterdir() if p.suffix == suffix}


def test_a_warm_build_draws_nothing_and_loads_no_engine(data: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(data, tmp_path / "cold", cache)
    build(data, tmp_path / "second", cache)  # reads the calendar history the first wrote: a key of the pages
    args = ("build", "--data", str(data), "--site", str(tmp_path / "warm"), "--cache", str(cache))
    loaded = imported(*args)
    # Nor python-docx, icalendar or holidays: the pages, feeds and papers come from the cache,
    # and the holidays from the table (model/holidays_se.json).
    assert not {"weasyprint", "cairosvg", "cairocffi", "docx", "icalendar", "holidays"} & loaded
    assert "mkdocs" in loaded  # the probe saw a real build
    cold = {p.relative_to(tmp_path / "cold"): p.read_bytes() for p in (tmp_path / "cold").rglob("*") if p.is_file()}
    warm = {p.relative_to(tmp_path / "warm"): p.read_bytes() for p in (tmp_path / "warm").rglob("*") if p.is_file()}
    assert warm == cold


def test_check_loads_neither_engine_nor_mkdocs_nor_word(data: Path) -> None:
    loaded = imported("check", "--data", str(data))
    assert not {"weasyprint", "cairosvg", "cairocffi", "docx", "mkdocs", "jinja2", "icalendar", "holidays"} & loaded
    assert "yaml" in loaded  # the probe saw a real check, which read the data


def test_a_paper_whose_data_did_not_change_is_not_made_again(data: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(data, tmp_path / "site", cache)
    papers, templates = entries(cache, ".docx"), entries(cache, ".jinja")
    assert papers and templates
    build(data, tmp_path / "site", cache)
    assert entries(cache, ".docx") == papers and entries(cache, ".jinja") == templates  # nothing made again
    plan = data / "exempel" / "motesplan-2026.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('sal "Ek"', 'sal "Björk"'), encoding="utf-8")
    build(data, tmp_path / "site", cache)
    new = entries(cache, ".docx") - papers
    assert 0 < len(new) < len(papers) / 2  # the moved meeting's papers, not every paper
    assert entries(cache, ".jinja") == templates


def test_the_preview_does_not_redraw_a_changed_wheel(data: Path, tmp_path: Path) -> None:
    """The preview keeps the PNG it showed (a download; the page shows the SVG): CairoSVG takes
    most of a second per wheel. `make site` draws it."""
    cache = Cache(tmp_path / "cache")
    before = read_handbook(data)
    shown = built_site(before, cache, new_pdfs=False)
    plan = data / "exempel" / "motesplan-2026.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("datum: 2026-03-12", "datum: 2026-03-19"), "utf-8")
    drawn = set(cache.new)
    after = built_site(read_handbook(data), cache, earlier=Earlier(before, shown, True), new_pdfs=False)
    wheel = "exempel/arshjul/arshjul-2026"
    assert after.files[f"{wheel}.svg"] != shown.files[f"{wheel}.svg"]
    assert after.files[f"{wheel}.png"] == shown.files[f"{wheel}.png"]
    assert not [name for name in set(cache.new) - drawn if name.endswith(".png")]


def test_the_preview_is_told_of_a_saved_file_by_file_events(tmp_path: Path) -> None:
    """Not polling twice a second: a written file is an event; a file only read is none (every
    build reads the data, which would otherwise start the next build)."""
    (tmp_path / "data").mkdir()
    saved = tmp_path / "data" / "samverkan.yaml"
    saved.write_text("namn: A\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path / "data"))
    watching.watch_with_events(server, [str(tmp_path / "data")])
    assert not isinstance(server.observer, PollingObserver)
    seen: list[FileSystemEvent] = []
    handler = FileSystemEventHandler()
    handler.on_any_event = seen.append
    server.observer.schedule(handler, str(tmp_path / "data"), recursive=True)
    server.observer.start()
    try:
        saved.read_text(encoding="utf-8")
        time.sleep(0.5)
        assert seen == []
        saved.write_text("namn: B\n", encoding="utf-8")
        deadline = time.monotonic() + 10
        while not seen and time.monotonic() < deadline:
            time.sleep(0.05)
        assert seen and all(event.src_path == str(saved) for event in seen)
    finally:
        server.observer.stop()
        server.observer.join()


def test_the_preview_keeps_an_edited_cooperations_pictures_when_its_pdf_was_shown(data: Path, tmp_path: Path) -> None:
    """With the PDF in the cache the preview showed every file of the cooperation; after an edit
    its wheels keep the PNGs shown before (the PDF waits for `make site`), none is lost."""
    cache = Cache(tmp_path / "cache")
    before = read_handbook(data)
    built_site(before, cache)  # what `make site` made: the PDF and the PNGs in the cache
    shown = built_site(before, cache, new_pdfs=False)
    assert "exempel/utskrift/handbok-exempel.pdf" in shown.files
    plan = data / "exempel" / "motesplan-2026.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("datum: 2026-03-12", "datum: 2026-03-19"), "utf-8")
    after = built_site(read_handbook(data), cache, earlier=Earlier(before, shown, True), new_pdfs=False)
    pictures = [path for path in shown.files if path.endswith(".png")]
    assert pictures and all(after.files.get(path) == shown.files[path] for path in pictures)

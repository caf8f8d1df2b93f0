"""The drawings of a build made side by side (engines/parallel.py): in other processes when that
is safe, with the same bytes as made one after another, and an engine's Swedish refusal
reaching the build as itself."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from pathlib import Path

import pytest

from generator.cli import main
from generator.engines import parallel, pdf, raster
from generator.engines.binaries import _pdf_job
from generator.engines.unavailable import PdfUnavailable
from generator.render.site import render_site
from generator.validate import read_handbook

from conftest import FIXTURE_DATA

pytestmark = pytest.mark.skipif(parallel._cores() < 2, reason="the machine has one core")


def _pid(name: str) -> bytes:
    return f"{name} {os.getpid()}".encode()


def _refuse() -> bytes:
    raise PdfUnavailable("PDF-versionen kunde inte göras: provet vägrar.")


def test_drawings_are_made_in_other_processes() -> None:
    assert threading.active_count() == 1  # else the test would not see the pool
    made = parallel.drawn({name: functools.partial(_pid, name) for name in ("a", "b", "c")})
    assert set(made) == {"a", "b", "c"}
    pids = {int(content.split()[1]) for content in made.values()}
    assert os.getpid() not in pids and made["a"].startswith(b"a ")


def test_with_another_thread_running_they_are_made_here() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        made = parallel.drawn({name: functools.partial(_pid, name) for name in ("a", "b")})
    finally:
        stop.set()
        other.join()
    assert {int(content.split()[1]) for content in made.values()} == {os.getpid()}


@pytest.mark.slow
def test_the_bytes_are_those_made_one_after_another() -> None:
    handbook = read_handbook(FIXTURE_DATA)
    (cooperation,) = handbook.cooperations
    svg = render_site(handbook).files["exempel/arshjul/arshjul.svg"]
    assert isinstance(svg, str)
    drawings: dict[str, parallel.Drawing] = {
        "pdf": _pdf_job(cooperation, handbook)[1],
        "png": functools.partial(raster.png_from_svg, svg),
    }
    assert parallel.drawn(drawings) == {name: draw() for name, draw in drawings.items()}


def _die() -> bytes:
    os._exit(3)  # as a worker the kernel ends for want of memory


def test_a_worker_that_dies_is_a_swedish_message() -> None:
    with pytest.raises(PdfUnavailable, match="avslutades oväntat"):
        parallel.drawn({"a": functools.partial(_pid, "a"), "b": _die})


def test_a_refusal_in_a_worker_reaches_the_build_as_itself() -> None:
    with pytest.raises(PdfUnavailable, match="provet vägrar"):
        parallel.drawn({"a": functools.partial(_pid, "a"), "b": _refuse})


def _refusing_pdf(html: str, base_url: str) -> bytes:
    raise PdfUnavailable("PDF-versionen kunde inte göras: provet vägrar.")


def test_a_drawing_that_fails_while_mkdocs_builds_stops_the_build_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The PDFs are drawn while MkDocs lays out the pages (adapters/mkdocs_build.py): a refusal
    then still ends the build in Swedish, and the site is not written."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    monkeypatch.setattr(pdf, "html_to_pdf", _refusing_pdf)  # the forked workers inherit it
    site = tmp_path / "site"
    code = main(["build", "--data", str(data), "--site", str(site), "--utan-cache"])
    error = capsys.readouterr().err
    assert code == 1
    assert "provet vägrar" in error and "Handboken byggdes inte" in error and "Traceback" not in error
    assert not site.exists()

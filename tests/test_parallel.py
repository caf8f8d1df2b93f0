"""The drawings of a build made side by side (engines/parallel.py): in other processes when that
is safe, with the same bytes as made one after another, and an engine's Swedish refusal
reaching the build as itself."""

from __future__ import annotations

import functools
import os
import threading

import pytest

from generator.engines import parallel, raster
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


def test_a_refusal_in_a_worker_reaches_the_build_as_itself() -> None:
    with pytest.raises(PdfUnavailable, match="provet vägrar"):
        parallel.drawn({"a": functools.partial(_pid, "a"), "b": _refuse})

"""The drawings of a build made side by side (engines/parallel.py): in other processes when that
is safe, with the same bytes as made one after another, and an engine's Swedish refusal
reaching the build as itself."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.engines import parallel, pdf
from generator.engines.unavailable import PdfUnavailable

from conftest import FIXTURE_DATA, ROOT

pytestmark = pytest.mark.skipif(parallel._cores() < 2, reason="the machine has one core")


def _pid(name: str) -> bytes:
    return f"{name} {os.getpid()}".encode()


def _refuse() -> bytes:
    raise PdfUnavailable("PDF-versionen kunde inte göras: provet vägrar.")


def in_a_fresh_process(program: str) -> dict[str, Any]:
    """Run `program` in a new interpreter, where no other test's thread keeps the pool away (and a
    worker's death cannot end pytest); it prints its findings as JSON on its last line."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(program)], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


def test_drawings_are_made_in_other_processes() -> None:
    found = in_a_fresh_process(
        """
        import functools, json, os
        from generator.engines import parallel

        def pid(name):
            return f"{name} {os.getpid()}".encode()

        made = parallel.drawn({name: functools.partial(pid, name) for name in ("a", "b", "c")})
        print(json.dumps({"me": os.getpid(), "made": {k: v.decode() for k, v in made.items()}}))
        """
    )
    assert sorted(found["made"]) == ["a", "b", "c"]
    assert all(text.startswith(name + " ") for name, text in found["made"].items())
    assert found["me"] not in {int(text.split()[1]) for text in found["made"].values()}


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
    found = in_a_fresh_process(
        """
        import functools, json, pathlib
        from generator.engines import parallel, raster
        from generator.engines.binaries import _pdf_job
        from generator.render.site import render_site
        from generator.validate import read_handbook

        handbook = read_handbook(pathlib.Path("tests/fixtures/data"))
        (cooperation,) = handbook.cooperations
        svg = render_site(handbook).files["exempel/arshjul/arshjul.svg"]
        drawings = {"pdf": _pdf_job(cooperation, handbook)[1], "png": functools.partial(raster.png_from_svg, svg)}
        pending = parallel.Pending(drawings)
        in_pool = bool(pending._futures)
        print(json.dumps({"pool": in_pool, "same": pending.finish() == {k: d() for k, d in drawings.items()}}))
        """
    )
    assert found == {"pool": True, "same": True}


def test_a_worker_that_dies_is_a_swedish_message() -> None:
    found = in_a_fresh_process(
        """
        import json, os
        from generator.engines import parallel
        from generator.engines.unavailable import PdfUnavailable

        def die():
            os._exit(3)  # as a worker the kernel ends for want of memory

        def fine():
            return b"ok"

        try:
            parallel.drawn({"a": fine, "b": die})
        except PdfUnavailable as refused:
            print(json.dumps({"said": str(refused)}))
        """
    )
    assert "avslutades oväntat" in found["said"]


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

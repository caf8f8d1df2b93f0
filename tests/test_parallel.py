"""The drawings of a build made side by side (engines/parallel.py): in other processes when that
is safe, with the same bytes as made one after another, and an engine's Swedish refusal
reaching the build as itself."""

from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.engines import parallel, pdf
from generator.engines.unavailable import PdfUnavailable

from conftest import FIXTURE_DATA, ROOT
from helpers import in_a_fresh_process

pytestmark = pytest.mark.skipif(parallel.cores() < 2, reason="the machine has one core")


def _pid(name: str) -> bytes:
    return f"{name} {os.getpid()}".encode()


def drawn(drawings: dict[str, parallel.Drawing]) -> dict[str, bytes]:
    """Every drawing made, each as a share of its own (as a build's PDFs are on many cores)."""
    pending = parallel.Pending()
    pending.add(drawings, len(drawings), dict.fromkeys(drawings, 1))
    return pending.finish()


def _refuse() -> bytes:
    raise PdfUnavailable("PDF-versionen kunde inte göras: provet vägrar.")


def test_drawings_are_made_in_other_processes() -> None:
    found = in_a_fresh_process(
        """
        import functools, json, os
        from test_parallel import drawn

        def pid(name):
            return f"{name} {os.getpid()}".encode()

        made = drawn({name: functools.partial(pid, name) for name in ("a", "b", "c")})
        print(json.dumps({"me": os.getpid(), "made": {k: v.decode() for k, v in made.items()}}))
        """
    )
    assert sorted(found["made"]) == ["a", "b", "c"]
    assert all(text.startswith(name + " ") for name, text in found["made"].items())
    assert found["me"] not in {int(text.split()[1]) for text in found["made"].values()}


# (what the row shows, workers, sizes, shares): each worker loads the engine once, so an engine's
# drawings go to no more workers than it may take, largest first to the least loaded.
SHARES = [
    ("one worker makes them all", 1, {"a": 5, "b": 3, "c": 1}, [["a", "b", "c"]]),
    ("largest first, to the least loaded", 2, {"a": 1, "b": 5, "c": 3, "d": 3}, [["b", "a"], ["c", "d"]]),
    ("no more workers than drawings", 3, {"a": 1}, [["a"]]),
    ("equal sizes keep their order", 2, {"a": 1, "b": 1, "c": 1}, [["a", "c"], ["b"]]),
]


@pytest.mark.parametrize(("workers", "sizes", "expected"), [row[1:] for row in SHARES], ids=[row[0] for row in SHARES])
def test_an_engine_s_drawings_are_shared_among_the_workers_it_may_take(
    workers: int, sizes: dict[str, int], expected: list[list[str]]
) -> None:
    assert parallel.shares(sizes, workers) == expected


def test_a_share_is_made_by_one_worker() -> None:
    found = in_a_fresh_process(
        """
        import functools, json, os
        from generator.engines import parallel
        from test_parallel import _pid

        pending = parallel.Pending()
        pending.add({name: functools.partial(_pid, name) for name in "abc"}, 1, dict.fromkeys("abc", 1))
        made = pending.finish()
        print(json.dumps({"me": os.getpid(), "by": sorted({text.split()[1].decode() for text in made.values()})}))
        """
    )
    assert len(found["by"]) == 1
    assert str(found["me"]) not in found["by"]


def _marked(folder: str, name: str) -> bytes:
    (Path(folder) / name).touch()
    time.sleep(0.5)
    return name.encode()


def test_a_failed_build_waits_only_for_the_drawing_each_worker_is_on(tmp_path: Path) -> None:
    """A share holds a worker's drawings one after another; a build that fails (bad data found
    while MkDocs lays out the pages, Ctrl-C) must not wait for the rest of them."""
    found = in_a_fresh_process(
        f"""
        import functools, json, os, time
        from generator.engines import parallel
        from test_parallel import _marked

        drawings = {{name: functools.partial(_marked, {str(tmp_path)!r}, name) for name in "abc"}}
        pending = parallel.Pending()
        pending.add(drawings, 1, dict.fromkeys("abc", 1))
        while not os.listdir({str(tmp_path)!r}):
            time.sleep(0.01)
        pending.cancel()
        print(json.dumps({{"begun": sorted(os.listdir({str(tmp_path)!r}))}}))
        """
    )
    assert found["begun"] == ["a"]


def _checking() -> bytes:
    """A worker reading its stop flag over and over, as it does between two drawings."""
    while not parallel._stopped():
        pass
    return b""


def test_a_worker_killed_while_it_reads_the_stop_flag_leaves_the_build_free() -> None:
    """A worker that dies makes the pool end the others at once, wherever they are: one ended
    while it held a lock of the stop flag would leave the build waiting for ever in `cancel`."""
    found = in_a_fresh_process(
        """
        import json, os, signal, time
        from generator.engines import parallel
        from test_parallel import _checking

        for _ in range(20):
            pending = parallel.Pending()
            pending.add({"a": _checking}, 1, {"a": 1})
            time.sleep(0.05)
            for pid in list(pending._pool.executor._processes):
                os.kill(pid, signal.SIGKILL)
            pending.cancel()
        print(json.dumps({"ended": True}))
        """,
        timeout=60,
    )
    assert found == {"ended": True}


def _niceness() -> bytes:
    return str(os.nice(0)).encode()


@pytest.mark.parametrize(("can_wait", "lower"), [(False, 0), (True, parallel.CAN_WAIT)])
def test_drawings_that_can_wait_yield_to_the_build(can_wait: bool, lower: int) -> None:
    """The PNGs can wait for a free core; the build's own work and the PDFs are the longer paths."""
    found = in_a_fresh_process(
        f"""
        import json, os
        from generator.engines import parallel
        from test_parallel import _niceness

        pending = parallel.Pending()
        pending.add({{"a": _niceness}}, 1, {{"a": 1}}, can_wait={can_wait})
        print(json.dumps({{"build": os.nice(0), "worker": int(pending.finish()["a"])}}))
        """
    )
    assert found["worker"] == min(found["build"] + lower, 19)


def test_with_another_thread_running_they_are_made_here() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        made = drawn({name: functools.partial(_pid, name) for name in ("a", "b")})
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
        pending = parallel.Pending()
        pending.add(drawings, 2, dict.fromkeys(drawings, 1))
        in_pool = bool(pending._jobs)
        print(json.dumps({"pool": in_pool, "same": pending.finish() == {k: d() for k, d in drawings.items()}}))
        """
    )
    assert found == {"pool": True, "same": True}


def test_a_worker_that_dies_is_a_swedish_message() -> None:
    found = in_a_fresh_process(
        """
        import json, os
        from generator.engines.unavailable import PdfUnavailable
        from test_parallel import drawn

        def die():
            os._exit(3)  # as a worker the kernel ends for want of memory

        def fine():
            return b"ok"

        try:
            drawn({"a": fine, "b": die})
        except PdfUnavailable as refused:
            print(json.dumps({"said": str(refused)}))
        """
    )
    assert "avslutades oväntat" in found["said"]


def test_a_refusal_in_a_worker_reaches_the_build_as_itself() -> None:
    with pytest.raises(PdfUnavailable, match="provet vägrar"):
        drawn({"a": functools.partial(_pid, "a"), "b": _refuse})


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


def _ended(pid: int) -> bool:
    """Gone, or a zombie nobody has reaped yet: either way it holds nothing open."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


def test_the_workers_end_with_a_build_that_is_killed(tmp_path: Path) -> None:
    """`kill -9` or the out-of-memory killer gives the build no chance to stop its workers; they
    hold a copy of its lock on the target, which would refuse every later build."""
    program = textwrap.dedent(
        """
        import os, sys, time
        from generator.engines import parallel

        def slow():
            time.sleep(60)
            return b""

        pending = parallel.Pending()
        pending.add({"a": slow, "b": slow}, 2, {"a": 1, "b": 1})
        print(" ".join(str(pid) for pid in pending._pool.executor._processes), flush=True)
        time.sleep(60)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    build = subprocess.Popen([sys.executable, "-c", program], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert build.stdout is not None
    workers = [int(pid) for pid in build.stdout.readline().split()]
    assert workers and not any(_ended(pid) for pid in workers)
    build.kill()
    build.wait()
    for _ in range(100):
        if all(_ended(pid) for pid in workers):
            break
        time.sleep(0.05)
    assert all(_ended(pid) for pid in workers)


# (how the build treats Ctrl-C, how its workers do): a build in the background ignores it, and so must they.
INTERRUPTS = [("default", signal.SIG_DFL), ("ignored", signal.SIG_IGN)]


@pytest.mark.parametrize(("build", "worker"), INTERRUPTS)
def test_a_worker_ignores_ctrl_c_when_the_build_does(build: str, worker: signal.Handlers) -> None:
    found = in_a_fresh_process(
        f"""
        import json, signal
        from test_parallel import drawn

        def handler():
            return str(int(signal.getsignal(signal.SIGINT))).encode()

        if {build!r} == "ignored":
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        print(json.dumps({{"worker": drawn({{"a": handler, "b": handler}})["a"].decode()}}))
        """
    )
    assert found["worker"] == str(int(worker))


def test_a_worker_that_dies_before_all_drawings_are_handed_out_is_a_swedish_message() -> None:
    found = in_a_fresh_process(
        """
        import json, os, signal, time
        from generator.engines import parallel
        from generator.engines.unavailable import PdfUnavailable

        def fine():
            return b"ok"

        pending = parallel.Pending()
        pending.add({"a": fine}, 1, {"a": 1})
        for pid in list(pending._pool.executor._processes):
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
        try:
            pending.add({"b": fine}, 1, {"b": 1})
            pending.finish()
        except PdfUnavailable as refused:
            print(json.dumps({"said": str(refused)}))
        """
    )
    assert "avslutades oväntat" in found["said"]


@pytest.mark.slow
def test_a_build_leaves_nothing_in_the_temporary_folder(tmp_path: Path) -> None:
    """WeasyPrint's copy of the fonts included: a worker ends without collecting it."""
    data, temporary = tmp_path / "data", tmp_path / "tmp"
    shutil.copytree(FIXTURE_DATA, data)
    temporary.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temporary)}
    command = [sys.executable, "-m", "generator", "build", "--data", str(data), "--site", str(tmp_path / "site")]
    result = subprocess.run([*command, "--utan-cache"], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "exempel" / "utskrift").is_dir()
    assert list(temporary.iterdir()) == []


# (cores, workers the PDFs may take, the PNGs): WeasyPrint takes 0.4 s to load and a PDF about a
# second, CairoSVG 0.2 s and a PNG a quarter: the PNGs share one worker, the PDFs the other cores.
WORKERS = [(1, 1, 1), (2, 1, 1), (4, 3, 1), (8, 7, 1)]


@pytest.mark.parametrize(("cores", "pdf", "png"), WORKERS)
def test_each_engine_is_loaded_by_the_fewest_workers_that_keep_the_cores_busy(
    cores: int, pdf: int, png: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.engines import binaries

    monkeypatch.setattr(parallel, "cores", lambda: cores)
    assert (binaries._workers("pdf"), binaries._workers("png")) == (pdf, png)

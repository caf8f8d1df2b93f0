"""The engines bind their C libraries by file name, without running a program to search for them
(engines/libraries.py): the same files are opened as when ctypes searches, and a build's engines
start 0.15 s sooner."""

from __future__ import annotations

import contextlib
import ctypes.util
import sys
import threading
import time

import pytest

from generator.engines import libraries

from helpers import in_a_fresh_process

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the shortcut is Linux's")

# The system's C libraries a process has mapped (not Python's modules), by file name, and the
# programs it ran (Python's audit events): printed as JSON by the programs below.
MAPPED_AND_RUN = """
    import json, os, sys
    runs = []
    def audit(event, args):
        if event == "subprocess.Popen":
            runs.append(os.path.basename(str(args[0])))
    sys.addaudithook(audit)
    {load}
    with open("/proc/self/maps") as maps:
        names = {{os.path.basename(line.split()[-1]) for line in maps}}
    mapped = sorted(name for name in names if name.startswith("lib") and ".so" in name and "cpython" not in name)
    print(json.dumps({{"mapped": mapped, "runs": runs}}))
"""
ENGINES = """
    from generator.engines import binaries, pdf, raster
    pdf._engine()
    raster.png_from_svg('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><text>Å</text></svg>')
    binaries._code("pdf"), binaries._code("png")
"""
SEARCHED = """
    import weasyprint, cairosvg
    from generator.engines import raster
    raster.png_from_svg('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><text>Å</text></svg>')
"""


def test_the_engines_start_without_running_a_program_and_open_the_libraries_a_search_finds() -> None:
    ours = in_a_fresh_process(MAPPED_AND_RUN.format(load=ENGINES))
    searched = in_a_fresh_process(MAPPED_AND_RUN.format(load=SEARCHED))
    assert ours["runs"] == []
    assert "ldconfig" in searched["runs"]  # what the shortcut saves: WeasyPrint's import searched
    for file_name in ("libpango-1.0.so.0", "libcairo.so.2", "libharfbuzz.so.0", "libfontconfig.so.1"):
        assert any(mapped.startswith(file_name) for mapped in ours["mapped"]), file_name  # the file's real name goes on
    assert ours["mapped"] == searched["mapped"]


@pytest.mark.parametrize("ends_in_error", [False, True])
def test_the_search_is_given_back_after_the_import(ends_in_error: bool) -> None:
    search = ctypes.util.find_library
    with pytest.raises(OSError) if ends_in_error else contextlib.nullcontext(), libraries.file_names_only():
        assert ctypes.util.find_library("c") is None
        if ends_in_error:
            raise OSError("libpango-1.0.so.0: cannot open shared object file")
    assert ctypes.util.find_library is search


@pytest.mark.parametrize(
    ("file_name", "name", "found"),
    [
        ("libc.so.6", "c", True),
        ("libpango-1.0.so.0", "pango-1.0", True),
        ("libnot-a-library.so.9", "not-a-library", False),
    ],
)
def test_a_library_is_opened_by_its_file_name(file_name: str, name: str, found: bool) -> None:
    assert (libraries.opened(file_name, name) is not None) is found


def test_uses_that_overlap_in_two_threads_give_back_ctypes_own_search() -> None:
    """The preview imports engines in its threads: a second use waits for the first, and neither
    leaves the stand-in behind (a second use that saved the first one's stand-in put it back last)."""
    search = ctypes.util.find_library
    first_inside, first_may_end = threading.Event(), threading.Event()

    def first() -> None:
        with libraries.file_names_only():
            first_inside.set()
            first_may_end.wait(10)

    def second() -> None:
        with libraries.file_names_only():
            time.sleep(0.3)  # ends after the first

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    threads[0].start()
    first_inside.wait(10)
    threads[1].start()
    time.sleep(0.05)  # the second is waiting (or, without the lock, inside with the stand-in saved)
    first_may_end.set()
    for thread in threads:
        thread.join(10)
    assert ctypes.util.find_library is search

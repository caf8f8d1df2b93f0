"""The drawings a build must make (PDF, PNG), made side by side on the machine's cores.

Each drawing is a pure function of its text (binaries.py), so it can be made in another
process and give the same bytes; a build without the cache spent most of its time in
WeasyPrint and CairoSVG one drawing after another. The workers are forked from the build, so
they share what it has imported and need nothing pickled but the text and the result; the
build goes on meanwhile (the PDFs start before the pages are rendered, and MkDocs lays out the
pages while they are drawn). A worker loads an engine the first time it draws with it, which
costs as much as a small drawing, so the drawings of one engine go to as few workers as keep the
cores busy (`Pending.add`), and those that can wait yield the cores to the rest. A fork is only
safe with no other thread running (a lock held by a thread at the fork stays held in the child):
the preview, which serves and watches in threads, and a machine with one core make the drawings
one after another when they are asked for.
"""

from __future__ import annotations

import concurrent.futures
import concurrent.futures.process
import ctypes
import dataclasses
import functools
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Mapping
from typing import Any

from .unavailable import PdfUnavailable

Drawing = Callable[[], bytes]
WORKER_DIED = (
    "PDF- och PNG-filerna kunde inte göras: en process som ritade dem avslutades oväntat "
    "(kanske slut på minne). Bygg igen, gärna med färre andra program igång."
)
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when the one that forked it ends
CAN_WAIT = 10  # niceness (0 to 19) of a worker whose drawings can wait: it runs when a core is free


class Pending:
    """Drawings being made while the build goes on (MkDocs lays out the pages meanwhile);
    `finish` waits for them. Where no pool is safe (see above), `finish` makes them."""

    def __init__(self) -> None:
        self.drawings: dict[str, Drawing] = {}
        self._made: dict[str, bytes] | None = None
        self._jobs: list[concurrent.futures.Future[dict[str, bytes]]] = []
        self._pool: _Pool | None = None
        self._started = False

    def add(
        self, drawings: Mapping[str, Drawing], workers: int, sizes: Mapping[str, int], can_wait: bool = False
    ) -> None:
        """Drawings by one engine, started at once where there is a pool (the first drawings
        start it: even one drawing is made while the build goes on), shared among at most
        `workers` workers by their `sizes` (`shares`). A worker loads an engine the first time it
        uses it (WeasyPrint takes 0.4 s, CairoSVG 0.2 s), so each engine is kept to the fewest
        workers that keep the cores busy. Drawings that `can_wait` are made at a lower priority,
        on the time the others leave."""
        if not drawings:
            return
        self.drawings.update(drawings)
        if not self._started:
            self._started = True
            self._pool = _pool(cores())
        for names in shares(sizes, workers) if self._pool is not None else []:
            self._submit({name: drawings[name] for name in names}, can_wait)

    def _submit(self, drawings: dict[str, Drawing], can_wait: bool) -> None:
        assert self._pool is not None
        try:
            self._jobs.append(self._pool.executor.submit(functools.partial(_made, drawings, can_wait)))
        except concurrent.futures.process.BrokenProcessPool:  # a worker died before all were handed out
            self.cancel()
            raise PdfUnavailable(WORKER_DIED) from None
        except OSError:  # no process could be started (a limit on processes): one after another here
            self.cancel()
            self._jobs = []

    def finish(self) -> dict[str, bytes]:
        """Every drawing, by its name; an engine's refusal is raised here as itself."""
        if self._made is None:
            try:
                made: dict[str, bytes] = {}
                for job in self._jobs:
                    made.update(job.result())
                self._made = {name: made[name] if name in made else draw() for name, draw in self.drawings.items()}
            except concurrent.futures.process.BrokenProcessPool:
                raise PdfUnavailable(WORKER_DIED) from None
            finally:
                self.cancel()
        return self._made

    def cancel(self) -> None:
        """End the workers once each has made the drawing it is on (a failed build waits for no other)."""
        if self._pool is not None:
            self._pool.stop.value = True
            self._pool.executor.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def shares(sizes: Mapping[str, int], workers: int) -> list[list[str]]:
    """The drawings named in `sizes` split among at most `workers` workers, so that the total
    sizes are as even as the largest-first rule makes them (a drawing's text is a fair guess of
    its time): each worker then makes its share one drawing after another."""
    loads: list[tuple[int, list[str]]] = [(0, []) for _ in range(min(workers, len(sizes)))]
    for name in sorted(sizes, key=lambda name: -sizes[name]):  # sorted() keeps the order of equal sizes
        lightest = min(range(len(loads)), key=lambda share: loads[share][0])
        total, names = loads[lightest]
        loads[lightest] = (total + sizes[name], [*names, name])
    return [names for _, names in loads]


# A flag in memory the build shares with its workers, without a lock: a worker killed while it
# held one (a worker that dies ends the others at once) would leave `cancel` waiting for ever.
Flag = Any  # multiprocessing's RawValue of a c_bool, which has no type of its own


@dataclasses.dataclass(frozen=True)
class _Pool:
    executor: concurrent.futures.ProcessPoolExecutor
    stop: Flag  # set by `cancel`: a worker makes no more drawings of its share


_stop: Flag | None = None  # in a worker: its pool's `stop`


def _stopped() -> bool:
    return _stop is not None and bool(_stop.value)


def _made(drawings: Mapping[str, Drawing], can_wait: bool) -> dict[str, bytes]:
    """One worker's share: its drawings one after another, until the build stops them (the
    worker, which a build uses once, yields to the other processes from then on when they `can_wait`)."""
    if can_wait:
        os.nice(CAN_WAIT)
    made: dict[str, bytes] = {}
    for name, draw in drawings.items():
        if _stopped():
            break
        made[name] = draw()
    return made


def _pool(workers: int) -> _Pool | None:
    # Linux only: macOS lists fork too, but a process that has loaded Apple's frameworks (Pango
    # and cairo may) can crash in a forked child; Windows has no fork.
    if workers < 2 or threading.active_count() > 1 or not sys.platform.startswith("linux"):
        return None
    context = multiprocessing.get_context("fork")
    stop = context.RawValue(ctypes.c_bool, False)  # handed to the workers as they are forked
    executor = concurrent.futures.ProcessPoolExecutor(
        workers, mp_context=context, initializer=_worker, initargs=(os.getpid(), stop)
    )
    return _Pool(executor, stop)


def cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _worker(build: int, stop: Flag) -> None:
    """A worker leaves stopping to the build: its signal handlers would clean up the build's
    temporary folders, which the build itself does; a signal to the group ends the worker
    (unless the build ignores it, as a background job does). A worker also ends with the build
    however the build ends (`kill -9`, the kernel's out-of-memory killer): it holds a copy of the
    build's lock on its target, which would refuse every later build."""
    for number in (signal.SIGTERM, signal.SIGINT):
        if signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, signal.SIG_DFL)
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != build:  # the build ended before the line above
        os._exit(1)
    global _stop
    _stop = stop

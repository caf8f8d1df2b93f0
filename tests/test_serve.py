"""`make serve` (mkdocs serve) rebuilds when a file in data/ changes, and shows data errors in the browser."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import markdown

from generator.adapters.mkdocs_plugin import error_page
from generator.errors import DataError, DataErrors, Position

from conftest import ROOT
from helpers import project_copy


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 40) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.3)
    return False


def answers(url: str) -> bool:
    """Whether a server answers at `url` at all (an error status is an answer)."""
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


@contextlib.contextmanager
def preview(project: Path, module: str, log: Path | None = None) -> Iterator[str]:
    """`python -m MODULE serve` in `project` on a free port; yields the base URL once the server
    answers, and always stops the server. Its output goes to `log`, or nowhere."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with contextlib.ExitStack() as stack:
        output = stack.enter_context(log.open("w")) if log else subprocess.DEVNULL
        server = subprocess.Popen(
            [sys.executable, "-m", module, "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 40
            while not answers(base):
                assert server.poll() is None, f"{module} serve stannade med kod {server.returncode}"
                assert time.monotonic() < deadline, f"{module} serve svarar inte på {base}"
                time.sleep(0.3)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


STYRGRUPP = "exempel/organisation/styrgrupp/"


def test_serve_reloads_when_data_changes(tmp_path: Path) -> None:
    project_copy(tmp_path)
    with preview(tmp_path, "mkdocs") as base:
        url = base + STYRGRUPP
        assert wait_for(url, "Prioritera utvecklingsinsatser")
        groups = tmp_path / "data" / "exempel" / "grupper.yaml"
        text = groups.read_text(encoding="utf-8")
        groups.write_text(text.replace("Prioritera utvecklingsinsatser", "Ny uppgift från data"), encoding="utf-8")
        assert wait_for(url, "Ny uppgift från data")


def test_preview_shows_data_errors_until_they_are_fixed(tmp_path: Path) -> None:
    """What `make serve` runs: a broken file replaces the page with the errors; fixing it brings the page back."""
    project_copy(tmp_path)
    log = tmp_path / "serve.log"
    groups = tmp_path / "data" / "exempel" / "grupper.yaml"
    good = groups.read_text(encoding="utf-8")
    line = good[: good.index("manader: [mars]")].count("\n") + 1
    with preview(tmp_path, "generator", log) as base:
        url = base + STYRGRUPP
        assert wait_for(url, "Prioritera utvecklingsinsatser")
        groups.write_text(good.replace("manader: [mars]", "manader: ['<b>mars']"), encoding="utf-8")
        assert wait_for(url, "Fel i datafilerna")
        page = fetch(url)
        assert (
            f"<li><code>data/exempel/grupper.yaml:{line}:19</code>: okänd månad &#x27;&lt;b&gt;mars&#x27;;" in page
        ), page
        assert "Prioritera utvecklingsinsatser" not in page
        assert "Fel i datafilerna" in fetch(base)  # every page of the preview
        groups.write_text(good, encoding="utf-8")
        assert wait_for(url, "Prioritera utvecklingsinsatser")
    assert "end of life" not in log.read_text(encoding="utf-8")  # Material's English notice stays away


def test_preview_started_on_broken_data_shows_the_errors_then_the_handbook(tmp_path: Path) -> None:
    """Without a last good build the home page (a generated page) still exists, with the errors."""
    project_copy(tmp_path)
    groups = tmp_path / "data" / "exempel" / "grupper.yaml"
    good = groups.read_text(encoding="utf-8")
    groups.write_text(good.replace("manader: [mars]", "manader: [febuari]"), encoding="utf-8")
    with preview(tmp_path, "generator") as base:
        assert wait_for(base, "okänd månad &#x27;febuari&#x27;; menade du &#x27;februari&#x27;?")
        groups.write_text(good, encoding="utf-8")
        assert wait_for(base + STYRGRUPP, "Prioritera utvecklingsinsatser")


def test_error_page_keeps_data_text_inert() -> None:
    hostile = "okänt värde 'a\r\n\r\n[klicka](javascript:alert(1)) <script>x</script> *fet*'"
    errors = DataErrors([DataError(Position("data/x.yaml", 3, 7), hostile, "moten[0]")])
    page = markdown.markdown(error_page(errors), extensions=["md_in_html", "attr_list"])
    assert "<a" not in page and "<script" not in page and "<em>" not in page
    assert "<code>data/x.yaml:3:7</code>: okänt värde &#x27;a [klicka](javascript:alert(1)) &lt;script&gt;" in page

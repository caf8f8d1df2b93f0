"""`make serve` (mkdocs serve) rebuilds when a file in data/ changes, and shows data errors in the browser."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import markdown

from generator.errors import DataError, DataErrors, Position
from generator.mkdocs_plugin import error_page

from conftest import FIXTURE_DATA, ROOT


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


def project_copy(folder: Path) -> None:
    for part in ("docs", "overrides"):
        shutil.copytree(ROOT / part, folder / part)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(FIXTURE_DATA, folder / "data")


def test_serve_reloads_when_data_changes(tmp_path: Path) -> None:
    project_copy(tmp_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}/exempel/organisation/styrgrupp/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(url, "Prioritera utvecklingsinsatser")
        groups = tmp_path / "data" / "exempel" / "grupper.yaml"
        text = groups.read_text(encoding="utf-8")
        groups.write_text(text.replace("Prioritera utvecklingsinsatser", "Ny uppgift från data"), encoding="utf-8")
        assert wait_for(url, "Ny uppgift från data")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_preview_shows_data_errors_until_they_are_fixed(tmp_path: Path) -> None:
    """What `make serve` runs: a broken file replaces the page with the errors; fixing it brings the page back."""
    project_copy(tmp_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}/exempel/organisation/styrgrupp/"
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    groups = tmp_path / "data" / "exempel" / "grupper.yaml"
    good = groups.read_text(encoding="utf-8")
    line = good[: good.index("manader: [mars]")].count("\n") + 1
    try:
        assert wait_for(url, "Prioritera utvecklingsinsatser")
        groups.write_text(good.replace("manader: [mars]", "manader: ['<b>mars']"), encoding="utf-8")
        assert wait_for(url, "Fel i datafilerna")
        page = fetch(url)
        assert (
            f"<li><code>data/exempel/grupper.yaml:{line}:19</code>: okänd månad &#x27;&lt;b&gt;mars&#x27;;" in page
        ), page
        assert "Prioritera utvecklingsinsatser" not in page
        assert "Fel i datafilerna" in fetch(f"http://127.0.0.1:{port}/")  # every page of the preview
        groups.write_text(good, encoding="utf-8")
        assert wait_for(url, "Prioritera utvecklingsinsatser")
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "end of life" not in log.read_text(encoding="utf-8")  # Material's English notice stays away


def test_preview_started_on_broken_data_shows_the_errors_then_the_handbook(tmp_path: Path) -> None:
    """Without a last good build the home page (a generated page) still exists, with the errors."""
    project_copy(tmp_path)
    groups = tmp_path / "data" / "exempel" / "grupper.yaml"
    good = groups.read_text(encoding="utf-8")
    groups.write_text(good.replace("manader: [mars]", "manader: [febuari]"), encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(url, "okänd månad &#x27;febuari&#x27;; menade du &#x27;februari&#x27;?")
        groups.write_text(good, encoding="utf-8")
        assert wait_for(f"{url}exempel/organisation/styrgrupp/", "Prioritera utvecklingsinsatser")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_error_page_keeps_data_text_inert() -> None:
    hostile = "okänt värde 'a\r\n\r\n[klicka](javascript:alert(1)) <script>x</script> *fet*'"
    errors = DataErrors([DataError(Position("data/x.yaml", 3, 7), hostile, "moten[0]")])
    page = markdown.markdown(error_page(errors), extensions=["md_in_html", "attr_list"])
    assert "<a" not in page and "<script" not in page and "<em>" not in page
    assert "<code>data/x.yaml:3:7</code>: okänt värde &#x27;a [klicka](javascript:alert(1)) &lt;script&gt;" in page

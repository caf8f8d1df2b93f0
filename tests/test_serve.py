"""`make serve` (mkdocs serve) rebuilds when a file in data/ changes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

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


def test_serve_reloads_when_data_changes(tmp_path: Path) -> None:
    for part in ("docs", "overrides"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
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

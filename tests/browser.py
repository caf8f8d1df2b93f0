"""Real pages in headless Chromium: a local server for a built site, a WebDriver, print to PDF, axe-core.

Uses Debian's chromium and chromium-driver (installed by `make test`). Outside CI a
machine without them skips these tests, listed at the end; in CI their absence is a failure.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from conftest import ROOT, require_tool

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
# Without these Chromium keeps calling home, which this machine's closed network refuses.
QUIET_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def require_browser() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    if not AXE.exists():
        missing.append(str(AXE))
    require_tool(", ".join(missing), not missing)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chrome() -> Iterator[webdriver.Chrome]:
    require_browser()
    profile = tempfile.mkdtemp(prefix="hb-chrome-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*QUIET_FLAGS, f"--user-data-dir={profile}", "--window-size=1280,1024"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def print_to_pdf(url: str, target: Path) -> Path:
    """Print a page the way a user's browser does, with Chromium's own print-to-PDF."""
    require_browser()
    with tempfile.TemporaryDirectory(prefix="hb-print-") as profile:
        subprocess.run(
            [
                CHROMIUM,
                *QUIET_FLAGS,
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={target}",
                url,
            ],
            capture_output=True,
            check=True,
            timeout=120,
        )
    return target


def axe(driver: webdriver.Chrome, options: dict[str, Any]) -> list[dict[str, Any]]:
    """Run axe-core in the current page; returns its violations."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0])"
        ".then(r => done(r.violations), e => done([{id: 'axe-error', help: String(e)}]));",
        options,
    )
    return list(result)


@pytest.fixture(scope="module")
def site_url(shipped_site: Path) -> Iterator[str]:
    """The shipped site, served on loopback for the browser tests of one module."""
    with serve(shipped_site) as url:
        yield url

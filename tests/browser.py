"""Real pages in headless Chromium: a local server for a built site, a WebDriver, print to PDF, axe-core.

Uses Debian's chromium and chromium-driver (installed by `make test`). Outside CI a
machine without them skips these tests, listed at the end; in CI their absence is a failure.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service

from conftest import ROOT, require_tool

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
WINDOW = (1280, 1024)
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
    for flag in [*QUIET_FLAGS, f"--user-data-dir={profile}", f"--window-size={WINDOW[0]},{WINDOW[1]}"]:
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


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SETTLED = "return document.getAnimations().every(a => a.playState !== 'running');"


def all_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as a path to append to its base URL."""
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return ["" if p == "." else f"{p}/" for p in pages]


def summary(violations: list[dict[str, object]]) -> list[str]:
    return [f"{v['id']}: {v['help']}" for v in violations]


def requested_urls(driver: webdriver.Chrome) -> set[str]:
    """Every URL the browser asked for since the last call (the performance log empties as it is read)."""
    found = set()
    for entry in driver.get_log("performance"):  # type: ignore[no-untyped-call]
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            found.add(message["params"]["request"]["url"])
    return found


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


# --- Shared fixtures: one Chromium for the run, sites served per module -----------------------
# A module serves its sites on ports of its own, so what one module's pages keep in the browser
# (ticked checkboxes, search state) is another origin's for the next module.


@pytest.fixture(scope="module")
def site_url(shipped_site: Path) -> Iterator[str]:
    """The shipped site, served on loopback for the browser tests of one module."""
    with serve(shipped_site) as url:
        yield url


@pytest.fixture(scope="module")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    """The fixture data's site, served on loopback for the browser tests of one module."""
    with serve(fixture_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[webdriver.Chrome]:
    """One headless Chromium for the whole run (starting one costs seconds); tests take it as `driver`."""
    with chrome() as driver:
        yield driver


@pytest.fixture
def driver(chromium: webdriver.Chrome) -> webdriver.Chrome:
    """The shared Chromium as a new one would be: the last page's storage cleared and the page left,
    no cache or cookies (every request of a test reaches the request log), the desktop window size,
    screen media, and an empty request log."""
    with contextlib.suppress(WebDriverException):  # a page that cannot run scripts has nothing stored
        chromium.execute_script("localStorage.clear(); sessionStorage.clear();")
    chromium.get("about:blank")
    chromium.execute_cdp_cmd("Network.clearBrowserCache", {})
    chromium.execute_cdp_cmd("Network.clearBrowserCookies", {})
    chromium.set_window_size(*WINDOW)
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    requested_urls(chromium)  # drops what earlier tests requested
    return chromium

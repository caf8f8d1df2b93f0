""" "Kommande" in headless Chromium with the browser's clock fixed (the build never reads one).

The site is the fixture data's (handbook year 2026). The browser's Date is set before any page
script runs; the list must be the next events of the calendar feeds as libical reads them, with
`<time datetime>`, the status and the links to the notice and checklist, at phone and desktop
width, and clean under axe.
"""

from __future__ import annotations

import contextlib
import datetime
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.support.ui import WebDriverWait

from browser import WCAG_TAGS, axe, summary
from helpers import libical

pytestmark = pytest.mark.browser

# Replaces Date before any page script runs: `new Date()` and `Date.now()` give the fixed moment.
FIXED_CLOCK = """
(() => {
  const fixed = new Date(%r).getTime();
  const Real = Date;
  class Fixed extends Real {
    constructor(...args) { if (args.length) { super(...args); } else { super(fixed); } }
    static now() { return fixed; }
  }
  window.Date = Fixed;
})();
"""


@contextlib.contextmanager
def browser_clock(driver: webdriver.Chrome, moment: str) -> Iterator[None]:
    """The browser's clock at `moment` (local time, 'YYYY-MM-DDTHH:MM'), for every page loaded inside."""
    added = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIXED_CLOCK % moment})
    try:
        yield
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})


def shown(driver: webdriver.Chrome, url: str) -> list[dict[str, Any]]:
    driver.get(url)
    WebDriverWait(driver, 20).until(lambda d: d.find_elements("css selector", ".hb-kommande-lista, .hb-kommande p"))
    WebDriverWait(driver, 20).until(lambda d: d.find_elements("css selector", ".hb-kommande-lista"))
    return list(
        driver.execute_script(
            """return [...document.querySelectorAll('.hb-kommande-post')].map(li => ({
                 datetime: li.querySelector('time').getAttribute('datetime'),
                 title: li.querySelector('.hb-kommande-titel').textContent,
                 status: (li.querySelector('.hb-kommande-status') || {}).textContent || null,
                 links: Object.fromEntries([...li.querySelectorAll('a')].map(a => [a.textContent, a.href])),
               }));"""
        )
    )


def coming_in_feed(site: Path, today: datetime.date, count: int) -> list[tuple[str, str]]:
    """(start, summary) of the first `count` events on or after `today` in the 'alla' feed."""
    (dump,) = libical([site / "exempel" / "kalender" / "alla.ics"])
    events = sorted((e["start"], e["summary"]) for e in dump["events"] if e["start"][:10] >= today.isoformat())
    return events[:count]


def as_datetime(start: str) -> str:
    """libical's '2026-03-12T09:00:00 Europe/Stockholm' → '2026-03-12T09:00'; dates stay."""
    return start.split(" ")[0][:16]


@pytest.mark.parametrize("page", ["", "exempel/"])
def test_kommande_lists_the_next_events_from_the_readers_today(
    driver: webdriver.Chrome, fixture_site: Path, fixture_url: str, page: str
) -> None:
    with browser_clock(driver, "2026-03-01T08:00"):
        items = shown(driver, fixture_url + page)
    expected = coming_in_feed(fixture_site, datetime.date(2026, 3, 1), 5)
    assert len(items) == 5 >= 3
    # The undated autumn meeting shows its months, not its marker day.
    assert [i["datetime"] for i in items] == [
        "2026-09" if "datum ej fastställt" in summary else as_datetime(start) for start, summary in expected
    ]
    assert [i["title"] for i in items] == [summary for _, summary in expected]
    moved, deadline, cancelled = items[0], items[1], items[2]
    assert moved["status"] == "flyttat"
    assert moved["links"]["Kallelse"] == fixture_url + "exempel/moten/styrgrupp-mars-2026-03-12/"
    assert moved["links"]["Checklista"].endswith("/checklistor/styrgrupp-var/?mote=styrgrupp-mars-2026-03-12")
    assert deadline["status"] is None and "(senast 30 april)" in deadline["title"]
    assert cancelled["status"] == "inställt" and cancelled["title"].startswith("INSTÄLLT:")


def test_kommande_moves_on_with_the_clock(driver: webdriver.Chrome, fixture_url: str) -> None:
    with browser_clock(driver, "2026-05-21T10:00"):
        items = shown(driver, fixture_url)
    assert items[0]["datetime"] == "2026-09" and items[0]["status"] == "datum ej fastställt"
    assert all(i["datetime"] >= "2026-05-21" for i in items[1:])


def test_kommande_links_lead_to_pages_of_the_site(fixture_site: Path) -> None:
    document = json.loads((fixture_site / "kommande.json").read_text(encoding="utf-8"))
    assert document["handelser"]
    for event in document["handelser"]:
        for key in ("sida", "kallelse", "checklista"):
            if key in event:
                target = event[key].split("#")[0].split("?")[0]
                assert (fixture_site / target / "index.html").exists(), (key, event[key])


def test_kommande_without_script_links_to_the_years_plan(fixture_site: Path) -> None:
    html = (fixture_site / "index.html").read_text(encoding="utf-8")
    section = html.split('class="hb-kommande"')[1].split("</div>")[0]
    assert 'href="exempel/arshjul/2026/"' in section
    assert "<li" not in section  # the list is the script's; the page itself claims no dates


@pytest.mark.parametrize("width", [390, 1280])
def test_kommande_reads_at_phone_and_desktop_width_and_is_axe_clean(
    driver: webdriver.Chrome, fixture_url: str, width: int
) -> None:
    driver.set_window_size(width, 900)
    with browser_clock(driver, "2026-03-01T08:00"):
        items = shown(driver, fixture_url)
    assert items
    overflow = driver.execute_script(
        "return [...document.querySelectorAll('.hb-kommande *')]"
        ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length;"
    )
    assert overflow == 0
    violations = axe(driver, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert summary(violations) == []

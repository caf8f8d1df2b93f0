"""Phones: at 390 px nothing is wider than the screen unless it scrolls inside its own box.

Every page of the shipped site is opened at a phone's width; any element whose right
edge passes the viewport, without an ancestor that scrolls or clips it, is a page a
reader would have to pan sideways.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium import webdriver

from browser import all_pages, serve

PHONE = 390

OVERFLOWING = """
const width = document.documentElement.clientWidth;
const contained = (element) => {
  for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
    const overflow = getComputedStyle(box).overflowX;
    if (overflow === "auto" || overflow === "scroll" || overflow === "hidden" || overflow === "clip") return true;
  }
  return false;
};
return [...document.querySelectorAll("body *")]
  .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; })
  .filter((e) => !contained(e))
  .map((e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""} (${Math.round(e.getBoundingClientRect().right)} px)`)
  .slice(0, 5);
"""


def test_no_page_is_wider_than_a_phone(driver: webdriver.Chrome, shipped_site: Path, site_url: str) -> None:
    pages = sorted(p.relative_to(shipped_site).as_posix() for p in shipped_site.rglob("index.html"))
    problems = {}
    driver.set_window_size(PHONE, 900)
    for page in pages:
        driver.get(site_url + page.removesuffix("index.html"))
        found = driver.execute_script(OVERFLOWING)
        if found or driver.execute_script("return document.documentElement.scrollWidth > innerWidth"):
            problems[page] = found
    assert problems == {}


# Tables measured against the box they stand in: a table wider than it hides columns to the side.
WIDE_TABLES = """
return [...document.querySelectorAll("article table")]
  .map((t) => [t, t.closest(".md-typeset__scrollwrap") || t.parentElement])
  .filter(([t, box]) => t.getBoundingClientRect().width > box.clientWidth + 1)
  .map(([t, box]) => `${[...t.querySelectorAll("th")].map((h) => h.textContent).join("|")}: `
    + `${Math.round(t.getBoundingClientRect().width)} px i ${box.clientWidth} px`);
"""


@pytest.mark.browser
def test_no_table_hides_columns_on_a_phone(driver: webdriver.Chrome, planned_site: Path) -> None:
    """The Mötesplan's date, group and status, and every other table's columns, in view at 390 px."""
    problems = {}
    driver.set_window_size(PHONE, 900)
    with serve(planned_site) as url:
        for page in all_pages(planned_site):
            driver.get(url + page)
            if found := driver.execute_script(WIDE_TABLES):
                problems[page] = found
            text = driver.find_element("tag name", "body").text
            if "högerklicka" in text.lower():
                problems[page] = ["'högerklicka' i texten som syns på en telefon"]
        driver.get(url + "sml/arshjul/2027/")
        status = driver.execute_script(
            "const t = document.querySelector('.hb-motesplan table'); const r = t.getBoundingClientRect();"
            "return [...t.querySelectorAll('tbody td:nth-child(5)')].every((td) => {"
            " const c = td.getBoundingClientRect(); return c.width > 0 && c.right <= r.right + 1; });"
        )
        assert status, "Mötesplanens statuskolumn ska synas på en telefon"
    assert problems == {}


@pytest.mark.browser
def test_the_gesture_and_the_legend_follow_the_device(driver: webdriver.Chrome, planned_site: Path) -> None:
    """A phone reads 'tryck länge' and the wheel without its tiny legend; a desktop reads
    'högerklicka' and the legend drawn under the wheel."""
    legend = (
        "const g = document.querySelector('.hb-arshjul-figur .hb-arshjul__teckenforklaring');"
        "return getComputedStyle(g).display !== 'none';"
    )
    with serve(planned_site) as url:
        for width, shown in ((PHONE, False), (1280, True)):
            driver.set_window_size(width, 900)
            driver.get(url + "sml/kalender/")
            text = driver.find_element("tag name", "body").text
            assert ("högerklicka" in text) is shown and "tryck länge" in text
            driver.get(url + "sml/arshjul/")
            assert driver.execute_script(legend) is shown

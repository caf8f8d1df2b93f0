"""Phones: at 390 px nothing is wider than the screen unless it scrolls inside its own box.

Every page of the shipped site is opened at a phone's width; any element whose right
edge passes the viewport, without an ancestor that scrolls or clips it, is a page a
reader would have to pan sideways.
"""

from __future__ import annotations

from pathlib import Path

from selenium import webdriver

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

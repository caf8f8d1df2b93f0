"""WCAG 2.1 AA and privacy, measured on every page of the built site in headless Chromium."""

from __future__ import annotations

import json
from pathlib import Path

from selenium.webdriver.support.ui import WebDriverWait

from browser import axe, chrome

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SETTLED = "return document.getAnimations().every(a => a.playState !== 'running');"


def all_pages(site: Path) -> list[str]:
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return ["" if p == "." else f"{p}/" for p in pages]


def summary(violations: list[dict[str, object]]) -> list[str]:
    return [f"{v['id']}: {v['help']}" for v in violations]


def test_no_axe_violations_on_any_page(shipped_site: Path, site_url: str) -> None:
    pages = all_pages(shipped_site)
    assert len(pages) > 50
    with chrome() as driver:
        for page in pages:
            driver.get(site_url + page)
            violations = axe(driver, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
            assert summary(violations) == [], page


def test_open_search_dialog_has_no_violations(site_url: str) -> None:
    with chrome() as driver:
        driver.get(site_url + "sml/")
        search = driver.find_element("css selector", "input.md-search__input")
        search.click()
        search.send_keys("styrgruppens")  # Swedish stemming: finds 'styrgrupp'
        WebDriverWait(driver, 20).until(lambda d: d.find_elements("css selector", ".md-search-result__item"))
        # Results fade in; measuring contrast mid-transition would see half-transparent text.
        WebDriverWait(driver, 10).until(lambda d: d.execute_script(SETTLED))
        dialog = driver.find_element("css selector", ".md-search[role='dialog']")
        assert dialog.get_attribute("aria-label") == "Sök"
        violations = axe(driver, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert summary(violations) == []


def test_keyboard_reaches_links_and_checkboxes_with_visible_focus(site_url: str) -> None:
    with chrome() as driver:
        driver.get(site_url + "sml/checklistor/styrgrupp-arsbokslut-budget/")
        body = driver.find_element("css selector", "body")
        reached = set()
        for _ in range(120):
            body.send_keys("\ue004")  # Tab
            focused = driver.switch_to.active_element
            tag = focused.tag_name
            outline = driver.execute_script(
                "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];", focused
            )
            if tag in ("a", "input", "button"):
                assert outline[0] != "none" and outline[1] != "0px", f"{tag} utan synligt fokus"
                reached.add(tag if tag != "input" else focused.get_attribute("type"))
        assert {"a", "checkbox", "button"} <= reached


def test_every_request_stays_on_the_site(shipped_site: Path, site_url: str) -> None:
    with chrome() as driver:
        for page in all_pages(shipped_site):
            driver.get(site_url + page)
        requests = set()
        for entry in driver.get_log("performance"):  # type: ignore[no-untyped-call]
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                requests.add(message["params"]["request"]["url"])
    assert requests
    network = [u for u in requests if u.startswith(("http:", "https:", "ws:", "wss:"))]
    assert any(u.endswith(".css") for u in network) and any(u.endswith(".js") for u in network)
    assert sorted(u for u in network if not u.startswith(site_url)) == []


def test_accessibility_statement_is_published(shipped_site: Path) -> None:
    html = (shipped_site / "tillganglighet" / "index.html").read_text(encoding="utf-8")
    assert "Tillgänglighetsredogörelse" in html
    assert "WCAG 2.1" in html and "axe-core" in html
    assert "2026-11-22" in html

"""WCAG 2.1 AA and privacy, measured on every page of the built site in headless Chromium."""

from __future__ import annotations

from pathlib import Path

from selenium import webdriver
from selenium.webdriver.support.ui import WebDriverWait

from browser import SETTLED, WCAG_TAGS, all_pages, axe, requested_urls, summary


def test_no_axe_violations_on_any_page(driver: webdriver.Chrome, shipped_site: Path, site_url: str) -> None:
    pages = all_pages(shipped_site)
    assert len(pages) > 50
    for page in pages:
        driver.get(site_url + page)
        violations = axe(driver, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert summary(violations) == [], page


def test_open_search_dialog_has_no_violations(driver: webdriver.Chrome, site_url: str) -> None:
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


def test_keyboard_reaches_links_and_checkboxes_with_visible_focus(driver: webdriver.Chrome, site_url: str) -> None:
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


def test_every_request_stays_on_the_site(driver: webdriver.Chrome, shipped_site: Path, site_url: str) -> None:
    for page in all_pages(shipped_site):
        driver.get(site_url + page)
    requests = requested_urls(driver)
    assert requests
    network = [u for u in requests if u.startswith(("http:", "https:", "ws:", "wss:"))]
    assert any(u.endswith(".css") for u in network) and any(u.endswith(".js") for u in network)
    assert sorted(u for u in network if not u.startswith(site_url)) == []


def test_accessibility_statement_is_published(shipped_site: Path) -> None:
    html = (shipped_site / "tillganglighet" / "index.html").read_text(encoding="utf-8")
    assert "Tillgänglighetsredogörelse" in html
    assert "WCAG 2.1" in html and "axe-core" in html
    assert "2026-11-22" in html

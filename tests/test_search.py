"""Search that finds Swedish: inflected forms, spellings without å/ä/ö, the real pages first.

Typed into the site's own search box in Chromium, as a reader would, on the shipped
data's pages (the policy documents' processes and bodies, not any year's plan).
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from selenium import webdriver
from selenium.webdriver.support.ui import WebDriverWait

from generator import theme

WORKER = theme.DOCS / "assets" / "javascripts" / "workers" / "handbok-sok.js"

# query → the page that must be among the first three results
QUERIES = [
    ("internkontrollen", "sml/processer/internkontroll/"),
    ("internkontroll", "sml/processer/internkontroll/"),
    ("budgeten", "sml/processer/budget/"),
    ("budget", "sml/processer/budget/"),
    ("styrgruppen", "sml/organisation/styrgrupp/"),
    ("styrgrupp", "sml/organisation/styrgrupp/"),
    ("delarsbokslut", "sml/processer/delarsbokslut/"),
    ("delårsbokslut", "sml/processer/delarsbokslut/"),
    ("årsbokslutet", "sml/processer/arsbokslut/"),
]


def top_pages(driver: webdriver.Chrome, url: str, query: str) -> list[str]:
    """The distinct pages of the first results, without their anchors."""
    driver.get(f"{url}?q={query}")
    WebDriverWait(driver, 20).until(lambda d: d.find_elements("css selector", ".md-search-result__meta"))
    WebDriverWait(driver, 20).until(
        lambda d: "sökresultat" in d.find_element("css selector", ".md-search-result__meta").text
    )
    links = [a.get_attribute("href") or "" for a in driver.find_elements("css selector", ".md-search-result__link")]
    pages = [link.replace(url, "").split("#")[0] for link in links]
    return list(dict.fromkeys(pages))


@pytest.mark.parametrize(("query", "page"), QUERIES)
def test_swedish_queries_find_their_page_first(driver: webdriver.Chrome, site_url: str, query: str, page: str) -> None:
    found = top_pages(driver, site_url, query)
    assert page in found[:3], f"{query}: {found[:5]}"


def test_printable_papers_come_after_the_page_they_print(driver: webdriver.Chrome, site_url: str) -> None:
    found = top_pages(driver, site_url, "styrgrupp")
    assert found[0] == "sml/organisation/styrgrupp/", found[:5]


def test_the_worker_wraps_the_installed_materials_worker() -> None:
    """A Material upgrade renames its worker; the wrapper must follow, or search breaks."""
    workers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    (installed,) = [p.name for p in workers.glob("search.*.min.js")]
    named = re.search(r'var MATERIAL_WORKER = "([^"]+)";', WORKER.read_text(encoding="utf-8"))
    assert named is not None and named.group(1) == installed
    override = (theme.OVERRIDES / "main.html").read_text(encoding="utf-8")
    assert f"/{re.escape(installed)}$/" in override, "generator/theme/overrides/main.html names another worker"

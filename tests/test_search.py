"""Search that finds Swedish: inflected forms, spellings without å/ä/ö, the real pages first;
and a cooperation's pages search only that cooperation's index, loaded when first used.

Typed into the site's own search box in Chromium, as a reader would, on the shipped
data's pages (the policy documents' processes and bodies, not any year's plan).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest
from selenium import webdriver
from selenium.webdriver.support.ui import WebDriverWait

from generator import theme

from browser import requested_urls

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


def top_pages(driver: webdriver.Chrome, url: str, query: str, page: str = "sml/") -> list[str]:
    """The distinct pages of the first results on `page`, without their anchors."""
    driver.get(f"{url}{page}?q={query}")
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


def index_locations(site: Path, name: str) -> set[str]:
    script = (site / "search" / f"{name}.js").read_text(encoding="utf-8")
    return {doc["location"] for doc in json.loads(script.split("=", 1)[1].strip().rstrip(";"))["docs"]}


def test_a_cooperations_index_has_only_its_own_pages(shipped_site: Path) -> None:
    for name in ("sml", "sydnarke"):
        locations = index_locations(shipped_site, name)
        assert f"{name}/organisation/" in locations
        assert all(location.startswith(f"{name}/") for location in locations), name
    home = index_locations(shipped_site, "hem")
    assert {"uppdatera/", "sml/", "sydnarke/"} <= home and "sml/organisation/" not in home
    settings = json.loads((shipped_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert settings["docs"] == []  # what every page fetches on load: the settings only
    assert settings["config"]["sections"] == ["sml", "sydnarke"]  # a page's first folder in this list names its index


def test_a_cooperations_page_finds_only_its_own_pages(driver: webdriver.Chrome, site_url: str) -> None:
    """'budget' is in both cooperations; on Sydnärke's pages only Sydnärke's pages are found.
    (The worker's requests are not in the page's log: which file it loads is checked above.)"""
    driver.get(f"{site_url}sydnarke/")
    search = driver.find_element("css selector", "input.md-search__input")
    search.click()
    search.send_keys("budgeten")  # typed: the index is loaded by the first search, not on page load
    WebDriverWait(driver, 20).until(lambda d: d.find_elements("css selector", ".md-search-result__item"))
    links = [a.get_attribute("href") or "" for a in driver.find_elements("css selector", ".md-search-result__link")]
    assert links and all(link.startswith(f"{site_url}sydnarke/") for link in links), links[:5]
    assert not [u for u in requested_urls(driver) if u.startswith(f"{site_url}search/") and u.endswith(".js")]


def test_the_home_page_finds_a_cooperation_by_its_name(driver: webdriver.Chrome, site_url: str) -> None:
    assert "sydnarke/" in top_pages(driver, site_url, "Sydnärke", page="")[:3]

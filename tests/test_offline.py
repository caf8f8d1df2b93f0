"""The offline copy: opened from disk with no network, navigation and search still work."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.support.ui import WebDriverWait

from generator.write import MARKER

from browser import requested_urls
from conftest import ROOT, SHIPPED_DATA, run_generator

SHIM = ROOT / "docs" / "assets" / "vendor" / "iframe-worker-shim.js"


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if not SHIM.exists():
        pytest.fail("docs/assets/vendor/iframe-worker-shim.js saknas; `make test` hämtar den")
    root = tmp_path_factory.mktemp("offline")
    shutil.copytree(SHIPPED_DATA, root / "data")
    result = run_generator(
        "build", "--config", "mkdocs.offline.yml", "--data", str(root / "data"), "--site", str(root / "handbok"),
        "--zip", str(root / "h.zip"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return root / "handbok", root / "h.zip"


def test_offline_copy_navigates_and_searches_from_disk(driver: webdriver.Chrome, offline: tuple[Path, Path]) -> None:
    site, _ = offline
    driver.get((site / "index.html").as_uri())
    driver.find_element("css selector", "article a[href='sml/index.html']").click()  # the way between cooperations
    assert driver.current_url.endswith("/sml/index.html")
    driver.get((site / "sml" / "arshjul" / "index.html").as_uri())
    month = driver.find_element("css selector", "svg.hb-arshjul a[href='februari.html']")
    assert month is not None
    search = driver.find_element("css selector", "input.md-search__input")
    search.click()
    search.send_keys("delarsbokslutet")  # inflected, without å: the handbook's own search worker
    WebDriverWait(driver, 20).until(lambda d: d.find_elements("css selector", ".md-search-result__item"))
    links = [a.get_attribute("href") for a in driver.find_elements("css selector", ".md-search-result__link")]
    pages = list(dict.fromkeys(str(link).split("#")[0] for link in links))
    assert any(page.endswith("sml/processer/delarsbokslut.html") for page in pages[:3]), pages[:5]
    requests = requested_urls(driver)
    assert [u for u in requests if u.startswith(("http:", "https:"))] == []


def test_offline_zip_is_complete_and_reproducible(offline: tuple[Path, Path], tmp_path: Path) -> None:
    site, packed = offline
    with zipfile.ZipFile(packed) as archive:
        names = archive.namelist()
    assert "handbok/index.html" in names
    assert "handbok/assets/vendor/iframe-worker-shim.js" in names
    assert len(names) == sum(1 for p in site.rglob("*") if p.is_file() and p.name != MARKER)  # the marker stays out
    again = tmp_path / "again.zip"
    data = site.parent / "data"
    result = run_generator(
        "build", "--config", "mkdocs.offline.yml", "--data", str(data), "--site", str(tmp_path / "handbok"),
        "--zip", str(again),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(packed.read_bytes()).digest()

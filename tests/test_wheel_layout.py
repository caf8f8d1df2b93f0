"""The årshjul as readers see it in Chromium: at a phone's, a laptop's and a big screen's width,
as the standalone SVG, and printed: nothing cut, nothing overlapping, no sideways scrolling."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from selenium import webdriver

from browser import print_to_pdf

WIDTHS = (390, 1280, 1920)
SVG = "{http://www.w3.org/2000/svg}"

# Every text of the picture: its box on screen, and the boxes of its characters in the SVG's
# own units, grouped by the item (link) it labels. Boxes of characters, not of whole texts:
# a label curved along its arc has a large square box that says nothing about its glyphs.
MEASURE = """
const svg = document.querySelector(arguments[0]);
const box = svg.getBoundingClientRect();
const column = document.querySelector('.md-content__inner');
const limit = column ? column.getBoundingClientRect() : box;
const labels = [];
for (const text of svg.querySelectorAll('text')) {
  if (!text.getClientRects().length) continue;
  const r = text.getBoundingClientRect();
  const owner = text.closest('a') || text;
  const chars = [];
  for (let i = 0; i < text.getNumberOfChars(); i++) {
    const e = text.getExtentOfChar(i);
    if (e.width > 0) chars.push([e.x, e.y, e.x + e.width, e.y + e.height]);
  }
  labels.push({text: text.textContent, owner: owner, box: [r.left, r.top, r.right, r.bottom], chars: chars});
}
const owners = [...new Set(labels.map(l => l.owner))];
return {
  svg: [box.left, box.top, box.right, box.bottom],
  column: [limit.left, limit.top, limit.right, limit.bottom],
  labels: labels.map(l => ({text: l.text, group: owners.indexOf(l.owner), box: l.box, chars: l.chars})),
  scroll: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
};
"""


def inside(inner: list[float], outer: list[float], slack: float = 0.5) -> bool:
    return (
        inner[0] >= outer[0] - slack
        and inner[1] >= outer[1] - slack
        and inner[2] <= outer[2] + slack
        and inner[3] <= outer[3] + slack
    )


def intersect(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def problems(found: dict[str, Any]) -> list[str]:
    """Texts outside the picture or the column, labels whose characters overlap, sideways scrolling."""
    wrong = []
    for label in found["labels"]:
        if not inside(label["box"], found["svg"]):
            wrong.append(f"utanför bilden: {label['text']!r}")
        if not inside(label["box"], found["column"]):
            wrong.append(f"utanför spalten: {label['text']!r}")
    labels = found["labels"]
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            if a["group"] != b["group"] and any(intersect(p, q) for p in a["chars"] for q in b["chars"]):
                wrong.append(f"överlappar: {a['text']!r} och {b['text']!r}")
    if found["scroll"][0] > found["scroll"][1]:
        wrong.append(f"vågrät rullning: {found['scroll']}")
    return wrong


def measure(driver: webdriver.Chrome, url: str, width: int, selector: str = "svg.hb-arshjul") -> dict[str, Any]:
    driver.set_window_size(width, 1000)
    driver.get(url)
    found: dict[str, Any] = driver.execute_script(MEASURE, selector)
    assert found["labels"], "hjulet har ingen text"
    return found


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", ["sml/arshjul/"])
def test_the_shipped_wheel_fits_its_column_at_every_width(
    driver: webdriver.Chrome, site_url: str, page: str, width: int
) -> None:
    assert problems(measure(driver, site_url + page, width)) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", ["exempel/arshjul/", "exempel/arshjul/2026/"])
def test_the_fixture_wheels_fit_their_column_at_every_width(
    driver: webdriver.Chrome, fixture_url: str, page: str, width: int
) -> None:
    assert problems(measure(driver, fixture_url + page, width)) == []


@pytest.mark.parametrize("file", ["sml/arshjul/arshjul.svg"])
def test_the_standalone_svg_keeps_every_text_inside_its_box(driver: webdriver.Chrome, site_url: str, file: str) -> None:
    found = measure(driver, site_url + file, 1280, "svg")
    assert problems(found) == []


def test_the_dated_standalone_svg_keeps_every_text_inside_its_box(driver: webdriver.Chrome, fixture_url: str) -> None:
    assert problems(measure(driver, fixture_url + "exempel/arshjul/arshjul-2026.svg", 390, "svg")) == []


def test_a_dated_wheel_marks_each_meeting_with_its_status_shape(driver: webdriver.Chrome, fixture_url: str) -> None:
    driver.set_window_size(1280, 1000)
    driver.get(fixture_url + "exempel/arshjul/2026/")
    titles = driver.execute_script(
        "return [...document.querySelectorAll('.hb-arshjul__datum a title')].map(t => t.textContent)"
    )
    assert titles and all("2026" in t for t in titles)
    assert "kryss i en ring: inställt möte" in driver.find_element("css selector", "article").text


def test_ring_buttons_hide_a_ring_and_say_so(driver: webdriver.Chrome, site_url: str) -> None:
    driver.set_window_size(1280, 1000)
    driver.get(site_url + "sml/arshjul/")
    button = driver.find_element("xpath", "//div[@class='hb-arshjul-filter']/button[normalize-space()='Styrgrupp']")
    ring = driver.find_element("css selector", "g[data-hb-ring='styrgrupp']")
    assert ring.is_displayed()
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert not ring.is_displayed()
    assert driver.find_element("css selector", ".hb-arshjul-vald").text == "Styrgrupp är dold."
    button.click()
    assert ring.is_displayed()


def test_focus_on_an_item_announces_its_title(driver: webdriver.Chrome, site_url: str) -> None:
    driver.set_window_size(1280, 1000)
    driver.get(site_url + "sml/arshjul/")
    link = driver.find_element("css selector", "g[data-hb-ring='styrgrupp'] a")
    driver.execute_script("arguments[0].focus()", link)
    said = driver.find_element("css selector", ".hb-arshjul-vald")
    assert said.get_attribute("aria-live") == "polite"
    assert said.text.startswith("Styrgrupp") or "Styrgrupp" in said.text


def test_today_is_drawn_in_the_browser_not_at_build_time(
    driver: webdriver.Chrome, site_url: str, shipped_site: Path
) -> None:
    assert "hb-arshjul__idag" not in (shipped_site / "sml" / "arshjul" / "index.html").read_text(encoding="utf-8")
    driver.set_window_size(1280, 1000)
    driver.get(site_url + "sml/arshjul/")
    assert len(driver.find_elements("css selector", "line.hb-arshjul__idag")) == 1


def shown_labels(svg: Path) -> list[str]:
    """The words or number each item shows in the wheel, as in the SVG file."""
    root = ET.parse(svg).getroot()
    found = []
    for ring in root.iter(f"{SVG}g"):
        if ring.get("data-hb-ring") is None:
            continue
        for item in ring.iter(f"{SVG}a"):
            found.append("".join("".join(text.itertext()) for text in item.iter(f"{SVG}text")))
    return found


@pytest.mark.parametrize(("page", "size"), [("sml/arshjul/", (842, 595)), ("sml/arshjul/affisch/", (1191, 842))])
def test_the_wheel_prints_on_one_landscape_page_with_legend_and_every_label(
    site_url: str, shipped_site: Path, tmp_path: Path, page: str, size: tuple[int, int]
) -> None:
    """The årshjul page on one A4, the poster on one A3, both landscape, readable on their own."""
    reader = PdfReader(print_to_pdf(site_url + page, tmp_path / "arshjul.pdf"))
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    assert sizes == [size]
    text = "".join(reader.pages[0].extract_text().split())
    assert "Ringarna,inifrånochut" in text and "Ytterst:RådföravtalssamverkanSML" in text
    labels = shown_labels(shipped_site / "sml" / "arshjul" / "arshjul.svg")
    assert len(labels) >= 19
    for label in labels:
        assert "".join(label.split()) in text, label
    assert "Månadförmånad" not in text  # the text equivalent stays on screen

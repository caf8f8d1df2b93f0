"""Printable checklists: every point, on A4, without site chrome, with labelled checkboxes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from selenium import webdriver

from browser import axe, print_to_pdf
from conftest import SHIPPED_DATA

A4_POINTS = (595.0, 842.0)  # 210 × 297 mm
CHROME_WORDS = ("Sök", "Så uppdaterar du handboken", "Innehållsförteckning", "Skriv ut", "Rensa bockarna")


def checklist_pages(site: Path) -> list[str]:
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.glob("*/checklistor/*/index.html"))
    assert len(pages) >= 8
    return pages


def agenda_points() -> dict[str, list[str]]:
    """The SML discussion points, read from the data with a plain YAML reader."""
    agendas = yaml.safe_load((SHIPPED_DATA / "sml" / "diskussionspunkter.yaml").read_text(encoding="utf-8"))
    return {a["id"]: [p for s in a["avsnitt"] for p in s["punkter"]] for a in agendas["diskussionspunkter"]}


def pdf_text(pdf: Path) -> tuple[int, tuple[float, float], str]:
    reader = PdfReader(pdf)
    box = reader.pages[0].mediabox
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), (float(box.width), float(box.height)), " ".join(text.split())


def test_every_checklist_prints_on_a4_without_chrome(shipped_site: Path, site_url: str, tmp_path: Path) -> None:
    for page in checklist_pages(shipped_site):
        if page.endswith("-anteckningar"):
            continue
        pages, size, text = pdf_text(print_to_pdf(f"{site_url}{page}/", tmp_path / "out.pdf"))
        assert 1 <= pages <= 2, f"{page}: {pages} sidor"
        assert size == pytest.approx(A4_POINTS, abs=1.5), page
        for word in CHROME_WORDS:
            assert word not in text, f"{page}: '{word}' syns i utskriften"
        assert "Checklista:" in text, page


@pytest.mark.parametrize(
    ("page", "agenda"),
    [
        ("sml/checklistor/styrgrupp-arsbokslut-budget", "arsbokslut-budget"),
        ("sml/checklistor/styrgrupp-budget-delarsbokslut", "budget-delarsbokslut"),
    ],
)
def test_steering_group_checklists_fit_one_page_with_every_point(
    site_url: str, tmp_path: Path, page: str, agenda: str
) -> None:
    pages, _, text = pdf_text(print_to_pdf(f"{site_url}{page}/", tmp_path / "out.pdf"))
    assert pages == 1
    flat = re.sub(r"\s+", " ", text)
    for point in agenda_points()[agenda]:
        assert " ".join(point.split()) in flat, f"'{point}' saknas i utskriften"
    for municipality in ("Sotenäs", "Lysekil", "Munkedal"):
        assert municipality in flat


def test_checkboxes_have_labels_and_ticks_persist(driver: webdriver.Chrome, shipped_site: Path, site_url: str) -> None:
    for page in checklist_pages(shipped_site):
        driver.get(f"{site_url}{page}/")
        violations = axe(driver, {"runOnly": {"type": "rule", "values": ["label"]}})
        assert violations == [], f"{page}: {violations}"
    driver.get(f"{site_url}sml/checklistor/styrgrupp-arsbokslut-budget/")
    boxes = driver.find_elements("css selector", "[data-hb-checklista] input[type=checkbox]")
    assert len(boxes) == len(agenda_points()["arsbokslut-budget"])
    boxes[0].click()
    boxes[2].click()
    driver.refresh()
    ticked = [b.is_selected() for b in driver.find_elements("css selector", "[data-hb-checklista] input")]
    assert ticked[:3] == [True, False, True]
    driver.find_element("css selector", "[data-hb-rensa]").click()
    driver.refresh()
    assert not any(b.is_selected() for b in driver.find_elements("css selector", "[data-hb-checklista] input"))


def test_body_pages_and_arshjul_link_their_checklists(shipped_site: Path) -> None:
    styrgrupp = (shipped_site / "sml" / "organisation" / "styrgrupp" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../checklistor/styrgrupp-arsbokslut-budget/?mote=styrgrupp-februari"' in styrgrupp
    wheel = (shipped_site / "sml" / "arshjul" / "index.html").read_text(encoding="utf-8")
    assert 'href="../checklistor/rad-mars/"' in wheel

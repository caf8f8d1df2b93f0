"""The årshjul and the organisation chart: geometry by numbers, pictures through a real build."""

from __future__ import annotations

import math
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.render.geometry import CENTER, annular_sector, middle, month_start_angle, point
from generator.render.wheel import RING_COLOURS

from browser import print_to_pdf

SVG = "{http://www.w3.org/2000/svg}"


def test_january_starts_at_the_top_and_months_run_clockwise() -> None:
    assert month_start_angle(1) == 0
    assert month_start_angle(4) == 90
    assert month_start_angle(7) == 180
    assert point(0, 100) == (CENTER, CENTER - 100)
    assert point(90, 100) == (CENTER + 100, CENTER)
    assert point(180, 100) == (CENTER, CENTER + 100)


def test_coordinates_are_rounded_and_never_negative_zero() -> None:
    x, y = point(30, 100)
    assert (x, y) == (450.0, 313.4)
    assert "-0 " not in annular_sector(6, 6, 50, 100)


def arc_flags(path: str) -> list[tuple[str, str]]:
    return re.findall(r"A[\d.]+ [\d.]+ 0 (\d) (\d)", path)


def test_a_month_range_is_one_sector_across_both_months() -> None:
    path = annular_sector(9, 10, 100, 200)
    start = point(month_start_angle(9), 200)
    end = point(month_start_angle(11), 200)
    assert path.startswith(f"M{start[0]:g} {start[1]:g} ")
    assert f" 1 {end[0]:g} {end[1]:g} L" in path
    assert arc_flags(path) == [("0", "1"), ("0", "0")]  # 60°: small arcs, outer clockwise


def test_december_to_january_wraps_over_the_top() -> None:
    path = annular_sector(12, 1, 100, 200)
    assert path.startswith(f"M{point(330, 200)[0]:g} ")
    assert middle(12, 1, 150) == point(0, 150)


def test_a_whole_year_is_drawn_as_two_halves() -> None:
    path = annular_sector(1, 12, 100, 200)
    assert path.count("M") == 2
    assert arc_flags(path) == [("0", "1"), ("0", "0")] * 2


def relative_luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("fill", RING_COLOURS)
def test_ring_colours_keep_aa_contrast_for_black_numbers(fill: str) -> None:
    assert contrast("#000000", fill) >= 4.5


def test_month_labels_keep_aa_contrast() -> None:
    assert contrast("#ffffff", "#1d4f6e") >= 4.5


def links_resolve(site: Path, svg_file: Path, base_url_dir: str) -> list[str]:
    """Every link in an SVG, resolved as a browser would from `base_url_dir`; returns the broken ones."""
    root = ET.parse(svg_file).getroot()
    broken = []
    for anchor in root.iter(f"{SVG}a"):
        assert anchor.find(f"{SVG}title") is not None, "varje punkt ska ha en <title>"
        href = anchor.get("href", "").split("#")[0]
        target = posixpath.normpath(posixpath.join(base_url_dir, href))
        path = site / target
        if not (path.is_file() or (path / "index.html").is_file()):
            broken.append(href)
    return broken


def test_wheel_file_links_work_and_sep_oct_spans_two_months(shipped_site: Path) -> None:
    svg = shipped_site / "sml" / "arshjul" / "arshjul.svg"
    assert links_resolve(shipped_site, svg, "sml/arshjul") == []
    root = ET.parse(svg).getroot()
    titles = [t.text or "" for t in root.iter(f"{SVG}title")]
    assert sum(t.startswith("Vad händer i") for t in titles) == 12
    autumn = [t for t in titles if "Styrgrupp, september/oktober: Delårsbokslut/avstämning kommande år" in t]
    assert len(autumn) == 1
    for body in ("Råd för avtalssamverkan SML", "Styrgrupp", "Ekonomisk beredning/budgetberedning"):
        assert any(t.startswith(f"{body},") or f". {body}," in t for t in titles), body


def test_wheel_is_inline_with_its_text_equivalent(shipped_site: Path) -> None:
    html = (shipped_site / "sml" / "arshjul" / "index.html").read_text(encoding="utf-8")
    inline = html[html.index("<svg xmlns") : html.index("</svg>") + 6]
    page_svg = shipped_site / "inline.svg"
    page_svg.write_text(inline, encoding="utf-8")
    try:
        assert links_resolve(shipped_site, page_svg, "sml/arshjul") == []
    finally:
        page_svg.unlink()
    assert "Månad för månad" in html
    assert 'href="arshjul.svg"' in html
    for month in ("januari", "juli", "december"):
        assert (shipped_site / "sml" / "arshjul" / month / "index.html").is_file()
    february = (shipped_site / "sml" / "arshjul" / "februari" / "index.html").read_text(encoding="utf-8")
    assert "Vad händer i februari?" in february
    assert "Ekonomicheferna föreslår en budgetram efter första skatteprognosen i februari." in february


def boxes(svg: Path) -> dict[str, float]:
    root = ET.parse(svg).getroot()
    found = {}
    for anchor in root.iter(f"{SVG}a"):
        title = (anchor.find(f"{SVG}title").text or "").split(":")[0]  # type: ignore[union-attr]
        rect = anchor.find(f"{SVG}rect")
        assert rect is not None
        found[title] = float(rect.get("y", "0"))
    return found


def test_org_chart_puts_preparation_below_decision(shipped_site: Path) -> None:
    sydnarke = boxes(shipped_site / "sydnarke" / "organisation" / "organisation.svg")
    assert sydnarke["Samordningsgrupp"] > sydnarke["Ledningsgrupp (KC/KD-syd)"] > sydnarke["Samverkansgrupp"]
    assert sydnarke["Fullmäktige i respektive kommun"] == sydnarke["Samverkansgrupp"]
    sml = boxes(shipped_site / "sml" / "organisation" / "organisation.svg")
    assert sml["Beredningar"] > sml["Styrgrupp"] > sml["Råd för avtalssamverkan SML"]
    assert (
        links_resolve(shipped_site, shipped_site / "sml" / "organisation" / "organisation.svg", "sml/organisation")
        == []
    )


def test_geometry_matches_trigonometry_everywhere() -> None:
    for month in range(1, 13):
        angle = month_start_angle(month)
        x, y = point(angle, 250)
        assert math.isclose(math.hypot(x - CENTER, y - CENTER), 250, abs_tol=0.02)


def test_wheel_prints_on_one_a4_landscape_page(site_url: str, tmp_path: Path) -> None:
    reader = PdfReader(print_to_pdf(f"{site_url}sml/arshjul/", tmp_path / "arshjul.pdf"))
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    assert sizes.count((842, 595)) == 1, sizes  # the picture: A4 landscape
    landscape = reader.pages[sizes.index((842, 595))].extract_text()
    assert "Januari" in landscape and "December" in landscape and "Åtgärder" not in landscape

"""The årshjul and the organisation chart: geometry by numbers, pictures through a real build."""

from __future__ import annotations

import math
import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import astuple
from pathlib import Path

import pytest
from PIL import Image

from generator.engines.raster import png_from_svg
from generator.render.pages.orgchart import org_chart_svg
from generator.render.wheel.geometry import (
    CENTER,
    annular_sector,
    baseline_radius,
    middle,
    month_start_angle,
    on_lower_half,
    point,
    text_arc,
)
from generator.render.wheel.labels import place_label
from generator.render.wheel.markers import status_marker
from generator.render.wheel.rings import PALETTE
from generator.render.wheel.textwidth import text_width
from generator.validate import read_handbook

SVG = "{http://www.w3.org/2000/svg}"


MONTH_FOLDERS = {
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
}  # fmt: skip


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


@pytest.mark.parametrize("fill", PALETTE)
def test_item_colours_carry_black_text_and_stand_out_from_their_white_surroundings(fill: str) -> None:
    assert contrast("#000000", fill) >= 4.5  # the words on the item
    assert contrast("#ffffff", fill) >= 3  # the gaps and background around it (WCAG 1.4.11)
    assert contrast("#f2f2f2", fill) >= 3  # the ring's own background


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
    month_pages = [p for p in (shipped_site / "sml" / "arshjul").iterdir() if p.name in MONTH_FOLDERS]
    # One link per month with something in it (SML's policy has nothing in January, May and July).
    assert sum(t.startswith("Vad händer i") for t in titles) == len(month_pages) >= 9
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
    for month in ("februari", "juni", "december"):
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


def arc_end_angles(path: str) -> tuple[float, float, str]:
    """The angles where a label's path starts and ends, and its sweep flag."""
    numbers = re.match(r"M([\d.-]+) ([\d.-]+) A[\d.]+ [\d.]+ 0 \d (\d) ([\d.-]+) ([\d.-]+)$", path)
    assert numbers is not None, path
    x1, y1, sweep, x2, y2 = numbers.groups()

    def angle(x: str, y: str) -> float:
        return math.degrees(math.atan2(float(x) - CENTER, CENTER - float(y))) % 360

    return angle(x1, y1), angle(x2, y2), sweep


@pytest.mark.parametrize(
    ("month", "lower"),
    [(1, False), (2, False), (3, False), (4, True), (6, True), (7, True), (9, True), (10, False), (12, False)],
)
def test_labels_on_the_lower_half_run_anticlockwise_so_they_read_upright(month: int, lower: bool) -> None:
    start, end = month_start_angle(month), month_start_angle(month) + 30
    label = place_label(("Budget",), start, end, 300, 340)
    assert label is not None
    first, last, sweep = arc_end_angles(text_arc(*astuple(label.lines[0][1])))
    assert on_lower_half(start + 15) is lower
    if lower:  # from the month's end back to its start: left to right at the bottom of the wheel
        assert (sweep, round(first), round(last)) == ("0", round(end % 360), round(start))
        # glyphs rise towards the centre there, so the baseline lies outside the lane's middle
        assert baseline_radius(320, 14, start + 15) > 320
    else:
        assert (sweep, round(first), round(last)) == ("1", round(start), round(end % 360))
        assert baseline_radius(320, 14, start + 15) < 320


def test_a_two_line_label_reads_top_line_first_on_both_halves() -> None:
    for month, outer_first in ((1, True), (7, False)):
        start = month_start_angle(month)
        label = place_label(("Delårsbokslut och kommande års budget",), start, start + 60, 250, 300)
        assert label is not None and len(label.lines) == 2
        radii = [arc.radius for _, arc in label.lines]
        assert (radii[0] > radii[1]) is outer_first


@pytest.mark.parametrize(
    ("texts", "span", "inner", "outer", "expected"),
    [
        (("Budget",), 30, 300, 340, "Budget"),  # fits on one line
        (("Kort", "En mycket lång rubrik som aldrig får plats"), 30, 100, 130, "Kort"),  # 'kort' first
        (("En mycket lång rubrik som aldrig får plats här",), 30, 100, 130, None),  # the number instead
        (("Budget",), 30, 100, 108, None),  # the lane is too narrow for any size
    ],
)
def test_a_label_is_placed_only_where_it_fits(
    texts: tuple[str, ...], span: float, inner: float, outer: float, expected: str | None
) -> None:
    label = place_label(texts, 0, span, inner, outer)
    assert (label.lines[0][0] if label else None) == expected
    if label is not None:  # the estimate leaves the margins free at both ends of the arc
        radius = label.lines[0][1].radius
        assert text_width(label.lines[0][0], label.size) / radius <= math.radians(span)


def test_every_status_has_its_own_shape_and_words() -> None:
    keys = ("planerat", "flyttat", "installt", "forslag", "exempel")
    markers = [status_marker(k) for k in keys]
    assert len({m.shape for m in markers}) == len(keys)
    assert len({m.words for m in markers}) == len(keys)
    assert status_marker("nytt").words == "nytt"  # a new status still gets a marker and a name


def test_the_png_is_a_large_valid_image_and_the_same_every_time(shipped_site: Path) -> None:
    png = shipped_site / "sml" / "arshjul" / "arshjul.png"
    svg = (shipped_site / "sml" / "arshjul" / "arshjul.svg").read_text(encoding="utf-8")
    with Image.open(png) as image:
        image.verify()
    with Image.open(png) as image:
        width, height = image.size
    root = ET.parse(shipped_site / "sml" / "arshjul" / "arshjul.svg").getroot()
    _, _, view_w, view_h = (float(v) for v in root.get("viewBox", "").split())
    assert width >= 3000
    assert abs(height - width * view_h / view_w) <= 1
    assert png_from_svg(svg) == png.read_bytes()  # byte-identical when made again


def test_the_standalone_svg_is_self_contained(shipped_site: Path) -> None:
    svg = shipped_site / "sml" / "arshjul" / "arshjul.svg"
    text = svg.read_text(encoding="utf-8")
    root = ET.parse(svg).getroot()
    assert root.get("width") is None and root.get("height") is None and root.get("viewBox")
    assert root.find(f"{SVG}style") is not None
    assert "Segoe UI" in (root.get("font-family") or "") and "Arial" in text
    assert not re.search(r"(?:href|src)=\"(?:https?:)?//", text) and "@import" not in text and "url(" not in text
    assert ">R1<" not in text
    assert "Ringarna, inifrån och ut" in text and "Styrgrupp" in text


def test_a_cooperation_without_months_says_so_and_lists_its_steps(shipped_site: Path) -> None:
    html = (shipped_site / "sydnarke" / "arshjul" / "index.html").read_text(encoding="utf-8")
    assert "anger inga månader" in html
    assert "hb-arshjul" not in html and "arshjul.svg" not in html
    assert "Gemensam budgetdag" in html
    assert "Månad för månad" not in html and "<td></td>" not in html
    assert not (shipped_site / "sydnarke" / "arshjul" / "arshjul.svg").exists()


def org_chart_of(data: Path, extra_bodies: int) -> str:
    """The fixture's chart with `extra_bodies` more bodies that prepare for the steering group."""
    file = data / "exempel" / "grupper.yaml"
    more = "".join(
        f"  - id: grupp{n}\n    namn: Arbetsgrupp nummer {n}\n    typ: beredning\n    bereder_for: [styrgrupp]\n"
        for n in range(extra_bodies)
    )
    file.write_text(file.read_text(encoding="utf-8") + more, encoding="utf-8")
    c = read_handbook(data).cooperations[0]
    return org_chart_svg(c, "exempel/organisation/organisation.svg")


@pytest.mark.parametrize("extra", [0, 17])  # 3 bodies as in the fixture, and 20
def test_org_chart_keeps_a_readable_size_and_its_legend_fits(data_copy: Path, extra: int) -> None:
    root = ET.fromstring(org_chart_of(data_copy, extra))
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert root.get("style") == f"max-width:{width:g}px"  # never blown up beyond its natural size
    assert width <= 2 * 16 + 4 * 210 + 3 * 24  # at most four boxes a row, so text stays legible when scaled
    legend_end = max(float(t.get("x", "0")) + text_width(t.text or "", 14) for t in root.iter(f"{SVG}text") if t.text)
    assert legend_end <= width
    rects = [r for r in root.iter(f"{SVG}rect") if r.get("rx")]
    assert len(rects) == 3 + extra
    assert all(float(r.get("x", "0")) + float(r.get("width", "0")) <= width for r in rects)
    assert all(float(r.get("y", "0")) + float(r.get("height", "0")) <= height for r in rects)

"""The navigation each page carries: its own cooperation, never the others'.

Every page used to list every cooperation in the tabs and the menu, so each cooperation added
made every page heavier and the site grew with the square of its size. Now a cooperation's pages
do not change at all when another cooperation is added, and the home page is the way between
cooperations.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import build_site


class _Links(HTMLParser):
    """Link texts inside the element with class `within` (e.g. the tabs or the main menu)."""

    def __init__(self, within: str) -> None:
        super().__init__()
        self.within, self.depth = within, 0
        self.texts: list[str] = []
        self.hrefs: list[str] = []
        self._text: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += tag not in ("input", "img", "br", "meta", "link")
        elif self.within in classes:
            self.depth = 1
        if self.depth and tag == "a":
            self._text = ""
            self.hrefs.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == "a" and self._text is not None:
            self.texts.append(" ".join(self._text.split()))
            self._text = None
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text += data


def links(page: Path, within: str) -> _Links:
    parser = _Links(within)
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_a_cooperations_pages_name_only_their_own_cooperation(planned_site: Path) -> None:
    for page in [planned_site / "sml" / "index.html", planned_site / "sml" / "organisation" / "index.html"]:
        tabs = links(page, "md-tabs__list").texts
        assert tabs == ["Start", "SML", "Tillgänglighet", "Så uppdaterar du handboken"], page
        menu = " ".join(links(page, "md-nav--primary").texts)
        assert "Sydnärke" not in menu and "Organisation" in menu and "Årshjul" in menu, page


def test_the_home_page_is_the_way_between_cooperations(planned_site: Path) -> None:
    home = planned_site / "index.html"
    assert links(home, "md-tabs__list").texts == ["Start", "Tillgänglighet", "Så uppdaterar du handboken"]
    assert {"SML", "Sydnärke"} <= set(links(home, "md-nav--primary").texts)  # the phone's menu
    article = links(home, "md-content").hrefs
    assert "sml/" in article and "sydnarke/" in article


def test_adding_a_cooperation_leaves_the_others_pages_unchanged(
    planned_data: Path, planned_site: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(planned_data, data)
    shutil.copytree(data / "sml", data / "sml-kopia")
    info = data / "sml-kopia" / "samverkan.yaml"
    info.write_text(
        re.sub(r"(?m)^kortnamn: .*$", "kortnamn: Kopian", info.read_text(encoding="utf-8")), encoding="utf-8"
    )
    bigger = build_site(data, tmp_path / "site")
    pages = sorted(p.relative_to(planned_site) for p in (planned_site / "sml").rglob("*.html"))
    assert len(pages) > 40
    changed = [str(p) for p in pages if (bigger / p).read_bytes() != (planned_site / p).read_bytes()]
    assert changed == []
    assert "Kopian" in links(bigger / "sml-kopia" / "index.html", "md-tabs__list").texts


@pytest.mark.parametrize("page", ["uppdatera/index.html", "tillganglighet/index.html"])
def test_hand_written_pages_list_no_cooperation(planned_site: Path, page: str) -> None:
    menu = links(planned_site / page, "md-nav--primary").texts
    assert "SML" not in menu and "Sydnärke" not in menu and "Start" in menu


def test_only_months_with_something_in_them_get_a_page(planned_data: Path) -> None:
    """No page that can only say that nothing happens; every month link (wheel, neighbours) works."""
    from generator.render.site import render_site
    from generator.validate import read_handbook

    files = render_site(read_handbook(planned_data)).files
    for c in ("sml", "sydnarke"):
        months = {p for p in files if re.fullmatch(rf"{c}/arshjul/[a-z]+\.md", p) and "affisch" not in p}
        for month in months:
            text = str(files[month])
            nothing = "Inga möten enligt styrdokumentet" in text and "Inga steg eller tidsgränser" in text
            assert not nothing or "### Med datum" in text, month
        linked = {
            f"{c}/arshjul/{name}.md"
            for path, text in files.items()
            if path.startswith(f"{c}/") and isinstance(text, str)
            for name in re.findall(r'(?:arshjul/|\()([a-z]+)(?:/"|\.md\))', text)
            if name in MONTH_NAMES
        }
        assert linked <= months, f"{c}: länkar till månader utan sida: {sorted(linked - months)}"
    pages = {
        c: [p for p in files if p.startswith(f"{c}/arshjul/") and p[:-3].split("/")[-1] in MONTH_NAMES]
        for c in ("sml", "sydnarke")
    }
    assert len(pages["sml"]) >= 6 and pages["sydnarke"] == []  # Sydnärke's policy names no months


MONTH_NAMES = {
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
}  # fmt: skip

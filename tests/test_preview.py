"""`make serve` rebuilds only the pages a change touches, and never shows a stale page.

Replay, in one preview: change a text on one page, rename a group (the navigation of every page
in its section changes, also where the text did not), break a file and fix it (the hand-written
pages get their text back). After each step the pages are read as a browser would.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.model import with_address
from generator.render.site import Earlier, render_site
from generator.validate import read_handbook

from helpers import project_copy
from test_serve import fetch, preview, wait_for


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    project_copy(tmp_path)
    with preview(tmp_path, "generator") as url:
        yield url


def test_each_change_reaches_every_page_it_touches(server: str, tmp_path: Path) -> None:
    groups = tmp_path / "data" / "exempel" / "grupper.yaml"
    body = f"{server}exempel/organisation/styrgrupp/"
    sibling = f"{server}exempel/organisation/fullmaktige/"  # names the group only in its menu
    assert wait_for(body, "Prioritera utvecklingsinsatser")
    assert "Styrgrupp" in fetch(sibling).split('class="md-content"')[0]

    def change(old: str, new: str) -> None:
        text = groups.read_text(encoding="utf-8")
        assert old in text
        groups.write_text(text.replace(old, new), encoding="utf-8")

    change("Prioritera utvecklingsinsatser", "Ny uppgift från data")  # one page's text
    assert wait_for(body, "Ny uppgift från data")
    menu = fetch(body).split('class="md-content"')[0]  # the pages not rebuilt keep their titles in it
    assert "Ekonomiberedning" in menu and "Kommunfullmäktige" in menu and not re.search(r">\s*None\s*<", menu)
    change("namn: Styrgrupp\n", "namn: Ledningsgruppen\n")  # a title in the navigation
    assert wait_for(body, "Ledningsgruppen")
    assert wait_for(sibling, "Ledningsgruppen")  # its text is the same; its menu is not
    change("minst_moten_per_ar: 2", "minst_moten_per_ar: [")  # broken: every page shows the errors
    assert wait_for(f"{server}uppdatera/", "Fel i datafilerna")
    change("minst_moten_per_ar: [", "minst_moten_per_ar: 2")
    assert wait_for(f"{server}uppdatera/", "Vilken fil har vad?")
    assert "Fel i datafilerna" not in fetch(f"{server}uppdatera/")
    assert "Ledningsgruppen" in fetch(body) and "Fel i datafilerna" not in fetch(sibling)
    config = tmp_path / "mkdocs.yml"  # the site's name is on every page, none of whose text changed
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: ", "site_name: Ny "), encoding="utf-8")
    assert wait_for(sibling, "Ny Handbok")


@pytest.mark.slow  # renders the whole shipped site three times
def test_a_cooperation_that_did_not_change_is_not_rendered_again(planned_data: Path, tmp_path: Path) -> None:
    """The preview renders again only what changed, and the result is what a full render gives."""
    first = read_handbook(planned_data)
    site = render_site(first)
    data = tmp_path / "data"
    shutil.copytree(planned_data, data)
    groups = data / "sml" / "grupper.yaml"
    groups.write_text(groups.read_text(encoding="utf-8").replace("Styrgrupp", "Ledningsgrupp"), encoding="utf-8")
    second = read_handbook(data)
    again = render_site(second, earlier=Earlier(first, site, True))
    assert again.files == render_site(second).files
    assert again.files["sydnarke/index.md"] is site.files["sydnarke/index.md"]  # kept, not rendered
    assert again.files["sml/index.md"] != site.files["sml/index.md"]
    for earlier in (Earlier(first, site, False), Earlier(with_address(first, "https://annan.example/"), site, True)):
        assert render_site(second, earlier=earlier).files["sydnarke/index.md"] is not site.files["sydnarke/index.md"]

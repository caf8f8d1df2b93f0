"""The handbook on Zensical, the successor of Material for MkDocs.

One Zensical build of a copy of the fixture data (with markup characters in the cooperation's
short name, which is a navigation title), compared page by page with the MkDocs build of the
same data by benchmarks/compare_engines.py, whose KNOWN lists every expected difference with
its reason. Then the browser checks the MkDocs site gets: axe-core on every page, no request
to another site, and a search that finds a page.
"""

from __future__ import annotations

import html
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.support.ui import WebDriverWait

from generator import theme

from browser import SETTLED, WCAG_TAGS, all_pages, axe, requested_urls, serve, summary
from compare_engines import Difference, compare, known, new_differences, report
from conftest import FIXTURE_DATA, build_site, run_generator
from helpers import project_copy, tree_digest

SHORT_NAME = "NoSö <i>&</i>"  # unescaped, a navigation title would lose its tags and differ
QUERY = ("budgetdagen", "exempel/checklistor/styrgrupp-var/")  # a word only that page has


def _data(target: Path) -> Path:
    shutil.copytree(FIXTURE_DATA, target)
    info = target / "exempel" / "samverkan.yaml"
    text = info.read_text(encoding="utf-8")
    assert text.count("kortnamn: NoSö\n") == 1
    info.write_text(text.replace("kortnamn: NoSö\n", f"kortnamn: '{SHORT_NAME}'\n"), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(MkDocs site, Zensical site) of the same data; each build keeps its own calendar history."""
    root = tmp_path_factory.mktemp("engines")
    mkdocs = build_site(_data(root / "data-mkdocs"), root / "site")
    data = _data(root / "data-zensical")
    result = run_generator("build-zensical", "--data", str(data), "--out", str(root / "zensical"))
    assert result.returncode == 0, result.stderr
    return mkdocs, root / "zensical" / "site"


@pytest.fixture(scope="module")
def zensical_url(sites: tuple[Path, Path]) -> Iterator[str]:
    with serve(sites[1]) as url:
        yield url


def test_zensical_site_has_no_difference_beyond_the_known(sites: tuple[Path, Path]) -> None:
    mkdocs, zensical = sites
    assert len(all_pages(zensical)) == len(all_pages(mkdocs)) > 20
    found = compare(mkdocs, zensical, QUERY)
    assert new_differences(found) == [], report(found)
    assert html.escape(SHORT_NAME, quote=False) in (zensical / "exempel" / "index.html").read_text("utf-8")


def test_comparison_reports_a_changed_text_feed_and_missing_page(sites: tuple[Path, Path], tmp_path: Path) -> None:
    """The comparison can fail: a word changed, a feed byte changed, a page gone, a font from a CDN."""
    mkdocs, zensical = sites
    changed = tmp_path / "site"
    shutil.copytree(zensical, changed)
    page = changed / "exempel" / "roller" / "index.html"
    head, article = page.read_text("utf-8").split("<article", 1)
    page.write_text(head + "<article" + article.replace("Ekonomichef", "Ekonomichefen", 1), "utf-8")
    feed = changed / "exempel" / "kalender" / "alla.ics"
    assert feed.is_file()
    feed.write_bytes(feed.read_bytes().replace(b"\r\n", b"\n", 1))
    (changed / "exempel" / "kalender" / "index.html").unlink()
    home = changed / "index.html"
    home.write_text(home.read_text("utf-8").replace("</head>", '<link rel="stylesheet" href="//cdn.example/f.css">'))

    found = {(d.check, d.path) for d in new_differences(compare(mkdocs, changed, QUERY))}

    assert ("text", "exempel/roller/index.html") in found
    assert ("byte", feed.relative_to(changed).as_posix()) in found
    assert ("bara-mkdocs", "exempel/kalender/index.html") in found
    assert ("tredje-part", "zensical:index.html") in found


def test_build_zensical_reports_data_errors_and_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    roles = data / "exempel" / "roller.yaml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("namn: Ekonomichef", "namn: [Ekonomichef"), "utf-8")

    result = run_generator("build-zensical", "--data", str(data), "--out", str(tmp_path / "zensical"))

    assert result.returncode == 1
    assert "roller.yaml:" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_zensical_failure_names_the_link_and_leaves_the_project_untouched(
    sites: tuple[Path, Path], tmp_path: Path
) -> None:
    """A strict-mode warning from Zensical (a broken link in docs/) fails the build; the last good
    project and site stay as they were. (A failing build: no second full build for CI.)"""
    project = tmp_path / "zensical"
    shutil.copytree(sites[1].parent, project)
    before = tree_digest(project)
    repo = project_copy(tmp_path / "repo", data=None)
    page = repo / "docs" / "uppdatera.md"  # the project's own page, in place of the package's
    guide = (theme.DOCS / "uppdatera.md").read_text(encoding="utf-8")
    page.write_text(guide + "\n[Trasig länk](finns-inte.md)\n", encoding="utf-8")
    data = _data(tmp_path / "data")

    result = run_generator(
        "build-zensical", "--data", str(data), "--out", str(project), "--config", str(repo / "mkdocs.yml")
    )

    assert result.returncode == 1
    assert "uppdatera.md:" in result.stderr and "finns-inte.md" in result.stderr
    assert "Traceback" not in result.stderr and "\x1b" not in result.stderr
    assert f"{project}/ är oförändrad" in result.stderr
    assert tree_digest(project) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "repo", "zensical"], "staging folders left behind"


def test_no_axe_violations_on_any_zensical_page(
    driver: webdriver.Chrome, sites: tuple[Path, Path], zensical_url: str
) -> None:
    pages = all_pages(sites[1])
    for page in pages:
        driver.get(zensical_url + page)
        # Zensical's bundle makes code blocks focusable and fades content in after load.
        WebDriverWait(driver, 10).until(lambda d: d.execute_script(SETTLED))
        violations = axe(driver, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert summary(violations) == [], page


def _open_search(driver: webdriver.Chrome, url: str, word: str) -> list[str]:
    """Type `word` into Zensical's search dialog (in its shadow DOM); returns the result links."""
    driver.get(url)
    driver.find_element("css selector", ".md-search__button").click()
    field = WebDriverWait(driver, 20).until(lambda d: d.switch_to.active_element)
    field.send_keys(word)
    script = (
        "const host = [...document.querySelectorAll('*')].find(e => e.shadowRoot && e.shadowRoot.querySelector("
        "'[role=option]')); return host ? [...host.shadowRoot.querySelectorAll('[role=option]')].map(a => a.href) : [];"
    )
    hits: list[str] = WebDriverWait(driver, 20).until(lambda d: d.execute_script(script))
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(SETTLED))
    return hits


def test_zensical_search_finds_the_page_and_its_dialog_has_only_known_violations(
    driver: webdriver.Chrome, zensical_url: str
) -> None:
    word, page = QUERY
    hits = _open_search(driver, zensical_url + "exempel/", word)
    assert any(h.split("#")[0] == zensical_url + page for h in hits), hits
    violations = axe(driver, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    unknown = [v for v in summary(violations) if known(Difference("axe-sök", v.split(":")[0])) is None]
    assert unknown == []


def test_every_request_from_the_zensical_site_stays_on_it(
    driver: webdriver.Chrome, sites: tuple[Path, Path], zensical_url: str
) -> None:
    for page in all_pages(sites[1]):
        driver.get(zensical_url + page)
    _open_search(driver, zensical_url, QUERY[0])  # the search worker and its index load too
    requests = requested_urls(driver)
    network = [u for u in requests if u.startswith(("http:", "https:", "ws:", "wss:"))]
    assert any(u.endswith("search.json") for u in network)
    assert any(u.endswith(".css") for u in network) and any(u.endswith(".js") for u in network)
    assert sorted(u for u in network if not u.startswith(zensical_url)) == []

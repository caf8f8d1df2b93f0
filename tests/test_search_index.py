"""What goes into search: sentences from the pages, not the wheel's month links or the banner of
member municipalities; a dated meeting's notice and minutes before the undated templates, and one
result per paper. Typed into the site's own search box in Chromium, on the shipped data with the
tests' own plan for 2027 (tests/fixtures/plans/)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from test_search import top_pages

from browser import serve

DATED = re.compile(r"-\d{4}-\d{2}-\d{2}/")  # a dated meeting's papers: sml/moten/styrgrupp-mars-2027-03-18/
# What must never fill a snippet: the wheel's month links ('Vad händer i februari?Februari') and the
# banner of member municipalities ('SML Sotenäs (S) Lysekil (L) Munkedal (M)').
NOT_SENTENCES = re.compile(r"Vad händer i|[a-zåäö]\?[A-ZÅÄÖ]|Sotenäs \(S\)\s+Lysekil \(L\)\s+Munkedal")


@pytest.fixture(scope="module")
def planned_url(planned_site: Path) -> Iterator[str]:
    with serve(planned_site) as url:
        yield url


def snippets(driver: webdriver.Chrome) -> list[str]:
    """The text under each result's title."""
    articles = driver.find_elements("css selector", ".md-search-result__article")
    return [e.text.partition("\n")[2] for e in articles]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "page"),
    [("internkontroll", "sml/processer/internkontroll/"), ("budgeten", "sml/processer/budget/")],
)
def test_the_page_first_and_snippets_are_sentences(
    driver: webdriver.Chrome, planned_url: str, query: str, page: str
) -> None:
    found = top_pages(driver, planned_url, query)
    assert page in found[:3], f"{query}: {found[:5]}"
    shown = snippets(driver)
    assert shown and not [s for s in shown if NOT_SENTENCES.search(s)], shown[:5]


@pytest.mark.browser
def test_dated_notices_before_templates_and_each_paper_once(
    driver: webdriver.Chrome, planned_url: str, planned_site: Path
) -> None:
    found = top_pages(driver, planned_url, "kallelse")
    papers = [p for p in found if "/moten/" in p and p.count("/") > 2]
    assert any(DATED.search(p) for p in found[:5]), f"kallelse: {found[:8]}"
    first_undated = next((i for i, p in enumerate(papers) if not DATED.search(p)), len(papers))
    assert all(DATED.search(p) for p in papers[:first_undated]) and not any(
        DATED.search(p) for p in papers[first_undated:]
    ), f"daterade möten före mallarna utan datum: {papers}"
    dated_occasions = {DATED.split(p)[0] for p in (p.as_posix() + "/" for p in planned_site.glob("*/moten/*"))}
    twice = [p for p in papers if not DATED.search(p) and p.rstrip("/") in {d.rstrip("/") for d in dated_occasions}]
    assert twice == [], "en mall utan datum för ett möte som har ett datum ger samma handling två gånger"
    shown = snippets(driver)
    assert not [s for s in shown if NOT_SENTENCES.search(s)], shown[:5]

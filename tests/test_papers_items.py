"""The agenda's 'Nästa möte' item is known by its flag, never by its title: an agenda section or
an extra item of the same name gets no next-meeting line, in Word or on the web. And the facts
of a meeting are one list that both papers show."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable

import docx
import pytest

from generator.model import Cooperation
from generator.render.environment import render
from generator.render.papers.papers import Papers, dated_papers
from generator.render.papers.word import minutes_docx, notice_docx
from generator.render.paths import Links, notice_page
from generator.validate import read_handbook

from conftest import FIXTURE_DATA


def fixture() -> Cooperation:
    return read_handbook(FIXTURE_DATA).cooperations[0]


def papers_titled(title: str) -> Papers:
    """The papers of the fixture's first dated meeting, with an extra item called `title`."""
    c = fixture()
    meeting = dataclasses.replace(c.schedules[0].meetings[0], title=title)
    return dated_papers(c, meeting)


def word_text(content: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(content)).paragraphs]


def web_text(p: Papers, template: str) -> str:
    c = fixture()
    return render(template, c=c, p=p, links=Links(c, notice_page(c, p.key)))


def test_only_the_closing_item_sets_the_next_meeting() -> None:
    p = papers_titled("Nästa möte")
    named = [i for i in p.items if i.title == "Nästa möte"]
    assert len(named) == 2
    extra, closing = named
    assert (extra.sets_next_meeting, closing.sets_next_meeting) == (False, True)
    assert closing.number == len(p.items) - 1
    assert p.next_meeting is not None
    assert p.next_meeting_for(extra) is None
    assert p.next_meeting_for(closing) == p.next_meeting


@pytest.mark.parametrize(
    ("render_paper", "line"),
    [
        (lambda p: word_text(notice_docx(p)), "{next}"),
        (lambda p: word_text(minutes_docx(p)), "Enligt mötesplanen: {next}"),
        (lambda p: web_text(p, "notice.md.j2").splitlines(), "    - {next}"),
        (lambda p: web_text(p, "minutes.md.j2").splitlines(), "<li>Enligt mötesplanen: {next}</li>"),
    ],
    ids=["word-notice", "word-minutes", "web-notice", "web-minutes"],
)
def test_an_item_named_like_the_next_meeting_gets_no_next_meeting_line(
    render_paper: Callable[[Papers], list[str]], line: str
) -> None:
    p = papers_titled("Nästa möte")
    assert p.next_meeting is not None
    lines = render_paper(p)
    assert lines.count(line.format(next=p.next_meeting)) == 1


def test_word_and_web_list_the_same_facts_in_the_same_order() -> None:
    """The web page lists every fact; the Word notice those that have no place of their own there
    (the plan's status is in the header, the absence deadline under "Förhinder")."""
    p = papers_titled("Extra punkt")
    facts = [f for f in p.facts if not f.group and not f.elsewhere_in_word]
    assert [f.label for f in p.facts][:2] == ["Datum och tid", "Plats"]
    assert any(f.elsewhere_in_word for f in p.facts)
    word = [t for t in word_text(notice_docx(p)) if any(t.startswith(f"{f.label}: ") for f in p.facts)]
    assert word == [f"{f.label}: {f.value}" for f in facts]
    web = [t for t in web_text(p, "notice.md.j2").splitlines() if t.startswith("- ") and ": " in t]
    assert [t.split(": ", 1)[0] for t in web[: len(p.facts)]] == [f"- {f.label}" for f in p.facts]

"""Every text the build produces, proofread: the pages, the calendar feeds, the Word papers and the
print edition's PDF, for the shipped data and for a year with an adopted plan, a moved and a cancelled
meeting and reasons that end in a full stop (tests/fixtures/proofreading/).

Hunspell's Swedish dictionary (Debian's hunspell-sv) and the project's own word list
(tests/proofreading/ord.txt: names, abbreviations, the documents' terms) read every word; an unknown
word, a doubled full stop, or a sentence run into the next ('februari.Budget') fails with the page
and the sentence it stands in.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import docx
import icalendar
import pypdf
import pytest
from lxml import html

from conftest import ROOT, build_site, require_tool, shipped_with_plans

WORD_LIST = ROOT / "tests" / "proofreading" / "ord.txt"
YEAR = ROOT / "tests" / "fixtures" / "proofreading"

# Elements after which a reader sees a break, so that their texts are not read as one word.
BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "dt", "dd", "br", "tr", "table"}
BLOCKS |= {"figcaption", "summary", "details", "ul", "ol", "section", "blockquote", "label", "nav", "header"}
# Code, commands and file names are not prose: they are written as the machine wants them.
NOT_PROSE = "//script|//style|//code|//pre|//kbd|//svg|//*[@hidden]|//*[@aria-hidden='true']"

WORD = re.compile(r"[^\W\d_]+")
# Addresses, file names and paths: not words a dictionary knows.
MACHINE_TEXT = re.compile(
    r"\S*(?:https?://|webcal://|www\.|@)\S*|\S*/\S*/\S*|\S*\.(?:docx|pdf|ics|png|svg|yaml|html|md|json)\b"
)
SUSPENDED = re.compile(r"[^\W\d_]+-(?=[\s,/])")  # 'delårs- och årsbokslut': the first part of a compound left open
DOUBLED_STOP = re.compile(r"(?<!\.)[.!?]\.(?!\.)")
RUN_TOGETHER = re.compile(r"[a-zåäöé][.?!:;,][A-ZÅÄÖ]")
SENTENCE = re.compile(r"[^\n.!?]*(?:[.!?]+|\n|$)")


def texts(site: Path) -> Iterator[tuple[str, str]]:
    """(file, text) for everything a reader of `site` reads."""
    for path in sorted(site.rglob("*.html")):
        yield _name(site, path), _page_text(path)
    for path in sorted(site.rglob("*.ics")):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        for event in calendar.walk("VEVENT"):
            yield _name(site, path), "\n".join(str(event.get(key, "")) for key in ("SUMMARY", "DESCRIPTION"))
    for path in sorted(site.rglob("*.docx")):
        yield _name(site, path), _paper_text(path)
    for path in sorted(site.rglob("*.pdf")):
        yield _name(site, path), _pdf_text(path)


def _name(site: Path, path: Path) -> str:
    return str(path.relative_to(site))


def _page_text(path: Path) -> str:
    tree = html.parse(str(path), parser=html.HTMLParser(encoding="utf-8"))
    for element in tree.xpath(NOT_PROSE):
        element.drop_tree()
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag in BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    body = tree.xpath("//body")
    return str(body[0].text_content()) if body else ""


def _pdf_text(path: Path) -> str:
    """The PDF's lines. Words turned along the wheel's arcs are a picture's, read one glyph at a
    time (as the pages leave out their pictures' words): the key under the wheel says them in lines."""
    parts: list[str] = []

    def along_a_line(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        turned = tm[0] * cm[1] + tm[1] * cm[3], tm[2] * cm[0] + tm[3] * cm[2]  # zero for text not turned
        parts.append(text if all(abs(value) < 1e-6 for value in turned) else "\n")

    for page in pypdf.PdfReader(path).pages:
        page.extract_text(visitor_text=along_a_line)
        parts.append("\n")
    return "".join(parts)


def _paper_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [p.text for section in document.sections for p in section.header.paragraphs]
    return "\n".join(parts)


def findings(site: Path) -> list[str]:
    """Every unknown word, doubled stop and run-together sentence in `site`, with where and in what."""
    sentences: dict[str, dict[str, str]] = defaultdict(dict)  # word → file → the first sentence with it
    found = []
    for name, text in texts(site):
        text = MACHINE_TEXT.sub(" ", text)
        for sentence in SENTENCE.findall(text):
            line = " ".join(sentence.split())
            for word in WORD.findall(SUSPENDED.sub(" ", sentence)):
                if len(word) > 1:
                    sentences[word].setdefault(name, line)
        found += [f"{name}: dubbel punkt: «{_around(text, m)}»" for m in DOUBLED_STOP.finditer(text)]
        found += [f"{name}: meningar ihopskrivna: «{_around(text, m)}»" for m in RUN_TOGETHER.finditer(text)]
    for word in unknown_words(sorted(sentences)):
        found += [f"{name}: okänt ord '{word}': «{line}»" for name, line in sentences[word].items()]
    return sorted(set(found))


def _around(text: str, match: re.Match[str]) -> str:
    return " ".join(text[max(0, match.start() - 50) : match.end() + 30].split())


def unknown_words(words: list[str]) -> list[str]:
    """The words neither Hunspell's Swedish dictionary nor the project's word list knows."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".dic") as words_file:
        words_file.write("\n".join(project_words()))
        words_file.flush()
        result = subprocess.run(
            ["hunspell", "-d", "sv_SE", "-p", words_file.name, "-l"],
            input="\n".join(words),
            capture_output=True,
            text=True,
            check=True,
        )
    return sorted(set(result.stdout.split()))


def project_words() -> list[str]:
    """The word list without its comments and blank lines, as Hunspell reads a personal dictionary."""
    lines = WORD_LIST.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def hunspell() -> None:
    have = shutil.which("hunspell") is not None and Path("/usr/share/hunspell/sv_SE.dic").exists()
    require_tool("hunspell och hunspell-sv (Hunspell med svensk ordlista)", have)


@pytest.fixture(scope="module")
def year_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data in a year with an adopted plan that moved one meeting and cancelled another,
    compared with a published version in which neither had happened."""
    data = shipped_with_plans(tmp_path_factory.mktemp("proofreading") / "data")
    shutil.copy(YEAR / "sml" / "motesplan-2027.yaml", data / "sml" / "motesplan-2027.yaml")
    for version in (data / "sml" / "versioner").iterdir():
        shutil.copy(YEAR / "fore" / "motesplan-2027.yaml", version / "motesplan-2027.yaml")
    info = data / "sml" / "samverkan.yaml"  # a version after the published ones, compared with the latest
    info.write_text(re.sub(r"(?m)^versionsdatum: .*$", "versionsdatum: 2027-01-15", info.read_text("utf-8")), "utf-8")
    return build_site(data, tmp_path_factory.mktemp("proofreading-site") / "site")


def test_the_shipped_handbook_reads_well(hunspell: None, shipped_site: Path) -> None:
    found = findings(shipped_site)
    assert not found, "\n".join(found)


def test_a_year_of_changes_reads_well(hunspell: None, year_site: Path) -> None:
    found = findings(year_site)
    assert not found, "\n".join(found)


def test_the_year_has_what_it_is_read_for(year_site: Path) -> None:
    """The fixture year shows what the proofreading is there to read: the adopted plan, the moved
    and cancelled meetings on the change page, with the reasons the editor wrote."""
    year = (year_site / "sml" / "arshjul" / "2027" / "index.html").read_text(encoding="utf-8")
    assert "fastställd av Styrgruppen" in year
    changes = _page_text(year_site / "sml" / "andringar" / "index.html")
    assert "Frågan bereds färdigt av beredningen och tas upp i september." in changes
    assert "Krock med kommunfullmäktiges sammanträde i Munkedal." in changes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mötesplanen är fastställdav Styrgruppen.", "okänt ord 'fastställdav'"),
        ("Budgeten tas upp i februari.. Ansvarig: ekonomichef.", "dubbel punkt"),
        ("Vad händer i februari?Februari", "meningar ihopskrivna"),
    ],
)
def test_the_proofreading_catches(hunspell: None, tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "sida.html").write_text(f"<html><body><p>{text}</p></body></html>", encoding="utf-8")
    assert [f for f in findings(tmp_path) if expected in f] != []

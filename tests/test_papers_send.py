"""Papers a secretary sends unedited (issue 23), for the shipped SML data with the tests' own 2027
plan: the Word files read back by python-docx (header, footer fields, resolved names, dates), a
golden text per kind of paper, LibreOffice's page count, and "Inför mötet" against dates worked
out by hand."""

from __future__ import annotations

import datetime
import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from test_papers import SOFFICE, office_pdf, require_office

from generator.model import Cooperation
from generator.render.papers.papers import Papers, meeting_papers
from generator.render.papers.prepare import all_dated, undated
from generator.render.papers.word import minutes_docx, notice_docx
from generator.render.site import render_site
from generator.validate import read_handbook

from browser import print_to_pdf, serve
from conftest import ROOT, run_generator

GOLDEN = ROOT / "tests" / "golden" / "papers"
NOTICE = "styrgrupp-februari-2027-02-11"
CANCELLED = "styrgrupp-extra-juni-2027-06-10"
MOVED = "styrgrupp-september-oktober-2027-09-23"
COOPERATION = "Avtalssamverkan mellan Sotenäs, Lysekil och Munkedal"
SUGGESTION = "(handbokens förslag; styrdokumentet anger ingen tid)"


def sml(data: Path) -> Cooperation:
    return next(c for c in read_handbook(data).cooperations if c.info.short_name == "SML")


@pytest.fixture(scope="module")
def papers(planned_data: Path) -> dict[str, Papers]:
    return {p.key: p for p in meeting_papers(sml(planned_data))}


def lines(content: bytes) -> list[str]:
    """What a reader of the Word file gets: the header, the body (paragraphs, then table rows), the footer."""
    doc = docx.Document(io.BytesIO(content))
    section = doc.sections[0]
    found = [f"[Sidhuvud] {p.text}" for p in section.header.paragraphs]
    found += [f"[{p.style.name if p.style else ''}] {p.text}" for p in doc.paragraphs]
    for table in doc.tables:
        found += ["[Tabell] " + " | ".join(cell.text for cell in row.cells) for row in table.rows]
    found += [f"[Sidfot] {p.text}" for p in section.footer.paragraphs]
    return found


def word(p: Papers, kind: str) -> bytes:
    return notice_docx(p) if kind == "kallelse" else minutes_docx(p)


@pytest.mark.parametrize(
    ("key", "kind", "present", "absent"),
    [
        (
            NOTICE,
            "kallelse",
            [
                f"[Sidhuvud] {COOPERATION}\tKALLELSE",
                "[Sidhuvud] Lysekil\tSkickas senast 4 februari 2027",
                "[Sidhuvud] Styrgrupp\tMötesplan 2027: exempel, inte beslutad",
                "[Title] Kallelse",
                "[Normal] Datum och tid: torsdag 11 februari 2027, 09:00–12:00",
                "[Normal] Plats: Kommunhuset, Lysekil",
                "[Normal] Sammankallande: Administrativ chef, Lysekil (värdkommun)",
                "[Normal] Kallelse och handlingar skickas av: Administrativ chef, Lysekil (värdkommun)",
                "[List Bullet] Lysekil: Kommundirektör, Administrativ chef",
                "[Normal] Anmäl förhinder senast tisdag 9 februari 2027 till administrativ chef, Lysekil (värdkommun).",
                "[Heading 2] 5. Bokslut",
                "[List Bullet] Genomgång av årsbokslutet",  # the due step, merged into its heading
                "[Heading 2] 8. Övriga frågor",
                "[List Bullet] Uppdrag som ex samverkansparterna genomför via Fyrbodal som påverkar kommunerna.",
                "[Normal] Torsdag 18 mars 2027, 09:00–10:30, Kommunhuset, Kungshamn",
                "[Heading 1] Handlingar",
                "[List Bullet] Årsbokslut med verksamhetsberättelse",
                "[Normal] Administrativ chef, Lysekil (värdkommun), sammankallande",
                f"[Sidfot] {COOPERATION}\tsida  av ",
            ],
            ["Utsedd", "Årsprocess:", "Övrigt", "Anges i kallelsen"],
        ),
        (
            "rad-mars-2027-03-18",
            "kallelse",
            [
                "[Sidhuvud] Sotenäs\tSkickas senast 11 mars 2027",
                "[Normal] Kallelse och handlingar skickas av: Sotenäs (värdkommun)",
                "[Heading 2] 5. Budget och verksamhetsplan",
                "[List Bullet] Avstämning av preliminära ramar och målsättningar",
                "[Normal] Torsdag 14 oktober 2027, 09:00–12:00, Kommunhuset, Lysekil",
            ],
            ["Utsedd", "hålls i mars med"],
        ),
        (
            "ekonomisk-beredning-februari-2027-02-04",
            "kallelse",
            [
                "[Normal] Sammankallande: Ekonomichef, Lysekil",
                "[Normal] Videolänk: https://example.org/videomote/ekonomisk-beredning",
                "[List Bullet] Förslag till budgetram",
            ],
            ["Utsedd"],
        ),
        (
            MOVED,
            "kallelse",
            [
                "[Normal] Status: Flyttat från torsdag 16 september 2027: "
                "Krock med kommunfullmäktiges sammanträde i Munkedal.",
                "[Sidhuvud] Munkedal\tSkickas senast 16 september 2027",
                "[Normal] Står i mötesplanen för 2028",
            ],
            ["Utsedd"],
        ),
        (
            CANCELLED,
            "kallelse",
            [
                f"[Sidhuvud] {COOPERATION}\tINSTÄLLT SAMMANTRÄDE",
                "[Title] Inställt sammanträde",
                "[Normal] Mötet torsdag 10 juni 2027, 13:00–14:30 är inställt.",
                "[Normal] Anledning: Frågan bereds färdigt av beredningen och tas upp i september.",
                "[Normal] Nästa möte: Torsdag 23 september 2027, 09:00–12:00, Kommunhuset, Munkedal",
            ],
            ["Föredragningslista", "Övriga frågor", "Kallade", "Handlingar"],
        ),
        (
            NOTICE,
            "anteckningar",
            [
                f"[Sidhuvud] {COOPERATION}\tMÖTESANTECKNINGAR",
                "[Tabell] Kommun | Roll | Namn | Närvarande/frånvarande",
                "[Tabell] Munkedal | Administrativ chef |  | ",
                "[Tabell] Ordförande | ",
                "[Tabell] Justerare | ",
                "[Tabell] Beslut | ",
                "[Tabell] Vem | Vad | Senast",
                "[Normal] Enligt mötesplanen: Torsdag 18 mars 2027, 09:00–10:30, Kommunhuset, Kungshamn",
                "[Heading 1] Justering",
                "[Tabell] Namnförtydligande |  | ",
            ],
            ["Utsedd", "Anteckningar:"],
        ),
    ],
)
def test_paper_reads_back_with_header_names_and_dates(
    papers: dict[str, Papers], key: str, kind: str, present: list[str], absent: list[str]
) -> None:
    content = word(papers[key], kind)
    found = lines(content)
    for line in present:
        assert line in found, line
    text = "\n".join(found)
    for word_ in absent:
        assert word_ not in text, word_
    if kind == "kallelse" and key != CANCELLED:
        assert sum(line.endswith(". Övriga frågor") for line in found) == 1
        titles = [line.split(". ", 1)[1] for line in found if line.startswith("[Heading 2] ")]
        assert len(titles) == len(set(titles)), "en rubrik står två gånger i föredragningslistan"
    footer = docx.Document(io.BytesIO(content)).sections[0].footer._element.xml
    assert 'w:instr=" PAGE "' in footer and 'w:instr=" NUMPAGES "' in footer


def test_no_dated_paper_says_designated_where_the_plan_knows_the_host(planned_data: Path) -> None:
    c = sml(planned_data)
    hosted = [p for p in meeting_papers(c) if p.meeting is not None and c.host(p.meeting) is not None]
    assert len(hosted) == 6
    for p in hosted:
        for kind in ("kallelse", "anteckningar"):
            assert not any("tsedd" in line for line in lines(word(p, kind))), (p.key, kind)
    for u in all_dated(c) + undated(c):
        for task in u.tasks:
            assert "Utsedd" not in f"{task.text} {task.responsible}", (u.papers.key, task)
            assert task.when != "inför mötet", (u.papers.key, task)


@pytest.mark.parametrize(
    ("key", "kind", "golden"),
    [
        (NOTICE, "kallelse", "kallelse-styrgrupp-2027-02-11.txt"),
        (CANCELLED, "kallelse", "installt-styrgrupp-2027-06-10.txt"),
        (NOTICE, "anteckningar", "anteckningar-styrgrupp-2027-02-11.txt"),
    ],
)
def test_paper_text_matches_golden_file(
    papers: dict[str, Papers], key: str, kind: str, golden: str, update_golden: bool
) -> None:
    text = "".join(f"{line}\n" for line in lines(word(papers[key], kind)))
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        (GOLDEN / golden).write_text(text, encoding="utf-8")
        pytest.skip(f"tests/golden/papers/{golden} skrevs om; granska diffen")
    assert text == (GOLDEN / golden).read_text(encoding="utf-8")


def day(month: int, date: int) -> datetime.date:
    return datetime.date(2027, month, date)


# Worked out by hand on a 2027 calendar: 5 working days before for the notice, 2 for absence,
# 5 after for the minutes (the shipped rule, the handbook's suggestion). Thursday 11 February:
# 10, 9, 8, 5, 4 February → the 4th; 10, 9 → the 9th; 12, 15, 16, 17, 18 → the 18th.
BUDGET = "ekonomisk-beredning-februari-2027-02-04"
SEND, MINUTES = "Kallelse och handlingar skickas ut", "Mötesanteckningar: skrivs och mailas ut efter mötet"
ABSENCE, CALLED = "Förhinder anmäls till ", "De kallade"
PAPERS_DUE = (
    "Handlingar klara att skicka med kallelsen: Mötesanteckningar från föregående möte, "
    "Preliminära ramar och målsättningar, Årsbokslut med verksamhetsberättelse"
)
CHIEF = "Administrativ chef, {} (värdkommun)"
ROWS = [
    (BUDGET, SEND, day(1, 28), "Ekonomichef, Lysekil (värdkommun)"),
    (BUDGET, ABSENCE + "ekonomichef, Lysekil (värdkommun)", day(2, 2), CALLED),
    (BUDGET, MINUTES, day(2, 11), "Ekonomichef, Lysekil"),
    (NOTICE, SEND, day(2, 4), CHIEF.format("Lysekil")),
    (NOTICE, PAPERS_DUE, day(2, 4), CHIEF.format("Lysekil")),
    (NOTICE, ABSENCE + "administrativ chef, Lysekil (värdkommun)", day(2, 9), CALLED),
    (NOTICE, MINUTES, day(2, 18), CHIEF.format("Lysekil")),
    ("styrgrupp-mars-2027-03-18", SEND, day(3, 11), CHIEF.format("Sotenäs")),
    ("rad-mars-2027-03-18", SEND, day(3, 11), "Sotenäs (värdkommun)"),
    ("rad-mars-2027-03-18", ABSENCE + "Sotenäs (värdkommun)", day(3, 16), CALLED),
    ("rad-mars-2027-03-18", MINUTES, day(3, 25), "Sotenäs (värdkommun)"),
    (MOVED, SEND, day(9, 16), CHIEF.format("Munkedal")),
    (MOVED, MINUTES, day(9, 30), CHIEF.format("Munkedal")),
    ("rad-oktober-2027-10-14", SEND, day(10, 7), "Lysekil (värdkommun)"),
    ("rad-oktober-2027-10-14", ABSENCE + "Lysekil (värdkommun)", day(10, 12), CALLED),
]


def test_before_the_meeting_rows_match_dates_worked_out_by_hand(planned_data: Path) -> None:
    found = {(u.papers.key, t.text): (t.date, t.responsible) for u in all_dated(sml(planned_data)) for t in u.tasks}
    for key, text, date, responsible in ROWS:
        assert found.get((key, text)) == (date, responsible), (key, text)
    assert not [t for (key, t) in found if key == CANCELLED], "ett inställt möte har inget att förbereda"


def test_deadlines_skip_easter_and_the_page_says_whose_rule_it_is(planned_data: Path, tmp_path: Path) -> None:
    """Råd moved to Thursday 1 April 2027: Good Friday (26 March) and Easter Monday (29 March) are no
    working days, so 5 working days before is Tuesday 23 March and 5 after is Thursday 8 April."""
    data = shutil.copytree(planned_data, tmp_path / "data")
    plan = data / "sml" / "motesplan-2027.yaml"
    text = plan.read_text(encoding="utf-8")
    old = 'datum: 2027-03-18\n    start: "10:45"\n'
    new = 'datum: 2027-04-01\n    start: "10:45"\n    anledning: Efter påsk i år.\n'
    assert text.count(old) == 1
    plan.write_text(text.replace(old, new), encoding="utf-8")
    c = sml(data)
    rad = next(u for u in all_dated(c) if u.papers.key == "rad-mars-2027-04-01")
    dates = {t.text.split(" till ")[0].split(":")[0]: t.date for t in rad.tasks}
    assert dates["Kallelse och handlingar skickas ut"] == day(3, 23)
    assert dates["Förhinder anmäls"] == day(3, 30)
    assert dates["Mötesanteckningar"] == day(4, 8)
    assert rad.rule is not None and rad.rule.endswith(f"{SUGGESTION}.")


def test_a_rule_from_the_document_says_so_and_a_mailbox_takes_the_absence(planned_data: Path, tmp_path: Path) -> None:
    data = shutil.copytree(planned_data, tmp_path / "data")
    groups = data / "sml" / "grupper.yaml"
    text = groups.read_text(encoding="utf-8")
    styrgrupp = text.index("  - id: styrgrupp")
    rule = "      kalla: handboken\n"
    at = text.index(rule, styrgrupp)
    mailbox = "      forhinder_till: styrgrupp@lysekil.example\n      kalla: styrdokumentet\n"
    groups.write_text(text[:at] + mailbox + text[at + len(rule) :], encoding="utf-8")
    p = {p.key: p for p in meeting_papers(sml(data))}[NOTICE]
    expected = "[Normal] Anmäl förhinder senast tisdag 9 februari 2027 till styrgrupp@lysekil.example."
    assert expected in lines(notice_docx(p))
    assert p.times_rule is not None and p.times_rule.endswith("(enligt styrdokumentet).")


def test_a_cancelled_meeting_is_never_the_next_meeting(planned_data: Path, tmp_path: Path) -> None:
    """The Råd's October meeting cancelled: the March notice points to next year's plan, not to October."""
    data = shutil.copytree(planned_data, tmp_path / "data")
    plan = data / "sml" / "motesplan-2027.yaml"
    text = plan.read_text(encoding="utf-8")
    cancel = "    vard: lysekil\n    status: installt\n    anledning: Inget att ta upp.\n"
    plan.write_text(text.rstrip("\n").removesuffix("    vard: lysekil") + cancel, encoding="utf-8")
    p = {p.key: p for p in meeting_papers(sml(data))}["rad-mars-2027-03-18"]
    assert p.next_meeting == "Står i mötesplanen för 2028"


def test_notice_days_out_of_range_are_a_located_error(planned_data: Path, tmp_path: Path) -> None:
    data = shutil.copytree(planned_data, tmp_path / "data")
    groups = data / "sml" / "grupper.yaml"
    text = groups.read_text(encoding="utf-8")
    line = text[: text.index("arbetsdagar_fore: 5")].count("\n") + 1
    groups.write_text(text.replace("arbetsdagar_fore: 5", "arbetsdagar_fore: 61", 1), encoding="utf-8")
    result = run_generator("check", "--data", str(data))
    assert result.returncode == 1
    assert f"grupper.yaml:{line}:" in result.stderr and "från 0 till 60" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("key", "kind", "pages", "expected"),
    [
        (NOTICE, "kallelse", (1, 2), ("KALLELSE", "Skickas senast 4 februari 2027", "Handlingar", "Välkomna!")),
        (NOTICE, "anteckningar", (2, 3), ("MÖTESANTECKNINGAR", "Närvaro", "Åtgärder", "Justering")),
        (CANCELLED, "kallelse", (1, 1), ("Inställt sammanträde", "Anledning")),
    ],
)
def test_libreoffice_prints_the_papers_on_few_a4_pages_with_page_numbers(
    papers: dict[str, Papers], key: str, kind: str, pages: tuple[int, int], expected: tuple[str, ...], tmp_path: Path
) -> None:
    source = tmp_path / f"{kind}-{key}.docx"
    source.write_bytes(word(papers[key], kind))
    reader = PdfReader(office_pdf(source, tmp_path))
    assert pages[0] <= len(reader.pages) <= pages[1]
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    total = len(reader.pages)
    for number, text in enumerate(texts, start=1):
        assert f"sida {number} av {total}" in text
    for line in expected:
        assert line in " ".join(texts), line


@pytest.mark.slow
def test_every_minutes_template_of_the_plan_prints_on_at_most_three_pages(
    papers: dict[str, Papers], tmp_path: Path
) -> None:
    """All of SML's minutes templates, dated and undated, in one LibreOffice run (it was 6 pages)."""
    require_office()
    sources = []
    for key, p in papers.items():
        if not p.cancelled:
            sources.append(tmp_path / f"anteckningar-{key}.docx")
            sources[-1].write_bytes(minutes_docx(p))
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profil'}"
    command = [SOFFICE, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, sources)]
    subprocess.run(command, capture_output=True, check=True, timeout=600)
    counts = {source.stem: len(PdfReader(source.with_suffix(".pdf")).pages) for source in sources}
    assert len(counts) >= 10
    assert max(counts.values()) <= 3, counts


@pytest.mark.browser
def test_web_minutes_print_on_at_most_three_pages(planned_site: Path, tmp_path: Path) -> None:
    with serve(planned_site) as url:
        reader = PdfReader(print_to_pdf(f"{url}sml/moten/{NOTICE}/anteckningar/", tmp_path / "out.pdf"))
    assert len(reader.pages) <= 3
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for label in ("Närvaro", "Ordförande", "Beslut", "Åtgärder", "Justering"):
        assert label in text, label


def test_the_body_page_and_before_the_meeting_say_the_rule_is_a_suggestion(planned_data: Path) -> None:
    files = render_site(read_handbook(planned_data)).files
    body, meetings = files["sml/organisation/styrgrupp.md"], files["sml/moten/index.md"]
    assert isinstance(body, str) and isinstance(meetings, str)
    rule = "- Tidsgränser: Kallelse och handlingar skickas senast 5 arbetsdagar före mötet; förhinder anmäls senast 2"
    assert rule in body and f"{SUGGESTION}." in body
    assert meetings.count(SUGGESTION) == 6  # once under each meeting held, none under the cancelled one

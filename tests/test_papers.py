"""Meeting papers: the notice and minutes in Word read back by python-docx and LibreOffice,
the printable minutes page in Chromium, per-meeting checklist ticks, and 'Inför mötet'."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from pypdf import PdfReader
from selenium import webdriver

from generator.render.papers.agenda import Item
from generator.render.papers.papers import dated_papers, meeting_papers, papers_label
from generator.render.papers.prepare import all_dated
from generator.render.site import render_site
from generator.validate import read_handbook

from browser import print_to_pdf
from conftest import FIXTURE_DATA, ROOT, Edit, require_tool, run_generator

GOLDEN_NOTICE = ROOT / "tests" / "golden" / "kallelse-styrgrupp-mars-2026-03-12.txt"
MOTEN = "exempel/moten"
DATED = "styrgrupp-mars-2026-03-12"
A4_POINTS = (595.0, 842.0)
POINTS = ("Ramar, mål; nyckeltal \\ avvikelser", "Risker – ökade kostnader?")
PLACE = 'Stadshuset, Norrby; sal "Ek" \\ plan 2'
UNDATED = "dag och tid står i årets mötesplan"
SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"


def word_files(data: Path = FIXTURE_DATA) -> dict[str, bytes]:
    files = render_site(read_handbook(data)).files
    return {path: content for path, content in files.items() if isinstance(content, bytes) and path.endswith(".docx")}


def open_docx(content: bytes) -> Document:
    return docx.Document(io.BytesIO(content))


def paragraphs(doc: Document) -> list[tuple[str, str]]:
    """(style, text) of every paragraph, then of every table cell: what a reader of the file gets."""
    found = [(p.style.name if p.style else "", p.text) for p in doc.paragraphs]
    for table in doc.tables:
        found += [("Tabell", " | ".join(cell.text for cell in row.cells)) for row in table.rows]
    return found


def notice(key: str = DATED) -> Document:
    return open_docx(word_files()[f"{MOTEN}/{key}/kallelse-{key}.docx"])


def test_every_meeting_has_a_notice_and_minutes_in_word() -> None:
    files = word_files()
    keys = ["styrgrupp-mars", "styrgrupp-hosten", "styrgrupp-extra", DATED, "extra-styrgrupp-maj-2026-05-20"]
    expected = {f"{MOTEN}/{k}/{kind}-{k}.docx" for k in keys for kind in ("kallelse", "anteckningar")}
    assert set(files) == expected
    for path, content in files.items():
        doc = open_docx(content)
        section = doc.sections[0]
        assert section.page_width is not None and section.page_height is not None
        assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1), path
        assert doc.core_properties.language == "sv-SE", path
        kinds = ("Kallelse: Styrgrupp", "Mötesanteckningar: Styrgrupp", "Inställt sammanträde: Styrgrupp")
        assert doc.core_properties.title.startswith(kinds), path


@pytest.mark.parametrize(
    ("key", "when", "place", "issued"),
    [
        (DATED, "torsdag 12 mars 2026, 09:00–12:00", PLACE, "2026-02-01"),
        ("styrgrupp-hosten", f"September/oktober; {UNDATED}", "Står i årets mötesplan", "2026-01-15"),
    ],
)
def test_notice_has_date_place_and_every_point_under_heading_styles(
    key: str, when: str, place: str, issued: str
) -> None:
    doc = notice(key)
    found = paragraphs(doc)
    assert ("Normal", f"Datum och tid: {when}") in found
    assert ("Normal", f"Plats: {place}") in found
    headings = [text for style, text in found if style.startswith("Heading")]
    assert headings[:3] == ["Kallade", "Förhinder", "Föredragningslista"]
    # The discussion heading and the process of the same name are one item, with the step merged in.
    assert headings.count("5. Budget") == 1 and not any(h.endswith(". Årsprocess: Budget") for h in headings)
    assert headings[-2:] == ["8. Mötet avslutas", "Handlingar"]
    bullets = [text for style, text in found if style == "List Bullet"]
    for point in POINTS:
        assert point in bullets
    assert doc.core_properties.created.date().isoformat() == issued
    assert doc.core_properties.modified == doc.core_properties.created


def test_notice_text_matches_golden_file(update_golden: bool) -> None:
    text = "".join(f"[{style}] {line}\n" for style, line in paragraphs(notice()))
    if update_golden:
        GOLDEN_NOTICE.write_text(text, encoding="utf-8")
        pytest.skip("golden-filen för kallelsen skrevs om; granska diffen")
    assert text == GOLDEN_NOTICE.read_text(encoding="utf-8")


def test_minutes_have_attendance_roles_items_and_actions() -> None:
    doc = open_docx(word_files()[f"{MOTEN}/{DATED}/anteckningar-{DATED}.docx"])
    found = paragraphs(doc)
    rows = [text for style, text in found if style == "Tabell"]
    assert rows[:4] == [
        "Kommun | Roll | Namn | Närvarande/frånvarande",
        "Norrby | Kommundirektör |  | ",
        "Söderås | Kommundirektör |  | ",
        "Övriga | Verksamhetschef (vid behov) |  | ",
    ]
    assert rows[4:8] == ["Funktion | Namn", "Ordförande | ", "Sekreterare | ", "Justerare | "]
    assert "Vem | Vad | Senast" in rows and "Anteckningar | " in rows and "Beslut | " in rows
    labels = [text for style, text in found if style == "Normal"]
    headings = [text for style, text in found if style == "Heading 2"]
    assert headings == [f"{i.number}. {i.title}" for i in _items()]
    assert "Enligt mötesplanen: September/oktober 2026: Delår (dagen står inte i mötesplanen)" in labels


def _items() -> list[Item]:
    c = read_handbook(FIXTURE_DATA).cooperations[0]
    return list(dated_papers(c, c.schedules[0].meetings[0]).items)


def test_word_languages_are_swedish_on_the_styles_used() -> None:
    styles = zipfile.ZipFile(io.BytesIO(word_files()[f"{MOTEN}/{DATED}/kallelse-{DATED}.docx"])).read("word/styles.xml")
    for style in (b"Normal", b"Title", b"Heading1", b"Heading2", b"ListBullet"):
        start = styles.index(b'w:styleId="' + style + b'"')
        assert b'w:lang w:val="sv-SE"' in styles[start : styles.index(b"</w:style>", start)], style


def test_word_files_are_byte_identical_and_dated_from_the_data() -> None:
    first, second = word_files(), word_files()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first[f"{MOTEN}/{DATED}/kallelse-{DATED}.docx"])) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2026, 2, 1, 0, 0, 0)}


def test_data_text_is_safe_in_word(edit: Edit, data_copy: Path) -> None:
    hostile = '</w:t><w:p>&amp; "Ek" \\x07'
    edit("diskussionspunkter.yaml", "Risker – ökade kostnader?", f"'{hostile}'")
    edit("motesplan-2026.yaml", f"plats: {PLACE}", 'plats: "Klocka </w:t> & Stadshuset"')
    files = word_files(data_copy)
    doc = open_docx(files[f"{MOTEN}/{DATED}/kallelse-{DATED}.docx"])
    found = paragraphs(doc)
    assert ("List Bullet", hostile) in found
    assert any(text.startswith("Plats: Klocka </w:t> & Stadshuset") for _, text in found)
    # Control characters never get this far: the loader refuses them (test_hostile.py).


def require_office() -> None:
    require_tool("LibreOffice (soffice, Debian-paketet libreoffice-writer-nogui)", Path(SOFFICE).exists())


def office_pdf(docx_file: Path, out: Path) -> Path:
    """Convert with LibreOffice headless, an independent reader of the Word file."""
    require_office()
    profile = out / "lo-profil"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(docx_file),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    return out / docx_file.with_suffix(".pdf").name


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["kallelse", "anteckningar"])
def test_libreoffice_opens_the_word_files_as_a4_with_the_agenda(kind: str, tmp_path: Path) -> None:
    source = tmp_path / f"{kind}-{DATED}.docx"
    source.write_bytes(word_files()[f"{MOTEN}/{DATED}/{kind}-{DATED}.docx"])
    reader = PdfReader(office_pdf(source, tmp_path))
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=1.5)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for expected in ("torsdag 12 mars 2026", "5. Budget", "8. Mötet avslutas", *POINTS):
        assert expected in text, expected
    if kind == "anteckningar":
        pages = [" ".join(page.extract_text().split()) for page in reader.pages]
        with_actions = [page for page in pages if "Åtgärder" in page]
        assert len(with_actions) == 1 and "8. Mötet avslutas" in with_actions[0] and "Justering" in with_actions[0]


@pytest.mark.browser
def test_minutes_page_prints_on_a4_with_the_action_table_never_alone(fixture_url: str, tmp_path: Path) -> None:
    for key in (DATED, "styrgrupp-extra"):
        reader = PdfReader(print_to_pdf(f"{fixture_url}{MOTEN}/{key}/anteckningar/", tmp_path / "out.pdf"))
        box = reader.pages[0].mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=1.5)
        pages = [" ".join(page.extract_text().split()) for page in reader.pages]
        with_actions = [text for text in pages if "Åtgärder" in text]
        assert len(with_actions) == 1, key
        assert "Mötet avslutas" in with_actions[0], f"{key}: åtgärdstabellen står ensam på en sida"
        assert "Närvarande" in pages[0] and "Sök" not in " ".join(pages)


@pytest.mark.browser
def test_printed_links_are_not_underlined(driver: webdriver.Chrome, fixture_url: str) -> None:
    driver.get(f"{fixture_url}{MOTEN}/{DATED}/")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    decorations = driver.execute_script(
        "return [...document.querySelectorAll('.md-typeset a')].map(a => getComputedStyle(a).textDecorationLine);"
    )
    assert decorations and set(decorations) == {"none"}
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "screen"})
    assert "underline" in driver.execute_script(
        "return getComputedStyle(document.querySelector('.md-typeset p a')).textDecorationLine;"
    )


@pytest.mark.browser
def test_checklist_ticks_belong_to_one_meeting(driver: webdriver.Chrome, fixture_url: str) -> None:
    page = f"{fixture_url}exempel/checklistor/styrgrupp-var/"
    box_css = "[data-hb-checklista] input[type=checkbox]"
    driver.get(f"{page}?mote=styrgrupp-mars")
    assert driver.find_element("css selector", "[data-hb-valt-mote]").text == "Mars, utan datum"
    boxes = driver.find_elements("css selector", box_css)
    boxes[0].click()
    boxes[1].click()
    driver.get(f"{page}?mote=styrgrupp-hosten")
    assert driver.find_element("css selector", "[data-hb-valt-mote]").text == "September/oktober, utan datum"
    assert not any(b.is_selected() for b in driver.find_elements("css selector", box_css))
    driver.get(f"{page}?mote={DATED}")
    assert not any(b.is_selected() for b in driver.find_elements("css selector", box_css))
    driver.get(f"{page}?mote=styrgrupp-mars")
    assert all(b.is_selected() for b in driver.find_elements("css selector", box_css))
    driver.get(page)  # without a meeting: the page picks one and says which
    assert "mote=" in driver.current_url
    assert driver.find_element("css selector", "[data-hb-valt-mote]").text


def test_preparation_deadlines_count_swedish_working_days(edit: Edit, data_copy: Path) -> None:
    """Five working days before Thursday 9 April 2026: Easter Monday, Good Friday and the weekend are skipped."""
    edit("motesplan-2026.yaml", "datum: 2026-03-12", "datum: 2026-04-09")
    c = read_handbook(data_copy).cooperations[0]
    first = all_dated(c)[0]
    assert first.papers.key == "styrgrupp-mars-2026-04-09"
    tasks = {t.text: (t.when, t.responsible) for t in first.tasks}
    designated = "Kommundirektör, Norrby (värdkommun)"
    assert tasks["Kallelse och handlingar skickas ut"] == ("senast tisdag 31 mars 2026", designated)
    assert tasks["Ekonomicheferna lämnar underlag <till> kallelsen"] == ("senast torsdag 26 mars 2026", "Ekonomichef")


def test_before_the_meeting_page_lists_the_plan_in_date_order() -> None:
    files = render_site(read_handbook(FIXTURE_DATA)).files
    page = files[f"{MOTEN}/index.md"]
    assert isinstance(page, str)
    order = [page.index(f"{{ #{key} }}") for key in (DATED, "extra-styrgrupp-maj-2026-05-20", "styrgrupp-hosten")]
    assert order == sorted(order)
    row = "| Ekonomicheferna lämnar underlag &#60;till&#62; kallelsen | senast måndag 2 mars 2026 | Ekonomichef |"
    assert row in page
    assert "[Checklista](../checklistor/styrgrupp-var.md?mote=styrgrupp-mars-2026-03-12)" in page


@pytest.mark.parametrize(
    ("days", "where", "message"),
    [
        ("-1", 0, "väntade ett heltal (t.ex. 3), fick '-1'"),  # the converter's own check, at the value
        ("61", -1, "'arbetsdagar_fore' ska vara ett heltal från 0 till 60"),  # the rule, at the preparation
    ],
)
def test_preparation_days_out_of_range_are_a_located_error(
    edit: Edit, data_copy: Path, days: str, where: int, message: str
) -> None:
    line = edit("grupper.yaml", "arbetsdagar_fore: 5", f"arbetsdagar_fore: {days}")
    result = run_generator("check", "--data", str(data_copy))
    assert result.returncode == 1
    assert f"grupper.yaml:{line + where}:" in result.stderr
    assert message in result.stderr


@pytest.mark.parametrize(
    ("topic", "label"),
    [
        ("Extra möte vid behov", "Styrgrupp, extra möte vid behov"),
        (
            "Styrgruppen träffas vid behov för att ta ställning till frågor som inte kan vänta",
            "Styrgrupp, möte utan fast månad",
        ),
    ],
)
def test_meetings_without_a_month_get_short_names(edit: Edit, data_copy: Path, topic: str, label: str) -> None:
    edit("grupper.yaml", "amne: Extra möte vid behov", f"amne: {topic}")
    c = read_handbook(data_copy).cooperations[0]
    found = {p.key: p for p in meeting_papers(c)}["styrgrupp-extra"]
    assert papers_label(found) == label
    assert found.heading == label

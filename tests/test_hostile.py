"""Nothing a data file or a command line can do harms the checkout, the site or a reader.

One test per class of hostile input: destructive output flags, injections, ids
that collide with the site's own names, control characters, huge or deeply
nested files, odd files (FIFO, symlinks). Each runs the command line as an
editor would and checks what is (and is not) left on disk and in the output.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator.compose import CONTROL
from generator.write import MARKER

from conftest import FIXTURE_DATA, ROOT, run_generator
from helpers import project_copy, tree_digest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A checkout of the project (data, docs, config, a .git folder) to point destructive flags at."""
    root = project_copy(tmp_path / "project")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (root / "egen").mkdir()
    (root / "egen" / "viktigt.docx").write_bytes(b"en anvandares fil")
    return root


def hidden(project: Path) -> list[str]:
    """The hidden folders in `project`, but the cache of PDF and PNG files a build may keep."""
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".") and p.name != ".cache")


# Every command that replaces a folder, and the folders it must never replace.
DESTRUCTIVE = [
    ("build", "--site", "."),
    ("build", "--site", "data"),
    ("build", "--site", "docs"),
    ("build", "--site", "egen"),
    ("build", "--site", ".."),
    ("build", "--site", "data/exempel"),
    ("generate", "--out", "."),
    ("generate", "--out", "data"),
    ("generate", "--out", "egen"),
    ("generate", "--out", ".git"),
    ("schema", "--out", "."),
    ("schema", "--out", "data"),
    ("schema", "--out", "egen"),
]


@pytest.mark.parametrize("args", DESTRUCTIVE, ids=[" ".join(a) for a in DESTRUCTIVE])
def test_output_flags_never_replace_a_folder_the_generator_did_not_write(project: Path, args: tuple[str, ...]) -> None:
    before = tree_digest(project.parent)
    result = run_generator(*args, cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{args[2]}: mappen "), first
    assert result.stderr.rstrip().endswith("Inget skrevs.")
    assert tree_digest(project.parent) == before
    assert hidden(project) == [".git"], "staging left behind"


def test_a_folder_with_a_users_file_is_refused_with_a_clear_message(project: Path) -> None:
    result = run_generator("build", "--site", "egen", cwd=project)
    assert result.stderr.startswith(
        f"egen: mappen finns redan och är inte skriven av generatorn (filen {MARKER} saknas), så den ersätts inte."
    )
    assert (project / "egen" / "viktigt.docx").read_bytes() == b"en anvandares fil"


def test_output_folders_carry_the_marker_and_are_replaced_next_time(project: Path) -> None:
    for args in (("build", "--site", "site"), ("generate", "--out", "md"), ("schema", "--out", "schema")):
        for _ in range(2):  # the second run replaces what the first wrote
            result = run_generator(*args, cwd=project)
            assert result.returncode == 0, result.stderr
        assert (project / args[2] / MARKER).is_file()
    empty = project / "tom"
    empty.mkdir()
    assert run_generator("generate", "--out", "tom", cwd=project).returncode == 0  # empty folders are fine
    assert (empty / MARKER).is_file()


def test_a_marker_does_not_make_the_data_or_a_repository_replaceable(project: Path) -> None:
    (project / "data" / MARKER).write_text("", encoding="utf-8")
    (project / MARKER).write_text("", encoding="utf-8")
    before = tree_digest(project)
    for args in (("generate", "--out", "data"), ("generate", "--out", ".")):
        result = run_generator(*args, cwd=project)
        assert result.returncode == 1, result.stderr
    git = project / "sub"
    (git / ".git").mkdir(parents=True)
    (git / MARKER).write_text("", encoding="utf-8")
    result = run_generator("generate", "--out", "sub", cwd=project)
    assert result.stderr.startswith("sub: mappen är ett git-repo")
    assert tree_digest(project) == before | {f"sub/{MARKER}": hashlib.sha256(b"").hexdigest()}


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("fil/site", "fil/site: kan inte skapas, eftersom fil är en fil och ingen mapp"),
        ("fil", "fil: finns redan och är ingen mapp; välj en mapp för utdata"),
    ],
)
def test_an_impossible_target_is_a_clear_error(project: Path, target: str, message: str) -> None:
    (project / "fil").write_text("x", encoding="utf-8")
    result = run_generator("build", "--site", target, cwd=project)
    assert (result.returncode, result.stderr.splitlines()[0]) == (1, message)


def test_a_zip_that_cannot_be_written_leaves_the_site_as_it_was(project: Path) -> None:
    assert run_generator("build", "--site", "site", cwd=project).returncode == 0
    before = tree_digest(project / "site")
    (project / "fil").write_text("x", encoding="utf-8")
    for target, message in [
        ("fil/h.zip", "fil/h.zip: kan inte skapas, eftersom fil är en fil och ingen mapp"),
        ("egen", "egen: är en mapp; ange ett filnamn för zip-filen"),
        ("site/h.zip", "site/h.zip: zip-filen kan inte ligga i mappen som den packar"),
    ]:
        (project / "data" / "handbok.yaml").write_text(
            (FIXTURE_DATA / "handbok.yaml").read_text(encoding="utf-8").replace("Handbok", "Ändrad handbok"), "utf-8"
        )
        result = run_generator("build", "--site", "site", "--zip", target, cwd=project)
        assert result.returncode == 1, result.stdout
        assert result.stderr.startswith(message), result.stderr
        assert tree_digest(project / "site") == before
    assert hidden(project) == [".git"]


# Where `--zip` must never write: in the data, the docs or git, over a file that is no zip.
ZIP_REFUSED = [
    ("data/h.zip", "data/h.zip: filen ligger i data, där generatorn aldrig skriver utdata"),
    ("data/handbok.yaml", "data/handbok.yaml: filen ligger i data, där generatorn aldrig skriver utdata"),
    ("docs/h.zip", "docs/h.zip: filen ligger i docs, där generatorn aldrig skriver utdata"),
    (".git/h.zip", ".git/h.zip: filen ligger i .git, där generatorn aldrig skriver utdata"),
    ("mkdocs.yml", "mkdocs.yml: filen finns redan och är ingen zip-fil, så den skrivs inte över"),
    ("egen/viktigt.docx", "egen/viktigt.docx: filen finns redan och är ingen zip-fil, så den skrivs inte över"),
    ("egen/ny.docx", "egen/ny.docx: zip-filens namn ska sluta på .zip"),
    ("gammal.zip", "gammal.zip: filen finns redan och är ingen zip-fil, så den skrivs inte över"),
]


@pytest.mark.parametrize(("target", "message"), ZIP_REFUSED, ids=[t for t, _ in ZIP_REFUSED])
def test_a_zip_never_overwrites_what_the_generator_did_not_write(project: Path, target: str, message: str) -> None:
    (project / "gammal.zip").write_text("inte en zip", encoding="utf-8")
    before = tree_digest(project.parent)
    result = run_generator("build", "--site", "site", "--zip", target, cwd=project)
    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith(message), result.stderr
    assert result.stderr.rstrip().endswith("Inget skrevs.")
    assert tree_digest(project.parent) == before
    assert hidden(project) == [".git"]


# A --config that is no handbook configuration: refused with its name, in Swedish, before anything is built.
BAD_CONFIGS = [
    ("finns-inte.yml", "finns-inte.yml: MkDocs-konfigurationen finns inte"),
    ("data/handbok.yaml", "data/handbok.yaml: MkDocs kan inte läsa konfigurationen (Config value"),
    ("annan.yml", "annan.yml: konfigurationen saknar tillägget 'handbook' under plugins"),
]


@pytest.mark.parametrize(("config", "message"), BAD_CONFIGS, ids=[c for c, _ in BAD_CONFIGS])
def test_a_config_that_is_no_handbook_is_refused_by_name(project: Path, config: str, message: str) -> None:
    (project / "annan.yml").write_text("site_name: Annan\n", encoding="utf-8")
    result = run_generator("build", "--site", "site", "--config", config, cwd=project)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(message), result.stderr
    assert result.stderr.rstrip().endswith("Handboken byggdes inte; site/ är oförändrad.")
    assert not (project / "site").exists() and hidden(project) == [".git"]


def test_the_zip_leaves_the_marker_out(project: Path) -> None:
    assert run_generator("build", "--site", "site", "--zip", "h.zip", cwd=project).returncode == 0
    with zipfile.ZipFile(project / "h.zip") as archive:
        names = archive.namelist()
    assert "site/index.html" in names and not any(MARKER in n for n in names)


def test_leftover_staging_folders_are_cleaned(project: Path) -> None:
    """A build killed halfway leaves its staging folder (with the marker); the next build removes it."""
    leftover = project / ".site-ny-abc123"
    leftover.mkdir()
    (leftover / MARKER).write_text("", encoding="utf-8")
    old = project / ".site-gammal-xyz"
    old.mkdir()
    (old / MARKER).write_text("", encoding="utf-8")
    foreign = project / ".site-ny-inte-var"  # no marker: not ours, left alone
    foreign.mkdir()
    (foreign / "egen.txt").write_text("x", encoding="utf-8")
    assert run_generator("build", "--site", "site", cwd=project).returncode == 0
    assert hidden(project) == [".git", ".site-ny-inte-var"]


# --- Odd files in data/ -----------------------------------------------------------------


@pytest.fixture
def data(data_copy: Path) -> Path:
    """A copy of the fixture data, with a short name for the many tests below."""
    return data_copy


# `check` as the command line runs it, with PyYAML's own parser in place of libyaml's.
PURE_PYTHON = (
    "import sys, generator.compose as compose; compose.PARSER = compose.PurePythonParser; "
    "from generator.cli import main; sys.exit(main(sys.argv[1:]))"
)


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest) -> str:
    """The YAML parser `check` uses: a data file must give the same errors with either."""
    return str(request.param)


def errors_of(data: Path, parser: str = "libyaml") -> list[str]:
    if parser == "python":
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-c", PURE_PYTHON, "check", "--data", str(data)]
        result = subprocess.run(command, cwd=data.parent, env=env, capture_output=True, text=True, check=False)
    else:
        result = run_generator("check", "--data", str(data), cwd=data.parent)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    return result.stderr.splitlines()[:-1]


def test_a_fifo_is_refused_not_waited_on(data: Path) -> None:
    roles = data / "exempel" / "roller.yaml"
    roles.unlink()
    os.mkfifo(roles)
    assert errors_of(data) == [
        "data/exempel/roller.yaml: är ingen vanlig fil (utan t.ex. en enhet eller ett rör) och läses inte"
    ]


@pytest.mark.parametrize("target", ["/etc/passwd", "/dev/zero", "../../utanfor.yaml"])
def test_a_symlink_out_of_the_data_is_refused_and_never_shown(data: Path, target: str) -> None:
    (data.parent / "utanfor.yaml").write_text("hemligt: lösenord\n", encoding="utf-8")
    roles = data / "exempel" / "roller.yaml"
    roles.unlink()
    roles.symlink_to(target)
    errors = errors_of(data)
    assert errors == [
        "data/exempel/roller.yaml: filen är en länk till något utanför datamappen; lägg in själva filen i stället"
    ]


def test_a_symlink_inside_the_data_is_read(data: Path) -> None:
    roles = data / "exempel" / "roller.yaml"
    roles.rename(data / "exempel" / "_roller.txt")
    roles.symlink_to("_roller.txt")
    assert run_generator("check", "--data", str(data)).returncode == 0


def test_a_cooperation_folder_linked_from_outside_is_refused(data: Path) -> None:
    shutil.move(data / "exempel", data.parent / "annan")
    (data / "exempel").symlink_to(data.parent / "annan")
    assert errors_of(data) == [
        "data/exempel: mappen är en länk till något utanför datamappen; lägg in själva mappen i stället"
    ]


def test_a_folder_named_like_a_data_file_is_refused(data: Path) -> None:
    (data / "exempel" / "motesplan-2027.yaml").mkdir()
    (data / "exempel" / "roller.yaml").unlink()
    (data / "exempel" / "roller.yaml").mkdir()
    assert errors_of(data) == [
        "data/exempel/motesplan-2027.yaml: är en mapp, men här ska en fil med det namnet ligga",
        "data/exempel/roller.yaml: är en mapp, men här ska en fil med det namnet ligga",
    ]


def test_a_huge_file_is_refused_before_it_is_read(data: Path) -> None:
    roles = data / "exempel" / "roller.yaml"
    with roles.open("a", encoding="utf-8") as file:
        file.write(("# " + "x" * 98 + "\n") * 21_000)
    assert errors_of(data) == ["data/exempel/roller.yaml: filen är större än 2 MB; handbokens datafiler är några kB"]


def test_a_file_not_in_utf8_gives_line_and_column(data: Path) -> None:
    roles = data / "exempel" / "roller.yaml"
    text = roles.read_text(encoding="utf-8")
    roles.write_bytes(text.encode("latin-1"))
    line = text[: text.index("ö")].count("\n") + 1
    column = text.index("ö") - text.rfind("\n", 0, text.index("ö"))
    assert errors_of(data) == [
        f"data/exempel/roller.yaml:{line}:{column}: filen är inte sparad som UTF-8; spara om den som UTF-8"
    ]


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        (
            "Stora Bokstaver",
            "mappens namn blir samverkans id i adresser: använd små bokstäver a–z, siffror och bindestreck",
        ),
        ("uppdatera", "mappens namn 'uppdatera' används redan av handbokens egna sidor; välj ett annat namn"),
        ("tillganglighet", "mappens namn 'tillganglighet' används redan av handbokens egna sidor; välj ett annat namn"),
        ("assets", "mappens namn 'assets' används redan av handbokens egna sidor; välj ett annat namn"),
    ],
)
def test_folder_names_the_site_uses_are_refused(data: Path, folder: str, message: str) -> None:
    (data / "exempel").rename(data / folder)
    assert errors_of(data) == [f"data/{folder}: {message}"]


def test_one_refused_tag_at_the_top_gives_one_error(data: Path, parser: str) -> None:
    groups = data / "exempel" / "grupper.yaml"
    groups.write_text("!!python/object:os.system\n" + groups.read_text(encoding="utf-8"), encoding="utf-8")
    assert errors_of(data, parser) == [
        "data/exempel/grupper.yaml:1:1: taggen '!!python/object:os.system' är inte tillåten; "
        "skriv värdet utan tagg (inga '!'-taggar)"
    ]


def test_an_error_never_echoes_more_than_a_short_line(data: Path, parser: str) -> None:
    roles = data / "exempel" / "roller.yaml"
    long_text = "rad ett av en lång hemlig text som inte ska skrivas ut i sin helhet\n      rad två"
    roles.write_text(
        roles.read_text(encoding="utf-8").replace("en_per_kommun: false", f"en_per_kommun: |\n      {long_text}")
    )
    (error,) = errors_of(data, parser)
    assert "rad två" not in error and "fick 'rad ett av en lång hemlig text som inte ska skrivas ut i sin…'" in error


# Just under the size limit: refused at the first alias or the 21st level, or read whole and
# refused by length, without expanding anything or running out of stack, with either parser.
NEAR_THE_LIMIT = [
    (
        "alias-bomb",
        "a: &a x\n" + "b: *a\n" * 300_000,
        "roller.yaml:2:4: alias ('*namn') används inte i handbokens filer; skriv ut värdet på nytt",
    ),
    (
        "brackets",
        "roller: " + "[" * 1_900_000 + "\n",
        "roller.yaml:1:28: värdena är nästlade i fler än 20 nivåer; så djupt går inte i handbokens filer",
    ),
    (
        "one-long-value",
        "namn: " + "x" * 1_900_000,
        "roller.yaml:6:11: texten är längre än 1000 tecken; korta den (i roller[1].namn)",
    ),
]


@pytest.mark.parametrize(("text", "error"), [r[1:] for r in NEAR_THE_LIMIT], ids=[r[0] for r in NEAR_THE_LIMIT])
def test_a_hostile_file_under_the_size_limit_gives_one_located_error(
    data: Path, parser: str, text: str, error: str
) -> None:
    roles = data / "exempel" / "roller.yaml"
    if text.startswith("namn: "):  # in place of one role's name
        text = roles.read_text(encoding="utf-8").replace("namn: Ekonomichef", text)
    roles.write_text(text, encoding="utf-8")
    assert roles.stat().st_size < 2_000_000
    assert errors_of(data, parser) == [f"data/exempel/{error}"]


def test_a_link_reference_in_one_field_is_not_read_in_another(data: Path) -> None:
    """The site renders each prose field on its own, and so must the check, which renders them
    one after another: a reference left from one field would make a link in the next."""
    info = data / "exempel" / "samverkan.yaml"
    text = info.read_text(encoding="utf-8")
    text = text.replace("bakgrund: Samverkan startade 2020.", 'bakgrund: "[mer]: javascript:alert(1)"')
    info.write_text(text.replace("  Att dela kompetens.", "  Att dela kompetens [mer]."), encoding="utf-8")
    result = run_generator("check", "--data", str(data))
    assert result.returncode == 0, result.stderr


# --- Prose, text and fonts (issue 21, classes 1, 7 and 8) ---------------------------------
# Each row puts one hostile value in place of the fixture's background (samverkan.yaml line 24).
# `check` must refuse it with a located Swedish message, and `build` must refuse it the same way
# before it writes anything. The prose rows are judged on the one renderer's HTML, so a form the
# renderer reads as a link is caught whichever Markdown spelling made it.

BACKGROUND = "bakgrund: Samverkan startade 2020."
NOT_TEXT = "är inget skrivbart tecken (ett icke-tecken i Unicode) och kan inte visas eller skrivas ut"
NO_IMAGES = (
    "ligger på en annan webbplats; handboken hämtar inget från tredje part, "
    "så ta bort bilden eller länka till den i stället"
)
NO_ANCHOR = (
    "går till ett ställe som inte finns i texten; skriv hela adressen (https://…) till sidan och stället du menar"
)
PROSE_AND_TEXT = [
    (
        "table-reference-script",
        'bakgrund: "| A | B |\\n|---|---|\\n| [Klicka][r] | x |\\n\\n[r]: javascript:alert(1)"',
        "24:11: länkar får bara gå till http:, https: eller mailto:, inte 'javascript:' (i bakgrund)",
    ),
    (
        "table-reference-script-in-list",
        'bakgrund: "- | A |\\n  |---|\\n  | [Klicka][r] |\\n\\n[r]: JavaScript:alert(1)"',
        "24:11: länkar får bara gå till http:, https: eller mailto:, inte 'JavaScript:' (i bakgrund)",
    ),
    (
        "reference-image-local-file",
        'bakgrund: "![bild][r]\\n\\n[r]: file:///etc/hostname"',
        "24:11: länkar får bara gå till http:, https: eller mailto:, inte 'file:' (i bakgrund)",
    ),
    (
        "reference-image-dev-zero-in-table",
        'bakgrund: "| A |\\n|---|\\n| ![bild][r] |\\n\\n[r]: file:///dev/zero"',
        "24:11: länkar får bara gå till http:, https: eller mailto:, inte 'file:' (i bakgrund)",
    ),
    (
        "image-third-party",
        "bakgrund: Se ![bild](https://example.org/bild.png).",
        f"24:11: bilden 'https://example.org/bild.png' {NO_IMAGES} (i bakgrund)",
    ),
    (
        "image-protocol-relative",
        'bakgrund: "![bild][r]\\n\\n[r]: //example.org/bild.png"',
        f"24:11: bilden '//example.org/bild.png' {NO_IMAGES} (i bakgrund)",
    ),
    (
        "image-data",
        'bakgrund: "![bild][r]\\n\\n[r]: data:image/png;base64,iVBORw0KGgo="',
        "24:11: länkar får bara gå till http:, https: eller mailto:, inte 'data:' (i bakgrund)",
    ),
    (
        "anchor-missing",
        "bakgrund: Läs [se nedan](#finns-inte).",
        f"24:11: länken '#finns-inte' {NO_ANCHOR} (i bakgrund)",
    ),
    (
        "noncharacter-fdd0",
        "bakgrund: Samverkan\ufdd0 startade 2020.",
        f"24:20: tecknet U+FDD0 {NOT_TEXT}; ta bort det (skriv om ordet om du inte ser det)",
    ),
    (
        "noncharacter-10ffff",
        "bakgrund: Samverkan startade\U0010ffff 2020.",
        f"24:29: tecknet U+10FFFF {NOT_TEXT}; ta bort det (skriv om ordet om du inte ser det)",
    ),
    (
        "noncharacter-escaped",
        'bakgrund: "Samverkan \\U0001FFFE startade"',
        f"24:11: tecknet U+1FFFE {NOT_TEXT}; ta bort det (skriv om ordet om du inte ser det)",
    ),
]


@pytest.mark.parametrize(("value", "error"), [r[1:] for r in PROSE_AND_TEXT], ids=[r[0] for r in PROSE_AND_TEXT])
def test_hostile_prose_and_text_are_refused_where_they_stand(
    data: Path, tmp_path: Path, value: str, error: str
) -> None:
    info = data / "exempel" / "samverkan.yaml"
    info.write_text(info.read_text(encoding="utf-8").replace(BACKGROUND, value), encoding="utf-8")
    assert errors_of(data) == [f"data/exempel/samverkan.yaml:{error}"]
    site = tmp_path / "site"
    built = run_generator("build", "--data", str(data), "--site", str(site), cwd=data.parent)
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert f"data/exempel/samverkan.yaml:{error}" in built.stderr.splitlines()
    assert not site.exists()


def cairo_takes(code_point: int) -> bool:
    """cairo's UNICODE_VALID (cairo-unicode.c): what its UTF-8 reader accepts; on any other
    character the PNG and the PDF stop with CAIRO_STATUS_INVALID_STRING."""
    return (
        code_point < 0x110000
        and (code_point & 0xFFFFF800) != 0xD800
        and not 0xFDD0 <= code_point <= 0xFDEF
        and (code_point & 0xFFFE) != 0xFFFE
    )


def test_every_character_cairo_refuses_is_refused_by_check() -> None:
    refused_by_cairo = [chr(n) for n in range(0x110000) if not cairo_takes(n)]
    assert len(refused_by_cairo) == 2048 + 32 + 34
    assert all(CONTROL.match(char) for char in refused_by_cairo)


# --- Names that collide with the site's own ----------------------------------------------


@pytest.mark.parametrize("page", ["exempel/index.md", "exempel.md", "exempel/roller/index.md"])
def test_a_hand_written_page_never_shadows_a_generated_one(project: Path, page: str) -> None:
    (project / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
    (project / "docs" / page).write_text("# Egen sida\n", encoding="utf-8")
    result = run_generator("build", "--site", "site", cwd=project)
    assert result.returncode == 1
    assert f"docs/{page} och den genererade " in result.stderr
    assert not (project / "site").exists()


def test_a_cooperation_folder_named_like_a_hand_written_page_is_refused(project: Path) -> None:
    (project / "data" / "exempel").rename(project / "data" / "uppdatera")
    result = run_generator("build", "--site", "site", cwd=project)
    assert result.returncode == 1
    assert result.stderr.startswith("data/uppdatera: mappens namn 'uppdatera' används redan")
    assert not (project / "site").exists()


# --- The command line ---------------------------------------------------------------------

HOSTILE_ADDRESSES = [
    'https://a/x");alert(1);//</script><script>',
    "https://a/)<img src=x onerror=alert(1)>",
    "javascript://%0aalert(1)//",
    "handbok",
    "https://a/{: onclick=x}",
]


@pytest.mark.parametrize("address", HOSTILE_ADDRESSES)
def test_a_hostile_address_flag_is_refused_before_anything_is_built(project: Path, address: str) -> None:
    result = run_generator("build", "--site", "site", "--adress", address, cwd=project)
    assert result.returncode == 1
    assert "python -m generator build: fel: argumentet --adress: adressen " in result.stderr
    assert not (project / "site").exists()


def test_the_address_is_normalised_wherever_it_is_written(project: Path) -> None:
    result = run_generator("generate", "--out", "md", "--adress", "HTTPS://Example.ORG/Handbok", cwd=project)
    assert result.returncode == 0, result.stderr
    calendar = (project / "md" / "exempel" / "kalender" / "alla.ics").read_text(encoding="utf-8")
    urls = [line.split(":", 1)[1] for line in calendar.splitlines() if line.startswith("URL")]
    assert urls and all(u.startswith("https://example.org/Handbok/exempel/") for u in urls)


@pytest.mark.parametrize("year", ["0", "-1", "99999", "5", "två"])
def test_new_year_takes_only_real_years(project: Path, year: str) -> None:
    before = tree_digest(project / "data")
    result = run_generator("new-year", "--", year, cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "python -m generator new-year: fel: argumentet ÅR: året ska vara ett årtal från 2000 till 2100, "
        f"t.ex. 2028, inte '{year}'"
    )
    assert tree_digest(project / "data") == before


def test_a_new_cooperation_folder_is_the_editors_and_never_replaced(project: Path) -> None:
    assert run_generator("new-cooperation", "vastra", "Västra samverkan", cwd=project).returncode == 0
    folder = project / "data" / "vastra"
    assert not (folder / MARKER).exists()
    before = tree_digest(folder)
    result = run_generator("generate", "--out", "data/vastra", cwd=project)
    assert result.returncode == 1
    assert result.stderr.startswith("data/vastra: mappen finns redan och är inte skriven av generatorn")
    assert tree_digest(folder) == before


def test_a_new_cooperation_cannot_take_a_name_the_site_uses(project: Path) -> None:
    result = run_generator("new-cooperation", "uppdatera", "Uppdatera", cwd=project)
    assert (result.returncode, result.stderr) == (
        1,
        "id 'uppdatera' används redan av handbokens egna sidor; välj ett annat (ingenting skrevs)\n",
    )
    assert not (project / "data" / "uppdatera").exists()


# ---------------------------------------------------------------------------------------------
# Issue 21, classes 2–6: one writer, a checked cache, a history that only grows, commands that
# answer right, the GitHub step summary. Each row: what is set up, the command, the Swedish
# message it must give (exit 1, no traceback, no "oväntat fel"), and nothing in data/ changed.
# ---------------------------------------------------------------------------------------------


def _history(project: Path, text: str) -> None:
    (project / "data" / "kalenderhistorik.json").write_text(text, encoding="utf-8")


def _record(sequence: str) -> str:
    record = f'{{"sekvens": {sequence}, "andrad": "2026-01-01T00:00:00Z", "innehall": "x"}}'
    return f'{{"format": 1, "om": "", "handelser": {{"a@b": {record}}}}}\n'


def _huge_history(project: Path) -> None:
    with (project / "data" / "kalenderhistorik.json").open("wb") as file:
        file.truncate(25_000_000)  # sparse: big on paper, instant to make


def _fifo_history(project: Path) -> None:
    os.mkfifo(project / "data" / "kalenderhistorik.json")


def _latin1_page(project: Path) -> None:
    (project / "docs" / "gammal.md").write_bytes(b"# Gammal sida\n\nR\xe5d och st\xf6d\n" + b"x" * 5000)


ROUTES = [
    # id, setup, command, message
    ("zip-over-data-file", None, ["build", "--zip", "data/handbok.yaml"], "data/handbok.yaml: filen ligger i data"),
    ("zip-over-config", None, ["build", "--zip", "mkdocs.yml"], "mkdocs.yml: filen finns redan och är ingen zip-fil"),
    ("zip-in-docs", None, ["build", "--zip", "docs/handbok.zip"], "docs/handbok.zip: filen ligger i docs"),
    ("generate-into-data", None, ["generate", "--out", "data/ut"], "data/ut: mappen ligger i data"),
    ("generate-into-docs", None, ["generate", "--out", "docs/ut"], "docs/ut: mappen ligger i docs"),
    ("zensical-into-data", None, ["build-zensical", "--out", "data/z"], "data/z: mappen ligger i data"),
    ("long-id", None, ["new-cooperation", "a" * 300, "Lång"], "id är 300 tecken långt; högst 40"),
    ("long-name", None, ["new-cooperation", "lang", "N" * 1000], "namnet är 1000 tecken långt"),
    ("unknown-cooperation", None, ["save-version", "--cooperation", "EXEMPEL"], "ingen samverkan med id 'EXEMPEL'"),
    ("history-bool", lambda p: _history(p, _record("true")), ["check"], "händelsen 'a@b' är skadad"),
    ("history-negative", lambda p: _history(p, _record("-1")), ["check"], "händelsen 'a@b' är skadad"),
    (
        "history-format-bool",
        lambda p: _history(p, _record("1").replace('"format": 1', '"format": true')),
        ["check"],
        'okänt format; filen ska ha "format": 1',
    ),
    ("history-huge", _huge_history, ["check"], "filen är större än 20 MB"),
    ("history-fifo", _fifo_history, ["check"], "kalenderhistoriken går inte att läsa: filen är ingen vanlig fil"),
    ("docs-not-utf8", _latin1_page, ["build"], "docs/gammal.md:3:2: sidan är inte sparad som UTF-8 (byte 0xe5)"),
    ("diff-no-data-folder", None, ["diff", "/etc", "data"], "/etc: är ingen datamapp (där finns varken handbok.yaml"),
    (
        "serve-no-config",
        None,
        ["serve", "--config", "finns-inte.yml"],
        "finns-inte.yml: MkDocs-konfigurationen finns inte",
    ),
]


@pytest.mark.parametrize(("setup", "args", "message"), [r[1:] for r in ROUTES], ids=[r[0] for r in ROUTES])
def test_every_route_refuses_in_swedish_and_writes_nothing(
    project: Path, setup: Callable[[Path], None] | None, args: list[str], message: str
) -> None:
    if setup is not None:
        setup(project)
    before = {k: v for k, v in tree_digest(project).items() if not k.startswith("data/kalenderhistorik")}
    result = subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,  # a FIFO must not hang the command
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr and "oväntat fel" not in result.stderr
    assert len(result.stderr) < 3000, "the message quotes no file"
    after = {k: v for k, v in tree_digest(project).items() if not k.startswith("data/kalenderhistorik")}
    assert after == before
    assert not (project / "site").exists() and not (project / "ut").exists()


def test_a_refused_target_is_refused_before_anything_is_rendered(project: Path) -> None:
    # The cache would hold the PDFs had the command rendered them before it checked its target.
    result = run_generator("generate", "--out", "data", "--cache", "kakor", cwd=project)
    assert result.returncode == 1 and "Inget skrevs." in result.stderr
    assert not (project / "kakor").exists()


@pytest.mark.parametrize("name", ['Västra "samverkan"', "__NAMN__ och __NAMN_YAML__", "Nord: #1 'ja'", "- yes"])
def test_a_new_cooperations_name_reads_back_as_given(project: Path, name: str) -> None:
    result = run_generator("new-cooperation", "vastra", name, cwd=project)
    assert result.returncode == 0, result.stderr
    info = yaml.safe_load((project / "data" / "vastra" / "samverkan.yaml").read_text(encoding="utf-8"))
    assert (info["namn"], info["kortnamn"]) == (name, name)
    assert run_generator("check", cwd=project).returncode == 0


def test_a_cache_that_cannot_be_written_only_slows_the_build(project: Path) -> None:
    result = run_generator("build", "--cache", "egen/viktigt.docx/cache", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Cachen egen/viktigt.docx/cache kan inte skrivas" in result.stderr
    assert (project / "site" / MARKER).is_file()
    assert (project / "egen" / "viktigt.docx").read_bytes() == b"en anvandares fil"


def test_check_in_a_c_locale_answers_in_swedish(project: Path) -> None:
    environment = {"PATH": os.environ["PATH"], "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check"], cwd=project, env=environment, capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Kontrollerade 1 samverkan (NoSö).".encode() in result.stdout and b"Traceback" not in result.stderr


def test_serve_on_a_busy_port_says_so(project: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        address = f"127.0.0.1:{busy.getsockname()[1]}"
        result = run_generator("serve", "--dev-addr", address, cwd=project)
    assert result.returncode == 1
    assert result.stderr.startswith(f"Porten i {address} används redan"), result.stderr


def test_the_github_summary_is_appended_to_and_stays_under_a_mebibyte(project: Path) -> None:
    summary = project.parent / "summary.md"
    earlier = "## Ett tidigare steg\n" + "x" * 900_000 + "\n"  # other steps write the summary too
    summary.write_text(earlier, encoding="utf-8")
    groups = project / "data" / "exempel" / "grupper.yaml"
    text = groups.read_text(encoding="utf-8")
    groups.write_text(text + "".join(f"felnyckel{number}: 1\n" for number in range(4000)), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--format", "github"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT), "GITHUB_STEP_SUMMARY": str(summary)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    written = summary.read_text(encoding="utf-8")
    assert written.startswith(earlier + "## Datakontroll")
    assert summary.stat().st_size <= 1024 * 1024
    assert re.search(r"… och \d+ till, som inte får plats", written)


@pytest.mark.parametrize(
    ("summary", "message"),
    [
        ("fifo", "summary.fifo: kunde inte skrivas (är ett rör som ingen läser)"),
        ("data/sammanfattning.md", "data/sammanfattning.md: filen ligger i data"),
        ("link", "summary.link: filen ligger i data"),  # a link is followed to its target, and refused there
    ],
)
def test_a_hostile_step_summary_path_is_refused_not_waited_on(project: Path, summary: str, message: str) -> None:
    path = {"fifo": project.parent / "summary.fifo", "link": project.parent / "summary.link"}.get(summary)
    if summary == "fifo":
        os.mkfifo(project.parent / "summary.fifo")
    if summary == "link":
        (project.parent / "summary.link").symlink_to(project / "data" / "handbok.yaml")
    before = tree_digest(project / "data")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--format", "github"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT), "GITHUB_STEP_SUMMARY": str(path or project / summary)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert tree_digest(project / "data") == before


def test_a_new_cooperation_that_would_not_pass_check_writes_nothing(project: Path) -> None:
    site = project / "data" / "handbok.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "okand_nyckel: 1\n", encoding="utf-8")
    before = tree_digest(project / "data")
    result = run_generator("new-cooperation", "vastra", "Västra", cwd=project)
    assert result.returncode == 1
    assert result.stderr.startswith("data/handbok.yaml:"), result.stderr
    assert "ingenting skrevs i data" in result.stderr and "handbok-ny-samverkan-" not in result.stderr
    assert tree_digest(project / "data") == before
    assert sorted(p.name for p in (project / "data").iterdir()) == sorted(["exempel", "handbok.yaml"])

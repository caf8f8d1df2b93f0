"""Read data files into trees of values that remember where they stood (compose.py).

Files that are not plain UTF-8 text of a reasonable size are refused before any YAML is
read; every refusal, PyYAML's included, becomes a located message in Swedish. Anchors
and aliases are refused: editors do not need them and they are the road to "billion
laughs" documents that exhaust memory.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

import yaml

from .compose import (
    ALIAS_REFUSED,
    CONTROL,
    DEPTH_REFUSED,
    MAX_DEPTH,
    NO_SUCH_CHARACTER,
    YamlValue,
    compose,
    control_message,
)
from .errors import ErrorLog, Position, display_path

MAX_BYTES = 2_000_000  # the largest data file read at all; real ones are a few kilobytes


def load_file(path: Path, log: ErrorLog, root: Path | None = None) -> YamlValue | None:
    """Read and parse one data file; `root` is the data folder that symlinks must stay inside."""
    name = display_path(path)
    problem = _file_problem(path, root)
    if problem:
        log.add(Position(name), problem)
        return None
    try:
        data = path.read_bytes()
    except OSError:
        log.add(Position(name), "filen kan inte läsas (behörighet saknas eller disken svarar inte)")
        return None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        column = len(data[data.rfind(b"\n", 0, err.start) + 1 : err.start].decode("utf-8", "replace")) + 1
        log.add(Position(name, line, column), "filen är inte sparad som UTF-8; spara om den som UTF-8")
        return None
    return load_text(text, name, log)


def _file_problem(path: Path, root: Path | None) -> str | None:
    """Why `path` is not read at all: missing, not a regular file, a link out of the data, too big."""
    if not path.exists() and not path.is_symlink():
        return "filen saknas"
    if root is not None and path.is_symlink() and root.resolve() not in path.resolve().parents:
        return "filen är en länk till något utanför datamappen; lägg in själva filen i stället"
    try:
        info = path.stat()
    except OSError:
        return "filen är en länk som inte leder till någon fil"
    if stat.S_ISDIR(info.st_mode):
        return "är en mapp, men här ska en fil med det namnet ligga"
    if not stat.S_ISREG(info.st_mode):
        return "är ingen vanlig fil (utan t.ex. en enhet eller ett rör) och läses inte"
    if info.st_size > MAX_BYTES:
        return f"filen är större än {MAX_BYTES // 1_000_000} MB; handbokens datafiler är några kB"
    return None


def load_text(text: str, name: str, log: ErrorLog) -> YamlValue | None:
    """Parse one document; syntax errors and refused constructs go to `log`.

    A file with any error gives None, so that later steps treat it as unreadable and one
    mistake does not come back as many."""
    control = CONTROL.search(text)
    if control:
        log.add(_offset_position(name, text, control.start()), control_message(control.group()))
        return None
    try:
        value, problems = compose(text, name)
    except yaml.MarkedYAMLError as err:
        mark = _fault_mark(err)
        pos = _position(name, mark) if mark else Position(name)
        log.add(pos, _syntax_message(err, text, mark))
        return None
    except yaml.YAMLError:  # errors without a mark; the character checks above leave none we know of
        log.add(Position(name), "filen kan inte läsas som YAML")
        return None
    if value is None:
        log.add(Position(name, 1, 1), "filen är tom")
        return None
    for pos, message in problems:
        log.add(pos, message)
    return None if problems else value


def _fault_mark(err: yaml.MarkedYAMLError) -> yaml.Mark | None:
    """Where the editor must look. PyYAML marks where it gave up; for a key without its colon that is
    the line below, while the key itself (the context it was reading) is on the line that lacks it."""
    if err.context_mark is not None and "could not find expected ':'" in (err.problem or ""):
        return err.context_mark
    return err.problem_mark or err.context_mark


def _offset_position(name: str, text: str, offset: int) -> Position:
    line_start = text.rfind("\n", 0, offset) + 1
    return Position(name, text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _position(name: str, mark: yaml.Mark) -> Position:
    return Position(name, mark.line + 1, mark.column + 1)


def _syntax_message(err: yaml.MarkedYAMLError, text: str, mark: yaml.Mark | None) -> str:
    """PyYAML's English problem as a Swedish sentence; nothing English ever reaches the editor."""
    problem = (err.problem or "").strip()
    context = (err.context or "").strip()
    if mark is not None and _is_tab(text, mark):
        return "tabbtecken får inte användas för indrag; använd mellanslag"
    for english, swedish in _SYNTAX_MESSAGES:
        if re.search(english, problem) or (not problem and re.search(english, context)):
            return swedish
    for english, swedish in _CONTEXTS:
        if english in context:
            return swedish
    return "raden kan inte läsas som YAML; kontrollera indrag, kolon och citattecken"


def _is_tab(text: str, mark: yaml.Mark) -> bool:
    lines = text.splitlines()
    if mark.line >= len(lines):
        return False
    line = lines[mark.line]
    return "\t" in line[: mark.column + 1]


_ALIAS = "alias ('*namn') används inte i handbokens filer; skriv ut värdet på nytt"
_QUOTE = "sätt texten inom citattecken"
# Every problem PyYAML's scanner, parser and composer can report, as a pattern, in Swedish.
_SYNTAX_MESSAGES = (
    (ALIAS_REFUSED, _ALIAS),
    (DEPTH_REFUSED, f"värdena är nästlade i fler än {MAX_DEPTH} nivåer; så djupt går inte i handbokens filer"),
    ("found undefined alias", _ALIAS),
    ("found duplicate anchor", "ankare ('&namn') används inte i handbokens filer; ta bort det"),
    ("found character '\\\\t'", "tabbtecken får inte användas för indrag; använd mellanslag"),
    ("mapping values are not allowed here", f"ett kolon står där det inte får stå; {_QUOTE} eller rätta indraget"),
    ("could not find expected ':'", "kolon saknas efter nyckeln, eller så är indraget fel"),
    ("expected <block end>", "indraget stämmer inte med raderna ovanför"),
    ("found unexpected end of stream", "ett citattecken stängs aldrig"),
    ("found unexpected document separator", "ett citattecken stängs inte före '---'"),
    ("expected ',' or '\\]'", "en lista inom hakparenteser [ ] är inte rätt avslutad"),
    ("expected ',' or '}'", "en tabell inom klammerparenteser { } är inte rätt avslutad"),
    ("sequence entries are not allowed here", "en listrad ('- ...') står där den inte får stå; rätta indraget"),
    ("mapping keys are not allowed here", "en nyckel står där den inte får stå; rätta indraget"),
    ("that cannot start any token", f"ett tecken står där det inte får stå; {_QUOTE}"),
    ("found unknown escape character", "ett okänt \\-tecken inom \"…\"; skriv texten inom '…' eller utan citattecken"),
    ("expected escape sequence of", "ett ofullständigt \\x-, \\u- eller \\U-tecken inom \"…\""),
    (NO_SUCH_CHARACTER, "ett \\U-tecken inom \"…\" som inte finns i Unicode; det högsta är \\U0010FFFF"),
    ("expected the node content", f"ett värde saknas eller börjar med ett tecken som inte får stå där; {_QUOTE}"),
    ("expected '<document start>'", "filen ska vara ett enda dokument utan '---' och '%'-direktiv"),
    ("but found another document", "filen ska vara ett enda dokument; ta bort '---' och det som följer"),
    ("found duplicate YAML directive|found incompatible YAML document|found undefined tag handle|found duplicate tag",
     "direktiv ('%YAML', '%TAG') och taggar används inte i handbokens filer"),
    ("expected indentation indicator|expected chomping or indentation",
     "fel efter '|' eller '>': skriv bara '|' eller '>' och texten på raderna under"),
    ("expected a comment or a line break", "efter '|' eller '>' får bara en kommentar stå på raden"),
)  # fmt: skip
# When the problem itself names no known case: what PyYAML was reading.
_CONTEXTS = (
    ("while scanning a directive", "direktiv ('%YAML', '%TAG') används inte i handbokens filer"),
    ("tag", "taggar ('!') används inte i handbokens filer; skriv värdet utan tagg"),
    ("anchor", "ankare ('&namn') används inte i handbokens filer; ta bort det"),
    ("alias", _ALIAS),
    ("quoted scalar", "en text inom citattecken är inte rätt skriven"),
    ("block scalar", "en text efter '|' eller '>' är inte rätt skriven"),
)

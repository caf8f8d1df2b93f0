"""YAML text to a tree of values that remember where they stood (file, line, column).

Only parser *events* are read, never PyYAML's constructor or composer, so no tag in a
file can make Python build or run anything. Scalars keep their source text; the
validator decides what type each one must have. Aliases are refused before any is
expanded ("billion laughs"), anchors twice, and nesting deeper than MAX_DEPTH.

libyaml's parser (C) reads the events where PyYAML has it; PyYAML's own parser (Python)
reads them otherwise, and reads again every file that libyaml refuses or may read in
another way, so that every message and position is exactly PyYAML's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import yaml

from .errors import Position

STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}

REFUSED_TAG = "refused"  # stands in for a value whose tag was refused; its error is logged


@dataclass(frozen=True)
class Scalar:
    text: str
    tag: str
    plain: bool  # written without quotes, so YAML gave it a type from its look
    pos: Position


@dataclass(frozen=True)
class Sequence:
    items: tuple[YamlValue, ...]
    pos: Position


@dataclass(frozen=True)
class Mapping:
    entries: tuple[tuple[Scalar, YamlValue], ...]
    pos: Position


YamlValue = Scalar | Sequence | Mapping
Problem = tuple[Position, str]

# The problems of the refusals raised here, in English like PyYAML's own, for load.py to say in Swedish.
ALIAS_REFUSED = "alias refused"
DEPTH_REFUSED = "too deep"
NO_SUCH_CHARACTER = "escape code of no character"
MAX_DEPTH = 20  # lists and keys inside each other; the data files need about eight
# Unicode's 66 noncharacters: U+FDD0-U+FDEF and the last two code points of every plane
# (U+FFFE, U+FFFF … U+10FFFF). They are no text; PyYAML lets most of them through, and Cairo
# stops the whole build on them (PNG and PDF), so `check` refuses them with the controls.
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
)
# Unicode's direction embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): unseen,
# they turn round how the text after them is shown (on the page, in the PDF, in a calendar), so a
# name could read otherwise than it is written ("Trojan Source"). Swedish text needs none of them:
# a name in Arabic or Hebrew script is shown right to left without them.
DIRECTION_CONTROLS = "\u202a-\u202e\u2066-\u2069"
# Characters no editor means to type: C0 and C1 controls (but tab, line feed and carriage
# return), DEL, lone surrogates, the noncharacters and the direction controls. PyYAML refuses
# most of them with an English message and a character offset; load.py says where, in Swedish, first.
CONTROL = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{NONCHARACTERS}{DIRECTION_CONTROLS}]")
_NONCHARACTER = re.compile(f"[{NONCHARACTERS}]")
_DIRECTION = re.compile(f"[{DIRECTION_CONTROLS}]")


def control_message(char: str) -> str:
    if char == "\x00":
        return "filen innehåller ett NUL-tecken (U+0000); den är troligen inte en textfil"
    if _NONCHARACTER.match(char):
        return (
            f"tecknet U+{ord(char):04X} är inget skrivbart tecken (ett icke-tecken i Unicode) och kan inte "
            "visas eller skrivas ut; ta bort det (skriv om ordet om du inte ser det)"
        )
    if _DIRECTION.match(char):
        return (
            f"osynligt riktningstecken U+{ord(char):04X} i texten: det kan ändra i vilken ordning texten "
            "efter det visas; ta bort det (skriv om ordet om du inte ser det)"
        )
    return f"osynligt styrtecken U+{ord(char):04X} i texten; ta bort det (skriv om ordet om du inte ser det)"


def compose(text: str, name: str) -> tuple[YamlValue | None, list[Problem]]:
    """The one document in `text` and its problems (refused tags, control characters, repeated
    keys) in the order of the file; raises PyYAML's error for text that cannot be read.

    libyaml composes when it is there and reads the text as PyYAML does. A refusal from libyaml,
    or a value it reads otherwise, sends the file to PyYAML, so every message is PyYAML's."""
    if PARSER is not PurePythonParser and _libyaml_reads_as_pyyaml(text):
        composer = _Composer(PARSER(text), name, libyaml=True)
        try:
            return composer.document(), composer.problems
        except (yaml.YAMLError, _Disagreement):
            pass
    composer = _Composer(PurePythonParser(text), name, libyaml=False)
    return composer.document(), composer.problems


def _libyaml_reads_as_pyyaml(text: str) -> bool:
    """False for text that libyaml 0.2.5 takes where PyYAML refuses it, or reads otherwise, as found
    by comparing the two parsers' events on edited data files (tests/test_error_table.py has a row
    for each; the composer finds the other two, '?' inside [ ] or { } and an empty '!' value):
    - a tab anywhere: libyaml allows tabs inside values and after a colon, PyYAML does not;
    - a byte order mark after the start: libyaml counts the columns after it otherwise;
    - '|#' or '>#': libyaml takes a comment straight after the indicator, PyYAML does not;
    - no line break at the end: libyaml puts the end of the file on a line of its own, which
      moves the empty value of a last '? key'."""
    return (not text or text[-1] in _LINE_BREAKS) and _LIBYAML_DIFFERS.search(text) is None


_LINE_BREAKS = "\n\r\u2028\u2029"
_LIBYAML_DIFFERS = re.compile(r"[\t\ufeff]|[|>][-+0-9]*#")


class PurePythonParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """PyYAML's reader, scanner and parser, in Python: where libyaml is missing, and for every
    file libyaml refuses or might read differently, so that each message and position is PyYAML's."""

    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)

    def scan_flow_scalar_non_spaces(self, double: bool, start_mark: yaml.Mark) -> list[str]:
        try:
            return super().scan_flow_scalar_non_spaces(double, start_mark)
        except (ValueError, OverflowError):  # PyYAML passes "\U7FFFFFFF" to chr(), which fails
            mark = self.get_mark()  # after the 'U': point at the backslash instead
            at = yaml.Mark(mark.name, mark.index - 2, mark.line, mark.column - 2, mark.buffer, mark.pointer - 2)
            context = "while scanning a double-quoted scalar"
            raise yaml.scanner.ScannerError(context, start_mark, NO_SUCH_CHARACTER, at) from None


class _Events(Protocol):
    """What the composer needs of a parser; PyYAML's and libyaml's both have it."""

    def check_event(self, *choices: type[yaml.Event]) -> bool: ...
    def peek_event(self) -> Any: ...
    def get_event(self) -> Any: ...


# libyaml's parser (C) when PyYAML was built with it, as the pinned wheels are: the data files are
# composed about seven times faster. PyYAML's own parser otherwise; benchmarks/check_speed.py compares.
PARSER: Callable[[str], _Events] = yaml.CSafeLoader if yaml.__with_libyaml__ else PurePythonParser


class _Disagreement(Exception):
    """libyaml reads this text otherwise than PyYAML would: read it again with PyYAML."""


class _Composer:
    """Builds the values of one document from parser events, refusing what the handbook refuses.

    PyYAML's composer is not used, since libyaml's composes in C where no refusal reaches:
    aliases are refused before any is expanded, nesting before the parser recurses deeply."""

    def __init__(self, events: _Events, name: str, *, libyaml: bool) -> None:
        self.events = events
        self.name = name
        self.libyaml = libyaml
        self.resolver = yaml.resolver.Resolver()
        self.anchors: dict[str, yaml.Mark] = {}
        # Type problems (refused tags, control characters, repeated keys), in the order of the file;
        # reported only when the whole file parses, as PyYAML's composer stops at the first refusal.
        self.problems: list[Problem] = []

    def document(self) -> YamlValue | None:
        """The one document of the file (None if it has none), as PyYAML's `compose` reads it."""
        self.events.get_event()  # stream start
        if self.events.check_event(yaml.StreamEndEvent):
            return None
        self.events.get_event()  # document start
        value = self.node(1, flow=False)
        self.events.get_event()  # document end
        if not self.events.check_event(yaml.StreamEndEvent):
            second = self.events.get_event().start_mark
            raise yaml.composer.ComposerError(
                "expected a single document in the stream", None, "but found another document", second
            )
        return value

    def node(self, depth: int, flow: bool) -> YamlValue:
        event = self.events.peek_event()
        mark: yaml.Mark = event.start_mark  # libyaml's marks have the same line and column as PyYAML's
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, ALIAS_REFUSED, mark)
        if depth > MAX_DEPTH:
            raise yaml.composer.ComposerError(None, None, DEPTH_REFUSED, mark)
        self.events.get_event()
        if event.anchor in self.anchors:
            first = f"found duplicate anchor {event.anchor!r}; first occurrence"
            raise yaml.composer.ComposerError(first, self.anchors[event.anchor], "second occurrence", mark)
        if event.anchor is not None:
            self.anchors[event.anchor] = mark
        pos = Position(self.name, mark.line + 1, mark.column + 1)
        before = len(self.problems)
        value: YamlValue
        if isinstance(event, yaml.ScalarEvent):
            value = self.scalar(event, pos, flow)
        elif isinstance(event, yaml.SequenceStartEvent):
            value = self.sequence(depth, flow or bool(event.flow_style), pos)
        else:
            value = self.mapping(depth, flow or bool(event.flow_style), pos)
        tag = value.tag if isinstance(value, Scalar) else event.tag or "!"  # '!' and none: a list or a table
        if tag == "!" or tag in STANDARD_TAGS:
            return value
        del self.problems[before:]  # nothing inside a refused value is read
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        shown = shown if len(shown) <= 60 else shown[:60] + "…"
        self.problems.append((pos, f"taggen '{shown}' är inte tillåten; skriv värdet utan tagg (inga '!'-taggar)"))
        return Scalar("", REFUSED_TAG, True, pos)

    def scalar(self, event: yaml.ScalarEvent, pos: Position, flow: bool) -> Scalar:
        plain = not event.style  # PyYAML gives None for a plain scalar, libyaml ''
        if flow and plain and self.libyaml and "?" in event.value:
            raise _Disagreement  # PyYAML ends a plain value at '?' inside [ ] and { }; libyaml reads on
        tag = event.tag
        if tag is None or tag == "!":  # PyYAML always resolves '!' by the text; libyaml not when it is empty
            implicit = (True, False) if tag else event.implicit
            tag = self.resolver.resolve(yaml.ScalarNode, event.value, implicit)  # type: ignore[no-untyped-call]
        elif tag not in STANDARD_TAGS:
            return Scalar("", tag, plain, pos)  # refused by the caller
        control = CONTROL.search(event.value)  # written as an escape inside "…", e.g. "\x07"
        if control:
            self.problems.append((pos, control_message(control.group())))
        return Scalar(event.value, tag, plain, pos)

    def sequence(self, depth: int, flow: bool, pos: Position) -> Sequence:
        items = []
        while not self.events.check_event(yaml.SequenceEndEvent):
            items.append(self.node(depth + 1, flow))
        self.events.get_event()
        return Sequence(tuple(items), pos)

    def mapping(self, depth: int, flow: bool, pos: Position) -> Mapping:
        entries: list[tuple[Scalar, YamlValue]] = []
        seen: dict[str, Position] = {}
        while not self.events.check_event(yaml.MappingEndEvent):
            key = self.node(depth + 1, flow)
            before = len(self.problems)
            value = self.node(depth + 1, flow)
            problem = _key_problem(key, seen)
            if problem:
                del self.problems[before:]  # the value of a key that cannot be used is not read
                self.problems.append((key.pos, problem))
                continue
            assert isinstance(key, Scalar)
            seen[key.text] = key.pos
            entries.append((key, value))
        self.events.get_event()
        return Mapping(tuple(entries), pos)


def _key_problem(key: YamlValue, seen: dict[str, Position]) -> str | None:
    if not isinstance(key, Scalar):
        return "en nyckel måste vara ett enkelt ord, inte en lista eller tabell"
    if key.text in seen:
        shown = key.text if len(key.text) <= 60 else key.text[:60] + "…"
        return f"nyckeln '{shown}' står två gånger (första gången på rad {seen[key.text].line})"
    return None

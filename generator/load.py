"""Read YAML files into trees of values that remember where they stood.

The YAML is only *composed* (parsed into nodes), never constructed by PyYAML,
so no tag in a file can make Python build or run anything. Scalars keep their
source text; the validator decides what type each one must have. Anchors and
aliases are refused: editors do not need them and they are the road to
"billion laughs" documents that exhaust memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ErrorLog, Position, display_path

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


class _Loader(yaml.SafeLoader):
    """SafeLoader's scanner, parser and resolver; we never call its constructor."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(None, None, _ALIAS_REFUSED, mark)
        return super().compose_node(parent, index)


_ALIAS_REFUSED = "alias refused"


def load_file(path: Path, log: ErrorLog) -> YamlValue | None:
    name = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        log.add(Position(name), "filen saknas")
        return None
    except UnicodeDecodeError as err:
        log.add(Position(name), f"filen är inte sparad som UTF-8 (byte {err.start}); spara om den som UTF-8")
        return None
    return load_text(text, name, log)


def load_text(text: str, name: str, log: ErrorLog) -> YamlValue | None:
    """Parse one document; syntax errors and refused constructs go to `log`."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        pos = _position(name, mark) if mark else Position(name)
        log.add(pos, _syntax_message(err, text, mark))
        return None
    except yaml.YAMLError as err:  # errors without a place, e.g. a NUL byte
        log.add(Position(name), f"filen kan inte läsas som YAML: {err}")
        return None
    if node is None:
        log.add(Position(name, 1, 1), "filen är tom")
        return None
    return _convert(node, name, log)


def _position(name: str, mark: yaml.Mark) -> Position:
    return Position(name, mark.line + 1, mark.column + 1)


def _convert(node: yaml.Node, name: str, log: ErrorLog) -> YamlValue:
    pos = _position(name, node.start_mark)
    if node.tag not in STANDARD_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        log.add(pos, f"taggen '{tag}' är inte tillåten; skriv värdet utan tagg (inga '!'-taggar)")
        return Scalar("", REFUSED_TAG, True, pos)
    if isinstance(node, yaml.ScalarNode):
        return Scalar(node.value, node.tag, node.style is None, pos)
    if isinstance(node, yaml.SequenceNode):
        return Sequence(tuple(_convert(item, name, log) for item in node.value), pos)
    assert isinstance(node, yaml.MappingNode)
    return _convert_mapping(node, pos, name, log)


def _convert_mapping(node: yaml.MappingNode, pos: Position, name: str, log: ErrorLog) -> Mapping:
    entries: list[tuple[Scalar, YamlValue]] = []
    seen: dict[str, Position] = {}
    for key_node, value_node in node.value:
        key = _convert(key_node, name, log)
        if not isinstance(key, Scalar):
            log.add(key.pos, "en nyckel måste vara ett enkelt ord, inte en lista eller tabell")
            continue
        if key.text in seen:
            first = seen[key.text]
            log.add(key.pos, f"nyckeln '{key.text}' står två gånger (första gången på rad {first.line})")
            continue
        seen[key.text] = key.pos
        entries.append((key, _convert(value_node, name, log)))
    return Mapping(tuple(entries), pos)


def _syntax_message(err: yaml.MarkedYAMLError, text: str, mark: yaml.Mark | None) -> str:
    problem = (err.problem or "").strip()
    if mark is not None and _is_tab(text, mark):
        return "tabbtecken får inte användas för indrag; använd mellanslag"
    for english, swedish in _SYNTAX_MESSAGES:
        if english in problem:
            return swedish
    return f"YAML-syntaxfel: {problem or err.context} (kontrollera indrag, kolon och citattecken)"


def _is_tab(text: str, mark: yaml.Mark) -> bool:
    lines = text.splitlines()
    if mark.line >= len(lines):
        return False
    line = lines[mark.line]
    return "\t" in line[: mark.column + 1]


_SYNTAX_MESSAGES = (
    (_ALIAS_REFUSED, "alias ('*namn') används inte i handbokens filer; skriv ut värdet på nytt"),
    ("found undefined alias", "alias ('*namn') används inte i handbokens filer; skriv ut värdet på nytt"),
    ("found character '\\t'", "tabbtecken får inte användas för indrag; använd mellanslag"),
    (
        "mapping values are not allowed here",
        "ett kolon står där det inte får stå; sätt texten inom citattecken eller rätta indraget",
    ),
    ("could not find expected ':'", "kolon saknas efter nyckeln, eller så är indraget fel"),
    ("expected <block end>", "indraget stämmer inte med raderna ovanför"),
    ("found unexpected end of stream", "ett citattecken eller en hakparentes stängs aldrig"),
    ("expected ',' or ']'", "en lista inom hakparenteser [ ] är inte rätt avslutad"),
    ("expected ',' or '}'", "en tabell inom klammerparenteser { } är inte rätt avslutad"),
    ("did not find expected '-' indicator", "en listrad ('- ...') har fel indrag"),
    (
        "found character that cannot start any token",
        "ett tecken står där det inte får stå; sätt texten inom citattecken",
    ),
)

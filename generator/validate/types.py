"""What a model field's type hint means, shared by the converter and the schema.

Both `convert.py` and `schema.py` walk the same type hints; this module turns a
hint into a small description (`FieldType`) so that each of them only has to
handle a closed set of cases.
"""

from __future__ import annotations

import dataclasses
import datetime
import types
import typing
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any, Union

from ..model import Deadline, Id, Month, Prose, Ref
from ..model.base import WebAddress

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"


# Enumerated words may be written with å, ä, ö or without: 'inställt' and 'installt' are one word.
_SWEDISH_LETTERS = str.maketrans("åäö", "aao")
_LETTER_CLASSES = {"a": "[aåä]", "o": "[oö]"}


def fold_swedish(word: str) -> str:
    """The form two spellings of an enumerated word share: lower case, å and ä as a, ö as o."""
    return word.strip().lower().translate(_SWEDISH_LETTERS)


def swedish_spellings_pattern(words: list[str]) -> str:
    """A regular expression for the lower-case spellings `fold_swedish` takes as these words."""
    spellings = ["".join(_LETTER_CLASSES.get(ch, ch) for ch in fold_swedish(w)) for w in words]
    return "^(" + "|".join(spellings) + ")$"


@dataclass(frozen=True)
class FieldType:
    """`kind` is one of: text, prose, address, int, bool, date, time, month, deadline, enum, id, ref, list, object."""

    kind: str
    target: Any = None  # the dataclass, enum or list item type; the id/ref kind


@dataclass(frozen=True)
class ModelField:
    name: str
    key: str
    doc: str
    type: FieldType
    required: bool
    between: tuple[int, int] | None = None  # a number's range, or how many entries a list must have


def describe(hint: Any) -> FieldType:
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:
        base, *extras = typing.get_args(hint)
        for extra in extras:
            if isinstance(extra, Id):
                return FieldType("id", extra.kind)
            if isinstance(extra, Ref):
                return FieldType("ref", extra.kind)
        return describe(base)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return describe(inner)
    if origin is tuple:
        return FieldType("list", describe(typing.get_args(hint)[0]))
    return _describe_simple(hint)


def _describe_simple(hint: Any) -> FieldType:
    simple = {
        Prose: "prose",
        WebAddress: "address",
        str: "text",
        bool: "bool",
        int: "int",
        datetime.date: "date",
        datetime.time: "time",
        Deadline: "deadline",
        Month: "month",
    }
    if hint in simple:
        return FieldType(simple[hint])
    if isinstance(hint, type) and issubclass(hint, Enum):
        return FieldType("enum", hint)
    if dataclasses.is_dataclass(hint):
        return FieldType("object", hint)
    raise TypeError(f"model field type not supported: {hint!r}")


@cache
def model_fields(cls: type) -> tuple[ModelField, ...]:
    hints = typing.get_type_hints(cls, include_extras=True)
    result = []
    for f in dataclasses.fields(cls):
        if f.metadata.get("internal"):
            continue
        has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        ftype = describe(hints[f.name])
        between = f.metadata.get("between")
        if between and ftype.kind == "int":  # a number with its own range, e.g. a year
            ftype = FieldType(ftype.kind, between)
        result.append(ModelField(f.name, f.metadata["key"], f.metadata["doc"], ftype, not has_default, between))
    return tuple(result)


def defined_kinds(cls: type) -> frozenset[str]:
    """The kinds of id that objects of `cls` (and the objects inside them) define."""
    kinds: set[str] = set()
    for f in model_fields(cls):
        ftype = f.type
        while ftype.kind == "list":
            ftype = ftype.target
        if ftype.kind == "id":
            kinds.add(ftype.target)
        elif ftype.kind == "object":
            kinds |= defined_kinds(ftype.target)
    return frozenset(kinds)

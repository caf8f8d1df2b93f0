"""Turn a loaded YAML tree into model objects, collecting every error on the way.

The model's type hints say what each key must hold; anything else (an unknown
key, a wrong type, an unknown month, an impossible date) becomes a `DataError`
with the value's own file, line and column. Ids and references are recorded so
that `references.py` can check them once all files of a cooperation are read.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Final, TypeVar

from .. import prose
from ..compose import REFUSED_TAG, Mapping, Scalar, Sequence, YamlValue
from ..errors import ErrorLog, Position
from ..model import Deadline, Month, Prose
from ..model.address import normalise_address
from ..model.base import MONTH_NAMES, WebAddress
from ..model.dates import days_in_every_year
from .types import DATE_PATTERN, ID_PATTERN, TIME_PATTERN, FieldType, defined_kinds, fold_swedish, model_fields

# Bounds on what one value may hold; the JSON Schema says the same (schema.py).
MAX_TEXT = 1_000  # characters in a name, title or other one-line text
MAX_ITEMS = 200  # entries in one list
MAX_INT = 1_000  # a count, unless the field sets its own range (years)


class Invalid(Enum):
    """The type of INVALID: a value that could not be converted; its error is already logged."""

    INVALID = "invalid"


INVALID: Final = Invalid.INVALID
Model = TypeVar("Model")  # the dataclass a file or a mapping is converted to

NULL_TAG = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class Mention:
    """An id defined or referred to somewhere in the data."""

    kind: str
    value: str
    pos: Position
    path: str


@dataclass
class Converter:
    log: ErrorLog
    definitions: list[Mention] = field(default_factory=list)
    references: list[Mention] = field(default_factory=list)
    # Kinds of id whose list is incomplete because of an earlier error; references
    # to them are not checked, so that one mistake does not show up as many.
    incomplete: set[str] = field(default_factory=set)

    def convert(self, cls: type[Model], value: YamlValue | None, path: str = "") -> Model | Invalid:
        """`cls` from `value`, or INVALID; `None` stands for a file that could not be read."""
        if value is None:
            self.incomplete |= defined_kinds(cls)
            return INVALID
        return self._object(cls, value, path)

    def _error(self, value: YamlValue, message: str, path: str) -> Invalid:
        self.log.add(value.pos, message, path)
        return INVALID

    def _value(self, ftype: FieldType, value: YamlValue, path: str) -> object:
        """The field's value (of the type its hint names, known only at run time), or INVALID."""
        if ftype.kind == "list":
            return self._list(ftype.target, value, path)
        if ftype.kind == "object":
            return self._object(ftype.target, value, path)
        if isinstance(value, Scalar) and value.tag == REFUSED_TAG:
            return INVALID
        if not isinstance(value, Scalar):
            return self._error(value, f"väntade {_EXPECTED[ftype.kind]}, fick {_found(value)}", path)
        if value.tag == NULL_TAG and value.plain:
            return self._error(value, f"värdet saknas; väntade {_EXPECTED[ftype.kind]}", path)
        convert_scalar: Callable[[FieldType, Scalar, str], object] = getattr(self, f"_{ftype.kind}")
        return convert_scalar(ftype, value, path)

    def _list(self, item_type: FieldType, value: YamlValue, path: str) -> tuple[object, ...] | Invalid:
        if not isinstance(value, Sequence):
            return self._error(value, f"väntade en lista (rader som börjar med '- '), fick {_found(value)}", path)
        if len(value.items) > MAX_ITEMS:
            return self._error(value, f"listan har {len(value.items)} rader; högst {MAX_ITEMS} går", path)
        items = [self._value(item_type, item, f"{path}[{i}]") for i, item in enumerate(value.items)]
        return INVALID if any(i is INVALID for i in items) else tuple(items)

    def _object(self, cls: type[Model], value: YamlValue, path: str) -> Model | Invalid:
        if not isinstance(value, Mapping):
            self.incomplete |= defined_kinds(cls)
            return self._error(value, f"väntade nycklar med värden (t.ex. 'namn: …'), fick {_found(value)}", path)
        dataclass_type: type = cls  # any class is hashable, which the cached model_fields needs
        fields = {f.key: f for f in model_fields(dataclass_type)}
        given = {k.text: (k, v) for k, v in value.entries}
        kwargs: dict[str, object] = {"pos": value.pos}
        ok = True
        for key_text, (key, _) in given.items():
            if key_text not in fields:
                self._unknown_key(key, list(fields), _join(path, key_text))
                ok = False
        for f in fields.values():
            if f.key not in given:
                if f.required:
                    self._error(value, f"nyckeln '{f.key}' saknas ({f.doc})", path)
                    ok = False
                continue
            converted = self._value(f.type, given[f.key][1], _join(path, f.key))
            if f.between and isinstance(converted, tuple) and len(converted) < f.between[0]:
                if f.type.target.kind == "object":  # its ids are missing: references to them are not checked
                    self.incomplete |= defined_kinds(f.type.target.target)
                converted = self._error(given[f.key][1], f"listan är tom; '{f.key}' behöver minst en rad", path)
            ok = ok and converted is not INVALID
            kwargs[f.name] = converted
        return cls(**kwargs) if ok else INVALID

    def _unknown_key(self, key: Scalar, allowed: list[str], path: str) -> None:
        close = difflib.get_close_matches(key.text, allowed, n=1)
        hint = f"menade du '{close[0]}'? " if close else ""
        self._error(key, f"okänd nyckel {_quoted(key.text)}; {hint}tillåtna nycklar här: {', '.join(allowed)}", path)

    def _text(self, _: FieldType, value: Scalar, path: str) -> str | Invalid:
        text = " ".join(value.text.split())
        if len(text) > MAX_TEXT:
            return self._error(value, f"texten är längre än {MAX_TEXT} tecken; korta den", path)
        return text if text else self._error(value, "texten är tom", path)

    def _prose(self, _: FieldType, value: Scalar, path: str) -> Prose | Invalid:
        text = value.text.strip()
        if not text:
            return self._error(value, "texten är tom", path)
        problem = prose.problem(text)
        return Prose(text) if problem is None else self._error(value, problem, path)

    def _address(self, _: FieldType, value: Scalar, path: str) -> WebAddress | Invalid:
        try:
            return WebAddress(normalise_address(value.text))
        except ValueError as err:
            return self._error(value, str(err), path)

    def _int(self, ftype: FieldType, value: Scalar, path: str) -> int | Invalid:
        if not (value.plain and re.fullmatch(r"\d+", value.text)):
            return self._error(value, f"väntade ett heltal (t.ex. 3), fick {_quoted(value.text)}", path)
        low, high = ftype.target or (0, MAX_INT)
        if len(value.text) > 9 or not low <= int(value.text) <= high:
            return self._error(value, f"väntade ett tal från {low} till {high}, fick {_quoted(value.text)}", path)
        return int(value.text)

    def _bool(self, _: FieldType, value: Scalar, path: str) -> bool | Invalid:
        words = {"true": True, "false": False, "ja": True, "nej": False}
        answer = words.get(value.text.lower()) if value.plain else None
        if answer is None:
            return self._error(value, f"väntade true eller false (ja/nej), fick {_quoted(value.text)}", path)
        return answer

    def _date(self, _: FieldType, value: Scalar, path: str) -> datetime.date | Invalid:
        if re.fullmatch(DATE_PATTERN.strip("^$"), value.text.strip()):
            try:
                return datetime.date.fromisoformat(value.text.strip())
            except ValueError:
                return self._error(value, f"datumet {_quoted(value.text)} finns inte i kalendern", path)
        return self._error(
            value, f"väntade ett datum som ÅÅÅÅ-MM-DD, t.ex. 2023-09-27, fick {_quoted(value.text)}", path
        )

    def _time(self, _: FieldType, value: Scalar, path: str) -> datetime.time | Invalid:
        text = value.text.strip()
        if re.fullmatch(TIME_PATTERN.strip("^$"), text):
            return datetime.time.fromisoformat(text)
        return self._error(value, f"väntade en tid som TT:MM, t.ex. '09:00', fick {_quoted(value.text)}", path)

    def _month(self, _: FieldType, value: Scalar, path: str) -> Month | Invalid:
        month = Month.from_swedish(value.text)
        return month if month is not None else self._error(value, _unknown_month(value.text), path)

    def _deadline(self, _: FieldType, value: Scalar, path: str) -> Deadline | Invalid:
        match = re.fullmatch(r"(?:(\d{1,2})\s+)?(\S+)", value.text.strip())
        if not match:
            return self._error(
                value,
                f"väntade en dag och månad ('30 april') eller en månad ('december'), fick {_quoted(value.text)}",
                path,
            )
        month = Month.from_swedish(match.group(2))
        if month is None:
            return self._error(value, _unknown_month(match.group(2)), path)
        if match.group(1) is None:
            return Deadline(month)
        day = int(match.group(1))
        last = days_in_every_year(month)
        if not 1 <= day <= last:
            return self._error(value, f"'{value.text.strip()}' finns inte: {month.swedish} har {last} dagar", path)
        return Deadline(month, day)

    def _enum(self, ftype: FieldType, value: Scalar, path: str) -> Enum | Invalid:
        members: type[Enum] = ftype.target
        for member in members:
            if fold_swedish(member.value) == fold_swedish(value.text):
                return member
        allowed = ", ".join(m.value for m in members)
        return self._error(value, f"okänt värde {_quoted(value.text)}; välj ett av: {allowed}", path)

    def _id(self, ftype: FieldType, value: Scalar, path: str) -> str | Invalid:
        text = self._checked_id(value, path)
        if isinstance(text, Invalid):
            self.incomplete.add(ftype.target)
        else:
            self.definitions.append(Mention(ftype.target, text, value.pos, path))
        return text

    def _ref(self, ftype: FieldType, value: Scalar, path: str) -> str | Invalid:
        text = self._checked_id(value, path)
        if not isinstance(text, Invalid):
            self.references.append(Mention(ftype.target, text, value.pos, path))
        return text

    def _checked_id(self, value: Scalar, path: str) -> str | Invalid:
        if re.fullmatch(ID_PATTERN.strip("^$"), value.text):
            return value.text
        rule = "använd små bokstäver a–z, siffror och bindestreck (t.ex. 'styrgrupp-mars')"
        return self._error(value, f"ogiltigt id {_quoted(value.text)}: {rule}", path)


_EXPECTED = {
    "text": "en text",
    "prose": "en text",
    "address": "en webbadress (https://…)",
    "int": "ett heltal",
    "bool": "true eller false",
    "date": "ett datum (ÅÅÅÅ-MM-DD)",
    "time": "en tid (TT:MM)",
    "month": "en månad (t.ex. 'mars')",
    "deadline": "en dag och månad (t.ex. '30 april')",
    "enum": "ett av de tillåtna orden",
    "id": "ett id",
    "ref": "ett id",
}


def _found(value: YamlValue) -> str:
    if isinstance(value, Sequence):
        return "en lista"
    if isinstance(value, Mapping):
        return "nycklar med värden"
    return _quoted(value.text)


def _quoted(text: str) -> str:
    """A value as an error message shows it: quoted, one line, at most 60 characters."""
    lines = text.strip().splitlines() or [""]
    shown = lines[0] if len(lines[0]) <= 60 and len(lines) == 1 else lines[0][:60] + "…"
    return f"'{shown}'"


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _unknown_month(text: str) -> str:
    close = difflib.get_close_matches(text.lower(), MONTH_NAMES, n=1)
    hint = f"; menade du '{close[0]}'?" if close else "; skriv månaden på svenska, t.ex. 'februari'"
    return f"okänd månad {_quoted(text)}{hint}"

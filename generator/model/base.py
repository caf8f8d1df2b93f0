"""Building blocks of the model: field markers, months and deadlines."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from ..errors import NOWHERE, Position


class Prose(str):
    """Text meant for reading as paragraphs; Markdown is allowed, HTML is not."""


class WebAddress(str):
    """An absolute https:// address, checked and normalised by `model.address`."""


@dataclass(frozen=True)
class Id:
    """Marks the field that names an object of `kind` (used in URLs and references)."""

    kind: str


@dataclass(frozen=True)
class Ref:
    """Marks a field that refers to an object of `kind` by its id."""

    kind: str


# The years a handbook, a meeting plan or `new-year` may be about.
YEARS = (2000, 2100)


def key(yaml_key: str, doc: str, *, between: tuple[int, int] | None = None, **kwargs: Any) -> Any:
    """A model field read from `yaml_key`; `doc` is shown to editors; `between` bounds a number."""
    return field(metadata={"key": yaml_key, "doc": doc, "between": between}, **kwargs)


def optional(yaml_key: str, doc: str) -> Any:
    return key(yaml_key, doc, default=None)


def many(yaml_key: str, doc: str) -> Any:
    return key(yaml_key, doc, default=())


class Month(IntEnum):
    JANUARY = 1
    FEBRUARY = 2
    MARCH = 3
    APRIL = 4
    MAY = 5
    JUNE = 6
    JULY = 7
    AUGUST = 8
    SEPTEMBER = 9
    OCTOBER = 10
    NOVEMBER = 11
    DECEMBER = 12

    @property
    def swedish(self) -> str:
        """The month as Swedish writes it in running text: 'februari'."""
        return MONTH_NAMES[self - 1]

    @property
    def title(self) -> str:
        return self.swedish.capitalize()

    @classmethod
    def from_swedish(cls, name: str) -> Month | None:
        try:
            return cls(MONTH_NAMES.index(name.strip().lower()) + 1)
        except ValueError:
            return None


MONTH_NAMES = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip


def month_span(months: tuple[Month, ...]) -> str:
    """'september/oktober', as the policy documents write month ranges."""
    return "/".join(m.swedish for m in months)


@dataclass(frozen=True)
class Deadline:
    """'senast 30 april' (day and month) or 'senast i december' (month only)."""

    month: Month
    day: int | None = None

    def __str__(self) -> str:
        if self.day is None:
            return f"senast i {self.month.swedish}"
        return f"senast {self.day} {self.month.swedish}"


@dataclass(frozen=True, kw_only=True)
class Located:
    """Every object remembers where in the data it was written."""

    pos: Position = field(default=NOWHERE, compare=False, repr=False, metadata={"internal": True})

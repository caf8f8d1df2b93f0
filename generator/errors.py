"""One error type for everything a data editor can get wrong.

Every error carries where it happened (file, line, column and the path of
keys inside the YAML document) and a message in Swedish, so that an editor who
is not a programmer can find and fix it. Errors are collected, never raised one
by one, so that a single run reports all of them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


@dataclass(frozen=True, order=True)
class Position:
    """A place in a data file; line and column count from 1 as editors do."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


NOWHERE = Position("")


class Severity(Enum):
    """An error stops the build; a warning is shown and the handbook still builds."""

    ERROR = "error"  # the values are GitHub's annotation levels
    WARNING = "warning"


WARNING_PREFIX = "varning: "  # how a warning's message is shown to the editor


@dataclass(frozen=True, order=True)
class DataError:
    """What is wrong, where: `data/sml/grupper.yaml:14:5: okänd månad 'febuari'`. A warning shows
    as `…:14:5: varning: …`; the prefix is only how it is printed, `severity` is what it is."""

    position: Position
    message: str
    path: str = ""
    severity: Severity = field(default=Severity.ERROR, compare=False)

    @property
    def shown_message(self) -> str:
        """The message as the editor reads it: a warning says so first."""
        return f"{WARNING_PREFIX}{self.message}" if self.severity is Severity.WARNING else self.message

    def __str__(self) -> str:
        where = f" (i {self.path})" if self.path else ""
        return f"{self.position}: {self.shown_message}{where}"


@dataclass
class ErrorLog:
    """Collects errors so that all of them can be reported at once."""

    errors: list[DataError] = field(default_factory=list)

    def add(self, position: Position, message: str, path: str = "") -> None:
        self.errors.append(DataError(position, message, path))

    def __bool__(self) -> bool:
        return bool(self.errors)


class DataErrors(Exception):
    """Raised once, at the end of loading, when the data has errors."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))

    def report(self) -> str:
        lines = [str(e) for e in self.errors]
        lines.append(f"Handboken byggdes inte: {len(self.errors)} fel i datafilerna.")
        return "\n".join(lines)


def display_path(path: Path) -> str:
    """The path as the editor typed it: relative to the working folder when possible."""
    try:  # normalised but not resolved: a symlink is named as the editor sees it, not by its target
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd().resolve()))  # noqa: PTH100
    except ValueError:
        return str(path)

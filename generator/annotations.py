"""Errors and warnings as GitHub Actions workflow commands, shown on the pull request's lines.

`::error file=data/sml/grupper.yaml,line=14,col=5::okänd månad 'febuari'` puts the
message on that line of the file in the pull request. The format and its escaping
follow GitHub's "Workflow commands for GitHub Actions": in the message %, CR and LF
are escaped; in a property also ':' and ','.
"""

from __future__ import annotations

from .errors import DataError

WARNING_PREFIX = "varning: "


def annotation(error: DataError) -> str:
    """One workflow command; a `varning: …` message becomes a warning, everything else an error."""
    level, message = "error", str(error.message)
    if message.startswith(WARNING_PREFIX):
        level, message = "warning", message.removeprefix(WARNING_PREFIX)
    if error.path:
        message = f"{message} (i {error.path})"
    pos = error.position
    properties = {"file": pos.file, "line": pos.line, "col": pos.column}
    shown = ",".join(f"{k}={_property(str(v))}" for k, v in properties.items() if v)
    return f"::{level} {shown}::{_data(message)}" if shown else f"::{level}::{_data(message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")

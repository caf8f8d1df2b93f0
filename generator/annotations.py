"""Errors and warnings as GitHub Actions workflow commands, shown on the pull request's lines.

`::error file=data/sml/grupper.yaml,line=14,col=5::okänd månad 'febuari'` puts the
message on that line of the file in the pull request. The format and its escaping
follow GitHub's "Workflow commands for GitHub Actions": in the message %, CR and LF
are escaped; in a property also ':' and ','.
"""

from __future__ import annotations

from .errors import DataError, Severity
from .render.markdown import plain

# GitHub shows at most this many error and this many warning annotations per step;
# the step summary lists every one.
SHOWN_PER_LEVEL = 10
# GitHub refuses a step summary over 1 MiB; the summary stops short of it and says how many more.
SUMMARY_LIMIT = 1024 * 1024


def annotation(error: DataError) -> str:
    """One workflow command at the error's own level: `::warning …` or `::error …`."""
    level, message = error.severity.value, error.message
    if error.path:
        message = f"{message} (i {error.path})"
    pos = error.position
    properties = {"file": pos.file, "line": pos.line, "col": pos.column}
    shown = ",".join(f"{k}={_property(str(v))}" for k, v in properties.items() if v)
    return f"::{level} {shown}::{_data(message)}" if shown else f"::{level}::{_data(message)}"


def workflow_commands(found: list[DataError]) -> list[str]:
    """Every error and warning as a workflow command, and a notice when GitHub will not show them all."""
    lines = [annotation(e) for e in found]
    warnings = _warnings(found)
    if max(warnings, len(found) - warnings) > SHOWN_PER_LEVEL:
        lines.append(
            f"::notice::{_data(_counts(found))}. GitHub visar högst {SHOWN_PER_LEVEL} av varje slag på raderna; "
            "alla står i körningens sammanfattning (Summary)."
        )
    return lines


def step_summary(found: list[DataError], limit: int = SUMMARY_LIMIT) -> str:
    """Markdown for the job's summary page: every error and warning with its place, escaped, in
    at most `limit` bytes of UTF-8; what does not fit is counted in a last line."""
    if not found:
        return "## Datakontroll\n\nInga fel och inga varningar i datafilerna.\n"
    head = f"## Datakontroll\n\n{_counts(found)}:\n\n"
    spare = limit - len(head.encode("utf-8")) - 200  # room for the last line
    items: list[str] = []
    for error in found:
        item = f"- **{plain(str(error.position))}**: {plain(_message(error))}\n"
        spare -= len(item.encode("utf-8"))
        if spare < 0:
            break
        items.append(item)
    left = len(found) - len(items)
    tail = f"\n… och {left} till, som inte får plats: GitHub tar högst 1 MiB. Alla står i loggen.\n" if left else ""
    return head + "".join(items) + tail


def _message(error: DataError) -> str:
    where = f" (i {error.path})" if error.path else ""
    return f"{error.shown_message}{where}"


def _warnings(found: list[DataError]) -> int:
    return sum(e.severity is Severity.WARNING for e in found)


def _counts(found: list[DataError]) -> str:
    warnings = _warnings(found)
    return f"{len(found) - warnings} fel och {warnings} varningar i datafilerna"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")

"""How a body's rule for the notice, absence and minutes reads, and whose rule it is."""

from __future__ import annotations

from ...model import NoticeTimes, RuleSource

# Said wherever the handbook's own convention stands in for a rule the document does not state.
SUGGESTION = "handbokens förslag; styrdokumentet anger ingen tid"


def _times_source(times: NoticeTimes) -> str:
    """Says whether the times are the document's rule or the handbook's own suggestion."""
    return "enligt styrdokumentet" if times.source is RuleSource.DOCUMENT else SUGGESTION


def notice_times(times: NoticeTimes) -> str:
    """'Kallelse och handlingar skickas senast 5 arbetsdagar före mötet, förhinder anmäls senast 2
    arbetsdagar före (handbokens förslag; styrdokumentet anger ingen tid).'"""
    text = (
        f"Kallelse och handlingar skickas senast {_working_days(times.notice_days)} före mötet; förhinder anmäls "
        f"senast {_working_days(times.absence_days)} före"
    )
    if times.minutes_days is not None:
        text += f"; anteckningarna skickas senast {_working_days(times.minutes_days)} efter mötet"
    return f"{text} ({_times_source(times)})."


def _working_days(count: int) -> str:
    return "1 arbetsdag" if count == 1 else f"{count} arbetsdagar"

"""The calendar history's rules (model/history.py), as a replay of builds: SEQUENCE starts at 0,
grows by one with each change, never falls, and a removed event keeps its record so that it
continues its count when it comes back."""

from __future__ import annotations

import datetime

from generator.model.history import Observed, Revision, advance, changed, history_text, parse_history

UID = "sml.mote.styrgrupp-feb.2027@samverkanshandbok"
OTHER = "sml.mote.rad-mars.2027@samverkanshandbok"
DAY = datetime.date(2027, 1, 10)
MIDNIGHT = datetime.datetime(2027, 1, 10, tzinfo=datetime.UTC)


def seen(fingerprint: str, uid: str = UID, dated: datetime.date = DAY) -> Observed:
    return Observed(uid, fingerprint, dated)


def test_a_new_event_starts_at_zero_dated_by_the_data() -> None:
    assert advance({}, [seen("a")]) == {UID: Revision(0, MIDNIGHT, "a")}


def test_an_unchanged_event_keeps_its_record() -> None:
    first = advance({}, [seen("a")])
    assert advance(first, [seen("a", dated=DAY + datetime.timedelta(days=30))]) == first


def test_each_change_moves_sequence_on_by_one_and_time_forward() -> None:
    history = advance({}, [seen("a")])
    for sequence, fingerprint in enumerate(["b", "c", "b"], start=1):
        history = advance(history, [seen(fingerprint)])  # same data date every time
        record = history[UID]
        assert record.sequence == sequence
        assert record.fingerprint == fingerprint
        # Never earlier than a minute after the previous change, so LAST-MODIFIED grows with SEQUENCE.
        assert record.modified == MIDNIGHT + datetime.timedelta(minutes=sequence)


def test_a_later_data_date_dates_the_change() -> None:
    history = advance({}, [seen("a")])
    later = datetime.date(2027, 3, 1)
    modified = advance(history, [seen("b", dated=later)])[UID].modified
    assert modified == datetime.datetime(2027, 3, 1, tzinfo=datetime.UTC)


def test_a_removed_event_keeps_its_record_and_continues_its_count_when_it_comes_back() -> None:
    history = advance(advance({}, [seen("a"), seen("x", OTHER)]), [seen("b"), seen("x", OTHER)])
    assert history[UID].sequence == 1
    without = advance(history, [seen("x", OTHER)])  # the meeting is removed from the data
    assert without[UID] == history[UID]
    back = advance(without, [seen("c"), seen("x", OTHER)])
    assert back[UID].sequence == 2


def test_changed_counts_new_and_changed_events_only() -> None:
    before = advance({}, [seen("a"), seen("x", OTHER)])
    after = advance(before, [seen("b"), seen("x", OTHER)])
    assert changed(before, after) == 1
    assert changed({}, after) == 2
    assert changed(after, after) == 0


def test_the_history_file_reads_back_exactly_and_sorted() -> None:
    history = advance(advance({}, [seen("a"), seen("x", OTHER)]), [seen("b")])
    text = history_text(history)
    assert parse_history(text) == history
    assert list(parse_history(text)) == sorted(history)
    assert text.index(OTHER) < text.index(UID)  # one event per line, sorted: small diffs in git
    assert history_text(parse_history(text)) == text

"""Who hosts each meeting when the municipalities take turns ("var sin gång")."""

from __future__ import annotations

from collections.abc import Callable

from .organisation import Body
from .schedule import Meeting, MeetingStatus, YearSchedule


def hosts(schedule: YearSchedule, members: list[str], body_of: Callable[[Meeting], Body]) -> dict[Meeting, str]:
    """Each meeting's host municipality id.

    A meeting that names its host ('vard') keeps it. In a rotating body the other
    meetings, in date order, go to the members in the order of samverkan.yaml,
    starting with 'borjar_med'. Meetings with a named host and cancelled meetings
    take no turn, so no municipality loses its turn to an exception.
    """
    result = {m: m.host for m in schedule.meetings if m.host}
    for rotation in schedule.rotations:
        turn = members.index(rotation.start)
        own = [
            m for m in schedule.meetings if body_of(m).id == rotation.body and m.status is not MeetingStatus.CANCELLED
        ]
        for meeting in sorted(own, key=lambda m: m.date):
            if not meeting.host:
                result[meeting] = members[turn % len(members)]
                turn += 1
    return result

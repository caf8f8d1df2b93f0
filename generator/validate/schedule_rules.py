"""Rules for a year's dated meetings (motesplan-ÅÅÅÅ.yaml)."""

from __future__ import annotations

from ..errors import ErrorLog
from ..model import Cooperation, Meeting, MeetingStatus, PlanStatus, YearSchedule, month_span


def check_schedule(data: Cooperation, schedule: YearSchedule, log: ErrorLog) -> None:
    _check_plan_status(schedule, log)
    rotating: set[str] = set()
    for rotation in schedule.rotations:
        if rotation.body in rotating:
            log.add(rotation.pos, f"gruppen '{rotation.body}' har redan en turordning i den här mötesplanen")
        rotating.add(rotation.body)
    seen_occasions: dict[str, Meeting] = {}
    occasion_ids = {o.id for _, o in data.occasions()}
    seen_days: dict[tuple[str, object], Meeting] = {}
    for meeting in schedule.meetings:
        if not _check_identity(meeting, log):
            continue
        _check_date(data, schedule, meeting, log)
        _check_times_and_status(meeting, log)
        _check_meeting_plan_status(schedule, meeting, log)
        if meeting.id is not None and meeting.id in occasion_ids:
            message = f"ett extra möte kan inte heta '{meeting.id}': det är redan ett möte i grupper.yaml"
            log.add(meeting.pos, message)
        if meeting.occasion is not None:
            first = seen_occasions.setdefault(meeting.occasion, meeting)
            if first is not meeting:
                message = (
                    f"mötet '{meeting.occasion}' har redan ett datum på rad {first.pos.line}; "
                    "ett extra möte får ett eget 'id'"
                )
                log.add(meeting.pos, message)
        body = data.meeting_body(meeting)
        if meeting.status is not MeetingStatus.CANCELLED:
            first = seen_days.setdefault((body.id, meeting.date), meeting)
            if first is not meeting:
                log.add(
                    meeting.pos, f"{body.name} har redan ett möte {meeting.date.isoformat()} (rad {first.pos.line})"
                )


def _check_identity(meeting: Meeting, log: ErrorLog) -> bool:
    if meeting.occasion is not None:
        if meeting.id or meeting.body or meeting.title:
            log.add(
                meeting.pos, "ett möte med 'mote' får inte ha 'id', 'grupp' eller 'rubrik': de kommer från grupper.yaml"
            )
            return False
        return True
    if not (meeting.id and meeting.body and meeting.title):
        log.add(
            meeting.pos, "ange 'mote' (ett möte i grupper.yaml), eller 'id', 'grupp' och 'rubrik' för ett extra möte"
        )
        return False
    return True


def _check_date(data: Cooperation, schedule: YearSchedule, meeting: Meeting, log: ErrorLog) -> None:
    if meeting.date.year != schedule.year:
        log.add(meeting.pos, f"datumet {meeting.date.isoformat()} ligger inte i år {schedule.year}")
    if meeting.occasion is None or meeting.reason:
        return
    months = data.occasion(meeting.occasion)[1].months
    if months and meeting.date.month not in months:
        message = (
            f"mötet ska enligt reglerna hållas i {month_span(months)}, men datumet är {meeting.date.isoformat()}; "
            "ändra datumet eller skriv varför i 'anledning'"
        )
        log.add(meeting.pos, message)


def _check_times_and_status(meeting: Meeting, log: ErrorLog) -> None:
    if meeting.end is not None and (meeting.start is None or meeting.end <= meeting.start):
        log.add(meeting.pos, "'slut' måste komma efter 'start'")
    if meeting.status is not MeetingStatus.PLANNED and not meeting.reason:
        log.add(meeting.pos, f"ett möte med status '{meeting.status.value}' behöver en 'anledning'")
    if meeting.moved_from is not None and meeting.status is not MeetingStatus.MOVED:
        log.add(meeting.pos, "'flyttat_fran' hör bara till möten med status 'flyttat'")
    if meeting.video is not None and not meeting.video.startswith("https://"):
        log.add(meeting.pos, "'videolank' ska vara en fullständig adress som börjar med https://")


def _check_plan_status(schedule: YearSchedule, log: ErrorLog) -> None:
    if schedule.status is PlanStatus.ADOPTED and schedule.decision is None:
        message = (
            "en fastställd mötesplan behöver 'beslut' med 'organ' och 'datum' (och 'paragraf' om det finns), "
            "t.ex. styrgruppens beslut"
        )
        log.add(schedule.pos, message)
    if schedule.status is not PlanStatus.ADOPTED and schedule.decision is not None:
        log.add(schedule.decision.pos, "'beslut' hör bara till en fastställd mötesplan: skriv 'status: faststalld'")


def _check_meeting_plan_status(schedule: YearSchedule, meeting: Meeting, log: ErrorLog) -> None:
    own = meeting.plan_status
    if own is None:
        if meeting.decision is not None:
            log.add(meeting.pos, "'beslut' på ett möte hör ihop med 'planstatus: faststalld'")
        return
    if schedule.status is PlanStatus.EXAMPLE or own is PlanStatus.EXAMPLE:
        log.add(meeting.pos, "'planstatus' går inte att använda i eller till en exempelplan: hela planen är exempel")
    elif own is schedule.status:
        log.add(meeting.pos, f"mötet har samma planstatus som planen ('{own.value}'); ta bort 'planstatus'")
    elif own is PlanStatus.ADOPTED and meeting.decision is None:
        log.add(meeting.pos, "ett fastställt möte i en plan som är ett förslag behöver sitt eget 'beslut'")
    elif own is not PlanStatus.ADOPTED and meeting.decision is not None:
        log.add(meeting.pos, "'beslut' hör bara till ett fastställt möte")

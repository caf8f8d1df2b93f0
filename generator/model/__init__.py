"""The handbook's data model: frozen dataclasses that mirror the YAML files.

Each field's metadata names its Swedish YAML key and explains it in Swedish.
The same metadata drives validation (`generator.validate.convert`) and the JSON
Schema editors get completion from (`generator.validate.schema`), so the three
cannot drift apart. References between objects are kept as ids; validation
checks that every id exists and `Cooperation` offers look-ups.
"""

from .annual import Agenda, AgendaFile, AgendaSection, Process, ProcessFile, Step
from .base import Deadline, Id, Located, Month, Prose, Ref, month_span
from .handbook import Cooperation, Handbook, with_address
from .organisation import (
    Body,
    BodyFile,
    BodyKind,
    Communication,
    CooperationInfo,
    Decision,
    DecisionPoints,
    Minutes,
    Municipality,
    NoticeTimes,
    Occasion,
    PolicyDocument,
    Preparation,
    Responsibility,
    Role,
    RoleFile,
    RuleSource,
    Seat,
    Version,
)
from .schedule import Meeting, MeetingStatus, PlanStatus, Rotation, SiteSettings, YearSchedule

__all__ = [
    "Agenda",
    "AgendaFile",
    "AgendaSection",
    "Body",
    "BodyFile",
    "BodyKind",
    "Communication",
    "Cooperation",
    "CooperationInfo",
    "Deadline",
    "Decision",
    "DecisionPoints",
    "Handbook",
    "Id",
    "Located",
    "Meeting",
    "MeetingStatus",
    "Minutes",
    "Month",
    "Municipality",
    "NoticeTimes",
    "Occasion",
    "PlanStatus",
    "PolicyDocument",
    "Preparation",
    "Process",
    "ProcessFile",
    "Prose",
    "Ref",
    "Responsibility",
    "Role",
    "RoleFile",
    "Rotation",
    "RuleSource",
    "Seat",
    "SiteSettings",
    "Step",
    "Version",
    "YearSchedule",
    "month_span",
    "with_address",
]  # fmt: skip

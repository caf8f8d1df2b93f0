"""The files of a cooperation's folder, named once: validate reads them, scaffold writes them,
render names the one a page comes from (its "propose a change" link) and the commands print them."""

from __future__ import annotations

import re

from .annual import AgendaFile, ProcessFile
from .organisation import BodyFile, CooperationInfo, RoleFile

INFO_FILE = "samverkan.yaml"
ROLES_FILE = "roller.yaml"
BODIES_FILE = "grupper.yaml"
PROCESSES_FILE = "processer.yaml"
AGENDAS_FILE = "diskussionspunkter.yaml"

# Every file a cooperation's folder must have, in the order editors meet them, and what each holds.
COOPERATION_FILES: dict[str, type] = {
    INFO_FILE: CooperationInfo,
    ROLES_FILE: RoleFile,
    BODIES_FILE: BodyFile,
    PROCESSES_FILE: ProcessFile,
    AGENDAS_FILE: AgendaFile,
}
# Optional, one per year: motesplan-2027.yaml.
SCHEDULE_FILE = re.compile(r"motesplan-(\d{4})\.yaml")


def schedule_file(year: int) -> str:
    """The name of `year`'s meeting plan in a cooperation's folder."""
    return f"motesplan-{year}.yaml"

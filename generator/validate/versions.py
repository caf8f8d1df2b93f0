"""The previous published version of a cooperation's data, kept in versioner/DATUM/.

The site shows what changed since the last version published before this one. Its data
is a plain copy of the cooperation's YAML files at the time (`python -m generator
save-version` makes it), read and validated like the current data.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from ..errors import ErrorLog, display_path
from ..model import Cooperation
from ..model.files import INFO_FILE

VERSIONS_FOLDER = "versioner"

Reader = Callable[[Path, ErrorLog], "Cooperation | None"]


def version_folder(folder: Path, data: Cooperation, date: str | None = None) -> Path:
    """Where a version's data is kept: versioner/ÅÅÅÅ-MM-DD/ in the cooperation's folder."""
    return folder / VERSIONS_FOLDER / (date or data.info.version_date.isoformat())


def with_previous(folder: Path, data: Cooperation, read: Reader, log: ErrorLog) -> Cooperation:
    """`data` with the latest version listed before its version date, if the list has one."""
    earlier = [v for v in data.info.versions if v.date < data.info.version_date]
    if not earlier:
        return data
    latest = max(earlier, key=lambda v: v.date)
    kept = version_folder(folder, data, latest.date.isoformat())
    if not (kept / INFO_FILE).is_file():
        log.add(
            latest.pos,
            f"uppgifterna för versionen {latest.date.isoformat()} saknas i {display_path(kept)}/; spara dem med "
            "`make save-version` när versionen publiceras, eller ta bort versionen ur listan",
        )
        return data
    previous = read(kept, log)
    return dataclasses.replace(data, previous=dataclasses.replace(previous, id=data.id)) if previous else data

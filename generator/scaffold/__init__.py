"""`new-cooperation`: the files of a new cooperation's folder, valid and full of commented examples.

The examples are the files next to this module; the name the editor gives is put in as
a double-quoted YAML string (JSON's escaping is valid YAML), so nothing in it can change
the file's structure.
"""

from __future__ import annotations

import datetime
import json
from importlib import resources

from ..model.files import COOPERATION_FILES


def name_problem(name: str) -> str | None:
    """Why `name` cannot be a cooperation's name, or None."""
    if not name.strip():
        return "namnet är tomt"
    if not name.isprintable():
        return "namnet får bara vara en rad, utan styrtecken"
    return None


def scaffold(name: str, today: datetime.date) -> dict[str, str]:
    """`{'samverkan.yaml': text, …}` for a cooperation called `name`, with `today` as its version date."""
    name = name.strip()
    values = {
        "__NAMN_YAML__": json.dumps(name, ensure_ascii=False),
        "__NAMN__": name,  # in comments only: one printable line cannot end a comment
        "__DATUM__": today.isoformat(),
        "__AR__": str(today.year),
    }
    result = {}
    for file_name in COOPERATION_FILES:
        text = resources.files(__name__).joinpath(file_name).read_text(encoding="utf-8")
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        result[file_name] = text
    return result

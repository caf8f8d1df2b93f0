"""`new-cooperation`: the files of a new cooperation's folder, valid and full of commented examples.

The examples are the files next to this module. The name the editor gives goes in once, in one
pass (a name that contains a placeholder is not replaced again), and only as YAML that PyYAML's
serializer wrote: a double-quoted scalar, so nothing in the name can change the file's structure.
`scaffold` reads each file back and refuses one whose name does not come back identical.
"""

from __future__ import annotations

import datetime
import re
from importlib import resources

import yaml

from ..model.files import COOPERATION_FILES, INFO_FILE

PLACEHOLDER = re.compile(r"__(NAMN_YAML|NAMN|DATUM|AR)__")
MAX_NAME = 200  # characters; a cooperation's name is a line in a heading


def name_problem(name: str) -> str | None:
    """Why `name` cannot be a cooperation's name, or None."""
    if not name.strip():
        return "namnet är tomt"
    if not name.isprintable():
        return "namnet får bara vara en rad, utan styrtecken"
    if len(name) > MAX_NAME:
        return f"namnet är {len(name)} tecken långt; högst {MAX_NAME} får plats i handbokens rubriker"
    return None


def yaml_scalar(text: str) -> str:
    """`text` as one double-quoted YAML scalar, written by the serializer."""
    dumped = yaml.safe_dump(text, allow_unicode=True, default_style='"', width=10**9)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def scaffold(name: str, today: datetime.date) -> dict[str, str]:
    """`{file name: text, …}` for a cooperation called `name`, with `today` as its version date."""
    name = name.strip()
    values = {
        "NAMN_YAML": yaml_scalar(name),
        "NAMN": name,  # in comments only: one printable line cannot end a comment
        "DATUM": today.isoformat(),
        "AR": str(today.year),
    }
    result = {}
    for file_name in COOPERATION_FILES:
        text = resources.files(__name__).joinpath(file_name).read_text(encoding="utf-8")
        result[file_name] = PLACEHOLDER.sub(lambda found: values[found.group(1)], text)
    written = yaml.safe_load(result[INFO_FILE])
    if written.get("namn") != name or written.get("kortnamn") != name:  # never a file that reads back otherwise
        raise ValueError(f"namnet {name!r} kan inte skrivas som YAML")
    return result

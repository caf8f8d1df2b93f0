"""JSON Schema for the data files, generated from the model's type hints.

Editors such as VS Code (with the YAML extension) read these schemas to
complete keys and flag mistakes while a chief types. `make schema` writes them
to `data/_schema/`; a test checks that the files there are up to date.
"""

from __future__ import annotations

import json
from typing import Any

from ..model.address import MAX_LENGTH as ADDRESS_MAX
from ..model.base import MONTH_NAMES as MONTH_NAMES_FOR_SCHEMA
from ..prose import MAX_PROSE
from .convert import MAX_INT, MAX_ITEMS, MAX_TEXT
from .types import DATE_PATTERN, ID_PATTERN, TIME_PATTERN, FieldType, model_fields, swedish_spellings_pattern

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def file_schema(cls: type, file_name: str) -> dict[str, Any]:
    schema = {"$schema": SCHEMA_DIALECT, "title": f"Handbokens datafil {file_name}"}
    schema.update(_object(cls))
    return schema


def schema_files(files: dict[str, type]) -> dict[str, str]:
    """`{'grupper.schema.json': text, …}` for every data file kind."""
    result = {}
    for file_name, cls in files.items():
        schema_name = file_name.replace(".yaml", ".schema.json")
        result[schema_name] = json.dumps(file_schema(cls, file_name), ensure_ascii=False, indent=2) + "\n"
    return result


def _object(cls: type) -> dict[str, Any]:
    fields = model_fields(cls)
    properties = {}
    for f in fields:
        prop = _value(f.type)
        prop["description"] = f.doc
        properties[f.key] = prop
    for f in fields:
        if f.between and f.type.kind == "list":
            properties[f.key]["minItems"] = f.between[0]
    return {
        "type": "object",
        "properties": properties,
        "required": [f.key for f in fields if f.required],
        "additionalProperties": False,
    }


def _value(ftype: FieldType) -> dict[str, Any]:
    if ftype.kind == "list":
        return {"type": "array", "items": _value(ftype.target), "maxItems": MAX_ITEMS}
    if ftype.kind == "int" and ftype.target:
        return {"type": "integer", "minimum": ftype.target[0], "maximum": ftype.target[1]}
    if ftype.kind == "object":
        return _object(ftype.target)
    if ftype.kind == "enum":
        # Completion offers the one canonical spelling; the pattern also accepts it with å, ä, ö.
        words = [m.value for m in ftype.target]
        return {"anyOf": [{"enum": words}, {"type": "string", "pattern": swedish_spellings_pattern(words)}]}
    simple: dict[str, dict[str, Any]] = {
        "text": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT},
        "prose": {"type": "string", "minLength": 1, "maxLength": MAX_PROSE},
        "address": {"type": "string", "pattern": _ADDRESS_PATTERN, "maxLength": ADDRESS_MAX},
        "int": {"type": "integer", "minimum": 0, "maximum": MAX_INT},
        "bool": {"type": "boolean"},
        "date": {"type": "string", "pattern": DATE_PATTERN},
        "time": {"type": "string", "pattern": TIME_PATTERN},
        "month": {"enum": list(MONTH_NAMES_FOR_SCHEMA)},
        "deadline": {"type": "string", "pattern": _DEADLINE_PATTERN},
        "id": {"type": "string", "pattern": ID_PATTERN},
        "ref": {"type": "string", "pattern": ID_PATTERN},
    }
    return dict(simple[ftype.kind])


# What `model.address` accepts, as far as a pattern can say it (it also lower-cases and adds the '/').
_ADDRESS_PATTERN = r"^(https://[A-Za-z0-9.-]+|http://(localhost|127\.0\.0\.1|\[::1\]))(:[0-9]{1,5})?(/([A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})*)*$"
_DEADLINE_PATTERN = r"^([0-9]{1,2} )?(" + "|".join(MONTH_NAMES_FOR_SCHEMA) + ")$"

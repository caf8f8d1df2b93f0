"""JSON Schema for the data files, generated from the model's type hints.

Editors such as VS Code (with the YAML extension) read these schemas to
complete keys and flag mistakes while a chief types. `make schema` writes them
to `data/_schema/`; a test checks that the files there are up to date.
"""

from __future__ import annotations

import json
from typing import Any

from ..model.base import MONTH_NAMES as MONTH_NAMES_FOR_SCHEMA
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
    return {
        "type": "object",
        "properties": properties,
        "required": [f.key for f in fields if f.required],
        "additionalProperties": False,
    }


def _value(ftype: FieldType) -> dict[str, Any]:
    if ftype.kind == "list":
        return {"type": "array", "items": _value(ftype.target)}
    if ftype.kind == "object":
        return _object(ftype.target)
    if ftype.kind == "enum":
        # Completion offers the one canonical spelling; the pattern also accepts it with å, ä, ö.
        words = [m.value for m in ftype.target]
        return {"anyOf": [{"enum": words}, {"type": "string", "pattern": swedish_spellings_pattern(words)}]}
    simple: dict[str, dict[str, Any]] = {
        "text": {"type": "string", "minLength": 1},
        "prose": {"type": "string", "minLength": 1},
        "int": {"type": "integer", "minimum": 0},
        "bool": {"type": "boolean"},
        "date": {"type": "string", "pattern": DATE_PATTERN},
        "time": {"type": "string", "pattern": TIME_PATTERN},
        "month": {"enum": list(MONTH_NAMES_FOR_SCHEMA)},
        "deadline": {"type": "string", "pattern": _DEADLINE_PATTERN},
        "id": {"type": "string", "pattern": ID_PATTERN},
        "ref": {"type": "string", "pattern": ID_PATTERN},
    }
    return dict(simple[ftype.kind])


_DEADLINE_PATTERN = r"^([0-9]{1,2} )?(" + "|".join(MONTH_NAMES_FOR_SCHEMA) + ")$"

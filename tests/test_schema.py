"""The JSON Schemas that editors use are generated from the model and agree with the validator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator.validate import SCHEMA_FILES
from generator.validate.schema import schema_files

from conftest import FIXTURE_DATA, SHIPPED_DATA

SCHEMA_DIR = SHIPPED_DATA / "_schema"


class Yaml12Loader(yaml.SafeLoader):
    """Reads dates as text, as editors' YAML 1.2 tooling does."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)  # noqa: S506 - a SafeLoader subclass


def test_committed_schemas_are_up_to_date() -> None:
    generated = schema_files(SCHEMA_FILES)
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.json")}
    assert committed == generated, "kör `make schema` och checka in data/_schema/"


@pytest.mark.parametrize("data_dir", [SHIPPED_DATA, FIXTURE_DATA], ids=["shipped", "fixture"])
@pytest.mark.parametrize("file_name", sorted(SCHEMA_FILES))
def test_data_files_satisfy_their_schema(data_dir: Path, file_name: str) -> None:
    schema = jsonschema.Draft202012Validator(load_schema(file_name))
    pattern = file_name.replace("motesplan", "motesplan-*")
    found = sorted([*data_dir.glob(pattern), *data_dir.glob(f"*/{pattern}")])
    assert found
    for path in found:
        errors = [e.message for e in schema.iter_errors(load(path))]
        assert errors == [], f"{path}: {errors}"


def test_shipped_files_point_to_their_schema() -> None:
    paths = [SHIPPED_DATA / "handbok.yaml", *SHIPPED_DATA.glob("*/*.yaml")]
    for path in paths:
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        kind = path.stem.split("-")[0]  # motesplan-2027 → motesplan
        folder = "_schema" if path.parent == SHIPPED_DATA else "../_schema"
        assert first_line == f"# yaml-language-server: $schema={folder}/{kind}.schema.json", path


@pytest.mark.parametrize(
    ("file_name", "document"),
    [
        ("roller.yaml", {"roller": [{"id": "kd", "namn": "KD", "plural": "KD", "titel": "x"}]}),
        (
            "grupper.yaml",
            {
                "grupper": [
                    {
                        "id": "g",
                        "namn": "G",
                        "typ": "ledning",
                        "moten": [{"id": "m", "amne": "x", "manader": ["febuari"]}],
                    }
                ]
            },
        ),
        ("processer.yaml", {"processer": [{"id": "Budget", "namn": "B"}]}),
        ("processer.yaml", {"processer": [{"id": "b", "namn": "B", "steg": [{"text": "t", "senast": "30 apr"}]}]}),
    ],
    ids=["unknown-key", "unknown-month", "bad-id", "bad-deadline"],
)
def test_schema_rejects_what_the_validator_rejects(file_name: str, document: Any) -> None:
    assert not jsonschema.Draft202012Validator(load_schema(file_name)).is_valid(document)


def load_schema(file_name: str) -> Any:
    import json

    return json.loads((SCHEMA_DIR / file_name.replace(".yaml", ".schema.json")).read_text(encoding="utf-8"))

"""The editors' workspace: one list of system packages, missing tools listed plainly, the dev
container, VS Code's schema mapping and the pull-request workflow."""

from __future__ import annotations

import fnmatch
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.validate import SCHEMA_FILES

from conftest import FIXTURE_DATA, ROOT, SHIPPED_DATA

PACKAGES_SCRIPT = ROOT / "tools" / "system-packages.sh"
# Top-level properties of a devcontainer.json (containers.dev/implementors/json_reference).
DEVCONTAINER_PROPERTIES = {
    "$schema", "name", "image", "build", "dockerComposeFile", "service", "workspaceFolder", "features",
    "forwardPorts", "portsAttributes", "otherPortsAttributes", "containerEnv", "remoteEnv", "remoteUser",
    "containerUser", "mounts", "runArgs", "postCreateCommand", "postStartCommand", "postAttachCommand",
    "onCreateCommand", "updateContentCommand", "initializeCommand", "customizations", "hostRequirements",
}  # fmt: skip


def packages(*args: str) -> str:
    result = subprocess.run([str(PACKAGES_SCRIPT), *args], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_one_package_list_read_by_make_and_ci() -> None:
    assert set(packages("list").split()) >= {"python3-venv", "python3-gi", "gir1.2-ical-3.0", "chromium", "npm"}
    assert packages("missing", "chromium", "no-such-package-h14") == "no-such-package-h14"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "tools/system-packages.sh ensure\n" in makefile and "test: system-packages " in makefile
    assert "apt-get" not in (ROOT / ".ci" / "run").read_text(encoding="utf-8")  # no second list


@pytest.mark.parametrize(("ci", "outcome"), [("", "1 skipped"), ("true", "1 failed")])
def test_a_missing_tool_fails_in_ci_and_is_listed_plainly_elsewhere(tmp_path: Path, ci: str, outcome: str) -> None:
    (tmp_path / "test_needs_tool.py").write_text(
        "from conftest import require_tool\n\n\ndef test_needs() -> None:\n    require_tool('xyz-verktyg', False)\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests"), "CI": ci}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "conftest", "-p", "no:cacheprovider", "test_needs_tool.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert outcome in result.stdout
    listed = "1 tester kördes inte eftersom det här saknas på datorn:\n  - xyz-verktyg\n" in result.stdout
    assert listed == (not ci), result.stdout


def test_dev_container_definition() -> None:
    config: dict[str, Any] = json.loads((ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8"))
    assert set(config) <= DEVCONTAINER_PROPERTIES
    assert config["image"].startswith("mcr.microsoft.com/devcontainers/python:") and "3.11-bookworm" in config["image"]
    assert "tools/system-packages.sh ensure" in config["postCreateCommand"]
    assert "make site" in config["postCreateCommand"]
    assert config["forwardPorts"] == [8000]
    assert "redhat.vscode-yaml" in config["customizations"]["vscode"]["extensions"]


def test_vscode_maps_every_data_file_to_the_schema_it_names() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping: dict[str, str] = settings["yaml.schemas"]
    assert {Path(s).name for s in mapping} == {f.replace(".yaml", ".schema.json") for f in SCHEMA_FILES}
    assert all((ROOT / schema).is_file() for schema in mapping)
    recommended = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))["recommendations"]
    assert "redhat.vscode-yaml" in recommended
    for data in (SHIPPED_DATA, FIXTURE_DATA):
        for path in data.rglob("*.yaml"):
            relative = "data/" + path.relative_to(data).as_posix()
            (schema,) = [s for s, glob in mapping.items() if fnmatch.fnmatch(relative, glob)]
            kind = "motesplan" if path.name.startswith("motesplan-") else path.stem
            assert Path(schema).name == f"{kind}.schema.json", relative


def test_pull_request_workflow_annotates_and_builds_a_preview() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8"))
    assert list(workflow[True]) == ["pull_request"]  # YAML 1.1 reads the key 'on' as true
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    runs = [step.get("run", "") for step in job["steps"]]
    assert ".venv/bin/python -m generator check --format github" in runs
    assert "make offline" in runs
    uploads = [step["with"]["path"] for step in job["steps"] if "upload-artifact" in step.get("uses", "")]
    assert uploads == ["site", "build/handbok-offline.zip"]
    assert all("@" in step["uses"] and len(step["uses"].split("@")[1]) == 40 for step in job["steps"] if "uses" in step)


def test_make_new_year_writes_the_draft_and_asks_for_the_year(data_copy: Path) -> None:
    def make(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["make", "-s", "-C", str(ROOT), *args], capture_output=True, text=True, check=False)

    missing = make("new-year", f"DATA={data_copy}")  # make's own AR ('ar') must not count as a year
    assert missing.returncode != 0 and "Ange året, till exempel: make new-year AR=2028" in missing.stdout
    done = make("new-year", "AR=2031", f"DATA={data_copy}")
    assert done.returncode == 0, done.stderr
    assert (data_copy / "exempel" / "motesplan-2031.yaml").is_file()

"""The installable tool: `samverkanshandbok init` writes a content project that holds the data and
settings and no code, and the wheel alone, installed into a fresh venv, builds it.

The slow test builds the wheel from a copy of the sources, installs it with `--no-deps` into a new
venv and lends that venv the dependencies of the project's own .venv through a .pth file (fast and
offline); the generator it runs is the wheel's, which the test checks.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Callable
from fnmatch import fnmatch
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml

from generator.validate import SCHEMA_FILES

from conftest import ROOT, run_generator
from helpers import tree_digest
from test_serve import free_port, wait_for

# Nothing of the generator's code or theme may land in a content project.
CODE_OR_THEME = ("*.py", "*.j2", "*.html", "*.css", "*.js")
PROJECT_ENTRIES = {".github", ".gitignore", ".vscode", "README.md", "data", "docs", "mkdocs.yml", "requirements.txt"}


def project_files(project: Path) -> list[str]:
    """The project's own files, without what a build made (site/, the cache)."""
    made = ("site/", ".cache/")
    paths = (p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file())
    return sorted(p for p in paths if not p.startswith(made))


def assert_no_code_or_theme(project: Path) -> None:
    files = project_files(project)
    assert {f.split("/")[0] for f in files} == PROJECT_ENTRIES
    assert not [f for f in files if any(fnmatch(Path(f).name, pattern) for pattern in CODE_OR_THEME)]
    assert not [f for f in files if "overrides" in f.split("/") or f.startswith("generator/")]
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert not [word for word in ("custom_dir", "overrides", "extra_css", "generator/") if word in config]


def test_init_writes_a_content_project_with_a_pin_schemas_and_workflows(tmp_path: Path) -> None:
    result = run_generator("init", "min-handbok", cwd=tmp_path)
    project = tmp_path / "min-handbok"

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert_no_code_or_theme(project)
    pin = f"samverkanshandbok=={version('samverkanshandbok')}"
    requirements = (project / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in requirements if not line.startswith("#")] == [pin]
    assert sorted(p.name for p in (project / "data" / "exempel").iterdir()) == sorted(
        f for f in SCHEMA_FILES if f not in ("handbok.yaml", "motesplan.yaml")
    )
    assert not (tmp_path / "min-handbok" / ".samverkanshandbok").exists(), "the project is the editors', not output"


def test_the_projects_editor_settings_map_each_data_file_to_a_schema_it_holds(tmp_path: Path) -> None:
    """Offline in VS Code: the schemas are files in the project, where settings and the files' own
    `$schema` comments point."""
    assert run_generator("init", "p", cwd=tmp_path).returncode == 0
    project = tmp_path / "p"
    mapping = json.loads((project / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert all((project / schema).is_file() for schema in mapping)
    for path in sorted((project / "data").rglob("*.yaml")):
        relative = path.relative_to(project).as_posix()
        (schema,) = [s for s, glob in mapping.items() if fnmatch(relative, glob)]
        first = path.read_text(encoding="utf-8").splitlines()[0]
        named = first.removeprefix("# yaml-language-server: $schema=")
        assert (path.parent / named).resolve() == (project / schema).resolve(), relative
    recommended = json.loads((project / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert recommended["recommendations"] == ["redhat.vscode-yaml"]


@pytest.mark.parametrize(
    ("workflow", "commands"),
    [
        ("pr.yml", ["samverkanshandbok check --format github", "samverkanshandbok build --site site"]),
        ("pages.yml", ["samverkanshandbok schema"]),
    ],
)
def test_the_projects_workflows_install_the_pinned_tool(tmp_path: Path, workflow: str, commands: list[str]) -> None:
    assert run_generator("init", "p", cwd=tmp_path).returncode == 0
    project = tmp_path / "p"
    jobs = yaml.safe_load((project / ".github" / "workflows" / workflow).read_text(encoding="utf-8"))["jobs"]
    runs = [step.get("run", "") for job in jobs.values() for step in job["steps"]]
    assert any("pip install" in run and "-r requirements.txt" in run for run in runs)
    assert all(command in runs for command in commands)
    steps = [step for job in jobs.values() for step in job["steps"] if "uses" in step]
    assert all(len(step["uses"].split("@")[1]) == 40 for step in steps), "actions pinned by commit"
    dependabot = yaml.safe_load((project / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {"package-ecosystem": "pip", "directory": "/"}.items() <= dependabot["updates"][0].items()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda target: (target / "gammal.txt").write_text("mitt", encoding="utf-8"), "finns redan och är inte tom"),
        (lambda target: target.rmdir() or target.write_text("fil", encoding="utf-8"), "är ingen mapp"),
    ],
)
def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, make: Callable[[Path], object], message: str) -> None:
    target = tmp_path / "projekt"
    target.mkdir()
    make(target)
    before = tree_digest(tmp_path)

    result = run_generator("init", "projekt", cwd=tmp_path)

    assert result.returncode == 1
    assert message in result.stderr and "ingenting skrevs" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["projekt"], "nothing staged is left behind"


def test_init_refuses_the_working_folder(tmp_path: Path) -> None:
    result = run_generator("init", ".", cwd=tmp_path)
    assert result.returncode == 1 and "ange en ny mapp" in result.stderr
    assert not list(tmp_path.iterdir())


def test_this_repository_builds_the_way_a_content_project_does() -> None:
    """The theme, assets and editor guide come from the package here too: no path into the code."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "custom_dir" not in config and "extra_css" not in config and "extra_javascript" not in config
    assert not (ROOT / "overrides").exists() and not (ROOT / "docs" / "assets" / "handbok.css").exists()


@pytest.mark.slow
def test_the_wheel_alone_makes_and_builds_a_content_project(tmp_path: Path) -> None:
    venv = fresh_venv_with(build_wheel(tmp_path / "wheel"), tmp_path / "venv")
    tool = str(venv / "bin" / "samverkanshandbok")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    work = tmp_path / "work"
    work.mkdir()
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import generator; print(generator.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(venv), "the test must run the wheel, not the sources"

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([tool, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)

    assert (made := run("init", "min-handbok", cwd=work)).returncode == 0, made.stderr
    project = work / "min-handbok"
    assert (checked := run("check", cwd=project)).returncode == 0, checked.stderr
    assert (built := run("build", cwd=project)).returncode == 0, built.stderr

    site = project / "site"
    for page in ("index.html", "uppdatera/index.html", "exempel/index.html", "sitemap.xml"):
        assert (site / page).is_file(), page
    for asset in ("handbok.css", "arshjul.css", "handbok.js", "arshjul.js", "javascripts/workers/handbok-sok.js"):
        assert (site / "assets" / asset).is_file(), asset
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="assets/handbok.css"' in home and "handbok-sok.js" in home  # the package's overrides
    assert list(site.rglob("*.pdf")), "the print edition as PDF"

    commands = [("new-cooperation", "vastra", "Västra samverkan"), ("new-year", "2028"), ("save-version",), ("schema",)]
    for args in commands:
        assert (done := run(*args, cwd=project)).returncode == 0, (args, done.stderr)
    (kept,) = (project / "data" / "exempel" / "versioner").iterdir()
    compared = run("diff", kept.relative_to(project).as_posix(), "data/exempel", cwd=project)
    assert compared.returncode == 0, compared.stderr
    port = free_port()
    server = subprocess.Popen([tool, "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=env)
    try:
        assert wait_for(f"http://127.0.0.1:{port}/vastra/", "Västra samverkan"), "the preview shows the new cooperation"
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert_no_code_or_theme(project)


def build_wheel(target: Path) -> Path:
    """The wheel, built from a copy of the sources so that setuptools leaves nothing in the repo."""
    sources = target.parent / "sources"
    shutil.copytree(ROOT / "generator", sources / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, sources / name)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-q"]
    subprocess.run([*command, "-w", str(target), str(sources)], capture_output=True, check=True)
    (wheel,) = target.glob("samverkanshandbok-*.whl")
    return wheel


def fresh_venv_with(wheel: Path, venv: Path) -> Path:
    """A new venv with the wheel alone; its dependencies lent by this venv's site-packages."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)]
    subprocess.run([*install, "--disable-pip-version-check"], capture_output=True, check=True)
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return venv

"""Shared fixtures: the repository's paths, editable copies of the fixture data, built sites."""

from __future__ import annotations

import ast
import inspect
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

# Fixtures for the browser tests (a served site) live with the browser helpers.
pytest_plugins = ["browser"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
SHIPPED_DATA = ROOT / "data"
PLAN_FIXTURES = ROOT / "tests" / "fixtures" / "plans"
PLANNED_YEAR = 2027


# Skip reasons that start with this are tools missing from the machine, listed apart at the end.
MISSING_TOOL = "saknas på datorn:"
INSTALL_COMMAND = "make system-packages"


def require_tool(what: str, present: bool) -> None:
    """Fail under CI (where `make test` installed everything); elsewhere skip, listed plainly at the end."""
    if present:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{MISSING_TOOL} {what} ({INSTALL_COMMAND} installerar det)")
    pytest.skip(f"{MISSING_TOOL} {what}")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    reasons = [str(r.longrepr[2]) for r in terminalreporter.stats.get("skipped", []) if isinstance(r.longrepr, tuple)]
    missing = sorted({r.split(MISSING_TOOL, 1)[1].strip() for r in reasons if MISSING_TOOL in r})
    if not missing:
        return
    count = sum(MISSING_TOOL in r for r in reasons)
    terminalreporter.section("verktyg saknas: alla tester kördes inte", sep="=", red=True, bold=True)
    terminalreporter.write_line(f"{count} tester kördes inte eftersom det här saknas på datorn:", red=True)
    for what in missing:
        terminalreporter.write_line(f"  - {what}")
    terminalreporter.write_line(f"Installera det som saknas med: {INSTALL_COMMAND} (som root, eller med sudo)")


# --- Markers: `make test-fast` runs `-m "not slow and not browser"` -------------------------------

# A test is `browser` if it (or a fixture it uses) needs Chromium, `slow` if it builds a site,
# starts the generator as a process, or drives LibreOffice or WeasyPrint. Read from the source of
# the test, of its fixtures and of the test helpers they call, so a new test is marked by what it
# does; a test that is slow for another reason says so with @pytest.mark.slow.
BROWSER_FIXTURES = {"chromium", "driver", "site_url", "fixture_url"}
BROWSER_CALLS = re.compile(r"\b(chrome|print_to_pdf)\(")
SLOW_FIXTURES = {"planned_site", "shipped_site", "fixture_site"}
SLOW_CALLS = re.compile(
    r"\b(run_generator|build_site|subprocess\.\w+|cooperation_pdf|html_to_pdf|with_binaries|office_pdf)\("
)
HELPER_MODULES = ("test_", "conftest", "helpers", "browser")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if not isinstance(item, pytest.Function):
            continue
        fixtures = set(item.fixturenames)
        source = _reached_source(item)
        if fixtures & BROWSER_FIXTURES or BROWSER_CALLS.search(source):
            item.add_marker(pytest.mark.browser)
        if fixtures & SLOW_FIXTURES or SLOW_CALLS.search(source):
            item.add_marker(pytest.mark.slow)


def _reached_source(item: pytest.Function) -> str:
    """The source of the test, of its fixtures, and of the test helpers these call (functions, and
    methods of classes in the test modules), transitively."""
    functions: list[object] = [item.function]
    for name in item.fixturenames:
        functions += [definition.func for definition in item._fixtureinfo.name2fixturedefs.get(name, ())]
    seen: set[object] = set()
    sources = []
    while functions:
        function = inspect.unwrap(functions.pop())  # type: ignore[arg-type]
        if function in seen or not inspect.isfunction(function) or not _is_helper(function):
            continue
        seen.add(function)
        try:
            source = inspect.getsource(function)
        except (OSError, TypeError):
            continue
        sources.append(source)
        names = _called_names(source)
        scope = function.__globals__
        functions += [scope.get(name) for name in names]
        classes = [value for value in scope.values() if inspect.isclass(value) and _is_helper(value)]
        functions += [vars(cls).get(name) for cls in classes for name in names]
    return "\n".join(sources)


def _is_helper(value: object) -> bool:
    return str(getattr(value, "__module__", "")).split(".")[-1].startswith(HELPER_MODULES)


def _called_names(source: str) -> set[str]:
    """The names called in `source`: `f(…)` gives f, `x.f(…)` gives f."""
    try:
        tree = ast.parse(textwrap.dedent(source))  # a method's source is indented
    except SyntaxError:
        return set()
    calls = [node.func for node in ast.walk(tree) if isinstance(node, ast.Call)]
    return {
        call.id if isinstance(call, ast.Name) else call.attr
        for call in calls
        if isinstance(call, (ast.Name, ast.Attribute))
    }


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="skriv om tests/golden/ från nuvarande utdata")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the fixture data that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


Edit = Callable[[str, str, str], int]


@pytest.fixture
def edit(data_copy: Path) -> Edit:
    """Replace `old` by `new` in one file of the copy; returns the 1-based line of the change."""

    def apply(file: str, old: str, new: str) -> int:
        path = data_copy / "exempel" / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {file}"
        path.write_text(text.replace(old, new), encoding="utf-8")
        return text[: text.index(old)].count("\n") + 1

    return apply


def run_generator(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The command line exactly as an editor runs it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def build_site(data: Path, site: Path) -> Path:
    """A strict build of `data` into `site`, which must succeed. A build records the calendar
    history in its data folder, so the repository's own folders are built from a copy."""
    if data.resolve() in (FIXTURE_DATA, SHIPPED_DATA):
        copy = site.parent / f"{site.name}-data"
        shutil.copytree(data, copy, dirs_exist_ok=True)
        data = copy
    result = run_generator("build", "--data", str(data), "--site", str(site))
    assert result.returncode == 0, result.stderr
    return site


def shipped_with_plans(target: Path) -> Path:
    """The shipped data with the tests' own plans (tests/fixtures/plans/) instead of whichever plans
    data/ has, and handbook year 2027: an editor committing next year's plan, or moving the year on,
    never changes what the tests that rely on a plan see."""
    shutil.copytree(SHIPPED_DATA, target)
    for plan in target.glob("*/motesplan-*.yaml"):
        plan.unlink()
    (target / "kalenderhistorik.json").unlink(missing_ok=True)
    for plan in PLAN_FIXTURES.glob("*/motesplan-*.yaml"):
        shutil.copy(plan, target / plan.parent.name / plan.name)
    for info in target.glob("*/samverkan.yaml"):
        text = info.read_text(encoding="utf-8")
        info.write_text(re.sub(r"(?m)^handboksar: \d+$", f"handboksar: {PLANNED_YEAR}", text), encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def planned_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data with the tests' own plans; read only (copy it to change it)."""
    return shipped_with_plans(tmp_path_factory.mktemp("planned") / "data")


@pytest.fixture(scope="session")
def planned_site(tmp_path_factory: pytest.TempPathFactory, planned_data: Path) -> Path:
    """The site of `planned_data`, built strictly."""
    return build_site(planned_data, tmp_path_factory.mktemp("planned-site") / "site")


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built from (a copy of) data/ with the strict build."""
    return build_site(SHIPPED_DATA, tmp_path_factory.mktemp("shipped") / "site")


# --- Shared builds: each built once per run; read only (a test that changes a site builds its own) ---


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of tests/fixtures/data (a dated year with moved and cancelled meetings), built strictly."""
    return build_site(FIXTURE_DATA, tmp_path_factory.mktemp("fixture-site") / "site")

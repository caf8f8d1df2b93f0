"""The package's shape, read from the source with `ast`: the layer rules and the size limits.

ARCHITECTURE.md states these rules; this file is what keeps them true. Each rule is a row
of a table, and the detectors are themselves tested on small snippets, so that a rule
that stopped seeing anything would fail here instead of passing quietly.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"

# (modules the rule is about, imports they must not make): a module name or any below it.
ENGINE_LIBRARIES = ("weasyprint", "cairosvg", "cairocffi", "mkdocs", "zensical")
# Render is pure: no process, network, disk or chance.
IMPURE_LIBRARIES = ("subprocess", "socket", "urllib", "shutil", "tempfile", "random")
LAYER_RULES = [
    (
        "generator.render",
        (
            "generator.validate",
            "generator.write",
            "generator.engines",
            "generator.adapters",
            "generator.commands",
            "generator.cli",
            *ENGINE_LIBRARIES,
            *IMPURE_LIBRARIES,
        ),
    ),
    (
        "generator.validate",
        ("generator.render", "generator.engines", "generator.write", "generator.adapters", "generator.commands"),
    ),
    (
        "generator.model",
        (
            "generator.validate",
            "generator.load",
            "generator.compose",
            "generator.render",
            "generator.engines",
            "generator.write",
            "generator.adapters",
            "generator.commands",
            "generator.cli",
        ),
    ),
    ("generator.engines", ("generator.adapters", "generator.commands", "generator.cli")),
    ("generator.write", ("generator.render", "generator.engines", "generator.adapters", "generator.commands")),
]
WRITER = "generator.write"  # the one module that may touch the disk
WRITING_METHODS = {"write_text", "write_bytes", "unlink", "rmdir", "rename", "replace", "touch", "mkdir"}
WRITING_FUNCTIONS = {
    ("os", "replace"),
    ("os", "rename"),
    ("os", "remove"),
    ("os", "unlink"),
    ("os", "makedirs"),
    ("shutil", "rmtree"),
    ("shutil", "copytree"),
    ("shutil", "copy"),
    ("shutil", "copyfile"),
    ("shutil", "move"),
}
MAX_LINES = 300
MAX_CLI_LINES = 200
MAX_RENDER_MODULES = 8
MIN_OUTPUT_PACKAGES = 4


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module `source` imports, absolute; `from x import y` counts as x and x.y (y may be a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, module, is_package)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def writes(source: str) -> list[str]:
    """The calls in `source` that write, move or remove files, as 'line: call'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and (call := _writing_call(node)):
            found.append(f"{node.lineno}: {call}")
    return found


def _writing_call(node: ast.Call) -> str | None:
    function = node.func
    if isinstance(function, ast.Name) and function.id == "open" and _write_mode(node, 1):
        return "open(…, write mode)"
    if not isinstance(function, ast.Attribute):
        return None
    owner = function.value.id if isinstance(function.value, ast.Name) else None
    if owner in {"os", "shutil"}:
        return f"{owner}.{function.attr}" if (owner, function.attr) in WRITING_FUNCTIONS else None
    if function.attr == "open" and _write_mode(node, 0):
        return ".open(…, write mode)"
    if function.attr == "replace" and (len(node.args) != 1 or node.keywords or owner == "dataclasses"):
        return None  # str.replace(old, new) and dataclasses.replace(x, field=…) only build values
    return f".{function.attr}()" if function.attr in WRITING_METHODS else None


def _write_mode(node: ast.Call, position: int) -> bool:
    modes = [keyword.value for keyword in node.keywords if keyword.arg == "mode"]
    modes += node.args[position : position + 1]
    return any(isinstance(mode, ast.Constant) and set(str(mode.value)) & set("wax+") for mode in modes)


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imports_of(path: Path) -> set[str]:
    return imports(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize(("layer", "forbidden"), LAYER_RULES, ids=[rule[0] for rule in LAYER_RULES])
def test_layer_imports(layer: str, forbidden: tuple[str, ...]) -> None:
    modules = [path for path in _modules() if _within(module_name(path), layer)]
    assert modules, f"no module in {layer}"
    broken = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in modules
        for name in sorted(_imports_of(path))
        if any(_within(name, prefix) for prefix in forbidden)
    ]
    assert not broken, "\n".join(broken)


def test_only_the_writer_writes() -> None:
    broken = [
        f"{path.relative_to(ROOT)}:{call}"
        for path in _modules()
        if module_name(path) != WRITER
        for call in writes(path.read_text(encoding="utf-8"))
    ]
    assert not broken, "write through generator/write.py:\n" + "\n".join(broken)


# What render must not call: the clock, chance, the environment, or the disk (even to read).
IMPURE_METHODS = {"today", "now", "utcnow", "getenv", "read_text", "read_bytes", "urlopen"}
IMPURE_FUNCTIONS = {"open", "time.time", "time.monotonic", "os.getenv"}


def impure_calls(source: str) -> list[str]:
    """Calls in `source` whose result depends on when, where or by chance they run, as 'line: name'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            method = node.func.attr if isinstance(node.func, ast.Attribute) else ""
            if name in IMPURE_FUNCTIONS or name.startswith("random.") or method in IMPURE_METHODS:
                found.append(f"{node.lineno}: {name}()")
    return found


def test_render_is_pure() -> None:
    broken = [
        f"{path.relative_to(ROOT)}:{call}"
        for path in _modules()
        if _within(module_name(path), "generator.render")
        for call in impure_calls(path.read_text(encoding="utf-8"))
    ]
    assert not broken, "render takes the clock and files from its caller:\n" + "\n".join(broken)


def test_no_module_is_long() -> None:
    long = {str(p.relative_to(ROOT)): n for p in _modules() if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert not long, long
    assert len((PACKAGE / "cli.py").read_text().splitlines()) <= MAX_CLI_LINES


def test_render_is_grouped_by_output() -> None:
    render = PACKAGE / "render"
    own = [p.name for p in render.glob("*.py") if p.name != "__init__.py"]
    outputs = [p.name for p in render.iterdir() if (p / "__init__.py").is_file()]
    assert len(own) <= MAX_RENDER_MODULES, own
    assert len(outputs) >= MIN_OUTPUT_PACKAGES, outputs
    without_templates = [name for name in outputs if not (render / name / "templates").is_dir()]
    assert not without_templates, without_templates


# --- The detectors themselves: each must see what it is for, and nothing else ---


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("import cairosvg", "generator.render.wheel.svg", {"cairosvg"}),
        ("from ...engines.raster import PNG_WIDTH", "generator.render.pages.pages", {"generator.engines.raster"}),
        ("from .. import paths", "generator.render.wheel.svg", {"generator.render", "generator.render.paths"}),
        ("from .convert import Converter", "generator.validate", {"generator.validate.convert"}),
        ("from ..write import write_file", "generator.engines.cache", {"generator.write"}),
        ("from mkdocs.config import Config", "generator.render.site", {"mkdocs.config"}),
    ],
)
def test_imports_are_resolved(source: str, module: str, expected: set[str]) -> None:
    is_package = module == "generator.validate"
    assert expected <= imports(source, module, is_package)


@pytest.mark.parametrize(
    ("source", "writes_a_file"),
    [
        ("path.write_text('x')", True),
        ("path.write_bytes(b'x')", True),
        ("open(name, 'w')", True),
        ("open(name, mode='ab')", True),
        ("path.open('w', encoding='utf-8')", True),
        ("os.replace(a, b)", True),
        ("shutil.rmtree(folder)", True),
        ("shutil.copytree(a, b)", True),
        ("path.unlink(missing_ok=True)", True),
        ("new.replace(target)", True),
        ("open(name)", False),
        ("open(name, 'rb')", False),
        ("path.read_text()", False),
        ("text.replace('a', 'b')", False),
        ("dataclasses.replace(item, number=1)", False),
        ("os.path.join(a, b)", False),
        ("tarfile.open(fileobj=stream)", False),
    ],
)
def test_writing_calls_are_seen(source: str, writes_a_file: bool) -> None:
    assert bool(writes(source)) is writes_a_file


@pytest.mark.parametrize(
    ("source", "impure"),
    [
        ("datetime.date.today()", True),
        ("datetime.datetime.now(datetime.UTC)", True),
        ("time.time()", True),
        ("random.random()", True),
        ("os.getenv('HOME')", True),
        ("path.read_text(encoding='utf-8')", True),
        ("open(name)", True),
        ("datetime.time(0)", False),
        ("datetime.timedelta(days=1)", False),
        ("datetime.datetime.combine(day, datetime.time(0), datetime.UTC)", False),
    ],
)
def test_impure_calls_are_seen(source: str, impure: bool) -> None:
    assert bool(impure_calls(source)) is impure


def test_a_cooperations_files_are_named_once() -> None:
    """The list of a cooperation's files lives in model/files.py; nowhere else spells a name out."""
    from generator.model.files import COOPERATION_FILES

    owner = "generator.model.files"
    spelled = [
        f"{path.relative_to(ROOT)}:{node.lineno}: {node.value}"
        for path in _modules()
        if module_name(path) != owner
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value in COOPERATION_FILES
    ]
    assert not spelled, "\n".join(spelled)

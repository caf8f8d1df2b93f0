"""The generated Markdown for the fixture data, compared with reviewed files in tests/golden/.

After an intended change of output, run `make golden` (pytest --update-golden),
read the diff of tests/golden/ and commit it with the change.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURE_DATA, ROOT

from generator.render.site import render_site
from generator.validate import read_handbook

GOLDEN = ROOT / "tests" / "golden" / "markdown"


def rendered() -> dict[str, str]:
    return render_site(read_handbook(FIXTURE_DATA)).files


def test_markdown_matches_golden_files(update_golden: bool) -> None:
    files = rendered()
    if update_golden:
        _rewrite(GOLDEN, files)
        pytest.skip("tests/golden/markdown skrevs om; granska diffen")
    expected = {str(p.relative_to(GOLDEN)): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(files) == sorted(expected), "andra sidor än väntat; kör `make golden` om ändringen är avsiktlig"
    for path, text in files.items():
        assert text == expected[path], f"{path} skiljer sig från tests/golden/markdown/{path}"


def test_rendering_twice_gives_identical_text() -> None:
    assert rendered() == rendered()


def _rewrite(folder: Path, files: dict[str, str]) -> None:
    for old in folder.rglob("*.md"):
        old.unlink()
    for path, text in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

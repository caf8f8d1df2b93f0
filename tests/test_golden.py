"""The generated Markdown for the fixture data, compared with reviewed files in tests/golden/.

After an intended change of output, run `make golden` (pytest --update-golden),
read the diff of tests/golden/ and commit it with the change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.render.site import render_site
from generator.validate import read_handbook

from conftest import FIXTURE_DATA, ROOT

GOLDEN = ROOT / "tests" / "golden" / "site"


# Word, PNG and PDF files are compared by what they say, in test_papers.py, test_wheel.py and
# test_print_edition.py; byte-level golden copies of them would only churn.
BINARY = (".docx", ".png", ".pdf")


def rendered() -> dict[str, bytes]:
    files = render_site(read_handbook(FIXTURE_DATA)).files
    return {path: c if isinstance(c, bytes) else c.encode("utf-8") for path, c in files.items()}


def test_generated_files_match_golden_files(update_golden: bool) -> None:
    """Markdown pages and .ics feeds, byte for byte (feeds keep their CRLF). The Word documents
    are binary; test_papers.py compares the notice's text with a golden file."""
    files = {path: content for path, content in rendered().items() if not path.endswith(BINARY)}
    if update_golden:
        _rewrite(GOLDEN, files)
        pytest.skip("tests/golden/site skrevs om; granska diffen")
    expected = {str(p.relative_to(GOLDEN)): p.read_bytes() for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(files) == sorted(expected), "andra filer än väntat; kör `make golden` om ändringen är avsiktlig"
    for path, text in files.items():
        assert text == expected[path], f"{path} skiljer sig från tests/golden/site/{path}"


def test_rendering_twice_gives_identical_text() -> None:
    assert rendered() == rendered()


def _rewrite(folder: Path, files: dict[str, bytes]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    for path, content in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)

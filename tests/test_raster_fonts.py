"""The årshjul's PNG takes its letters from the project's fonts only: the same SVG gives the same
bytes whatever fonts and fontconfig rules the machine has (an ordinary desktop maps Arial and
Helvetica to Nimbus Sans or DejaVu Sans), and every family the SVG may name is drawn as Liberation Sans."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.render.wheel.svg import FONTS

TEXT = "Årshjul – Styrgrupp, Råd för avtalssamverkan: 11 februari ÅÄÖ åäö 0123456789 ≥ → ✓"


def svg(family: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="120" viewBox="0 0 900 120">'
        f'<text x="10" y="60" font-size="28" font-family="{family}" font-weight="bold">{TEXT}</text></svg>'
    )


# A machine whose fontconfig prefers other fonts for every family the wheel names.
HOSTILE = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern"><edit name="family" mode="prepend" binding="strong">
    <string>Nimbus Sans</string><string>DejaVu Sans</string></edit></match>
</fontconfig>
"""


def draw(family: str, fontconfig: Path | None) -> bytes:
    """The PNG from a fresh process, as a build on another machine would draw it."""
    env = {k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"}
    if fontconfig is not None:
        env["FONTCONFIG_FILE"] = str(fontconfig)
    code = (
        "import sys; from generator.engines.raster import png_from_svg;"
        " sys.stdout.buffer.write(png_from_svg(sys.argv[1]))"
    )
    return subprocess.run([sys.executable, "-c", code, svg(family)], env=env, capture_output=True, check=True).stdout


@pytest.mark.slow
def test_the_png_is_the_same_on_every_machine_and_in_the_projects_font(tmp_path: Path) -> None:
    hostile = tmp_path / "fonts.conf"
    hostile.write_text(HOSTILE)
    reference = draw("Liberation Sans", None)
    for family in (FONTS, "Helvetica", "DejaVu Sans", "serif", "Nimbus Sans"):
        for fontconfig in (None, hostile):
            assert draw(family, fontconfig) == reference, (family, fontconfig)


def test_drawing_the_png_says_nothing_on_stderr(tmp_path: Path) -> None:
    """A build's output is the editor's to read: fontconfig keeps its cache where it always does
    (XDG_CACHE_HOME) instead of printing 'Fontconfig error: No writable cache directories'."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("FONTCONFIG_FILE", None)
    code = "from generator.engines.raster import png_from_svg; png_from_svg(__import__('sys').argv[1])"
    result = subprocess.run([sys.executable, "-c", code, svg("Arial")], env=env, capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")

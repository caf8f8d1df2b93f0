"""Build the handbook with Zensical, the successor of Material for MkDocs, without the MkDocs plugin.

Everything Zensical-specific lives here. Zensical runs no third-party plugins, so the pages are
not added at build time: they come from the same `render_site` as for MkDocs and are written,
with the hand-written pages of docs/, the package's theme, assets and editor guide
(generator/theme/) and the project's own overrides, into a plain project folder
(`docs/`, `overrides/`, `mkdocs.yml`). Its `mkdocs.yml` is the handbook's own with the
navigation written out (the plugin adds it for MkDocs), the plugin left out and Zensical's
`classic` theme variant, the one that looks like Material. Zensical then builds `site/` there.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from .. import theme
from ..engines.binaries import built_site
from ..engines.cache import Cache
from ..engines.unavailable import PdfUnavailable
from ..model import Handbook
from ..render.site import RenderedSite, merge_nav
from ..write import OutputRefused, copy_tree, staging, write_file, write_files

CONFIG = "mkdocs.yml"
DOCS = "docs"
OVERRIDES = "overrides"
SITE = "site"

# Overrides written for Material that Zensical does without, and why (the comparison lists them).
MATERIAL_ONLY_OVERRIDES = {
    "partials/search.html": "Material 9.8's search form with an accessible name for the dialog; Zensical's own "
    "search partial has that name already and its search needs its own markup",
}


class BuildFailed(Exception):
    """Zensical did not build the site; the message has its output."""


def build(
    config_file: Path,
    project: Path,
    handbook: Handbook,
    cache: Cache | None = None,
    protected: Iterable[Path] = (),
) -> RenderedSite:
    """Write the Zensical project for `handbook` into `project` and build its `site/` there.
    The folder is replaced only when the build succeeded; it is never inside a `protected` one."""
    protected = list(protected)
    settings = _read_config(config_file)
    try:
        directory_urls = bool(settings.get("use_directory_urls", True))
        rendered = built_site(handbook, cache, directory_urls)
    except PdfUnavailable as missing:
        raise BuildFailed(str(missing)) from None
    with staging(project, protected, outside=protected) as stage:
        _write_project(stage, config_file.parent, settings, rendered)
        _run_zensical(stage)
    return rendered


def _read_config(config_file: Path) -> dict[str, Any]:
    settings = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    if not isinstance(settings, dict) or "INHERIT" in settings:
        raise BuildFailed(f"{config_file}: Zensical-bygget läser en fristående mkdocs.yml (utan INHERIT)")
    return settings


def _write_project(stage: Path, root: Path, settings: dict[str, Any], rendered: RenderedSite) -> None:
    docs = stage / DOCS
    copy_tree(root / settings.get("docs_dir", DOCS), docs)
    try:
        write_files(rendered.files, docs, keep=True)
    except OutputRefused as clash:
        raise BuildFailed(str(clash)) from None
    # The package's files first, then the project's own, which win (as in the MkDocs plugin).
    package_docs = {path: source.read_bytes() for path, source in theme.docs_files().items()}
    write_files({path: data for path, data in package_docs.items() if not (docs / path).exists()}, docs)
    overrides = _files_below(theme.OVERRIDES)
    custom_dir = settings.get("theme", {}).get("custom_dir")
    if custom_dir:
        overrides.update(_files_below(root / custom_dir))
    kept = {path: data for path, data in overrides.items() if path not in MATERIAL_ONLY_OVERRIDES}
    write_files(kept, stage / OVERRIDES)
    text = yaml.safe_dump(zensical_config(settings, rendered), allow_unicode=True, sort_keys=False)
    write_file(stage / CONFIG, text)


def zensical_config(settings: dict[str, Any], rendered: RenderedSite) -> dict[str, Any]:
    """The handbook's MkDocs settings as Zensical needs them, without the plugin."""
    config = {key: value for key, value in settings.items() if key != "watch"}  # `zensical serve` is not used here
    config.update(docs_dir=DOCS, site_dir=SITE, site_url=settings.get("site_url") or str(rendered.address))
    config["theme"] = {**settings.get("theme", {}), "variant": "classic", "custom_dir": OVERRIDES}
    for key, added in (("extra_css", theme.EXTRA_CSS), ("extra_javascript", theme.EXTRA_JAVASCRIPT)):
        listed = list(settings.get(key) or [])
        config[key] = listed + [path for path in added if path not in listed]
    config["plugins"] = [p for p in settings.get("plugins", []) if not (isinstance(p, dict) and "handbook" in p)]
    config["nav"] = merge_nav(settings.get("nav") or [], rendered.nav)
    return config


def _files_below(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _run_zensical(project: Path) -> None:
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-m", "zensical", "build", "--config-file", CONFIG, "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not (project / SITE / "index.html").is_file():
        raise BuildFailed(_plain(f"{result.stdout}\n{result.stderr}"))


def _plain(output: str) -> str:
    """Zensical's report without colour codes and without the Python traceback it ends with."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", output)
    before, _, after = text.partition("Traceback (most recent call last):")
    last = after.strip().splitlines()[-1:] if after else []
    return "\n".join([*before.strip().splitlines(), *last]).strip()

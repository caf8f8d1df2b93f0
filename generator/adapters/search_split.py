"""Search whose download does not grow with the region: one index per cooperation.

Material's search plugin writes one index of every page, which every page downloaded on load
(515 KB gzipped at 50 cooperations). After it, this splits that index: `search/<id>.js` holds
the pages of one cooperation, `search/hem.js` the hand-written pages and each cooperation's
name and overview. The index Material fetches on page load keeps only the settings and the
list of cooperations, and the
handbook's search worker (docs/assets/javascripts/workers/handbok-sok.js) loads the page's own
index when the reader first searches. The indexes are scripts, loaded with importScripts, so
that the offline copy opened from disk (where a worker cannot fetch) searches the same way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..render.site import NavEntry
from ..write import write_files

FOLDER = "search"
HOME = "hem"
VARIABLE = "self.__handbokIndex"
OVERVIEW_TEXT = 300  # characters of a cooperation's overview in the home index: enough to recognise it


def sections(nav: list[NavEntry]) -> list[str]:
    """The cooperations' folders, in the order of the navigation (each section's first page is its overview)."""
    found: list[str] = []
    for _, target in nav:
        if isinstance(target, list) and target and isinstance(target[0][1], str):
            found.append(target[0][1].split("/")[0])
    return found


def split_index(site_dir: Path, folders: list[str]) -> None:
    """Write one index per cooperation and the home index; leave only the settings in Material's."""
    source = site_dir / FOLDER / "search_index.json"
    if not source.is_file():  # the search plugin is not used
        return
    index = json.loads(source.read_text(encoding="utf-8"))
    docs: list[dict[str, Any]] = index["docs"]
    indexes = {folder: [doc for doc in docs if _folder(doc) == folder] for folder in folders}
    home = [doc for doc in docs if _folder(doc) not in folders]
    indexes[HOME] = home + [_overview(doc) for doc in docs if doc["location"] in _overviews(folders)]
    files = {f"{FOLDER}/{name}.js": _script({"config": index["config"], "docs": own}) for name, own in indexes.items()}
    # The worker picks the page's index from this list and the page's first folder (Material
    # hands the worker the settings, not other keys of the file).
    config = {**index["config"], "sections": folders}
    settings = json.dumps({"config": config, "docs": []}, separators=(",", ":"))
    files[f"{FOLDER}/search_index.json"] = settings
    if (site_dir / FOLDER / "search_index.js").is_file():  # Material's offline plugin: the same as a script
        files[f"{FOLDER}/search_index.js"] = f"var __index = {settings}"
    write_files(files, site_dir)  # into the folder MkDocs builds, which a build swaps in whole


def _folder(doc: dict[str, Any]) -> str:
    location = str(doc["location"])
    return location.split("/")[0] if "/" in location.split("#")[0] else ""


def _overviews(folders: list[str]) -> set[str]:
    """Where each cooperation's overview is, with directory URLs and in the offline copy."""
    return {f"{folder}/{page}" for folder in folders for page in ("", "index.html")}


def _overview(doc: dict[str, Any]) -> dict[str, Any]:
    text = str(doc.get("text", ""))
    return {**doc, "text": text[:OVERVIEW_TEXT]}


def _script(index: dict[str, Any]) -> str:
    # JSON is a JavaScript expression; ASCII escapes keep the script independent of its encoding.
    return f"{VARIABLE} = {json.dumps(index, separators=(',', ':'))};\n"

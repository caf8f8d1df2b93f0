"""`init`: the files of a new content project, which holds a handbook's data and settings but no
code: the generator, its theme and the editor guide come from the installed package, pinned in
requirements.txt. The files are the ones in content_project/, with the version put in.
"""

from __future__ import annotations

from pathlib import Path

TEMPLATES = Path(__file__).parent / "content_project"
# Stored without their leading dot: the package-data globs (and many tools) skip hidden files.
HIDDEN = ("github", "vscode", "gitignore")
VERSION = "__VERSION__"


def project_files(version: str) -> dict[str, str]:
    """`{path in the project: text}` for the settings, workflows, README and handbok.yaml."""
    files = {}
    for source in sorted(TEMPLATES.rglob("*")):
        if source.is_file():
            relative = source.relative_to(TEMPLATES).as_posix()
            name = f".{relative}" if relative.split("/")[0] in HIDDEN else relative
            files[name] = source.read_text(encoding="utf-8").replace(VERSION, version)
    return files

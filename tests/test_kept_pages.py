"""A cooperation's rendered files kept in the content cache (engines/kept_pages.py): a replay of
edits and builds, asserting after each that only the changed cooperations were rendered again
and that the files are byte for byte those rendered without a cache; and entries that lie."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.engines.cache import Cache
from generator.engines.kept_pages import KeptPages
from generator.model import Handbook
from generator.render.site import RenderedSite, render_site
from generator.validate import read_handbook

from conftest import FIXTURE_DATA

# (file edited, text replaced, by; the cooperations rendered again in the build after the edit)
EDITS = [
    (None, "", "", {"andra", "exempel"}),  # the first build renders both
    (None, "", "", set()),  # nothing changed: nothing rendered
    ("andra/motesplan-2026.yaml", "datum: 2026-03-12", "datum: 2026-03-19", {"andra"}),
    ("exempel/samverkan.yaml", "namn: ", "namn: Nya ", {"exempel"}),
    ("handbok.yaml", "samverkanshandbok/", "ny-adress/", {"andra", "exempel"}),  # the site's settings
    (None, "", "", set()),
]


@pytest.fixture
def two(tmp_path: Path) -> Path:
    """The fixture's data with a second cooperation, a copy of the first under another id."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    shutil.copytree(data / "exempel", data / "andra")
    return data


def cached_render(handbook: Handbook, cache: Cache) -> RenderedSite:
    kept = KeptPages(cache, handbook, directory_urls=True)
    return render_site(handbook, word=kept.word, keep=kept.files)


def rendered(cache: Cache) -> set[str]:
    """The cooperations this build rendered: each has a new 'pages' entry, named by its files."""
    return {next(iter(json.loads(c)["text"])).split("/")[0] for n, c in cache.new.items() if n.endswith(".pages")}


def test_only_the_changed_cooperations_are_rendered_again(two: Path, tmp_path: Path) -> None:
    for file, old, new, changed in EDITS:
        if file is not None:
            path = two / file
            text = path.read_text(encoding="utf-8")
            assert old in text, file
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        handbook = read_handbook(two)
        cache = Cache(tmp_path / "cache")
        site = cached_render(handbook, cache)
        assert rendered(cache) == changed, file
        cache.save()
        assert site.files == render_site(handbook).files, file


# What a damaged or hostile entry says (sealed, so only its content lies): the files are rendered again.
LIES = [
    b"not json",
    b'{"text": {"exempel/index.md": 1}, "word": {}}',
    b'{"text": {}, "word": {"exempel/x.docx": "../../../../etc/passwd"}}',
    b'{"text": {}, "word": {"exempel/x.docx": "' + b"0" * 64 + b'.docx"}}',  # no such entry
    b'{"text": {}}',
    b'{"text": {"/tmp/utanfor.txt": "x"}, "word": {}}',  # outside the site
    b'{"text": {"index.md": "# Kapad startsida"}, "word": {}}',  # another page than the cooperation's
    b'{"text": {"exempel/../index.md": "x"}, "word": {}}',
    b'{"text": {"exempel/a\\u0000b.md": "x"}, "word": {}}',
    b'{"text": {"exempel\\\\..\\\\x.md": "x"}, "word": {}}',
    b'{"text": {}, "word": {"exempel/x.docx": "' + b"0" * 64 + b'.pdf"}}',  # another kind of entry
    b"[" * 200_000,  # deeper than the JSON reader goes
    b'{"text": "exempel/index.md", "word": []}',
    b"[]",
]


@pytest.mark.parametrize("lie", LIES)
def test_an_entry_that_lies_is_not_believed(lie: bytes, tmp_path: Path) -> None:
    handbook = read_handbook(FIXTURE_DATA)
    cache = Cache(tmp_path / "cache")
    kept = KeptPages(cache, handbook, directory_urls=True)
    (cooperation,) = handbook.cooperations
    cache.keep("pages", [*kept.common, repr(cooperation)], lie)
    cache.save()
    cache = Cache(tmp_path / "cache")
    assert cached_render(handbook, cache).files == render_site(handbook).files
    assert rendered(cache) == {"exempel"}

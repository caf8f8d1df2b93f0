"""How a meeting's Word papers are made: by word.py, through whatever the caller passes.

A build passes the content cache (engines/binaries.py), so a paper whose `Papers` did not change
is read back instead of being made again: making the Word papers was a fifth of a warm build.
word.py (python-docx and lxml) is imported only when a paper is made.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from .papers import Papers

# (kind, the paper's model, how to make it) -> the .docx bytes
WordMaker = Callable[[str, Papers, Callable[[], bytes]], bytes]
KINDS = ("notice", "minutes")


def made_now(kind: str, papers: Papers, make: Callable[[], bytes]) -> bytes:
    return make()


def word_papers(papers: Papers, word: WordMaker = made_now) -> dict[str, bytes]:
    """The notice and the minutes template of `papers` as Word documents, by kind."""
    return {kind: word(kind, papers, functools.partial(_make, kind, papers)) for kind in KINDS}


def _make(kind: str, papers: Papers) -> bytes:
    from . import word

    return word.notice_docx(papers) if kind == "notice" else word.minutes_docx(papers)

"""`make serve` told of a saved file by the platform's file events instead of polling.

MkDocs' preview polls every watched folder twice a second (watchdog's PollingObserver), which
costs up to half a second before a rebuild even starts and grows with the files watched. Where
the platform has file events (inotify, FSEvents, Windows' ReadDirectoryChangesW) the preview
uses them. MkDocs rebuilds on any event, and inotify also reports files that were only opened
or read (as every build reads the data), so only events that change a file are passed on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

# A file written (closed after writing), created, replaced (an editor's save by rename) or deleted.
CHANGES: list[type[FileSystemEvent]] = [
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]


class _ChangesOnly(Observer):  # type: ignore[misc,valid-type]
    def schedule(self, event_handler: Any, path: str | Path, **options: Any) -> Any:
        return super().schedule(event_handler, path, **{**options, "event_filter": CHANGES})


def watch_with_events(server: LiveReloadServer, watched: list[str]) -> None:
    """Move the folders MkDocs watches so far (`watched`) to an observer of the platform's events."""
    if Observer is PollingObserver or server.observer.is_alive():  # no events here, or already running
        return
    for path in watched:
        server.unwatch(path)
    server.observer = _ChangesOnly()
    for path in watched:
        server.watch(path)

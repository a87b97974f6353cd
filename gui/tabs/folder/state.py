"""The Folder results tab's state, Qt-free: the results so far of the folder being (or last) classified, whether
it is running, how far it got and when it started. ``FolderView`` subscribes to its events and redraws; the
controller changes it from the engine's answers. No Qt here (the import contract in pyproject.toml)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from convlens.gui.observable import Event

if TYPE_CHECKING:  # torch's module: the window's state need not import it to exist
    from convlens.engine.runtime.results import ImageResult

__all__ = ["FolderState", "Progress"]


class Progress:
    """``done`` of ``total`` images after ``elapsed`` seconds, and the time left at that rate."""

    def __init__(self, done: int, total: int, elapsed: float) -> None:
        self.done, self.total, self.elapsed = done, total, elapsed

    @property
    def remaining(self) -> float:
        return self.elapsed / self.done * (self.total - self.done) if self.done else 0.0


class FolderState:
    """The results of one folder run. ``cleared`` (a new run), ``added`` (results, with the progress),
    ``finished`` (True: cancelled)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.results: list[ImageResult] = []
        self.running = False
        self.total = 0
        self._started = 0.0
        self.cleared: Event[None] = Event()
        self.added: Event[tuple[Sequence[ImageResult], Progress]] = Event()
        self.finished: Event[bool] = Event()

    # ------------------------------------------------------------ changes (the controller's)
    def start(self, total: int = 0) -> None:
        """A run began (``total`` 0: still looking for images); the last one's results go."""
        self.results, self.total, self.running, self._started = [], total, True, self._clock()
        self.cleared.emit(None)

    def add(self, results: Sequence[ImageResult], done: int, total: int) -> None:
        self.results.extend(results)
        self.total = total
        self.added.emit((results, Progress(done, total, self.elapsed)))

    def finish(self, cancelled: bool) -> None:
        self.running = False
        self.finished.emit(cancelled)

    # ------------------------------------------------------------ questions (the view's)
    @property
    def elapsed(self) -> float:
        return self._clock() - self._started

    def skipped(self) -> list[ImageResult]:
        """The files that could not be classified, in the order they came."""
        return [r for r in self.results if r.error]

    def counts(self) -> tuple[int, int]:
        """(classified, skipped)."""
        skipped = len(self.skipped())
        return len(self.results) - skipped, skipped

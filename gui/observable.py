"""``Event``: a Qt-free signal for the tabs' state models (napari's ``components`` pattern).

A tab's state (what is running, the result on show) lives in a small model that imports no Qt, so it can be
built and tested without a window; its view subscribes with ``connect`` and redraws. Callbacks run in the order
they were connected, on the thread that emits: the UI thread, since only controllers change state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["Event"]

T = TypeVar("T")


class Event(Generic[T]):
    """``connect(callback)``; ``emit(value)`` calls each callback with ``value``."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[T], object]] = []

    def connect(self, callback: Callable[[T], object]) -> None:
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable[[T], object]) -> None:
        self._callbacks.remove(callback)

    def emit(self, value: T) -> None:
        for callback in list(self._callbacks):
            callback(value)

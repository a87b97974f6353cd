"""Measures how long the UI thread goes without running its event loop."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer


class StallMeter(QObject):
    """Ticks a short QTimer on the UI thread and records the gaps between ticks.

    A gap much longer than the interval means the UI thread was busy (or
    blocked on the GIL) for that long: the window did not repaint or react.
    """

    def __init__(self, interval_ms: int = 10, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.gaps: list[float] = []
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps = []
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def percentile_ms(self, q: float) -> float:
        ordered = sorted(self.gaps)
        return 1000 * ordered[int(q * (len(ordered) - 1))] if ordered else 0.0

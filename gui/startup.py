"""The first window: up in a fraction of a second, takes drops while PyTorch and the engine load behind it.

Importing torch, torchvision and the engine takes 3-5 s on a cold start. ``StartWindow`` needs only Qt: it
shows the state ("Loading PyTorch…"), accepts files and folders dropped (or passed on the command line)
and hands them to the main window, which replaces it in the same place as soon as the imports are done.
The imports run in a plain thread (no Qt objects are made there); the main window is built on the UI thread.
"""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

HEAVY_MODULES = ("torch", "torchvision", "convlens.gui.main_window")


class StartWindow(QWidget):
    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.setWindowTitle(self.tr("Starting"))
        self.pending: list[str] = []
        self.message = QLabel(self.tr("<h2>ConvLens</h2><p>Loading PyTorch and the engine…</p>"
                                      "<p>You can already drop images or a folder here.</p>"))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dropped = QLabel("")
        self.dropped.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dropped.setWordWrap(True)
        busy = QProgressBar()
        busy.setRange(0, 0)
        busy.setMaximumWidth(300)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(busy, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.dropped)
        layout.addStretch(1)
        from convlens.gui.geometry import place_window
        from convlens.gui.settings import Key, Settings

        place_window(self, Settings(settings).bytes(Key.GEOMETRY))  # where the main window will be: it takes this place

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        local = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if local:
            event.acceptProposedAction()
            self.pending.extend(local)
            self.dropped.setText(self.tr("{n} item(s) will open as soon as the engine is ready.").format(
                n=len(self.pending)))


def load_in_background(on_ready: Callable[[BaseException | None], None], poll_ms: int = 30) -> threading.Thread:
    """Import the heavy modules in a thread; call ``on_ready`` on the UI thread when done (with the error, if any)."""
    outcome: list[BaseException | None] = []

    def work() -> None:
        try:
            for name in HEAVY_MODULES:
                importlib.import_module(name)
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=work, name="ConvLensImports", daemon=True)
    thread.start()
    started = time.perf_counter()

    def check() -> None:
        if outcome:
            on_ready(outcome[0])
        else:
            QTimer.singleShot(poll_ms, check)

    QTimer.singleShot(poll_ms, check)
    thread.started_at = started  # type: ignore[attr-defined]
    return thread

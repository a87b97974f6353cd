"""The start window is up before torch is imported, takes drops, and hands them on."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from convlens.gui.app import make_application
from convlens.gui.startup import StartWindow, load_in_background
from tests.conftest import ROOT


def test_the_start_window_needs_no_torch() -> None:
    code = "import sys; import convlens.gui.startup, convlens.gui.app; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_drops_wait_for_the_engine_and_the_imports_finish(qtbot, tmp_path: Path) -> None:
    make_application()
    start = StartWindow()
    qtbot.addWidget(start)
    start.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    pos = QPointF(10, 10)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(start, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(start, QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                             Qt.KeyboardModifier.NoModifier))
    assert start.pending == [str(tmp_path)] and "will open" in start.dropped.text()
    results: list[object] = []
    load_in_background(results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    assert results == [None] and "convlens.gui.main_window" in sys.modules

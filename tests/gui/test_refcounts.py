"""PySide6 must not lose references to None/True (6.12.0 does on Python 3.11: a long session ends in
"Fatal Python error: none_dealloc"). This guards the version pin in pyproject.toml."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from convlens.gui.app import make_application


class _Emitter(QObject):
    changed = Signal(object)


def test_void_calls_and_emit_keep_none_and_true_alive(qtbot) -> None:
    make_application()
    label = QLabel()
    qtbot.addWidget(label)
    emitter = _Emitter()
    emitter.changed.connect(label.setText)
    calls = [lambda: label.setText("x"), label.update, lambda: emitter.changed.emit("y"),
             lambda: QTimer.singleShot(0, label.update)]
    for call in calls:
        none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
        for _ in range(200):
            call()
        assert sys.getrefcount(None) - none_before > -50, "PySide6 drops a reference to None on each call"
        assert sys.getrefcount(True) - true_before > -50, "PySide6 drops a reference to True on each emit"

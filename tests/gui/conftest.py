from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from convlens.gui.app import make_application
from convlens.gui.main_window import MainWindow


@pytest.fixture()
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "convlens.ini"), QSettings.Format.IniFormat)


@pytest.fixture()
def window(qtbot: object, settings: QSettings) -> Iterator[MainWindow]:
    make_application()
    win = MainWindow(settings)
    win.ask_unsaved = lambda: "discard"  # type: ignore[method-assign]  # no modal dialog on close in tests
    win.ask_recover = lambda _when: False  # type: ignore[method-assign]
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.resize(1280, 800)
    win.show()
    win.start()  # as the app does: the remembered (here: default) runtime and model, from a fresh settings file
    # the default model (the bundled MobileNetV2) is in use before a test chooses another: no load races it
    qtbot.waitUntil(lambda: win.model_info is not None, timeout=60_000)  # type: ignore[attr-defined]
    yield win
    win.close()
    # no dangling engine thread
    assert not win.client.engine_thread.isRunning(), "the engine thread outlived its window"


def load(qtbot: object, window: MainWindow, arch: str, kind: str, path: str = "", timeout: int = 120_000) -> None:
    """Choose a model in the panel and wait until the engine has it."""
    before = window.model_info
    window.model_panel.set_choice(arch, kind, path)
    qtbot.waitUntil(lambda: window.model_info is not None and window.model_info is not before,  # type: ignore[attr-defined]
                    timeout=timeout)


"""The main window is up before torch is imported, and the UI thread never imports it (issue 28, aTrain's check);
nor is pyqtgraph imported before the window is up (half a second of a cold start: ``gui.charts``).

The app is started as a user starts it, in a subprocess with fresh settings: an import spy notes which thread
first imports torch, the app reports when its window is shown and when its first model is in use.
"""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.conftest import ROOT

SPY = """
import sys, threading
class Spy:
    def find_spec(self, name, path=None, target=None):
        if name == "torch":
            print("torch-imported-on", threading.current_thread() is threading.main_thread() and "ui" or "other",
                  flush=True)
            sys.meta_path.remove(self)
        return None
sys.meta_path.insert(0, Spy())
from convlens.gui.app import run_app
sys.exit(run_app([]))
"""


def test_the_window_is_shown_before_torch_is_imported_and_never_on_the_ui_thread(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CONVLENS_STARTUP_REPORT": "1",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", SPY], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    lines = [line.split()[0] + (" " + line.split()[1] if len(line.split()) > 1 else "") for line in out.stdout.splitlines()]
    assert out.returncode == 0, out.stderr[-2000:]
    assert "main-window torch-imported=False pyqtgraph-imported=False" in out.stdout, out.stdout
    assert "torch-imported-on other" in lines, out.stdout  # the engine thread imported it, not the UI thread
    order = [line.split()[0] for line in lines]
    assert order.index("main-window") < order.index("torch-imported-on") < order.index("engine-ready") \
        < order.index("model-ready"), out.stdout


def test_what_is_dropped_before_the_engine_is_ready_opens_once_it_is(qtbot, settings, photos: Path) -> None:
    from convlens.gui.app import make_application
    from convlens.gui.main_window import MainWindow

    photo = sorted(photos.rglob("*.jpg"))[0]
    make_application()
    window = MainWindow(settings)
    window.ask_recover = lambda _when: False  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert not window.client.engine_ready  # the engine answers through the event loop, which has not run yet
    assert not window.images.widget.isEnabled()  # the pages wait, shown
    assert window.statusBar().currentMessage() == "Loading PyTorch and the engine…"  # not "Ready"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    pos = QPointF(10, 10)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                              Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: window.client.engine_ready and window.images.widget.isEnabled(), timeout=60_000)
    assert window.statusBar().currentMessage() == "Ready"
    qtbot.waitUntil(lambda: window.images.gallery_paths() == [str(photo)], timeout=60_000)
    qtbot.waitUntil(lambda: bool(window.images.predictions.top_text()), timeout=60_000)
    window.close()

"""Starting the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from gui.resources import app_icon


def make_application(argv: Sequence[str] = ()) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("ConvLens")
    app.setOrganizationName("ConvLens")
    app.setApplicationDisplayName("ConvLens")
    app.setWindowIcon(app_icon())
    return app  # type: ignore[return-value]


def run_app(args: Sequence[str]) -> int:
    """Open the window; ``args`` are images or folders to open at once."""
    from gui.logs import setup_logging

    log_file = setup_logging()
    app = make_application()
    from gui.main_window import MainWindow

    window = MainWindow(log_file=str(log_file))
    window.show()
    app.aboutToQuit.connect(window.shutdown)
    QTimer.singleShot(0, window.start)
    paths = [a for a in args if not a.startswith("-")]
    if paths:
        QTimer.singleShot(0, lambda: window.open_paths(paths))
    return app.exec()

"""Starting the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from convlens.gui.i18n import LANGUAGES, choose_language, install_language, language_from_args, register_fonts
from convlens.gui.resources import app_icon

#: When this module was first imported: the process start, near enough (the entry point imports it first).
PROCESS_START = __import__("time").perf_counter()


def make_application(argv: Sequence[str] = ()) -> QApplication:
    app = cast(QApplication, QApplication.instance() or QApplication([sys.argv[0], *argv]))  # a widgets app
    app.setApplicationName("ConvLens")
    app.setOrganizationName("ConvLens")
    app.setApplicationDisplayName("ConvLens")
    app.setWindowIcon(app_icon())
    register_fonts(app)  # Hangul on any machine (once)
    return app


def run_app(args: Sequence[str]) -> int:
    """Open the window at once; ``args`` are images or folders to open when the engine is ready.

    A light start window (Qt only) is up within a fraction of a second and takes drops while torch and the
    engine import in the background; the main window then takes its place and opens what was dropped.
    """
    import logging
    import os
    import time

    from convlens.gui.logs import setup_logging
    from convlens.gui.startup import StartWindow, load_in_background

    log_file = setup_logging()
    requested, args = language_from_args(args)
    if requested is not None and requested not in LANGUAGES:
        print(f"convlens: unknown language {requested!r} (use {' or '.join(LANGUAGES)}); using the saved or the "
              "system language", file=sys.stderr)
    app = make_application()
    install_language(app, choose_language(requested))
    start = StartWindow()
    start.pending.extend(a for a in args if not a.startswith("-"))
    start.show()
    app.processEvents()
    log = logging.getLogger("convlens.startup")
    since = time.perf_counter() - PROCESS_START
    log.info("start window up %.2f s after the process started", since)
    report = bool(os.environ.get("CONVLENS_STARTUP_REPORT"))  # bench/bench_cold_start.py reads these lines
    if report:
        print("start-window", flush=True)
    windows: list[object] = []

    def ready(error: BaseException | None) -> None:
        if error is not None:
            start.message.setText(QCoreApplication.translate(
                "StartWindow", "<h2>ConvLens could not start</h2><p>{error}</p><p>See {log}</p>").format(
                error=f"{type(error).__name__}: {error}", log=log_file))
            return
        from convlens.gui.main_window import MainWindow

        window = MainWindow(log_file=str(log_file))
        windows.append(window)
        if start.isVisible():
            window.setGeometry(start.geometry())
        window.show()
        start.close()
        app.aboutToQuit.connect(window.shutdown)
        window.start()
        if start.pending:
            window.open_paths(list(start.pending))
        ready_after = time.perf_counter() - PROCESS_START
        log.info("main window up %.2f s after the process started", ready_after)
        if report:
            print("main-window", flush=True)
            QTimer.singleShot(0, app.quit)

    load_in_background(ready)
    return app.exec()

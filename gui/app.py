"""Starting the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QTimer
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
    """Show the main window at once; ``args`` are images or folders to open when the engine is ready.

    The window is built and shown before torch is imported (tests/gui/test_startup.py holds that); the engine thread
    then loads torch, torchvision and the engine, and the window opens the remembered model and what it was given.
    Until then it takes drops and menus, and its pages say they are waiting (``gui.window_engine``).
    """
    import logging
    import os
    import time

    from convlens.gui.logs import setup_logging
    from convlens.gui.main_window import MainWindow

    log_file = setup_logging()
    requested, args = language_from_args(args)
    if requested is not None and requested not in LANGUAGES:
        print(f"convlens: unknown language {requested!r} (use {' or '.join(LANGUAGES)}); using the saved or the "
              "system language", file=sys.stderr)
    app = make_application()
    install_language(app, choose_language(requested))
    window = MainWindow(log_file=str(log_file))
    window.show()
    app.processEvents()
    log = logging.getLogger("convlens.startup")
    log.info("main window up %.2f s after the process started", time.perf_counter() - PROCESS_START)
    report = bool(os.environ.get("CONVLENS_STARTUP_REPORT"))  # bench/bench_cold_start.py reads these lines
    if report:
        print(f"main-window torch-imported={'torch' in sys.modules} pyqtgraph-imported={'pyqtgraph' in sys.modules}",
              flush=True)
    app.aboutToQuit.connect(window.shutdown)
    window.start()
    paths = [a for a in args if not a.startswith("-")]
    if paths:
        window.open_paths(paths)

    def model_ready(_info: object) -> None:
        log.info("first model in use %.2f s after the process started", time.perf_counter() - PROCESS_START)
        if report:
            print("model-ready", flush=True)
            QTimer.singleShot(0, app.quit)
        window.ctx.model_changed.disconnect(model_ready)

    window.ctx.model_changed.connect(model_ready)
    if report:
        window.client.ready.connect(lambda _error: print("engine-ready", flush=True))
    return app.exec()

"""The main window before the engine has loaded: up at once, torch loading behind it on the engine thread.

The window is built and shown with no torch imported (``tests/gui/test_startup.py`` holds that). Then the engine
thread imports torch, torchvision and the tasks (``EngineClient.load_engine``). Until that is done, the tab pages
wait (shown, not usable), the model panel says so, and whatever needs the engine — the remembered model, files
opened or dropped, a model chosen — waits for it with ``needs_engine`` instead of importing on the UI thread.

The words are in the translators' context "MainWindow" (``QCoreApplication.translate``), like the other parts.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # a part of MainWindow: its attributes are the ones MainWindow.__init__ sets
    _Part = Any
else:
    _Part = object

log = logging.getLogger("convlens.startup")


class WindowEngine(_Part):
    """A part of ``MainWindow``."""

    def _wait_for_engine(self) -> None:
        """Called once, as the window is made: what needs the engine hears when it has loaded."""
        self._made_at = time.perf_counter()
        self.client.when_ready(self._engine_loaded)

    def once_engine(self, fn: Callable[[], object]) -> None:
        """``fn()`` once the engine has loaded (at once if it has; never if it could not)."""
        self.client.when_ready(lambda error: None if error else fn())

    def needs_engine(self, fn: Callable[..., object], *args: Any) -> bool:
        """True if the engine has loaded: go on. Else False, the engine starts loading if it has not, and ``fn(*args)``
        is called once it has (never if it could not load: the window says why)."""
        if self.client.engine_ready:
            return self.client.engine_error is None
        self.once_engine(lambda: fn(*args))
        self.client.load_engine()  # something needs it now (a no-op once asked)
        return False

    def _engine_pending(self) -> None:
        """Shown, not usable yet: the pages wait, the panel says what is loading; then load."""
        for i in range(self.tabs.count()):
            self.tabs.widget(i).setEnabled(False)
        loading = QCoreApplication.translate("MainWindow", "Loading PyTorch and the engine…")
        self.model_panel.status.setText(loading)
        self.statusBar().showMessage(loading)  # not "Ready" while nothing can run yet
        self.client.load_engine()

    def _engine_loaded(self, error: BaseException | None) -> None:
        for i in range(self.tabs.count()):
            self.tabs.widget(i).setEnabled(True)
        if error is not None:
            message = QCoreApplication.translate(
                "MainWindow", "ConvLens could not load PyTorch and its engine: {error}. See {log}").format(
                error=f"{type(error).__name__}: {error}", log=self.client.log_file or "-")
            self.model_panel.show_failed(message)
            self.show_error(message)
            return
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Ready"))
        self.model_panel.set_engine_ready()
        log.info("engine ready %.2f s after the window was made", time.perf_counter() - self._made_at)

"""The main window's runtime choice: PyTorch, ONNX Runtime, OpenVINO, auto, fast, and int8 calibrated on a folder.

The words stay in the translators' context "MainWindow" (``QCoreApplication.translate``), where they were
when this was one class: a mixin's own name is not a context Qt looks in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from convlens.engine.app import tasks
from convlens.gui.i18n import fill
from convlens.gui.settings import Key

if TYPE_CHECKING:  # a part of MainWindow: its attributes are the ones MainWindow.__init__ sets
    from convlens.engine.app.session import ModelInfo
    from convlens.engine.runtime.quantize import QuantizeProgress
    from convlens.gui.jobs import JobError

    _Part = Any
else:
    _Part = object

INT8 = "int8"  # the runtime combo's entry for int8: the runtime setting with its calibration folder beside it


class WindowRuntime(_Part):
    """A part of ``MainWindow``."""

    def _on_runtime_changed(self, runtime: str) -> None:
        if runtime == INT8:
            self._choose_int8()
            return
        self.settings.set(Key.RUNTIME, runtime)
        self.load_job = self.ctx.submit(tasks.set_runtime, runtime,
                                        name=QCoreApplication.translate("MainWindow", "Switching the runtime"),
                                        key="model", exclusive=True, returned=self._on_runtime_set,
                                        errored=self._on_model_failed)

    def _on_runtime_set(self, info: ModelInfo | None) -> None:
        if info is not None:
            self._on_model_loaded(info)

    # ------------------------------------------------------------ int8
    def ask_calibration_folder(self) -> str:
        """The folder of images to calibrate int8 on ("" if none was chosen; tests replace this)."""
        return QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("MainWindow", "Calibrate int8 on a folder of your images (a few hundred "
                                                           "of the kind the model will see)"),
            self.settings.start_folder())

    def _choose_int8(self) -> None:
        folder = self.ask_calibration_folder()
        if not folder or self.model_info is None:
            self.model_panel.set_runtime(self._f32_runtime())
            return
        self._use_int8(folder)

    def _f32_runtime(self) -> str:
        """The runtime to go back to when int8 is not (or no longer) in use."""
        runtime = self.settings.text(Key.RUNTIME) or "auto"
        return "auto" if runtime == INT8 else runtime

    def remembered_int8(self) -> str:
        """At start: the calibration folder to quantize the first model on ("" if int8 was not the choice). A folder
        that is gone is said once, and Auto answers."""
        if self.settings.text(Key.RUNTIME) != INT8:
            return ""
        folder = self.settings.text(Key.INT8_CALIBRATION)
        if folder and Path(folder).is_dir():
            return folder
        self.settings.set(Key.RUNTIME, "auto")
        self._fallback_note = fill(QCoreApplication.translate(
            "MainWindow", "int8 was calibrated on {folder}, which is no longer there: Auto classifies with the model's "
                          "own numbers. Choose Fast int8 again to calibrate on another folder."),
            folder=folder or "?")
        return ""

    def _use_int8(self, folder: str) -> None:
        """Quantize the model in use on ``folder`` as a job; remembered for the next start once it worked."""
        self.model_panel.set_runtime(INT8)
        self.model_panel.show_loading(fill(QCoreApplication.translate("MainWindow", "int8, calibrating on {folder}"),
                                           folder=Path(folder).name))
        self.load_job = self.ctx.submit(tasks.use_int8, folder, name=QCoreApplication.translate("MainWindow", "int8"),
                                        key="model", exclusive=True, yielded=self._on_int8_progress,
                                        returned=lambda info: self._on_int8_done(folder, info),
                                        errored=self._on_int8_failed)

    def _on_int8_done(self, folder: str, info: ModelInfo) -> None:
        self.settings.set(Key.RUNTIME, INT8)
        self.settings.set(Key.INT8_CALIBRATION, folder)
        self._on_model_loaded(info)

    def _on_int8_progress(self, step: QuantizeProgress) -> None:
        words = {"read": QCoreApplication.translate("MainWindow", "reading the calibration images {done}/{total}"),
                 "quantize": QCoreApplication.translate("MainWindow", "quantizing (NNCF)…"),
                 "check": QCoreApplication.translate("MainWindow", "checking against f32 {done}/{total}")}
        self.statusBar().showMessage(fill(words.get(step.phase, step.phase), done=step.done, total=step.total))

    def _on_int8_failed(self, error: JobError) -> None:
        if self.settings.text(Key.RUNTIME) == INT8:  # the remembered int8 cannot be made now: Auto from here on
            self.settings.set(Key.RUNTIME, "auto")
        self.model_panel.set_runtime(self._f32_runtime())
        self.model_panel.show_in_use(self.model_info, self.unsaved_model)
        self.show_error(error.message)

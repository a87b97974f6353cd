"""The Live tab's snapshot and recording: samples into class folders, their counts, deleting the last ones.

The words stay in the translators' context "LiveView" (``QCoreApplication.translate``), where they were when this
was one class: a mixin's own name is not a context Qt looks in."""


from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
)

from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.recording import DatasetRecorder, check_class_name
from convlens.gui.i18n import error_text

if TYPE_CHECKING:  # a part of LiveView: its attributes are the ones LiveView.__init__ sets
    _Part = Any
else:
    _Part = object


class LiveRecording(_Part):
    """A part of ``LiveView``: snapshot and recording."""

    recording_class: str | None

    def snapshot_image(self) -> np.ndarray | None:
        if self.paused and self.last_result is not None:
            return self.last_result.frame.image
        frame = self.canvas.frame
        if frame is None:
            return None
        frame = frame.convertToFormat(QImage.Format.Format_RGB888)
        ptr = frame.constBits()
        arr = np.frombuffer(ptr, np.uint8).reshape(frame.height(), frame.bytesPerLine())[:, : frame.width() * 3]
        return arr.reshape(frame.height(), frame.width(), 3).copy()

    def save_snapshot(self, path: str) -> bool:
        image = self.snapshot_image()
        if image is None:
            return False
        self.save_snapshot_image(path, image)
        return True

    def save_snapshot_image(self, path: str, image: np.ndarray) -> None:
        self.save_image_requested.emit(path, np.ascontiguousarray(image).copy())

    def ask_snapshot_path(self) -> str:
        """The file to save a snapshot to (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("LiveView", "Save snapshot"), str(Path.home() / "snapshot.png"),
                                              QCoreApplication.translate("LiveView", "Images (*.png *.jpg)"))
        return path

    def _snapshot_dialog(self) -> None:
        image = self.snapshot_image()  # the frame shown when the button was pressed, not when the dialog closes
        if image is None:
            return
        path = self.ask_snapshot_path()
        if path:
            self.save_snapshot_image(path, image)

    def set_dataset(self, folder: str) -> None:
        self.recorder = DatasetRecorder(folder) if folder else None
        self.dataset_label.setText(folder or QCoreApplication.translate("LiveView", "No dataset folder"))
        self.record_button.setEnabled(self.running and self.recorder is not None)
        self.refresh_counts()

    def _choose_dataset(self) -> None:
        start = str(self.recorder.root) if self.recorder else str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, QCoreApplication.translate("LiveView", "Dataset folder (one subfolder per class)"), start)
        if folder:
            self.set_dataset(folder)
            self.options_changed.emit()

    def start_recording(self) -> None:
        if not self.running or self.recorder is None or self.recording_class:
            return
        name = self.class_name.text().strip()
        self.recording_class = name
        self.canvas.recording = QCoreApplication.translate("LiveView", "recording {name}").format(name=name)
        self.record_changed.emit(name, self.rate.value())
        self.counts_timer.start()

    def stop_recording(self) -> None:
        if not self.recording_class:
            return
        self.recording_class = None
        self.canvas.recording = ""
        self.record_changed.emit(None, self.rate.value())
        self.counts_timer.stop()
        QTimer.singleShot(300, self.refresh_counts)  # the capture thread may write one more

    def refresh_counts(self) -> None:
        if self.recorder is None:
            self.counts.clear()
            return
        self.counts_requested.emit()

    def show_counts(self, counts: dict[str, int]) -> None:
        self._counts = dict(counts)
        self.counts.clear()
        for name, n in counts.items():
            self.counts.addItem(f"{name}: {n}")

    def confirm_delete(self, name: str, n: int) -> bool:
        """Ask before deleting recorded samples (tests replace this)."""
        answer = QMessageBox.question(
            self, QCoreApplication.translate("LiveView", "Delete samples"),
            QCoreApplication.translate("LiveView", "Delete the {n} most recent samples of \"{name}\"? This cannot be undone.").format(n=n, name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _delete_last(self) -> None:
        if self.recorder is None:
            self.message.emit(QCoreApplication.translate("LiveView", "Choose a dataset folder first."))
            return
        name = self.class_name.text().strip()
        try:
            check_class_name(name)
        except ConvLensError as exc:  # no class name, or one that cannot be a folder
            self.message.emit(error_text(exc))
            return
        n = min(self.delete_n.value(), self._counts.get(name, 0))  # only what exists
        if n == 0:
            self.info.emit(QCoreApplication.translate("LiveView", "{name} has no recorded samples to delete.").format(name=name))
            return
        if self.confirm_delete(name, n):
            self.delete_requested.emit(name, n)

    def on_deleted(self, name: str, gone: int, counts: dict[str, int]) -> None:
        self.show_counts(counts)
        if gone:
            self.info.emit(QCoreApplication.translate("LiveView", "Deleted {n} samples of {name}.").format(n=gone, name=name))
        else:
            self.info.emit(QCoreApplication.translate("LiveView", "{name} has no recorded samples to delete.").format(name=name))

    def _class_name_entered(self) -> None:
        self.canvas.setFocus()  # so that holding R records instead of typing

    def _open_dataset(self) -> None:
        if self.recorder is not None:
            self.recorder.root.mkdir(parents=True, exist_ok=True)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.recorder.root)))

    def dataset_root(self) -> Path | None:
        return self.recorder.root if self.recorder else None


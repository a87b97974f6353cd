"""What the main window opens and writes: files and folders given, dropped or pasted; export and checkpoints.

The words stay in the translators' context "MainWindow" (``QCoreApplication.translate``), where they were
when this was one class: a mixin's own name is not a context Qt looks in."""


from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
)

from convlens.engine.app import tasks
from convlens.engine.data.images import IMAGE_SUFFIXES
from convlens.gui.i18n import fill
from convlens.gui.model_panel import WEIGHTS_SUFFIXES
from convlens.gui.projects import PROJECT_SUFFIX
from convlens.gui.settings import Key

DEFAULT_ARCH = "mobilenet_v2"
#: What to do with a trained model that was not saved.
UnsavedAnswer = Literal["save", "discard", "cancel"]


if TYPE_CHECKING:  # a part of MainWindow: its attributes are the ones MainWindow.__init__ sets
    from convlens.engine.core.choices import ExportFormat
    from convlens.engine.runtime.export import ParityReport
    from convlens.engine.runtime.export_int8 import Int8ExportReport
    from convlens.gui.jobs import Job

    _Part = Any
else:
    _Part = object


class WindowFiles(_Part):
    """A part of ``MainWindow``."""

    def export_model_dialog(self) -> None:
        if self.model_info is None:
            self.show_error(QCoreApplication.translate("MainWindow", "Load or train a model first."))
            return
        start = str(Path(self.settings.start_folder()) / f"{self.model_info.arch}.onnx")
        filters = {  # the filter chosen names the format; int8 is calibrated on a folder of the user's images
            QCoreApplication.translate("MainWindow", "ONNX (*.onnx)"): "onnx",
            QCoreApplication.translate("MainWindow", "TorchScript (*.pt)"): "torchscript",
            QCoreApplication.translate("MainWindow", "OpenVINO int8, calibrated on your images (*.xml)"): "openvino-int8",
            QCoreApplication.translate("MainWindow", "ONNX int8, calibrated on your images (*.onnx)"): "onnx-int8",
        }
        path, chosen = QFileDialog.getSaveFileName(self, QCoreApplication.translate("MainWindow", "Export the model"), start,
                                                   ";;".join(filters))
        if not path:
            return
        fmt: ExportFormat = filters.get(chosen) or ("torchscript" if path.lower().endswith((".pt", ".pth")) else "onnx")  # type: ignore[assignment]
        calibration = None
        if fmt.endswith("-int8"):
            path = str(Path(path).with_suffix(".xml" if fmt == "openvino-int8" else ".onnx"))
            calibration = self.ask_calibration_folder()
            if not calibration:
                return
        self.export_model(path, fmt, calibration)

    def export_model(self, path: str, fmt: ExportFormat, calibration: str | None = None) -> Job:
        """Export the model in use; parity is checked on the open images (or the folder's); int8 is calibrated on the
        folder ``calibration`` and its agreement with f32 measured there."""
        images = self.images.gallery_paths() or [r.source for r in self.folder.results() if not r.error]
        self.statusBar().showMessage(fill(QCoreApplication.translate("MainWindow", "Exporting to {file} and checking parity…"), file=path))
        return self.ctx.submit(tasks.export_model, path, fmt, images, calibration,
                               name=QCoreApplication.translate("MainWindow", "Export"), exclusive=True,
                               returned=lambda report: self._on_export_done(path, report))

    def _on_export_done(self, path: str, report: ParityReport | Int8ExportReport) -> None:
        text = QCoreApplication.translate("MainWindow", "Exported {file}: {parity}").format(file=Path(path).name, parity=report.summary())
        if report.ok:
            self.banner.show_message(text, "info")
        else:
            self.show_error(text + QCoreApplication.translate("MainWindow", " — the exported model does not behave like this one."))
        self.statusBar().showMessage(text, 15000)

    def save_checkpoint_dialog(self, wait: bool = False) -> bool:
        start = str(Path(self.settings.start_folder()) / "convlens_model.pth")
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("MainWindow", "Save the trained model"), start,
                                              QCoreApplication.translate("MainWindow", "ConvLens checkpoint (*.pth)"))
        if not path:
            return False
        job = self.save_checkpoint(path)
        if wait:  # before quitting or replacing the model: the file must be written first
            from convlens.gui.jobs import wait_for

            try:
                wait_for(job, timeout=300)
            except Exception:
                return False
        return True

    def save_checkpoint(self, path: str) -> Job:
        return self.ctx.submit(tasks.save_checkpoint, path, name=QCoreApplication.translate("MainWindow", "Saving the model"), exclusive=True,
                           returned=self._on_checkpoint_saved)

    def _on_checkpoint_saved(self, path: str) -> None:
        self.ctx.unsaved_model = False
        self.model_panel.show_in_use(self.model_info, False)
        self.update_title()
        self.ctx.add_recent(path)
        self.banner.show_message(QCoreApplication.translate("MainWindow", "Saved {file}: open it as a weights file to use it again.").format(
            file=path), "info")

    def open_paths(self, paths: list[str]) -> None:
        """What the command line, a drop or the file manager gives: a ``.convlens`` project is opened; a weights
        file is loaded (the model first, so the images are classified by it); images go to the gallery; folders
        are classified in Folder results."""
        if not self.needs_engine(self.open_paths, paths):
            return
        candidates = [Path(p) for p in paths]
        if not candidates:
            return
        projects = [p for p in candidates if p.suffix.lower() == PROJECT_SUFFIX]
        if projects:
            if len(projects) > 1:
                self.show_info(fill(QCoreApplication.translate("MainWindow", "One project at a time: opening {file}."), file=projects[0].name))
            self.projects.open(str(projects[0]))
            candidates = [p for p in candidates if p not in projects]
        missing = [p for p in candidates if not p.exists()]
        if missing:
            self.show_error(QCoreApplication.translate("MainWindow", "Not found: {files}").format(files=", ".join(str(p) for p in missing)))
            candidates = [p for p in candidates if p.exists()]
        weights = [p for p in candidates if p.is_file() and p.suffix.lower() in WEIGHTS_SUFFIXES]
        if weights:
            if len(weights) > 1:
                self.show_info(fill(QCoreApplication.translate("MainWindow", "One model at a time: loading {file} ({n} weights files were given)."),
                    file=weights[-1].name, n=len(weights)))
            self.model_panel.set_weights_file(str(weights[-1]))
            candidates = [p for p in candidates if p not in weights]
        folders = [p for p in candidates if p.is_dir()]
        images = [str(p) for p in candidates if not p.is_dir()]
        if folders:  # Folder results; the strip stays for the images named with them
            self.folder.classify(folders, keep_gallery=bool(images))
        if images:
            self.settings.set(Key.LAST_FOLDER, str(Path(images[0]).parent))
            self.images.set_gallery(images)

    def open_images_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, QCoreApplication.translate("MainWindow", "Open images"), self.settings.start_folder(),
            QCoreApplication.translate("MainWindow", "Images ({patterns});;All files (*)").format(
                patterns=" ".join(f"*{s}" for s in sorted(IMAGE_SUFFIXES))))
        if paths:
            self.open_paths(paths)

    def open_folder_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self, QCoreApplication.translate("MainWindow", "Classify a folder"), self.settings.start_folder())
        if path:
            self.open_paths([path])

    def paste(self) -> None:
        mime = QApplication.clipboard().mimeData()
        if mime is not None and mime.hasUrls():
            local = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
            if local:
                self.open_paths(local)
                return
        image = QApplication.clipboard().image()
        if image.isNull():
            self.show_error(QCoreApplication.translate("MainWindow", "The clipboard holds no image."))
            return
        self._paste_count += 1
        self._show_image_bytes(qimage_to_png(image), QCoreApplication.translate("MainWindow", "pasted image {n}").format(n=self._paste_count))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        local = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if local:
            event.acceptProposedAction()
            self.open_paths(local)
        elif mime.hasImage():
            event.acceptProposedAction()
            self._paste_count += 1
            self._show_image_bytes(qimage_to_png(QImage(mime.imageData())),
                                   QCoreApplication.translate("MainWindow", "dropped image {n}").format(n=self._paste_count))

    def _show_image_bytes(self, data: bytes, name: str) -> None:
        """A pasted or dropped picture: classified now, or as soon as the engine has loaded."""
        if self.needs_engine(self._show_image_bytes, data, name):
            self.images.show_image_bytes(data, name)


def qimage_to_png(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; PySide6 takes a str
    return bytes(buffer.data().data())


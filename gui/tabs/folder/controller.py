"""Folder results: every image under the dropped folders classified in batches, a sortable table, CSV export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, assert_never

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from convlens.engine.app import tasks
from convlens.engine.runtime.results import BatchProgress
from convlens.gui.settings import Key
from convlens.gui.tabs.folder.view import FolderView

if TYPE_CHECKING:
    from convlens.engine.runtime.results import ImageResult
    from convlens.gui.jobs import Job, JobError
    from convlens.gui.tabs.context import AppContext
    from convlens.gui.tabs.images.controller import ImagesController


class FolderController(QObject):
    """Owns the folder table and the folder job (the scan runs on the engine thread too) and CSV export."""

    def __init__(self, ctx: AppContext, images: ImagesController) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.images = images
        self.view = FolderView()
        self.job: Job | None = None
        self.roots: list[str] = []
        self._keep_gallery = False  # what the table shows: the folders and files last classified
        self.view.cancel_requested.connect(self._cancel)
        self.view.export_requested.connect(self.export_csv_dialog)
        self.view.row_activated.connect(images.show_existing)

    def results(self) -> list[ImageResult]:
        return list(self.view.results)

    def classify(self, paths: list[Path], keep_gallery: bool = False) -> None:
        """Find and classify every image under ``paths``; their files fill the thumbnail strip unless
        ``keep_gallery`` (images opened with the folder keep it)."""
        self._keep_gallery = keep_gallery
        self.ctx.show_tab(self.view)
        self.roots = [str(p) for p in paths]
        folder = next((p for p in paths if p.is_dir()), paths[0])
        self.ctx.settings.set(Key.LAST_FOLDER, str(folder))
        self.ctx.add_recent(str(folder))
        what = ", ".join(p.name for p in paths[:3]) + ("…" if len(paths) > 3 else "")
        self.view.state.start()
        self.view.scanning(what)
        self.job = self.ctx.submit(
            tasks.classify_folder, [str(p) for p in paths], max(5, self.images.topk),
            name=self.tr("Classifying {what}").format(what=what), key="folder",
            yielded=self._on_step, returned=self._on_done, errored=self._on_failed, aborted=self._on_cancelled)

    def _cancel(self) -> None:
        if self.job is not None and self.job.is_running:
            self.job.quit()

    def _on_step(self, step: tasks.FolderScan | tasks.RuntimeChanged | BatchProgress | None) -> None:
        match step:
            case tasks.FolderScan():
                self.view.state.start(len(step.files))
                self.view.start(len(step.files), step.what, self.ctx.model_name())
                if not self._keep_gallery:
                    self.images.show_folder_files(list(step.files))
            case tasks.RuntimeChanged():
                self.ctx.move_runtime(step.info)
            case BatchProgress():
                self.view.state.add(step.results, step.done, step.total)
            case None:
                pass
            case _:
                assert_never(step)

    def _on_done(self, _count: int) -> None:
        self.view.state.finish(False)
        self.view.finish(False)
        self.ctx.status(self.view.summary_text(), 10000)

    def _on_failed(self, error: JobError) -> None:
        self.view.state.finish(False)
        self.view.finish(False, error.message)
        self.ctx.show_error(error.message)

    def _on_cancelled(self) -> None:
        self.view.state.finish(True)
        self.view.finish(True)

    def export_csv_dialog(self) -> None:
        if not self.view.results:
            self.ctx.show_error(self.tr("Nothing to export yet: drop a folder of images first."))
            return
        start = str(Path(self.ctx.settings.start_folder()) / "convlens_results.csv")
        path, _ = QFileDialog.getSaveFileName(self.view, self.tr("Export results as CSV"), start,
                                              self.tr("CSV (*.csv)"))
        if path:
            self.export_csv(path)

    def export_csv(self, path: str) -> Job:
        """Write the results as CSV (on the engine thread; the status bar says when it is written)."""
        return self.ctx.submit(tasks.write_results_csv, path, self.view.results_in_view_order(),
                               name=self.tr("Writing {file}").format(file=Path(path).name),
                               returned=lambda written: self.ctx.status(self.tr("Saved {file}").format(file=written),
                                                                        8000))

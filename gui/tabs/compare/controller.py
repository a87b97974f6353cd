"""Compare tab: the current image, the live frame or a folder through 2-4 models side by side (``engine.evaluation.compare``
on the engine thread)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from convlens.engine.app import tasks
from convlens.engine.app.live import model_view
from convlens.gui.settings import Key
from convlens.gui.tabs.compare.layers_dialog import LayerSimilarityDialog
from convlens.gui.tabs.compare.view import FOLDER_LIMIT, CompareView

if TYPE_CHECKING:
    from convlens.engine.app.tasks import LayersCompared
    from convlens.engine.evaluation.compare import CompareProgress, Comparison
    from convlens.engine.evaluation.diff import DiffProgress
    from convlens.gui.jobs import Job, JobError
    from convlens.gui.tabs.context import AppContext
    from convlens.gui.tabs.images.controller import ImagesController
    from convlens.gui.tabs.live.controller import LiveController


class CompareController(QObject):
    """Owns the Compare tab's view and its job (cancellable between models)."""

    def __init__(self, ctx: AppContext, images: ImagesController, live: LiveController) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.images = images
        self.live = live
        self.view = CompareView()
        self.job: Job | None = None
        self.view.compare_requested.connect(self.start)
        self.view.cancel_requested.connect(self._cancel)
        self.view.layers_requested.connect(self.compare_layers)
        self.layers_dialog: LayerSimilarityDialog | None = None
        self.restore()

    def restore(self) -> None:
        """The slots as they were last used (remembered in the settings)."""
        try:
            saved = json.loads(self.ctx.settings.text(Key.COMPARE_SLOTS, "[]"))
        except json.JSONDecodeError:
            saved = []
        for slot, state in zip(self.view.slots, saved if isinstance(saved, list) else [], strict=False):
            if isinstance(state, dict):
                slot.restore(state)

    def save_slots(self) -> None:
        self.ctx.settings.set(Key.COMPARE_SLOTS, json.dumps([slot.state() for slot in self.view.slots]))

    def start(self, specs: list[str], depth: float, source: str = "image", folder: str = "") -> None:
        sources: list[object] = []
        names: list[str] = []
        if source == "live":
            last = self.live.view.last_result
            if last is None:
                self.ctx.show_error(self.tr("Start the Live tab first: the models are compared on its current frame."))
                return
            v = self.live.view  # what the live model sees: mirrored and cropped as the Live tab shows it
            sources = [model_view(last.frame.image, v.mirrored, v.cropped).copy()]
            names = [self.tr("live frame {n}").format(n=last.frame.index)]
        elif source == "folder":
            if not folder:
                return
        else:
            current = self.images.current_source()
            if current is None:
                self.ctx.show_error(self.tr("Open an image first: the models are compared on the current image."))
                return
            sources = [current]
        self.ctx.clear_error()
        self.save_slots()
        self.view.running(self.tr("Comparing {n} models…").format(n=len(specs)))
        self.job = self.ctx.submit(tasks.compare_models, sources, specs, self.images.topk, depth, folder,
                                   FOLDER_LIMIT, names, name=self.tr("Comparing models"), key="compare",
                                   yielded=self._on_step, returned=self._on_done, errored=self._on_failed,
                                   aborted=self._on_cancelled)

    def compare_layers(self, specs: list[str], folder: str) -> Job:
        """Linear CKA between every layer of two models on ``folder``'s images; the heat map opens when done."""
        self.ctx.clear_error()
        self.save_slots()
        self.view.running(self.tr("Comparing the layers of {a} and {b}…").format(a=specs[0], b=specs[1]))
        self.job = self.ctx.submit(tasks.compare_layers, folder, specs, name=self.tr("Comparing layers"),
                                   key="compare", yielded=self._on_layers_step, returned=self._on_layers_done,
                                   errored=self._on_failed, aborted=self._on_cancelled)
        return self.job

    def _on_layers_step(self, step: DiffProgress) -> None:
        text = self.tr("Model {i} of {n}: {model}…").format(i=step.model, n=2, model=step.spec)
        if step.total:
            text += f" {step.done}/{step.total}"
        self.view.running(text)

    def _on_layers_done(self, result: LayersCompared) -> None:
        first, second = result.diff.names
        self.view.finish(self.tr("Layers of {a} and {b} compared on {n} images.").format(
            a=first, b=second, n=len(result.diff.images)))
        if self.layers_dialog is not None:
            self.layers_dialog.close()
        self.layers_dialog = LayerSimilarityDialog(result, self.view)
        self.layers_dialog.show()

    def _cancel(self) -> None:
        if self.job is not None and self.job.is_running:
            self.job.quit()

    def _on_step(self, step: CompareProgress) -> None:
        text = self.tr("Model {i} of {n}: {model}…").format(i=step.model, n=step.total, model=step.spec)
        if step.download is not None and step.download.total:
            text += f" {100 * step.download.done / step.download.total:.0f}%"
        self.view.running(text)

    def _on_done(self, comparison: Comparison) -> None:
        self.view.show_comparison(comparison)

    def _on_failed(self, error: JobError) -> None:
        self.view.finish(error.message)
        self.ctx.show_job_error(error)

    def _on_cancelled(self) -> None:
        self.view.finish(self.tr("Cancelled."))

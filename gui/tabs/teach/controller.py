"""Teach tab: fine-tune (or train from scratch) on a folder of class subfolders; evaluate on a folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

from PySide6.QtCore import QObject, Signal

from convlens.engine.app import tasks
from convlens.engine.training.config import EpochStats, TrainProgress
from convlens.gui.i18n import engine_text, fill
from convlens.gui.settings import Key
from convlens.gui.tabs.images.controller import MAX_THUMBNAILS
from convlens.gui.tabs.teach.health import HealthDialog
from convlens.gui.tabs.teach.label_review import LabelReviewDialog
from convlens.gui.tabs.teach.view import TeachView

if TYPE_CHECKING:
    from convlens.engine.app.session import ModelInfo
    from convlens.engine.evaluation.embedding import Embedding, Move
    from convlens.engine.evaluation.health import HealthReport
    from convlens.engine.evaluation.label_issues import LabelProgress, LabelReview, LabelSuspect
    from convlens.engine.models.metrics import EvaluationReport
    from convlens.engine.runtime.results import BatchProgress
    from convlens.engine.training.config import TrainConfig
    from convlens.gui.jobs import Job, JobError
    from convlens.gui.tabs.context import AppContext
    from convlens.gui.tabs.images.controller import ImagesController
    from convlens.gui.tabs.live.controller import LiveController
    from convlens.gui.tabs.teach.data_map import EmbeddingDialog


class TeachController(QObject):
    """Owns the teach view and the training and evaluation jobs."""

    save_requested = Signal()  # save the trained model (the window asks where)

    def __init__(self, ctx: AppContext, images: ImagesController, live: LiveController) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.images = images
        self.live = live
        self.view = TeachView()
        self.job: Job | None = None
        v = self.view
        v.train_requested.connect(self.start_training)
        v.cancel_requested.connect(self._cancel)
        v.save_requested.connect(self.save_requested)
        v.use_recorded_requested.connect(self._use_recorded_dataset)
        v.evaluate_requested.connect(self.evaluate_folder)
        v.check_requested.connect(self.check_data)
        self.health_dialog: HealthDialog | None = None
        ctx.model_changed.connect(self._on_model_changed)
        v.thumbnails_needed.connect(self._load_cell_thumbnails)
        v.unknown_far_changed.connect(self.set_unknown_far)
        v.map_requested.connect(self.data_map)
        v.labels_requested.connect(self.find_wrong_labels)
        self.label_dialog: LabelReviewDialog | None = None
        self.map_dialog: EmbeddingDialog | None = None
        v.unknown_tune_requested.connect(self.tune_unknown)
        v.image_chosen.connect(lambda path: images.show_with_cam(self.view.cell_paths(), path))
        v.mistake_chosen.connect(self._show_mistake)
        v.bundle_requested.connect(self.export_bundle)
        #: (architecture, weights: "pretrained" | "random" | a file) the training starts from; set by the window
        self.starting_model: Callable[[], tuple[str, str]] = lambda: ("", "pretrained")
        #: called just before a training is submitted (the window autosaves the session then)
        self.before_training: Callable[[], object] = lambda: None

    def export_bundle(self, folder: str, data: str, val_data: str, config: TrainConfig) -> Job:
        """The training as set up here, written as a bundle for a bigger machine (``engine.training.bundle``)."""
        arch, weights = self.starting_model()
        return self.ctx.submit(tasks.write_training_bundle, folder, arch, weights, data, val_data, config,
                               name=self.tr("Writing the training bundle"), key="bundle",
                               returned=self._on_bundle_written)

    def _on_bundle_written(self, folder: str) -> None:
        self.view.status.setText(self.tr("Training bundle written to {folder}. On the bigger machine: ./run.sh "
                                         "/path/to/the/images (README.txt says more); then Load the trained model.")
                                 .format(folder=folder))
        self.ctx.status(self.tr("Training bundle written to {folder}").format(folder=folder), 10000)

    def _show_mistake(self, path: str, true: str, predicted: str) -> None:
        """The CAMs of a wrong prediction's predicted and true class, side by side in the gallery."""
        panel = self.view.mistake
        self.ctx.submit(tasks.class_cams, path, [predicted, true], name=self.tr("The class activation maps"),
                        key="mistake", returned=lambda cams: panel.show_cams(path, cams),
                        errored=lambda error: panel.show_failed(error.message))

    def _on_model_changed(self, info: ModelInfo) -> None:
        if not self.view.running:
            self.view.show_unknown(info.unknown_curve, info.unknown)
            if not self.ctx.unsaved_model:  # other weights: "Done. The trained model is now the current..." is over
                self.view.status.setText(self.tr("Pick a folder of class subfolders, then Train."))

    def restore(self) -> None:
        self.view.set_data_folder(self.ctx.settings.text(Key.TRAIN_DATA))

    def set_selected_layer(self, layer: str) -> None:
        self.view.set_selected_layer(layer)

    def choose_evaluation_folder(self) -> None:
        self.view.choose_evaluation_folder()

    # ------------------------------------------------------------ training
    def start_training(self, data: str, val_data: str, config: TrainConfig) -> None:
        if self.ctx.model_info is None:
            self.ctx.show_error(self.tr("Load a model first: it is the starting point of the fine-tune."))
            return
        if not data:
            self.ctx.show_error(self.tr("Choose a training folder: one subfolder of images per class."))
            return
        self.before_training()
        self.view.state.start()
        self.job = self.ctx.submit(tasks.train, data, config, val_data, name=self.tr("Training"), key="train",
                                   exclusive=True, yielded=self._on_step, returned=self._on_finished,
                                   errored=self._on_failed, aborted=self._on_cancelled)
        self.ctx.settings.set(Key.TRAIN_DATA, data)

    def _cancel(self) -> None:
        if self.job is not None and self.job.is_running:
            self.job.quit()

    def _on_step(self, step: tasks.TrainStatus | TrainProgress | EpochStats) -> None:
        match step:
            case tasks.TrainStatus():
                self.view.on_status(engine_text(step.text))
            case TrainProgress():
                self.view.on_progress(step)
            case EpochStats():
                self.view.on_epoch(step)
            case _:
                assert_never(step)

    def _on_finished(self, done: tasks.TrainFinished) -> None:
        assert done.info is not None  # the window trains in one process: the trained model is installed
        self.ctx.set_model(done.info, trained=True)
        self.view.state.finish(done.result, done.findings)  # after: its unknown curve comes with the reason when there is no threshold
        self.ctx.status(self.tr("Training done: validation accuracy {acc:.1f}%").format(
            acc=100 * done.result.val_accuracy), 10000)

    def _on_failed(self, error: JobError) -> None:
        self.view.state.end()
        self.view.on_failed(error.message, False)
        self.ctx.show_error(error.message)

    def _on_cancelled(self) -> None:
        self.view.state.end()
        self.view.on_failed(self.tr("Training cancelled; the previous model stays in use."), True)

    def _use_recorded_dataset(self) -> None:
        root = self.live.dataset_root()
        if root is None:
            self.ctx.show_error(self.tr("No dataset recorded yet: choose a dataset folder in the Live tab."))
            return
        self.view.set_data_folder(str(root))

    # ------------------------------------------------------------ evaluation
    def check_data(self, folder: str, val_folder: str = "") -> Job | None:
        """The health check of the training folder, shown in a dialog when done."""
        if not folder:
            self.ctx.show_error(self.tr("Choose a training folder: one subfolder of images per class."))
            return None
        self.view.check_button.setEnabled(False)
        job = self.ctx.submit(tasks.check_data, folder, val_folder, name=self.tr("Checking {folder}").format(
            folder=Path(folder).name), key="check", returned=self._on_checked, finished=self._on_check_finished)
        return job

    def _on_checked(self, report: HealthReport) -> None:
        self.health_dialog = HealthDialog(report, self.view)
        self.health_dialog.show()

    def _on_check_finished(self) -> None:
        self.view.check_button.setEnabled(True)

    def evaluate_folder(self, folder: str) -> Job | None:
        """Accuracy, per-class report and confusion matrix of the current model on ``folder``."""
        if self.ctx.model_info is None:
            self.ctx.show_error(self.tr("Load a model first: the evaluation measures the current model."))
            return None
        self.ctx.show_tab(self.view)
        self.view.on_evaluation_started(folder)
        return self.ctx.submit(tasks.evaluate, folder, max(5, self.images.topk),
                               name=fill(self.tr("Evaluating on {folder}"), folder=Path(folder).name),
                               key="evaluate", yielded=self._on_evaluation_step, returned=self._on_evaluation_done,
                               errored=self._on_evaluation_failed)

    def _on_evaluation_step(self, step: BatchProgress) -> None:
        self.view.on_evaluation_progress(step.done, step.total)

    def _on_evaluation_done(self, report: EvaluationReport) -> None:
        self.view.state.evaluated(report)
        self.view.on_evaluation_finished(report)
        self.ctx.status(self.tr("Evaluation: top-1 accuracy {a:.1f}% on {n} images").format(
            a=100 * report.accuracy(1), n=report.total), 10000)

    def _on_evaluation_failed(self, error: JobError) -> None:
        self.view.on_evaluation_failed(error.message)
        self.ctx.show_error(error.message)

    # ------------------------------------------------------------ data map
    def data_map(self, folder: str) -> Job | None:
        """Every image of ``folder`` in 2-D as the current model sees it; opens the map when done."""
        if self.ctx.model_info is None:
            self.ctx.show_error(self.tr("Load a model first: the data map shows what the current model sees."))
            return None
        if not folder:
            self.ctx.show_error(self.tr("Choose a training folder: one subfolder of images per class."))
            return None
        self.view.map_button.setEnabled(False)
        self._map_folder = folder
        return self.ctx.submit(tasks.embed, folder, name=self.tr("Data map of {folder}").format(
            folder=Path(folder).name), key="embed", yielded=self._on_evaluation_step, returned=self._on_embedded,
            finished=self._on_map_finished)

    def _on_map_finished(self) -> None:
        self.view.map_button.setEnabled(True)

    def _on_embedded(self, embedding: Embedding) -> None:
        from convlens.gui.tabs.teach.data_map import EmbeddingDialog  # pyqtgraph: not at start (gui.charts)

        dialog = EmbeddingDialog(embedding, self._map_folder, self.view)
        dialog.image_chosen.connect(self.images.show_with_cam)
        dialog.move_requested.connect(self._move_files)
        dialog.undo_requested.connect(self._undo_move)
        self.map_dialog = dialog
        dialog.show()

    def _move_files(self, paths: list, root: str, class_name: str) -> None:
        if self.map_dialog is not None:
            self.ctx.submit(tasks.move_to_class, paths, root, class_name, name=self.tr("Moving files"),
                            key="move", returned=self.map_dialog.on_moved)

    def _undo_move(self, move: Move) -> None:
        if self.map_dialog is not None:
            self.ctx.submit(tasks.undo_moves, move, name=self.tr("Undoing the move"), key="move",
                            returned=self.map_dialog.on_undone)

    # ------------------------------------------------------------ wrong labels
    def find_wrong_labels(self, folder: str) -> Job | None:
        """The suspect labels of ``folder`` with the current model's features; opens the review when done."""
        if self.ctx.model_info is None:
            self.ctx.show_error(self.tr("Load a model first: wrong labels are found with the current model's "
                                        "features."))
            return None
        if not folder:
            self.ctx.show_error(self.tr("Choose a training folder: one subfolder of images per class."))
            return None
        self.view.labels_button.setEnabled(False)
        return self.ctx.submit(tasks.find_wrong_labels, folder, name=self.tr("Wrong labels in {folder}").format(
            folder=Path(folder).name), key="labels", yielded=self._on_label_step, returned=self._on_labels_found,
            finished=lambda: self.view.labels_button.setEnabled(True))

    def _on_label_step(self, step: LabelProgress) -> None:
        if step.stage == "features":
            self.view.on_evaluation_progress(step.done, step.total)
        else:
            self.view.status.setText(self.tr("Cross-validating the head: fold {i} of {k}").format(i=step.done,
                                                                                                   k=step.total))

    def _on_labels_found(self, review: LabelReview) -> None:
        self.view.status.setText(self.tr("{n} suspect labels in {folder}").format(n=len(review.suspects),
                                                                                 folder=Path(review.root).name))
        if self.label_dialog is not None:
            self.label_dialog.close()
        dialog = LabelReviewDialog(review, self.view)
        dialog.cams_requested.connect(self._label_cams)
        dialog.move_requested.connect(self._move_suspect)
        dialog.undo_requested.connect(self._undo_suspect_move)
        dialog.open_requested.connect(lambda path: self.images.show_with_cam([path], path))
        self.label_dialog = dialog
        dialog.start()
        dialog.show()

    def _label_cams(self, suspect: LabelSuspect) -> None:
        dialog = self.label_dialog
        if dialog is not None:
            self.ctx.submit(tasks.label_cams, dialog.review, suspect, name=self.tr("The class activation maps"),
                            key="label_cams", returned=lambda cams: dialog.show_cams(suspect, cams),
                            errored=lambda error: dialog.show_cam_error(error.message))

    def _move_suspect(self, paths: list, root: str, class_name: str) -> None:
        dialog = self.label_dialog
        if dialog is not None:
            def failed(error: JobError) -> None:
                self.ctx.show_error(error.message)
                dialog.on_move_failed()

            self.ctx.submit(tasks.move_to_class, paths, root, class_name, name=self.tr("Moving files"), key="move",
                            returned=dialog.on_moved, errored=failed)

    def _undo_suspect_move(self, move: Move) -> None:
        dialog = self.label_dialog
        if dialog is not None:
            self.ctx.submit(tasks.undo_moves, move, name=self.tr("Undoing the move"), key="move",
                            returned=dialog.on_undone)

    # ------------------------------------------------------------ unknown threshold
    def set_unknown_far(self, far: float) -> Job | None:
        """Re-choose the current model's unknown threshold on its curve for another false-accept target."""
        if self.ctx.model_info is None:
            return None
        return self.ctx.submit(tasks.set_unknown_far, far, name=self.tr("Unknown threshold"), key="unknown",
                               returned=self._on_unknown_tuned)

    def tune_unknown(self, folder: str, far: float) -> Job | None:
        """Measure the current model on a held-out folder and choose its unknown threshold from that."""
        if self.ctx.model_info is None:
            self.ctx.show_error(self.tr("Load a model first: the evaluation measures the current model."))
            return None
        self.view.tune_button.setEnabled(False)
        return self.ctx.submit(tasks.tune_unknown, folder, far,
                               name=self.tr("Tuning the unknown threshold on {folder}").format(folder=Path(folder).name),
                               key="unknown", yielded=self._on_evaluation_step, returned=self._on_unknown_tuned,
                               finished=self._on_tune_finished)

    def _on_tune_finished(self) -> None:
        self.view.tune_button.setEnabled(True)

    def _on_unknown_tuned(self, tuned: tasks.UnknownTuned) -> None:
        self.ctx.set_model(tuned.info, trained=True)  # the threshold is part of the model: save it to keep it
        self.view.show_unknown(tuned.curve, tuned.rule, engine_text(tuned.note) if tuned.note else "")

    def _load_cell_thumbnails(self, paths: list[str]) -> None:
        self.ctx.submit(tasks.thumbnails, paths[:MAX_THUMBNAILS], 72, name=self.tr("Thumbnails"),
                        key="cell-thumbnails", background=True, yielded=self.view.set_cell_thumbnail,
                        errored=self.ctx.ignore_error)

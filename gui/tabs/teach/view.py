"""Teach it: fine-tune on your own folders (or train from scratch) with live curves and a confusion matrix."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from convlens.gui.flow_layout import FlowRow
from convlens.gui.tabs.teach.results_pane import TeachResults
from convlens.gui.tabs.teach.settings_form import TrainSettingsForm
from convlens.gui.tabs.teach.state import TeachState
from convlens.gui.tabs.teach.unknown_pane import TeachUnknown

if TYPE_CHECKING:
    from convlens.engine.models.metrics import EvaluationReport
    from convlens.engine.training.config import EpochStats, TrainProgress, TrainResult
    from convlens.engine.training.diagnose import Finding


class TeachView(TrainSettingsForm, TeachResults, TeachUnknown, QWidget):
    """The Teach tab's widgets; its parts (settings, results, unknown) are in their own modules."""

    train_requested = Signal(str, str, object)  # data folder, validation folder, TrainConfig
    cancel_requested = Signal()
    save_requested = Signal()
    evaluate_requested = Signal(str)  # folder of class subfolders named after the current model's classes
    check_requested = Signal(str, str)  # training folder, validation folder (or "")
    thumbnails_needed = Signal(list)  # paths of the images in the clicked confusion cell
    image_chosen = Signal(str)  # an image of a cell: show it with its CAM
    mistake_chosen = Signal(str, str, str)  # a wrong prediction: its image, true class, predicted class
    use_recorded_requested = Signal()  # train on the dataset recorded in the Live tab
    map_requested = Signal(str)  # the data map of this folder
    labels_requested = Signal(str)  # find the wrong labels of this folder
    bundle_requested = Signal(str, str, str, object)  # bundle folder, data folder, validation folder, TrainConfig
    load_trained_requested = Signal(str)  # a checkpoint trained elsewhere: load it as the model
    unknown_far_changed = Signal(float)  # re-choose the unknown threshold on the model's curve (0: off)
    unknown_tune_requested = Signal(str, float)  # tune the unknown threshold on a folder, for this target

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = TeachState()  # what is shown; the controller changes it, the panes redraw from its events
        self.selected_layer = ""

        self.data_edit = QLineEdit()
        self.data_edit.setPlaceholderText(self.tr("folder with one subfolder per class (or MNIST idx files)"))
        self.data_button = QPushButton(self.tr("Choose…"))
        self.use_recorded = QPushButton(self.tr("Use recorded dataset"))
        self.use_recorded.clicked.connect(self.use_recorded_requested)
        self.val_edit = QLineEdit()
        self.val_edit.setPlaceholderText(self.tr("optional: separate validation folder (else 20% of each class)"))
        self.check_button = QPushButton(self.tr("Check data"))
        self.check_button.setObjectName("check_button")
        self.check_button.setToolTip(self.tr("Before training: class counts, imbalance, duplicates (also between the "
                                             "training and validation folders), unreadable and tiny images"))
        self.check_button.clicked.connect(
            lambda: self.check_requested.emit(self.data_edit.text().strip(), self.val_edit.text().strip()))
        self.map_button = QPushButton(self.tr("Data map"))
        self.map_button.setObjectName("map_button")
        self.map_button.setToolTip(self.tr("Every image of the folder as a dot: what the current model's last layer "
                                           "sees, in 2-D, coloured by class or by right / wrong; lasso a group to "
                                           "move it to another class folder (with undo)"))
        self.map_button.clicked.connect(lambda: self.map_requested.emit(self.data_edit.text().strip()))
        self.labels_button = QPushButton(self.tr("Find wrong labels"))
        self.labels_button.setObjectName("labels_button")
        self.labels_button.setToolTip(self.tr("Images probably filed under the wrong class, most suspect first, with "
                                              "where the model looks; move each to its likely class or keep it "
                                              "(with undo). A head on the current model's features is "
                                              "cross-validated in 5 folds (confident learning)."))
        self.labels_button.clicked.connect(lambda: self.labels_requested.emit(self.data_edit.text().strip()))
        data_row = QHBoxLayout()
        data_row.addWidget(self.data_edit, 1)
        data_row.addWidget(self.data_button)
        data_row.addWidget(self.use_recorded)
        val_row = QHBoxLayout()  # the tools about the data beside it, on the second row: the first fits 1024 px
        val_row.addWidget(self.val_edit, 1)
        val_row.addWidget(self.check_button)
        val_row.addWidget(self.map_button)
        val_row.addWidget(self.labels_button)
        self.bigger = QToolButton()
        self.bigger.setObjectName("bigger_machine")
        self.bigger.setText(self.tr("Bigger machine"))
        self.bigger.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bigger.setStyleSheet("QToolButton { padding-right: 14px; }")  # the menu arrow covered the last letter
        self.bigger.setToolTip(self.tr("Run this training on a machine with more GPUs or several machines "
                                       "(torchrun), and bring the model back"))
        menu = QMenu(self.bigger)
        self.bundle_action = menu.addAction(self.tr("Export a training bundle…"), self.choose_bundle_folder)
        self.load_trained_action = menu.addAction(self.tr("Load the trained model…"), self.choose_trained_model)
        self.bigger.setMenu(menu)
        val_row.addWidget(self.bigger)

        scroll = self._build_settings()


        right_split = self._build_results()

        run_row = FlowRow()  # on a narrow page Save and Evaluate go to a second line, not past the edge
        run_row.addWidget(self.train_button)
        run_row.addWidget(self.cancel_button)
        run_row.addStretch()
        run_row.addWidget(self.save_button)
        run_row.addWidget(self.evaluate_button)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(run_row)
        rv.addWidget(self.progress)  # its own row: "epoch 3: 12/40 — loss 0.412 — ETA 0:07" overflowed a short bar
        rv.addWidget(self.status)
        rv.addWidget(right_split, 1)

        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(scroll)
        body.addWidget(right)
        body.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(data_row)
        layout.addLayout(val_row)
        layout.addWidget(body, 1)

        self.data_button.clicked.connect(self._choose_data)
        self.train_button.clicked.connect(self._on_train)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.save_button.clicked.connect(self.save_requested)
        self.confusion.cellClicked.connect(self.show_cell)
        for spin in (self.rotation, self.shear):
            spin.valueChanged.connect(self._update_notes)
        for double in (self.shift, self.zoom):
            double.valueChanged.connect(self._update_notes)
        for box in (self.hflip, self.unfreeze, self.scratch, self.freeze_selected, self.cut_selected):
            box.toggled.connect(self._update_notes)
        self.set_selected_layer("")
        self._update_notes()
        self.state.started.connect(lambda _: self.on_started())
        self.state.report_changed.connect(self._show_report)
        self.state.run_finished.connect(self.on_finished)

    # what the state holds, under the names the window and the tests read
    @property
    def running(self) -> bool:
        return self.state.running

    @property
    def result(self) -> TrainResult | None:
        return self.state.result

    @property
    def report(self) -> EvaluationReport | None:
        return self.state.report

    def show_run(self, result: TrainResult, findings: tuple[Finding, ...]) -> None:
        """A finished run shown again as it was (a reopened project): curves, matrix, diagnosis, calibration."""
        self.state.start()
        for stats in result.history:
            self.curves.add(stats)
        self.state.finish(result, findings)
        self.status.setText(self.tr("The training run saved in the project ({n} epochs, validation accuracy "
                                    "{acc:.1f}%).").format(n=len(result.history), acc=100 * result.val_accuracy))

    def _choose_data(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Training data (one subfolder per class)"),
                                                  self.data_edit.text() or str(Path.home()))
        if folder:
            self.data_edit.setText(folder)

    def _on_train(self) -> None:
        self.train_requested.emit(self.data_edit.text().strip(), self.val_edit.text().strip(), self.config())

    def on_started(self) -> None:
        """A run started (``state.started``): the last one's results go."""
        self.curves.clear()
        self.confusion.clear()
        self.confusion.setMaximumHeight(16777215)
        self.confusion.setRowCount(0)
        self.confusion.setColumnCount(0)
        self.cell_files.clear()
        self.mistake.clear()
        self.per_class.setText("")
        self.diagnosis.setText("")
        self.charts.setCurrentIndex(0)
        self.charts.setTabEnabled(1, False)
        self.progress.setRange(0, 0)
        self.train_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.save_button.setEnabled(False)

    def on_status(self, text: str) -> None:
        self.status.setText(text)

    def on_progress(self, step: TrainProgress) -> None:
        self.progress.setRange(0, step.steps)
        self.progress.setValue(step.step)
        if step.phase == "cache":
            self.progress.setFormat(self.tr("computing backbone features once: %v/%m"))
        else:
            eta = int(step.eta)
            self.progress.setFormat(self.tr("epoch {e}: %v/%m — loss {loss:.3f} — ETA {m}:{s:02d}").format(
                e=step.epoch, loss=step.loss, m=eta // 60, s=eta % 60))

    def on_epoch(self, stats: EpochStats) -> None:
        self.curves.add(stats)
        self.status.setText(self.tr("epoch {e}: validation accuracy {acc:.1f}%, loss {loss:.3f}").format(
            e=stats.epoch, acc=100 * stats.val_acc, loss=stats.val_loss))

    def on_failed(self, message: str, cancelled: bool) -> None:
        self.train_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("cancelled") if cancelled else self.tr("failed"))
        self.status.setText(message)

    def set_data_folder(self, folder: str) -> None:
        self.data_edit.setText(folder)

    def choose_bundle_folder(self) -> None:
        """Where to write the training bundle: a new folder (named after the data) in the chosen one."""
        data = self.data_edit.text().strip()
        if not data:
            self.status.setText(self.tr("Choose a training folder first: the bundle runs the training on it."))
            return
        parent = QFileDialog.getExistingDirectory(self, self.tr("Folder to put the training bundle in"),
                                                  str(Path(data).parent))
        if parent:
            target = Path(parent) / f"convlens-training-{Path(data).name}"
            self.bundle_requested.emit(str(target), data, self.val_edit.text().strip(), self.config())

    def choose_trained_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The model trained on the bigger machine (model.pth)"),
                                              str(Path.home()), self.tr("ConvLens checkpoints (*.pth *.pt)"))
        if path:
            self.load_trained_requested.emit(path)


"""Teach it: fine-tune on your own folders (or train from scratch) with live curves and a confusion matrix."""

from __future__ import annotations

from html import escape
from pathlib import Path

import numpy as np
import torch
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from convlens.engine.core.choices import OPTIMIZERS
from convlens.engine.models.calibration import note_text, reliability
from convlens.engine.models.openset import UNKNOWN_FOLDER, UnknownCurve, UnknownRule
from convlens.engine.training.diagnose import Finding, diagnose, mistakes
from convlens.engine.training.loop import EpochStats, TrainConfig, TrainProgress, TrainResult
from convlens.gui.charts import CurvesView, ReliabilityView, UnknownCurveView
from convlens.gui.flow_layout import FlowRow
from convlens.gui.glossary import Glossary, explain, explain_form
from convlens.gui.i18n import engine_text, fill
from convlens.gui.mistake_dialog import MistakeDialog
from convlens.gui.scrolling_tabs import ScrollingTabs


class TeachView(QWidget):
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
    bundle_requested = Signal(str, str, str, object)  # bundle folder, data folder, validation folder, TrainConfig
    load_trained_requested = Signal(str)  # a checkpoint trained elsewhere: load it as the model
    unknown_far_changed = Signal(float)  # re-choose the unknown threshold on the model's curve (0: off)
    unknown_tune_requested = Signal(str, float)  # tune the unknown threshold on a folder, for this target

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.running = False
        self.result: TrainResult | None = None
        self.evaluation: object | None = None  # engine.evaluation.evaluate.EvaluationReport shown in the matrix
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
        data_row = QHBoxLayout()
        data_row.addWidget(self.data_edit, 1)
        data_row.addWidget(self.data_button)
        data_row.addWidget(self.use_recorded)
        val_row = QHBoxLayout()  # the tools about the data beside it, on the second row: the first fits 1024 px
        val_row.addWidget(self.val_edit, 1)
        val_row.addWidget(self.check_button)
        val_row.addWidget(self.map_button)
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

        self.scratch = QCheckBox(self.tr("Train from scratch (random init)"))
        self.unfreeze = QCheckBox(self.tr("Train the backbone too (slower)"))
        self.freeze_selected = QCheckBox()
        self.cut_selected = QCheckBox()
        self.head = QComboBox()
        self.head.addItem(self.tr("dropout + linear"), 0)
        self.head.addItem(self.tr("dense 1024 + dropout + linear"), 1024)
        self.head.addItem(self.tr("dense 256 + dropout + linear"), 256)
        defaults = TrainConfig()  # the one source of training defaults (the CLI's too)
        self.dropout = QDoubleSpinBox()
        self.dropout.setRange(0.0, 0.9)
        self.dropout.setSingleStep(0.05)
        self.dropout.setValue(defaults.dropout)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 500)
        self.epochs.setValue(defaults.epochs)
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(5)
        self.lr.setRange(0.00001, 1.0)
        self.lr.setSingleStep(0.0005)
        self.lr.setValue(defaults.lr)
        self.batch = QSpinBox()
        self.batch.setRange(1, 512)
        self.batch.setValue(defaults.batch_size)
        self.optimizer = QComboBox()
        titles = {"adam": "Adam", "sgd": self.tr("SGD + momentum"), "rmsprop": "RMSprop"}
        for name in OPTIMIZERS:
            self.optimizer.addItem(titles.get(name, name), name)
        self.optimizer.setCurrentIndex(OPTIMIZERS.index(defaults.optimizer))
        self.patience = QSpinBox()
        self.patience.setRange(0, 50)
        self.patience.setValue(defaults.patience)
        self.patience.setSpecialValueText(self.tr("off"))
        self.image_size = QSpinBox()
        self.image_size.setRange(0, 1024)
        self.image_size.setSpecialValueText(self.tr("the weights' own"))
        self.rotation = QSpinBox()
        self.rotation.setRange(0, 180)
        self.rotation.setSuffix("°")
        self.shift = QDoubleSpinBox()
        self.shift.setRange(0, 0.5)
        self.shift.setSingleStep(0.05)
        self.shear = QSpinBox()
        self.shear.setRange(0, 45)
        self.shear.setSuffix("°")
        self.zoom = QDoubleSpinBox()
        self.zoom.setRange(0, 0.5)
        self.zoom.setSingleStep(0.05)
        self.hflip = QCheckBox(self.tr("horizontal flip"))
        self.aug_note = QLabel()
        self.aug_note.setWordWrap(True)
        self.aug_note.setStyleSheet("color: #a05a00")

        options = QGroupBox(self.tr("Training"))
        form = QFormLayout(options)
        form.addRow(self.scratch)
        form.addRow(self.unfreeze)
        form.addRow(self.freeze_selected)
        form.addRow(self.cut_selected)
        form.addRow(self.tr("New head:"), self.head)
        form.addRow(self.tr("Dropout:"), self.dropout)
        form.addRow(self.tr("Epochs:"), self.epochs)
        form.addRow(self.tr("Learning rate:"), self.lr)
        form.addRow(self.tr("Batch size:"), self.batch)
        form.addRow(self.tr("Optimizer:"), self.optimizer)
        form.addRow(self.tr("Early stopping patience:"), self.patience)
        form.addRow(self.tr("Input size:"), self.image_size)
        aug = QGroupBox(self.tr("Augmentation"))
        aform = QFormLayout(aug)
        aform.addRow(self.tr("Rotation ±"), self.rotation)
        aform.addRow(self.tr("Shift ±"), self.shift)
        aform.addRow(self.tr("Shear ±"), self.shear)
        aform.addRow(self.tr("Zoom ±"), self.zoom)
        aform.addRow(self.hflip)
        aform.addRow(self.aug_note)
        # the notes' jargon, explained where it appears
        self.glossary = Glossary(self)
        explain_form(self.glossary, form, {"head": self.head, "dropout": self.dropout, "epoch": self.epochs,
                                           "learning_rate": self.lr, "batch_size": self.batch,
                                           "optimizer": self.optimizer, "early_stopping": self.patience,
                                           "input_size": self.image_size})
        explain(self.glossary, "backbone", self.unfreeze, self.freeze_selected, self.cut_selected)
        explain(self.glossary, "transfer_learning", self.scratch)
        explain(self.glossary, "augmentation", aug)

        self.train_button = QPushButton(self.tr("Train"))
        self.train_button.setObjectName("train_button")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.save_button = QPushButton(self.tr("Save checkpoint…"))
        self.save_button.setEnabled(False)
        self.progress = QProgressBar()
        self.status = QLabel(self.tr("Pick a folder of class subfolders, then Train."))
        self.status.setWordWrap(True)
        self.status.setObjectName("train_status")

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addWidget(options)
        ll.addWidget(aug)
        ll.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(330)
        scroll.setMaximumWidth(400)

        self.curves = CurvesView()
        self.confusion = QTableWidget()
        self.confusion.setObjectName("confusion")
        self.confusion.setMinimumHeight(110)  # the header and at least two classes stay visible
        self.confusion.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.confusion.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.per_class = QLabel()
        self.per_class.setWordWrap(True)
        self.per_class.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reliability = ReliabilityView()  # after training: calibration on the validation split
        self.diagnosis = QLabel()  # after training: what the curves and counts say, and what to try
        self.diagnosis.setObjectName("diagnosis")
        self.diagnosis.setWordWrap(True)
        self.diagnosis.setTextFormat(Qt.TextFormat.RichText)
        self.cell_files = QListWidget()
        self.cell_files.setObjectName("cell_files")
        self.cell_files.setViewMode(QListWidget.ViewMode.IconMode)
        self.cell_files.setIconSize(QSize(72, 72))
        # two lines under each thumbnail: "brick → glass 33%" whole (elided in the middle it hid the predicted class)
        self.cell_files.setGridSize(QSize(120, 124))
        self.cell_files.setWordWrap(True)
        self.cell_files.setMinimumHeight(136)  # one full row of thumbnails even at 1280x800 (it was ~70 px)
        self.cell_files.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.cell_files.setMovement(QListWidget.Movement.Static)
        self.cell_files.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.cell_files.setToolTip(self.tr("Click an image to see it with its class activation map (a mistake: "
                                           "the maps of the predicted and the true class); double-click to open it "
                                           "in Images"))
        self.cell_files.itemClicked.connect(self._on_cell_file)
        self.cell_files.itemDoubleClicked.connect(
            lambda item: self.image_chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.mistake = MistakeDialog(self)  # a window of its own: the pair stays big on a small screen
        self.mistake.open_requested.connect(self.image_chosen)
        self.evaluate_button = QPushButton(self.tr("Evaluate on a folder…"))
        self.evaluate_button.setToolTip(self.tr("Accuracy, per-class report and confusion matrix of the current model "
                                                "on a folder of class subfolders named after its classes"))
        self.evaluate_button.clicked.connect(self.choose_evaluation_folder)
        self.cell_label = QLabel(self.tr("Click a cell of the confusion matrix to list its images."))
        self.cell_label.setWordWrap(True)  # unwrapped, it and the matrix title set a page wider than 1024 px
        results = QWidget()
        rl = QVBoxLayout(results)
        rl.setContentsMargins(0, 0, 0, 0)
        confusion_title = QLabel(self.tr("Confusion matrix (rows: true class, columns: predicted)"))
        confusion_title.setWordWrap(True)
        explain(self.glossary, "confusion_matrix", confusion_title, self.confusion)
        explain(self.glossary, "precision_recall", self.per_class)
        explain(self.glossary, "validation", self.curves)
        explain(self.glossary, "calibration", self.reliability)
        rl.addWidget(confusion_title)
        rl.addWidget(self.confusion, 2)
        rl.addWidget(self.per_class)
        rl.addWidget(self.diagnosis)
        self.mistakes_button = QPushButton(self.tr("All mistakes"))
        self.mistakes_button.setObjectName("mistakes_button")
        self.mistakes_button.setToolTip(self.tr("Every wrong prediction on the validation images (or the evaluated "
                                                "folder), most confident first"))
        self.mistakes_button.setEnabled(False)
        self.mistakes_button.clicked.connect(self.show_mistakes)
        cell_row = QHBoxLayout()
        cell_row.addWidget(self.cell_label, 1)
        cell_row.addWidget(self.mistakes_button)
        rl.addLayout(cell_row)
        rl.addWidget(self.cell_files, 1)
        right_split = QSplitter(Qt.Orientation.Vertical)
        # the curves, and after training the calibration (a tab: the window's height does not grow)
        self.charts = ScrollingTabs()  # a chart taller than its pane scrolls rather than being cut
        self.charts.addTab(self.curves, self.tr("Curves"))
        self.charts.addTab(self.reliability, self.tr("Calibration"))
        self.charts.setTabEnabled(1, False)
        self.charts.addTab(self._unknown_tab(), self.tr("Unknown"))
        right_split.addWidget(self.charts)
        # the results scroll inside their pane: at 1024x640 the matrix, per-class text and diagnosis need more
        # height than the pane has, and squeezed they were drawn on top of each other
        results_area = QScrollArea()
        results_area.setWidget(results)
        results_area.setWidgetResizable(True)
        results_area.setFrameShape(QFrame.Shape.NoFrame)
        results_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_split.addWidget(results_area)
        right_split.setChildrenCollapsible(False)
        right_split.setSizes([420, 240])  # the curves whole first: the results below scroll in their pane

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
        for w in (self.rotation, self.shear):
            w.valueChanged.connect(self._update_notes)
        for w in (self.shift, self.zoom):
            w.valueChanged.connect(self._update_notes)
        for w in (self.hflip, self.unfreeze, self.scratch, self.freeze_selected, self.cut_selected):
            w.toggled.connect(self._update_notes)
        self.set_selected_layer("")
        self._update_notes()

    # ------------------------------------------------------------ settings
    def set_selected_layer(self, layer: str) -> None:
        self.selected_layer = layer
        for box, text in ((self.freeze_selected, self.tr("Freeze only up to layer")),
                          (self.cut_selected, self.tr("Cut the backbone at layer"))):
            box.setText(f"{text} {layer}" if layer else f"{text} …")
            box.setToolTip(self.tr("Select a layer in the tree of the Inside the model tab"))
            box.setEnabled(bool(layer))
            if not layer:
                box.setChecked(False)

    def _unknown_tab(self) -> QWidget:
        """The "unknown / none of the above" threshold: its trade-off curve, the target, tuning on a folder."""
        self.unknown_view = UnknownCurveView()
        self.unknown_view.setObjectName("unknown_view")
        self.far_spin = QDoubleSpinBox()
        self.far_spin.setObjectName("far_spin")
        self.far_spin.setRange(0.0, 50.0)
        self.far_spin.setDecimals(1)
        self.far_spin.setSingleStep(1.0)
        self.far_spin.setValue(100 * TrainConfig().far)
        self.far_spin.setSuffix(" %")
        self.far_spin.setSpecialValueText(self.tr("off"))
        self.far_spin.setKeyboardTracking(False)
        self.far_spin.setToolTip(self.tr(
            "At most this share of wrong or unknown inputs may still get an answer; below the threshold that meets it "
            "on held-out data the answer is \"unknown\". Images of none of the classes (the empty background) in a "
            "{folder} folder beside the class folders are held out for this, never trained on.").format(
            folder=UNKNOWN_FOLDER))
        self.far_spin.valueChanged.connect(self._on_far_changed)
        self.tune_button = QPushButton(self.tr("Tune on a folder…"))
        self.tune_button.setObjectName("tune_unknown_button")
        self.tune_button.setToolTip(self.tr(
            "Measure the current model on a folder of class subfolders named after its classes, with images of no "
            "class in its {folder} subfolder, and choose the threshold from that").format(folder=UNKNOWN_FOLDER))
        self.tune_button.clicked.connect(self._choose_tuning_folder)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("False-accept target")))
        row.addWidget(self.far_spin)
        row.addStretch(1)
        row.addWidget(self.tune_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.unknown_view, 1)
        explain(self.glossary, "unknown", self.unknown_view)
        self.unknown_view.caption.setText(self.tr(
            "After training (or tuning on a folder): how often a wrong or unknown input would still get an answer, "
            "against how many right answers are kept, for every threshold."))
        self.unknown_curve: UnknownCurve | None = None
        return tab

    def far(self) -> float:
        return self.far_spin.value() / 100

    def _on_far_changed(self) -> None:
        if self.unknown_curve is not None and not self.running:
            self.unknown_far_changed.emit(self.far())

    def _choose_tuning_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Held-out images: class subfolders, and {folder} for images of no class").format(
                folder=UNKNOWN_FOLDER), self.data_edit.text() or str(Path.home()))
        if folder:
            self.unknown_tune_requested.emit(folder, self.far() or TrainConfig().far)

    def show_unknown(self, curve: UnknownCurve | None, rule: UnknownRule | None, note: str = "") -> None:
        """The model's trade-off curve and the threshold in force (None: off, ``note`` says why if it could not be
        chosen)."""
        self.unknown_curve = curve
        if curve is None:
            self.unknown_view.set_curve(np.zeros(0), np.zeros(0))
            self.unknown_view.set_chosen(None, None)
            return
        _, far, tar = curve.points()
        self.unknown_view.set_curve(far, tar)
        self.unknown_view.set_chosen(rule.target_far if rule else None, (rule.far, rule.tar) if rule else None)
        counts = self.tr("{g} right answers, {i} to refuse ({w} wrong answers, {o} images of no class)").format(
            g=len(curve.genuine), i=len(curve.impostor), w=len(curve.impostor) - curve.outside, o=curve.outside)
        if rule is not None:
            text = self.tr(
                "Answers at or below {t:.1f}% confidence are \"unknown\": {far:.1f}% of wrong or unknown inputs "
                "still answered (target {target:g}%), {tar:.0f}% of right answers kept. Held out: {counts}.").format(
                t=100 * rule.threshold, far=100 * rule.far, target=100 * rule.target_far, tar=100 * rule.tar,
                counts=counts)
        elif note:
            text = self.tr("No \"unknown\" threshold: {why}").format(why=note)
        else:
            text = self.tr("No \"unknown\" threshold (target off): every answer is shown. Held out: {counts}.").format(
                counts=counts)
        self.unknown_view.caption.setText(text)

    def config(self) -> TrainConfig:
        layer = self.selected_layer
        return TrainConfig(
            epochs=self.epochs.value(), lr=self.lr.value(), batch_size=self.batch.value(),
            optimizer=self.optimizer.currentData(), rotation=float(self.rotation.value()),
            shift=self.shift.value(), shear=float(self.shear.value()), zoom=self.zoom.value(),
            hflip=self.hflip.isChecked(), patience=self.patience.value(), hidden=int(self.head.currentData()),
            dropout=self.dropout.value(), freeze_backbone=not (self.unfreeze.isChecked() or self.scratch.isChecked()),
            freeze_until=layer if self.freeze_selected.isChecked() else "",
            cut_at=layer if self.cut_selected.isChecked() else "", image_size=self.image_size.value(),
            from_scratch=self.scratch.isChecked(), batch_norm=self.scratch.isChecked(), far=self.far())

    def set_config(self, cfg: TrainConfig) -> None:
        """Show ``cfg``'s settings (a project being reopened); what ``config()`` then returns."""
        self.epochs.setValue(cfg.epochs)
        self.lr.setValue(cfg.lr)
        self.batch.setValue(cfg.batch_size)
        self.optimizer.setCurrentIndex(max(0, self.optimizer.findData(cfg.optimizer)))
        self.rotation.setValue(int(cfg.rotation))
        self.shift.setValue(cfg.shift)
        self.shear.setValue(int(cfg.shear))
        self.zoom.setValue(cfg.zoom)
        self.hflip.setChecked(cfg.hflip)
        self.patience.setValue(cfg.patience)
        index = self.head.findData(cfg.hidden)
        if index < 0:
            self.head.addItem(self.tr("dense {n} + dropout + linear").format(n=cfg.hidden), cfg.hidden)
            index = self.head.count() - 1
        self.head.setCurrentIndex(index)
        self.dropout.setValue(cfg.dropout)
        self.scratch.setChecked(cfg.from_scratch)
        self.unfreeze.setChecked(not cfg.freeze_backbone and not cfg.from_scratch)
        if cfg.freeze_until or cfg.cut_at:
            self.set_selected_layer(cfg.cut_at or cfg.freeze_until)
        self.freeze_selected.setChecked(bool(cfg.freeze_until))
        self.cut_selected.setChecked(bool(cfg.cut_at))
        self.image_size.setValue(cfg.image_size)
        self.far_spin.blockSignals(True)
        self.far_spin.setValue(100 * cfg.far)
        self.far_spin.blockSignals(False)

    def show_run(self, result: TrainResult) -> None:
        """A finished run shown again as it was (a reopened project): curves, matrix, diagnosis, calibration."""
        self.on_started()
        for stats in result.history:
            self.curves.add(stats)
        self.on_finished(result)
        self.status.setText(self.tr("The training run saved in the project ({n} epochs, validation accuracy "
                                    "{acc:.1f}%).").format(n=len(result.history), acc=100 * result.val_accuracy))

    def _update_notes(self) -> None:
        cfg = self.config()
        notes = []
        if cfg.augments and cfg.freeze_backbone and not cfg.freeze_until:
            notes.append(self.tr("Augmentation is on: each epoch sees new variants of the images, so the frozen "
                                 "backbone's features cannot be computed once and cached. Expect several times "
                                 "longer epochs."))
        elif cfg.freeze_backbone and not cfg.freeze_until:
            notes.append(self.tr("Frozen backbone, no augmentation: features are computed once, epochs are fast."))
        self.aug_note.setText(" ".join(notes))

    def _choose_data(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Training data (one subfolder per class)"),
                                                  self.data_edit.text() or str(Path.home()))
        if folder:
            self.data_edit.setText(folder)

    def _on_train(self) -> None:
        self.train_requested.emit(self.data_edit.text().strip(), self.val_edit.text().strip(), self.config())

    # ------------------------------------------------------------ run state
    def on_started(self) -> None:
        self.running = True
        self.result = None
        self.mistakes_button.setEnabled(False)
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

    def on_finished(self, result: TrainResult) -> None:
        self.running = False
        self.result = result
        self.curves.set_best_epoch(result.best_epoch)
        self.train_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.save_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.setFormat(self.tr("done in {s:.1f} s").format(s=result.seconds))
        classes = list(result.loaded.labels)
        self.evaluation = None
        self._fill_confusion(result.confusion, classes, classes)
        lines = [self.tr("Validation accuracy {acc:.1f}% — best epoch {best}{early}").format(
            acc=100 * result.val_accuracy, best=result.best_epoch,
            early=self.tr(" (stopped early)") if result.stopped_early else "")]
        lines += [self.tr("{c}: precision {p:.0f}%, recall {r:.0f}%").format(c=c, p=100 * p, r=100 * r)
                  for c, p, r in zip(classes, result.precision, result.recall, strict=True)]
        if result.skipped:
            lines.append(self.tr("{n} unreadable files skipped: {files}").format(
                n=len(result.skipped), files=", ".join(Path(s).name for s, _ in result.skipped[:5])))
        self.per_class.setText("\n".join(lines))
        self.diagnosis.setText(self.diagnosis_html(diagnose(result)))
        self.mistakes_button.setEnabled(True)
        self._show_calibration(result)
        self.show_unknown(UnknownCurve.from_dict((result.loaded.training or {}).get("unknown_curve")),
                          result.loaded.unknown, engine_text(result.unknown_note) if result.unknown_note else "")
        self.status.setText(self.tr("Done. The trained model is now the current model ({n} classes: {names}).").format(
            n=len(classes), names=", ".join(classes[:8]) + ("…" if len(classes) > 8 else "")))

    def _show_calibration(self, result: TrainResult) -> None:
        training = result.loaded.training or {}
        if result.val_logits is None or "temperature" not in training:
            return
        logits, labels = torch.as_tensor(result.val_logits), np.asarray(result.val_true)
        t = float(training["temperature"])
        raw, scaled = reliability(logits.softmax(1).numpy(), labels), reliability((logits / t).softmax(1).numpy(), labels)
        self.reliability.set_bins((raw.confidence, raw.accuracy, raw.count),
                                  (scaled.confidence, scaled.accuracy, scaled.count))
        self.charts.setTabEnabled(1, True)
        images, errors = training.get("calibration_images", len(labels)), training.get("calibration_errors", 0)
        note = note_text(training)
        if t == 1.0 and note:
            self.reliability.caption.setText(self.tr(
                "Calibration (validation, {n} images, {errors} wrong): expected calibration error {before:.1f}%. "
                "{note}").format(n=images, errors=errors, before=100 * raw.ece, note=engine_text(note)))
        else:
            self.reliability.caption.setText(self.tr(
                "Calibration (validation, {n} images, {errors} wrong): expected calibration error {before:.1f}% → "
                "{after:.1f}% (each half scored with the temperature fitted on the other) with temperature "
                "T = {t:.2f}, the probabilities shown from now on").format(
                n=images, errors=errors, before=100 * raw.ece, after=100 * float(training.get("ece_after", scaled.ece)),
                t=t))

    def diagnosis_html(self, findings: list[Finding]) -> str:
        """The findings in words, each with the settings to try."""
        parts = []
        for f in findings:
            v = f.values
            if f.kind == "overfitting":
                title, text = self.tr("Over-fitting"), self.tr(
                    "{train:.1f}% on the training images against {val:.1f}% on validation (epoch {e}): the model "
                    "learnt the training images better than the task.").format(
                    train=100 * float(v["train_acc"]), val=100 * float(v["val_acc"]), e=v["epoch"])
            elif f.kind == "underfitting":
                title, text = self.tr("Under-fitting"), self.tr(
                    "only {train:.1f}% even on the training images (validation {val:.1f}%): the model has not learnt "
                    "the task yet.").format(train=100 * float(v["train_acc"]), val=100 * float(v["val_acc"]))
            elif f.kind == "more_epochs":
                title, text = self.tr("Still improving"), self.tr(
                    "the validation loss was still falling in the last of the {n} epochs.").format(n=v["epochs"])
            elif f.kind == "imbalance":
                title, text = self.tr("Class imbalance"), self.tr(
                    "{large} has {large_n} training images, {small} only {small_n} ({ratio:.1f}×): the model leans "
                    "towards the larger class.").format(large=v["large"], large_n=v["large_n"], small=v["small"],
                                                         small_n=v["small_n"], ratio=float(v["ratio"]))
            elif f.kind == "few_images":
                title, text = self.tr("Few images"), self.tr(
                    "fewer than {n} training images in {classes}.").format(n=v["minimum"], classes=v["classes"])
            elif f.kind == "weak_class":
                title, text = self.tr("A weak class"), self.tr(
                    "{c} is found less often: recall {r:.0f}% against {a:.0f}% overall{confused}.").format(
                    c=v["class"], r=100 * float(v["recall"]), a=100 * float(v["accuracy"]),
                    confused=fill(self.tr(", mostly taken for {other}"), other=v["confused_with"])
                    if v["confused_with"] else "")
            else:
                title, text = self.tr("Nothing stands out"), self.tr(
                    "validation accuracy {val:.1f}%, and training and validation agree.").format(
                    val=100 * float(v["val_acc"]))
            advice = [self._setting_text(s, v) for s in f.try_settings]
            html = f"<b>{escape(title)}</b>: {escape(text)}"
            if advice:
                html += "<br>" + escape(self.tr("Try: {settings}.").format(settings="; ".join(advice)))
            parts.append(html)
        return "<p>" + "</p><p>".join(parts) + "</p>"

    def _setting_text(self, setting: str, values: dict) -> str:
        texts = {
            "dropout": self.tr("a higher dropout (now {d:.2f}; 0.3-0.5)").format(d=float(values.get("dropout", 0))),
            "augmentation": self.tr("turn on augmentation (rotation, shift, zoom, flip)"),
            "more_samples": self.tr("more images per class (record more, or add photos)"),
            "more_epochs": self.tr("more epochs"),
            "learning_rate": self.tr("another learning rate (now {lr:g}): larger if the loss falls slowly, smaller "
                                     "if it jumps").format(lr=float(values.get("lr", 0))),
            "unfreeze": self.tr("train the backbone too"),
            "hidden": self.tr("a dense head (dense 256 or 1024)"),
            "balance": self.tr("more images of {small}, or fewer of {large}").format(
                small=values.get("small", ""), large=values.get("large", "")),
        }
        return texts[setting]

    def on_failed(self, message: str, cancelled: bool) -> None:
        self.running = False
        self.train_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("cancelled") if cancelled else self.tr("failed"))
        self.status.setText(message)

    def files_in_cell(self, true: int, predicted: int) -> list[str]:
        if self.evaluation is not None:
            return self.evaluation.files_in_cell(true, predicted)  # type: ignore[attr-defined]
        r = self.result
        if r is None:
            return []
        return [s for s, t, p in zip(r.val_sources, r.val_true, r.val_pred, strict=True) if t == true and p == predicted]

    def _cell_names(self) -> tuple[list[str], list[str]]:
        if self.evaluation is not None:
            _, columns = self.evaluation.confusion()  # type: ignore[attr-defined]
            return columns[:-1], columns
        classes = list(self.result.loaded.labels) if self.result else []
        return classes, classes

    def show_cell(self, row: int, column: int) -> None:
        if self.result is None and self.evaluation is None:
            return
        rows, columns = self._cell_names()
        files = self.files_in_cell(row, column)
        text = (self.tr("1 image of {t} predicted as {p}:") if len(files) == 1
                else self.tr("{n} images of {t} predicted as {p}:"))
        self.cell_label.setText(fill(text, n=len(files), t=rows[row], p=columns[column]))
        self.cell_files.clear()
        for path in files:
            item = QListWidgetItem(Path(path).name)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.cell_files.addItem(item)
        if files:
            self.thumbnails_needed.emit(files)

    def set_cell_thumbnail(self, thumb: object) -> None:
        from convlens.gui.image_view import array_to_qimage

        image = thumb.image  # type: ignore[attr-defined]
        if image is None:
            return
        for i in range(self.cell_files.count()):
            item = self.cell_files.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == thumb.path:  # type: ignore[attr-defined]
                item.setIcon(QIcon(QPixmap.fromImage(array_to_qimage(image))))

    def show_mistakes(self) -> None:
        """Every wrong prediction of the last training run or evaluation, most confident first."""
        if self.evaluation is not None:
            labels = self.evaluation.labels  # type: ignore[attr-defined]
            wrong = [(v.source, labels[v.true], labels[v.predicted[0]], v.probabilities[0])
                     for v in self.evaluation.misclassified()]  # type: ignore[attr-defined]
        elif self.result is not None:
            wrong = [(m.source, m.true, m.predicted, m.confidence) for m in mistakes(self.result)]
        else:
            return
        self.cell_label.setText(self.tr("All {n} wrong predictions, most confident first (click one to see it with "
                                        "its CAM):").format(n=len(wrong)))
        self.cell_files.clear()
        for source, true, predicted, confidence in wrong:
            item = QListWidgetItem(self.tr("{true} → {predicted} {p:.0f}%").format(
                true=true, predicted=predicted, p=100 * confidence))
            item.setData(Qt.ItemDataRole.UserRole, source)
            item.setToolTip(source)
            self.cell_files.addItem(item)
        if wrong:
            self.thumbnails_needed.emit([w[0] for w in wrong])

    def cell_paths(self) -> list[str]:
        return [self.cell_files.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.cell_files.count())]

    def mistake_pairs(self) -> dict[str, tuple[str, str]]:
        """Every wrong prediction of the results shown: image -> (true class, predicted class), model names."""
        if self.evaluation is not None:
            labels = self.evaluation.labels  # type: ignore[attr-defined]
            return {v.source: (labels[v.true], labels[v.predicted[0]])
                    for v in self.evaluation.misclassified()}  # type: ignore[attr-defined]
        return {m.source: (m.true, m.predicted) for m in mistakes(self.result)} if self.result is not None else {}

    def _on_cell_file(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        pair = self.mistake_pairs().get(path)
        if pair is None:  # a right answer: one CAM, in the Images tab
            self.mistake.clear()
            self.image_chosen.emit(path)
            return
        self.mistake.show_pending(path, pair[0], pair[1])
        self.mistake_chosen.emit(path, *pair)

    # ------------------------------------------------------------ evaluation
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

    def choose_evaluation_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Evaluate on a folder (one subfolder per class, named after the class)"),
            self.data_edit.text() or str(Path.home()))
        if folder:
            self.evaluate_requested.emit(folder)

    def on_evaluation_started(self, folder: str) -> None:
        self.evaluate_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.status.setText(fill(self.tr("Evaluating on {folder}…"), folder=folder))

    def on_evaluation_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{done}/{total} images").format(done=done, total=total))

    def on_evaluation_finished(self, report: object) -> None:
        """Show an evaluation in the matrix: rows the folder's classes, columns the same plus (other)."""
        r = report
        self.evaluation = r
        self.mistake.clear()
        self.evaluate_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        matrix, columns = r.confusion()  # type: ignore[attr-defined]
        self._fill_confusion(matrix, columns[:-1], columns)
        lines = [self.tr("{n} images: top-1 accuracy {a1:.1f}%, top-{k} accuracy {ak:.1f}%").format(
            n=r.total, a1=100 * r.accuracy(1), k=r.topk, ak=100 * r.accuracy(r.topk))]  # type: ignore[attr-defined]
        lines += [self.tr("{c}: precision {p:.0f}%, recall {r:.0f}%, F1 {f1:.2f} ({n} images)").format(
            c=c.name, p=100 * c.precision, r=100 * c.recall, f1=c.f1, n=c.support)
                  for c in r.scores()]  # type: ignore[attr-defined]
        if r.skipped_folders:  # type: ignore[attr-defined]
            lines.append(self.tr("Skipped folders (no class of the model): {names}").format(
                names=", ".join(f for f, _ in r.skipped_folders)))  # type: ignore[attr-defined]
        self.per_class.setText("\n".join(lines))
        self.status.setText(self.tr("Evaluation done: click a cell to see its images, an image to see its CAM."))
        self.mistakes_button.setEnabled(True)

    def on_evaluation_failed(self, message: str) -> None:
        self.evaluate_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(message)

    def _fill_confusion(self, matrix: object, rows: list[str], columns: list[str]) -> None:
        self.confusion.setRowCount(len(rows))
        self.confusion.setColumnCount(len(columns))
        self.confusion.setHorizontalHeaderLabels(columns)
        self.confusion.setVerticalHeaderLabels(rows)
        peak = max(1, int(matrix.max()))  # type: ignore[attr-defined]
        for t in range(len(rows)):
            for p in range(len(columns)):
                n = int(matrix[t, p])  # type: ignore[index]
                item = QTableWidgetItem(str(n))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                strength = int(200 * n / peak)
                base = QColor(63, 122, 224) if t == p else QColor(224, 80, 63)
                item.setBackground(QBrush(QColor(base.red(), base.green(), base.blue(), strength if n else 0)))
                self.confusion.setItem(t, p, item)
        # never taller than its rows: the room below goes to the images of a cell and a mistake's maps
        content = (self.confusion.horizontalHeader().height() + self.confusion.verticalHeader().length()
                   + 2 * self.confusion.frameWidth() + self.confusion.horizontalScrollBar().sizeHint().height())
        self.confusion.setMaximumHeight(max(self.confusion.minimumHeight(), content))
        self.cell_files.clear()

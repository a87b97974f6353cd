"""The Teach tab's training settings: head, epochs, learning rate, augmentation, and the TrainConfig they make.

The words stay in the translators' context "TeachView" (``QCoreApplication.translate``), where they were
when this was one class: a mixin's own name is not a context Qt looks in."""


from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from convlens.engine.core.choices import OPTIMIZERS
from convlens.engine.training.config import TrainConfig
from convlens.gui.glossary import Glossary, explain, explain_form

if TYPE_CHECKING:  # a part of TeachView: its attributes are the ones TeachView.__init__ sets
    _Part = Any
else:
    _Part = object


class TrainSettingsForm(_Part):
    """A part of ``TeachView``: its settings column."""

    def _build_settings(self) -> QScrollArea:
        """The training settings (the left column), scrolling in their own pane."""
        self.scratch = QCheckBox(QCoreApplication.translate("TeachView", "Train from scratch (random init)"))
        self.unfreeze = QCheckBox(QCoreApplication.translate("TeachView", "Train the backbone too (slower)"))
        self.freeze_selected = QCheckBox()
        self.cut_selected = QCheckBox()
        self.head = QComboBox()
        self.head.addItem(QCoreApplication.translate("TeachView", "dropout + linear"), 0)
        self.head.addItem(QCoreApplication.translate("TeachView", "dense 1024 + dropout + linear"), 1024)
        self.head.addItem(QCoreApplication.translate("TeachView", "dense 256 + dropout + linear"), 256)
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
        titles = {"adam": "Adam", "sgd": QCoreApplication.translate("TeachView", "SGD + momentum"), "rmsprop": "RMSprop"}
        for name in OPTIMIZERS:
            self.optimizer.addItem(titles.get(name, name), name)
        self.optimizer.setCurrentIndex(OPTIMIZERS.index(defaults.optimizer))
        self.patience = QSpinBox()
        self.patience.setRange(0, 50)
        self.patience.setValue(defaults.patience)
        self.patience.setSpecialValueText(QCoreApplication.translate("TeachView", "off"))
        self.image_size = QSpinBox()
        self.image_size.setRange(0, 1024)
        self.image_size.setSpecialValueText(QCoreApplication.translate("TeachView", "the weights' own"))
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
        self.hflip = QCheckBox(QCoreApplication.translate("TeachView", "horizontal flip"))
        self.aug_note = QLabel()
        self.aug_note.setWordWrap(True)
        self.aug_note.setStyleSheet("color: #a05a00")

        options = QGroupBox(QCoreApplication.translate("TeachView", "Training"))
        form = QFormLayout(options)
        form.addRow(self.scratch)
        form.addRow(self.unfreeze)
        form.addRow(self.freeze_selected)
        form.addRow(self.cut_selected)
        form.addRow(QCoreApplication.translate("TeachView", "New head:"), self.head)
        form.addRow(QCoreApplication.translate("TeachView", "Dropout:"), self.dropout)
        form.addRow(QCoreApplication.translate("TeachView", "Epochs:"), self.epochs)
        form.addRow(QCoreApplication.translate("TeachView", "Learning rate:"), self.lr)
        form.addRow(QCoreApplication.translate("TeachView", "Batch size:"), self.batch)
        form.addRow(QCoreApplication.translate("TeachView", "Optimizer:"), self.optimizer)
        form.addRow(QCoreApplication.translate("TeachView", "Early stopping patience:"), self.patience)
        form.addRow(QCoreApplication.translate("TeachView", "Input size:"), self.image_size)
        aug = QGroupBox(QCoreApplication.translate("TeachView", "Augmentation"))
        aform = QFormLayout(aug)
        aform.addRow(QCoreApplication.translate("TeachView", "Rotation ±"), self.rotation)
        aform.addRow(QCoreApplication.translate("TeachView", "Shift ±"), self.shift)
        aform.addRow(QCoreApplication.translate("TeachView", "Shear ±"), self.shear)
        aform.addRow(QCoreApplication.translate("TeachView", "Zoom ±"), self.zoom)
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

        self.train_button = QPushButton(QCoreApplication.translate("TeachView", "Train"))
        self.train_button.setObjectName("train_button")
        self.cancel_button = QPushButton(QCoreApplication.translate("TeachView", "Cancel"))
        self.cancel_button.setEnabled(False)
        self.save_button = QPushButton(QCoreApplication.translate("TeachView", "Save checkpoint…"))
        self.save_button.setEnabled(False)
        self.progress = QProgressBar()
        self.status = QLabel(QCoreApplication.translate("TeachView", "Pick a folder of class subfolders, then Train."))
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
        return scroll

    def set_selected_layer(self, layer: str) -> None:
        self.selected_layer = layer
        for box, text in ((self.freeze_selected, QCoreApplication.translate("TeachView", "Freeze only up to layer")),
                          (self.cut_selected, QCoreApplication.translate("TeachView", "Cut the backbone at layer"))):
            box.setText(f"{text} {layer}" if layer else f"{text} …")
            box.setToolTip(QCoreApplication.translate("TeachView", "Select a layer in the tree of the Inside the model tab"))
            box.setEnabled(bool(layer))
            if not layer:
                box.setChecked(False)

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
            self.head.addItem(QCoreApplication.translate("TeachView", "dense {n} + dropout + linear").format(n=cfg.hidden), cfg.hidden)
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

    def _update_notes(self) -> None:
        cfg = self.config()
        notes = []
        if cfg.augments and cfg.freeze_backbone and not cfg.freeze_until:
            notes.append(QCoreApplication.translate("TeachView", "Augmentation is on: each epoch sees new variants of the images, so the frozen "
                                 "backbone's features cannot be computed once and cached. Expect several times "
                                 "longer epochs."))
        elif cfg.freeze_backbone and not cfg.freeze_until:
            notes.append(QCoreApplication.translate("TeachView", "Frozen backbone, no augmentation: features are computed once, epochs are fast."))
        self.aug_note.setText(" ".join(notes))


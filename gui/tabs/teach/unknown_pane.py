"""The Teach tab's "unknown / none of the above" threshold: its trade-off curve, the target, tuning on a folder.

The words stay in the translators' context "TeachView" (``QCoreApplication.translate``), where they were
when this was one class: a mixin's own name is not a context Qt looks in."""


from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from convlens.engine.models.openset import UNKNOWN_FOLDER
from convlens.engine.training.config import TrainConfig
from convlens.gui.charts import UnknownCurveView
from convlens.gui.glossary import explain

if TYPE_CHECKING:  # a part of TeachView: its attributes are the ones TeachView.__init__ sets
    from convlens.engine.models.openset import UnknownCurve, UnknownRule
    _Part = Any
else:
    _Part = object


class TeachUnknown(_Part):
    """A part of ``TeachView``: its Unknown chart and controls."""

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
        self.far_spin.setSpecialValueText(QCoreApplication.translate("TeachView", "off"))
        self.far_spin.setKeyboardTracking(False)
        self.far_spin.setToolTip(QCoreApplication.translate("TeachView",
            "At most this share of wrong or unknown inputs may still get an answer; below the threshold that meets it "
            "on held-out data the answer is \"unknown\". Images of none of the classes (the empty background) in a "
            "{folder} folder beside the class folders are held out for this, never trained on.").format(
            folder=UNKNOWN_FOLDER))
        self.far_spin.valueChanged.connect(self._on_far_changed)
        self.tune_button = QPushButton(QCoreApplication.translate("TeachView", "Tune on a folder…"))
        self.tune_button.setObjectName("tune_unknown_button")
        self.tune_button.setToolTip(QCoreApplication.translate("TeachView",
            "Measure the current model on a folder of class subfolders named after its classes, with images of no "
            "class in its {folder} subfolder, and choose the threshold from that").format(folder=UNKNOWN_FOLDER))
        self.tune_button.clicked.connect(self._choose_tuning_folder)
        row = QHBoxLayout()
        row.addWidget(QLabel(QCoreApplication.translate("TeachView", "False-accept target")))
        row.addWidget(self.far_spin)
        row.addStretch(1)
        row.addWidget(self.tune_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.unknown_view, 1)
        explain(self.glossary, "unknown", self.unknown_view)
        self.unknown_view.caption.setText(QCoreApplication.translate("TeachView",
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
            self, QCoreApplication.translate("TeachView", "Held-out images: class subfolders, and {folder} for images of no class").format(
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
        counts = QCoreApplication.translate("TeachView", "{g} right answers, {i} to refuse ({w} wrong answers, {o} images of no class)").format(
            g=len(curve.genuine), i=len(curve.impostor), w=len(curve.impostor) - curve.outside, o=curve.outside)
        if rule is not None:
            text = QCoreApplication.translate("TeachView",
                "Answers at or below {t:.1f}% confidence are \"unknown\": {far:.1f}% of wrong or unknown inputs "
                "still answered (target {target:g}%), {tar:.0f}% of right answers kept. Held out: {counts}.").format(
                t=100 * rule.threshold, far=100 * rule.far, target=100 * rule.target_far, tar=100 * rule.tar,
                counts=counts)
        elif note:
            text = QCoreApplication.translate("TeachView", "No \"unknown\" threshold: {why}").format(why=note)
        else:
            text = QCoreApplication.translate("TeachView", "No \"unknown\" threshold (target off): every answer is shown. Held out: {counts}.").format(
                counts=counts)
        self.unknown_view.caption.setText(text)


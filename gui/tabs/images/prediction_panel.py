"""Top-k predictions: the top class in words, the top-k as bars (``probability_bars.ProbabilityBars``), the model's time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from convlens.gui.probability_bars import ProbabilityBars

if TYPE_CHECKING:
    from convlens.engine.runtime.results import Prediction


class PredictionPanel(QWidget):
    """The predictions for the current image, k adjustable, with the model's time."""

    topk_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Predictions"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.k_spin = QSpinBox()
        self.k_spin.setRange(1, 20)
        self.k_spin.setValue(5)
        self.k_spin.setPrefix(self.tr("top "))
        self.k_spin.setToolTip(self.tr("How many classes to show"))
        self.k_spin.valueChanged.connect(self.topk_changed)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.k_spin)

        self.headline = QLabel(self.tr("Drop an image to classify it"))
        self.headline.setWordWrap(True)
        self.headline.setObjectName("headline")
        hfont = self.headline.font()
        hfont.setPointSizeF(hfont.pointSizeF() * 1.5)
        hfont.setBold(True)
        self.headline.setFont(hfont)
        self.bars = ProbabilityBars()
        self.timing = QLabel()
        self.timing.setObjectName("timing")
        self.timing.setStyleSheet("color: gray")
        self.timing.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.headline)
        layout.addWidget(self.bars)
        layout.addWidget(self.timing)
        layout.addStretch(1)

    @property
    def topk(self) -> int:
        return self.k_spin.value()

    def set_topk(self, k: int) -> None:
        self.k_spin.setValue(k)

    def top_text(self) -> str:
        """The top class ("" when empty)."""
        return self.bars.predictions[0].label if self.bars.predictions else ""

    def rows(self) -> list[str]:
        """What each bar reads, top first: "label 87.1%"."""
        return self.bars.rows()

    def clear(self, message: str = "") -> None:
        self.bars.set_predictions([])
        self.headline.setText(message)
        self.timing.setText("")

    def show_predictions(self, predictions: Sequence[Prediction], seconds: float, model_name: str,
                         unknown_below: float | None = None) -> None:
        """``unknown_below``: the model's unknown threshold when this answer is at or below it (else None)."""
        self.clear()
        self.bars.set_predictions(predictions)
        if predictions and unknown_below is not None:
            self.headline.setText(self.tr("Unknown: none of the classes"))
            self.headline.setToolTip(self.tr(
                "The top class ({label}, {p:.1f}%) is not above the threshold ({t:.1f}%) tuned on held-out data for "
                "the model's false-accept target, so the answer is \"unknown\".").format(
                label=predictions[0].label, p=100 * predictions[0].probability, t=100 * unknown_below))
        elif predictions:
            top = predictions[0]
            self.headline.setText(f"{top.label}")
            self.headline.setToolTip("")
        self.timing.setText(self.tr("{model}: {ms:.0f} ms on the model").format(model=model_name, ms=1000 * seconds))

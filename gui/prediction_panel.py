"""Top-k predictions as labelled horizontal bars."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from convlens.engine.predict import Prediction


class PredictionBar(QWidget):
    """One class: name on the left, a bar proportional to the probability, the percentage."""

    def __init__(self, prediction: Prediction, rank: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prediction = prediction
        self.rank = rank
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(f"{prediction.label} — class {prediction.index}, p = {prediction.probability:.4f}")

    def sizeHint(self) -> QSize:
        return QSize(280, 44 if self.rank == 1 else 34)

    def text(self) -> str:
        return f"{self.prediction.label} {100 * self.prediction.probability:.1f}%"

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(2, 3, -2, -3)
        pal = self.palette()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        p.drawRoundedRect(QRectF(rect), 5, 5)
        fill = QRectF(rect)
        fill.setWidth(max(0.0, rect.width() * self.prediction.probability))
        colour = QColor("#3f7ae0") if self.rank == 1 else QColor("#8fb3ee")
        p.setBrush(colour)
        p.drawRoundedRect(fill, 5, 5)
        font = QFont(self.font())
        font.setBold(self.rank == 1)
        if self.rank == 1:
            font.setPointSizeF(font.pointSizeF() * 1.2)
        p.setFont(font)
        p.setPen(pal.color(QPalette.ColorRole.Text))
        text_rect = rect.adjusted(8, 0, -8, 0)
        percent = f"{100 * self.prediction.probability:.1f}%"
        p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, percent)
        name_rect = text_rect.adjusted(0, 0, -p.fontMetrics().horizontalAdvance(percent) - 10, 0)
        name = p.fontMetrics().elidedText(self.prediction.label, Qt.TextElideMode.ElideRight, name_rect.width())
        p.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)


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
        self.bars_box = QVBoxLayout()
        self.bars_box.setSpacing(2)
        self.timing = QLabel()
        self.timing.setObjectName("timing")
        self.timing.setStyleSheet("color: gray")
        self.timing.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.headline)
        layout.addLayout(self.bars_box)
        layout.addWidget(self.timing)
        layout.addStretch(1)
        self.bars: list[PredictionBar] = []

    @property
    def topk(self) -> int:
        return self.k_spin.value()

    def set_topk(self, k: int) -> None:
        self.k_spin.setValue(k)

    def top_text(self) -> str:
        """What the top bar reads ("" when empty)."""
        return self.bars[0].prediction.label if self.bars else ""

    def clear(self, message: str = "") -> None:
        for bar in self.bars:
            self.bars_box.removeWidget(bar)
            bar.deleteLater()
        self.bars = []
        self.headline.setText(message)
        self.timing.setText("")

    def show_predictions(self, predictions: Sequence[Prediction], seconds: float, model_name: str) -> None:
        self.clear()
        for rank, pred in enumerate(predictions, 1):
            bar = PredictionBar(pred, rank)
            self.bars_box.addWidget(bar)
            self.bars.append(bar)
        if predictions:
            top = predictions[0]
            self.headline.setText(f"{top.label}")
        self.timing.setText(self.tr("{model}: {ms:.0f} ms on the model").format(model=model_name, ms=1000 * seconds))

"""The top-k classes as horizontal bars, drawn with QPainter.

On screen from the first moment, so it is not a pyqtgraph plot (importing pyqtgraph costs half a second of the
cold start, see ``gui.charts``). Each row: the class name, its bar on a 0-100 % scale with grid lines at every
25 %, and the probability written inside a long bar or after a short one. Hovering a row tells its class index and
the probability to four places; the context menu copies the rows as text, or the chart as an image.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QGuiApplication, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolTip, QWidget

if TYPE_CHECKING:
    from convlens.engine.runtime.results import Prediction

TOP_COLOUR = QColor("#3f7ae0")
OTHER_COLOUR = QColor("#8fb3ee")


class ProbabilityBars(QWidget):
    """Top-k classes as horizontal bars (0-100%), the top-1 darker; class names on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.predictions: list[Prediction] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self.set_predictions([])

    def rows(self) -> list[str]:
        """What each bar reads, top first: "label 87.1%"."""
        return [f"{p.label} {100 * p.probability:.1f}%" for p in self.predictions]

    def set_predictions(self, predictions: Sequence[Prediction]) -> None:
        self.predictions = list(predictions)
        n = len(self.predictions)
        self.setVisible(n > 0)
        row = self._row_height()
        self.setMinimumHeight(self._axis_height() + row * n + 8 if n else 0)
        self.setMaximumHeight(self._axis_height() + int(row * 1.6) * n + 8 if n else 0)
        self.update()

    # geometry: rows share the height above the axis; the names take up to 40 % of the width
    def _row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def _axis_height(self) -> int:
        return 2 * self.fontMetrics().height() + 8

    def _label_width(self) -> int:
        widest = max((self.fontMetrics().horizontalAdvance(p.label) for p in self.predictions), default=0)
        return min(widest + 10, int(0.4 * self.width()))

    def _plot_rect(self, left: int | None = None) -> QRectF:
        """Where the bars and the scale go; ``left``: the names' width, when the caller has it."""
        left = self._label_width() if left is None else left
        right = self.fontMetrics().horizontalAdvance("100") // 2 + 4  # the last tick's number fits
        return QRectF(left, 4, max(10, self.width() - left - right), self.height() - self._axis_height() - 4)

    def _row_at(self, pos: QPoint) -> int | None:
        plot = self._plot_rect()
        if not self.predictions or not 0 <= pos.y() - plot.top() < plot.height():
            return None
        return int((pos.y() - plot.top()) / (plot.height() / len(self.predictions)))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.predictions:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        names = self._label_width()  # measured once per paint: every row's name is measured for it
        plot = self._plot_rect(names)
        metrics = self.fontMetrics()
        grid = QColor(text)
        grid.setAlpha(45)
        for tick in (0, 25, 50, 75, 100):  # the scale: grid lines and their numbers
            x = plot.left() + plot.width() * tick / 100
            painter.setPen(grid)
            painter.drawLine(int(x), int(plot.top()), int(x), int(plot.bottom()))
            painter.setPen(text)
            number = str(tick)
            painter.drawText(int(x - metrics.horizontalAdvance(number) / 2), int(plot.bottom() + metrics.ascent() + 3),
                             number)
        caption = self.tr("probability (%)")
        painter.drawText(int(plot.center().x() - metrics.horizontalAdvance(caption) / 2),
                         int(plot.bottom() + metrics.height() + metrics.ascent() + 5), caption)
        row_h = plot.height() / len(self.predictions)
        bar_h = min(0.7 * row_h, 1.6 * metrics.height())
        for i, p in enumerate(self.predictions):
            middle = plot.top() + (i + 0.5) * row_h
            name = metrics.elidedText(p.label, Qt.TextElideMode.ElideRight, names - 8)
            painter.setPen(text)
            painter.drawText(QRectF(0, middle - row_h / 2, names - 6, row_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            percent = 100 * p.probability
            bar = QRectF(plot.left(), middle - bar_h / 2, plot.width() * min(max(percent, 0.0), 100.0) / 100, bar_h)
            painter.fillRect(bar, TOP_COLOUR if i == 0 else OTHER_COLOUR)
            number = f"{percent:.1f}%"
            width = metrics.horizontalAdvance(number)
            inside = bar.width() > width + 12  # a long bar carries its number inside, in white; a short one after
            painter.setPen(QColor("white") if inside else text)
            x = bar.right() - width - 5 if inside else bar.right() + 5
            painter.drawText(int(x), int(middle + metrics.ascent() / 2 - 1), number)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self._row_at(event.pos())
            if row is None:
                QToolTip.hideText()
            else:
                p = self.predictions[row]
                QToolTip.showText(event.globalPos(), f"{p.label} — class {p.index}, p = {p.probability:.4f}", self)
            return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if not self.predictions:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Copy"), self.copy)
        menu.addAction(self.tr("Copy as image"), lambda: QGuiApplication.clipboard().setPixmap(self.grab()))
        menu.exec(event.globalPos())

    def copy(self) -> None:
        """The rows as text: class, index and probability, tab-separated."""
        QGuiApplication.clipboard().setText("\n".join(f"{p.label}\t{p.index}\t{p.probability:.6f}"
                                                      for p in self.predictions))

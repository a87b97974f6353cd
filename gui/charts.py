"""Charts on pyqtgraph: training curves and top-k probability bars.

Both zoom and pan with the mouse (right-drag or wheel; the "A" button or a double-click resets), show the
values under the pointer, and export through pyqtgraph's context menu (right-click → Export: PNG, SVG, CSV).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from convlens.gui.pyqtgraph_start import pg

if TYPE_CHECKING:
    from convlens.engine.runtime.results import Prediction
    from convlens.engine.training.config import EpochStats

TRAIN_COLOUR = "#3f7ae0"
VAL_COLOUR = "#e07a3f"
TOP_COLOUR = "#3f7ae0"
OTHER_COLOUR = "#8fb3ee"


def _style(widget: pg.GraphicsView | pg.PlotWidget, palette: QPalette) -> None:
    """The window's colours, not pyqtgraph's black background."""
    widget.setBackground(palette.color(QPalette.ColorRole.Base))


def _axis_pen(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Text)


class CurvesView(QWidget):
    """Loss and accuracy per epoch, train and validation, drawn as they come; the best epoch marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: list[EpochStats] = []
        self.best_epoch = 0
        self.setMinimumHeight(180)  # whole in the Teach pane of a 1024x640 window
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.graphics = pg.GraphicsLayoutWidget()
        _style(self.graphics, self.palette())
        text = _axis_pen(self.palette())
        self.loss_plot = self.graphics.addPlot(title=self.tr("loss"))
        self.acc_plot = self.graphics.addPlot(title=self.tr("accuracy (%)"))
        self.series: dict[tuple[str, str], pg.PlotDataItem] = {}
        self.points: dict[str, pg.ScatterPlotItem] = {}
        self.best_lines: list[pg.InfiniteLine] = []
        for key, plot in (("loss", self.loss_plot), ("accuracy", self.acc_plot)):
            plot.setLabel("bottom", self.tr("epoch"))
            plot.showGrid(x=True, y=True, alpha=0.2)
            # loss falls: its legend top right; accuracy rises: its legend bottom right
            plot.addLegend(offset=(-8, 8) if key == "loss" else (-8, -8), labelTextColor=text)
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setTextPen(text)
            plot.getAxis("bottom").setTickSpacing(major=1, minor=1)
            for split, colour, name in (("train", TRAIN_COLOUR, self.tr("train")),
                                        ("val", VAL_COLOUR, self.tr("validation"))):
                self.series[(key, split)] = plot.plot([], [], pen=pg.mkPen(colour, width=2), name=name)
            # hoverable points: the value under the pointer, as a tooltip
            points = pg.ScatterPlotItem(size=7, hoverable=True, hoverSize=11, tip=self._tip)
            plot.addItem(points)
            self.points[key] = points
            line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen((40, 160, 80), style=Qt.PenStyle.DashLine),
                                   label=self.tr("best"), labelOpts={"position": 0.95, "color": (40, 160, 80)})
            line.hide()
            plot.addItem(line)
            self.best_lines.append(line)
        self.acc_plot.setYRange(0, 100)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)

    @staticmethod
    def _tip(x: float, y: float, data: object) -> str:
        return f"{data}, epoch {int(round(x))}: {y:.4g}"

    def clear(self) -> None:
        self.history = []
        self.set_best_epoch(0)
        self._redraw()

    def add(self, stats: EpochStats) -> None:
        self.history.append(stats)
        self._redraw()

    def set_best_epoch(self, epoch: int) -> None:
        self.best_epoch = epoch
        last = max([h.epoch for h in self.history], default=epoch)
        # "best" to the right of its line, or to its left in the right half: at the last epoch it was cut at the edge
        anchor = (1, 0.5) if epoch > (1 + last) / 2 else (0, 0.5)
        for line in self.best_lines:
            line.setValue(epoch)
            line.setVisible(epoch > 0)
            line.label.anchors = [anchor, anchor]
            line.label.updatePosition()

    def _redraw(self) -> None:
        epochs = np.array([h.epoch for h in self.history], float)
        values = {
            ("loss", "train"): [h.train_loss for h in self.history],
            ("loss", "val"): [h.val_loss for h in self.history],
            ("accuracy", "train"): [100 * h.train_acc for h in self.history],
            ("accuracy", "val"): [100 * h.val_acc for h in self.history],
        }
        for key, ys in values.items():
            self.series[key].setData(epochs, np.array(ys, float))
        step = max(1, int(np.ceil(len(epochs) / 10)))  # at most about ten epoch numbers on the axis
        last = max(2.0, float(epochs.max()) if len(epochs) else 2.0)
        for plot in (self.loss_plot, self.acc_plot):
            plot.getAxis("bottom").setTickSpacing(major=step, minor=1)
            # epochs count from 1: after a one-epoch run auto-range gave an axis from -4 to 6
            plot.setXRange(1 - 0.05 * last, last * 1.05, padding=0)
        for plot_key in ("loss", "accuracy"):
            spots = []
            for split, colour, name in (("train", TRAIN_COLOUR, self.tr("train")),
                                        ("val", VAL_COLOUR, self.tr("validation"))):
                spots += [{"pos": (x, y), "brush": pg.mkBrush(colour), "pen": None, "data": name}
                          for x, y in zip(epochs, values[(plot_key, split)], strict=True)]
            self.points[plot_key].setData(spots)


class ProbabilityBars(QWidget):
    """Top-k classes as horizontal bars (0-100%), the top-1 darker; class names on the left axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.predictions: list[Prediction] = []
        self.plot_widget = pg.PlotWidget()
        _style(self.plot_widget, self.palette())
        self.plot = self.plot_widget.getPlotItem()
        text = _axis_pen(self.palette())
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setTextPen(text)
        self.plot.setLabel("bottom", self.tr("probability (%)"))
        self.plot.showGrid(x=True, alpha=0.2)
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.invertY(True)  # rank 1 at the top
        self.plot.hideButtons()
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.7)
        self.plot.addItem(self.bars)
        self.labels: list[pg.TextItem] = []
        self.plot_widget.scene().sigMouseMoved.connect(self._hover)
        self.plot_widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        self.set_predictions([])

    def rows(self) -> list[str]:
        """What each bar reads, top first: "label 87.1%"."""
        return [f"{p.label} {100 * p.probability:.1f}%" for p in self.predictions]

    def set_predictions(self, predictions: Sequence[Prediction]) -> None:
        self.predictions = list(predictions)
        n = len(self.predictions)
        ys = np.arange(n, dtype=float)
        widths = np.array([100 * p.probability for p in self.predictions], float)
        brushes = [pg.mkBrush(TOP_COLOUR if i == 0 else OTHER_COLOUR) for i in range(n)]
        self.bars.setOpts(x0=np.zeros(n), y=ys, width=widths, height=0.7, pen=pg.mkPen(None),
                          brushes=brushes or None, brush=pg.mkBrush(TOP_COLOUR))
        for item in self.labels:
            self.plot.removeItem(item)
        self.labels = []
        for i, p in enumerate(self.predictions):
            percent = 100 * p.probability
            inside = percent > 60  # a long bar carries its number inside, in white; a short one after its end
            label = pg.TextItem(f"{percent:.1f}%", anchor=(1, 0.5) if inside else (0, 0.5),
                                color="w" if inside else self.palette().color(QPalette.ColorRole.Text))
            label.setPos(percent - 1 if inside else percent + 1, i)
            self.plot.addItem(label)
            self.labels.append(label)
        left = self.plot.getAxis("left")
        left.setTicks([[(i, self._short(p.label)) for i, p in enumerate(self.predictions)]])
        self.plot.setXRange(0, 100, padding=0.02)
        self.plot.setYRange(-0.5, max(n, 1) - 0.5, padding=0.02)
        self.setVisible(n > 0)
        self.setMinimumHeight(60 + 26 * n if n else 0)
        self.setMaximumHeight(70 + 40 * n if n else 0)

    @staticmethod
    def _short(label: str, width: int = 18) -> str:
        return label if len(label) <= width else label[: width - 1] + "…"

    def _hover(self, pos: QPointF) -> None:
        if not self.predictions:
            return
        point = self.plot.vb.mapSceneToView(pos)
        row = int(round(point.y()))
        if 0 <= row < len(self.predictions) and 0 <= point.x() <= 100:
            p = self.predictions[row]
            QToolTip.showText(self.plot_widget.mapToGlobal(self.plot_widget.mapFromScene(pos).toPoint()),
                              f"{p.label} — class {p.index}, p = {p.probability:.4f}", self.plot_widget)
        else:
            QToolTip.hideText()


def _percent_plot(palette: QPalette, x_label: str, y_label: str) -> tuple[pg.PlotWidget, pg.PlotItem, object]:
    """A styled plot of one percentage against another (0-100 on both axes); (widget, plot, the text pen)."""
    widget = pg.PlotWidget()
    _style(widget, palette)
    plot = widget.getPlotItem()
    text = _axis_pen(palette)
    for axis in ("left", "bottom"):
        plot.getAxis(axis).setTextPen(text)
    plot.setLabel("bottom", x_label)
    plot.setLabel("left", y_label)
    plot.setXRange(0, 100, padding=0.02)
    plot.setYRange(0, 100, padding=0.02)
    # tall enough for the turned y label: on a 1024x640 window "맞은 답 유지 (%)" was cut to "답 유"
    widget.setMinimumHeight(widget.fontMetrics().horizontalAdvance(y_label) + 70)
    # its preferred height is not a need: in a scrolling tab page it made the page scroll at 1280x800
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
    return widget, plot, text


class ReliabilityView(QWidget):
    """A reliability diagram: per confidence bin, how often the top-1 answer was right, against the diagonal a
    calibrated model would follow; before (grey) and after (blue) temperature scaling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget, self.plot, text = _percent_plot(self.palette(), self.tr("confidence (%)"),
                                                          self.tr("accuracy (%)"))
        self.plot.addLegend(offset=(8, 8), labelTextColor=text)
        self.plot.plot([0, 100], [0, 100], pen=pg.mkPen((150, 150, 150), style=Qt.PenStyle.DashLine))
        # points only, sized by how many predictions fall in the bin: a bin of one is not a trend
        self.before = self.plot.plot([], [], pen=None, symbol="o", symbolBrush=(150, 150, 150), symbolPen=None,
                                     name=self.tr("before"))
        self.after = self.plot.plot([], [], pen=None, symbol="o", symbolBrush=TRAIN_COLOUR, symbolPen=None,
                                    name=self.tr("after temperature scaling"))
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.plot_widget, 1)
        self.setMinimumHeight(150)

    def set_bins(self, before: tuple[np.ndarray, np.ndarray, np.ndarray],
                 after: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
        """(mean confidence, accuracy, count) per bin (NaN where a bin is empty), before and after."""
        for curve, (conf, acc, count) in ((self.before, before), (self.after, after)):
            filled = count > 0
            sizes = 5 + 12 * np.sqrt(count[filled] / max(1, count.max()))
            curve.setData(100 * conf[filled], 100 * acc[filled], symbolSize=sizes)


class UnknownCurveView(QWidget):
    """The "unknown" trade-off on held-out data: for every threshold, the share of wrong or unknown inputs still
    answered (false accepts) against the share of right answers kept; the chosen threshold marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget, self.plot, _text = _percent_plot(self.palette(), self.tr("false accepts (%)"),
                                                           self.tr("right kept (%)"))
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.curve = self.plot.plot([], [], pen=pg.mkPen(TRAIN_COLOUR, width=2), stepMode=None)
        self.target = pg.InfiniteLine(angle=90, pen=pg.mkPen(VAL_COLOUR, style=Qt.PenStyle.DashLine))
        self.target.setVisible(False)
        self.plot.addItem(self.target)
        self.chosen = self.plot.plot([], [], pen=None, symbol="o", symbolSize=11, symbolBrush=VAL_COLOUR,
                                     symbolPen=None)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.plot_widget, 1)
        self.setMinimumHeight(150)

    def set_curve(self, far: np.ndarray, tar: np.ndarray) -> None:
        """FAR and TAR (fractions) of every threshold, as ``UnknownCurve.points`` gives them."""
        order = np.lexsort((tar, far))
        self.curve.setData(100 * np.asarray(far)[order], 100 * np.asarray(tar)[order])

    def set_chosen(self, target_far: float | None, point: tuple[float, float] | None) -> None:
        """The target false-accept rate (a dashed line) and where the chosen threshold lands (a dot)."""
        self.target.setVisible(target_far is not None)
        if target_far is not None:
            self.target.setValue(100 * target_far)
        self.chosen.setData(*(([100 * point[0]], [100 * point[1]]) if point else ([], [])))

"""Charts on pyqtgraph: the Teach tab's training curves, reliability diagram and "unknown" trade-off.

They zoom and pan with the mouse (right-drag or wheel; the "A" button or a double-click resets), show the values
under the pointer, and export through pyqtgraph's context menu (right-click → Export: PNG, SVG, CSV).

Each keeps its data in plain Python and builds its pyqtgraph plot when it is first shown (``DeferredPlot``):
importing pyqtgraph makes PySide6 create ~600 enum classes for pyqtgraph's Qt mirror, half a second of the main
window's cold start when these were built with the window (issue 28). What is set before then is drawn at that
moment. The top-k bars of the Images tab, on screen from the start, are drawn with QPainter
(``gui.probability_bars``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from types import ModuleType

    import pyqtgraph as pg

    from convlens.engine.training.config import EpochStats

TRAIN_COLOUR = "#3f7ae0"
VAL_COLOUR = "#e07a3f"

# (mean confidence, accuracy, count) per bin, NaN where a bin is empty: a reliability diagram's data
Bins = tuple[np.ndarray, np.ndarray, np.ndarray]


def _pg() -> ModuleType:
    from convlens.gui.pyqtgraph_start import pg

    return pg


def _style(widget: pg.GraphicsView | pg.PlotWidget, palette: QPalette) -> None:
    """The window's colours, not pyqtgraph's black background."""
    widget.setBackground(palette.color(QPalette.ColorRole.Base))


def _axis_pen(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Text)


class DeferredPlot(QWidget):
    """A chart whose pyqtgraph widgets are made when it is first shown (or ``ensure_built``), then drawn from the
    data it holds. Subclasses keep their data in attributes, build in ``_build`` and draw it all in ``_redraw``;
    ``self.body`` is where the plot goes (a caption, if any, sits above it from the start)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.built = False
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> None:
        if not self.built:
            self.built = True
            self._build(_pg())
            self._redraw()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_built()
        super().showEvent(event)

    def _changed(self) -> None:
        if self.built:
            self._redraw()

    def _build(self, pg: Any) -> None:
        raise NotImplementedError

    def _redraw(self) -> None:
        raise NotImplementedError


class CurvesView(DeferredPlot):
    """Loss and accuracy per epoch, train and validation, drawn as they come; the best epoch marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: list[EpochStats] = []
        self.best_epoch = 0
        self.setMinimumHeight(180)  # whole in the Teach pane of a 1024x640 window
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _build(self, pg: Any) -> None:
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
        self.body.addWidget(self.graphics)

    @staticmethod
    def _tip(x: float, y: float, data: object) -> str:
        return f"{data}, epoch {int(round(x))}: {y:.4g}"

    def clear(self) -> None:
        self.history = []
        self.best_epoch = 0
        self._changed()

    def add(self, stats: EpochStats) -> None:
        self.history.append(stats)
        self._changed()

    def set_best_epoch(self, epoch: int) -> None:
        self.best_epoch = epoch
        self._changed()

    def _redraw(self) -> None:
        pg = _pg()
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
        epoch = self.best_epoch
        last_epoch = max([h.epoch for h in self.history], default=epoch)
        # "best" to the right of its line, or to its left in the right half: at the last epoch it was cut at the edge
        anchor = (1, 0.5) if epoch > (1 + last_epoch) / 2 else (0, 0.5)
        for line in self.best_lines:
            line.setValue(epoch)
            line.setVisible(epoch > 0)
            line.label.anchors = [anchor, anchor]
            line.label.updatePosition()


def _percent_plot(pg: Any, palette: QPalette, x_label: str, y_label: str) -> tuple[pg.PlotWidget, pg.PlotItem, object]:
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


class _CaptionedPlot(DeferredPlot):
    """A caption (there from the start) above a plot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.body.addWidget(self.caption)
        self.setMinimumHeight(150)


class ReliabilityView(_CaptionedPlot):
    """A reliability diagram: per confidence bin, how often the top-1 answer was right, against the diagonal a
    calibrated model would follow; before (grey) and after (blue) temperature scaling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        empty = (np.zeros(0), np.zeros(0), np.zeros(0))
        self.bins: tuple[Bins, Bins] = (empty, empty)

    def _build(self, pg: Any) -> None:
        self.plot_widget, self.plot, text = _percent_plot(pg, self.palette(), self.tr("confidence (%)"),
                                                          self.tr("accuracy (%)"))
        self.plot.addLegend(offset=(8, 8), labelTextColor=text)
        self.plot.plot([0, 100], [0, 100], pen=pg.mkPen((150, 150, 150), style=Qt.PenStyle.DashLine))
        # points only, sized by how many predictions fall in the bin: a bin of one is not a trend
        self.before = self.plot.plot([], [], pen=None, symbol="o", symbolBrush=(150, 150, 150), symbolPen=None,
                                     name=self.tr("before"))
        self.after = self.plot.plot([], [], pen=None, symbol="o", symbolBrush=TRAIN_COLOUR, symbolPen=None,
                                    name=self.tr("after temperature scaling"))
        self.body.addWidget(self.plot_widget, 1)

    def set_bins(self, before: Bins, after: Bins) -> None:
        """(mean confidence, accuracy, count) per bin (NaN where a bin is empty), before and after."""
        self.bins = (before, after)
        self._changed()

    def _redraw(self) -> None:
        for curve, (conf, acc, count) in zip((self.before, self.after), self.bins, strict=True):
            filled = count > 0
            sizes = 5 + 12 * np.sqrt(count[filled] / max(1, count.max(initial=0)))
            curve.setData(100 * conf[filled], 100 * acc[filled], symbolSize=sizes)


class UnknownCurveView(_CaptionedPlot):
    """The "unknown" trade-off on held-out data: for every threshold, the share of wrong or unknown inputs still
    answered (false accepts) against the share of right answers kept; the chosen threshold marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.far = self.tar = np.zeros(0)
        self.target_far: float | None = None
        self.point: tuple[float, float] | None = None

    def _build(self, pg: Any) -> None:
        self.plot_widget, self.plot, _text = _percent_plot(pg, self.palette(), self.tr("false accepts (%)"),
                                                           self.tr("right kept (%)"))
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.curve = self.plot.plot([], [], pen=pg.mkPen(TRAIN_COLOUR, width=2), stepMode=None)
        self.target = pg.InfiniteLine(angle=90, pen=pg.mkPen(VAL_COLOUR, style=Qt.PenStyle.DashLine))
        self.target.setVisible(False)
        self.plot.addItem(self.target)
        self.chosen = self.plot.plot([], [], pen=None, symbol="o", symbolSize=11, symbolBrush=VAL_COLOUR,
                                     symbolPen=None)
        self.body.addWidget(self.plot_widget, 1)

    def set_curve(self, far: np.ndarray, tar: np.ndarray) -> None:
        """FAR and TAR (fractions) of every threshold, as ``UnknownCurve.points`` gives them."""
        order = np.lexsort((tar, far))
        self.far, self.tar = np.asarray(far)[order], np.asarray(tar)[order]
        self._changed()

    def set_chosen(self, target_far: float | None, point: tuple[float, float] | None) -> None:
        """The target false-accept rate (a dashed line) and where the chosen threshold lands (a dot)."""
        self.target_far, self.point = target_far, point
        self._changed()

    def _redraw(self) -> None:
        self.curve.setData(100 * self.far, 100 * self.tar)
        self.target.setVisible(self.target_far is not None)
        if self.target_far is not None:
            self.target.setValue(100 * self.target_far)
        self.chosen.setData(*(([100 * self.point[0]], [100 * self.point[1]]) if self.point else ([], [])))

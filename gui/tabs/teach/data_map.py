"""The data map: one dot per image (the model's penultimate features in 2-D), coloured by class or by whether the
model gets it right; click a dot to open the image with its CAM, lasso a group to move it to another class folder
(with undo; files are moved, never deleted)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainterPath
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from convlens.engine.models.openset import UNKNOWN_FOLDER
from convlens.gui.i18n import engine_text
from convlens.gui.pyqtgraph_start import pg

if TYPE_CHECKING:
    from convlens.engine.evaluation.embedding import Embedding, Move

PALETTE = ["#3f7ae0", "#e07a3f", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf"]


class LassoViewBox(pg.ViewBox):
    """Left-drag draws a lasso (its points are reported when the button is released); right-drag and the wheel
    still pan and zoom."""

    def __init__(self, on_lasso, **kwargs) -> None:
        super().__init__(**kwargs)
        self.on_lasso = on_lasso
        self.path: list[QPointF] = []
        self.outline = pg.PlotCurveItem(pen=pg.mkPen("#555555", width=1, style=Qt.PenStyle.DashLine))
        self.addItem(self.outline, ignoreBounds=True)

    def mouseDragEvent(self, ev, axis=None) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()
        point = self.mapSceneToView(ev.scenePos())
        if ev.isStart():
            self.path = []
        self.path.append(point)
        xs = [p.x() for p in self.path] + [self.path[0].x()]
        ys = [p.y() for p in self.path] + [self.path[0].y()]
        self.outline.setData(xs, ys)
        if ev.isFinish():
            self.on_lasso(list(self.path))


class EmbeddingDialog(QDialog):
    image_chosen = Signal(list, str)  # every image of the map, the clicked one
    move_requested = Signal(list, str, str)  # paths, data folder, class folder name
    undo_requested = Signal(object)  # the Move to undo

    def __init__(self, embedding: Embedding, root: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Data map — {folder}").format(folder=Path(root).name))
        self.resize(860, 640)
        self.embedding = embedding
        self.root = root
        self.folder_class = list(embedding.folder_class)  # changes as files move
        self.sources = list(embedding.sources)
        self.selected = np.zeros(len(self.sources), bool)
        self.moves: list[tuple[Move, dict[int, int]]] = []  # each move and the classes its dots had before

        self.colour_by = QComboBox()
        self.colour_by.addItem(self.tr("colour: folder class"), "class")
        self.colour_by.addItem(self.tr("colour: right / wrong"), "correct")
        self.colour_by.currentIndexChanged.connect(self.redraw)
        self.target = QComboBox()
        self.target.setEditable(True)
        self.target.setToolTip(self.tr("The class folder to move the selected images to (type a new name to make "
                                       "one; {folder} holds images of none of the classes)").format(
            folder=UNKNOWN_FOLDER))
        for name in [*embedding.classes, UNKNOWN_FOLDER]:
            self.target.addItem(name)
        self.move_button = QPushButton(self.tr("Move selected"))
        self.move_button.setObjectName("move_button")
        self.move_button.setEnabled(False)
        self.move_button.clicked.connect(self._move)
        self.undo_button = QPushButton(self.tr("Undo move"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self._undo)
        top = QHBoxLayout()
        top.addWidget(self.colour_by)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.target)
        top.addWidget(self.move_button)
        top.addWidget(self.undo_button)

        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.status = QLabel(self.tr("Click a dot to open its image with the CAM; drag around dots to select them."))
        self.status.setObjectName("map_status")
        self.status.setWordWrap(True)
        self.view_box = LassoViewBox(self.select_polygon)
        self.plot_widget = pg.PlotWidget(viewBox=self.view_box)
        self.plot_widget.setBackground(self.palette().color(self.backgroundRole()))
        self.plot_widget.getPlotItem().hideAxis("left")
        self.plot_widget.getPlotItem().hideAxis("bottom")
        self.plot_widget.getPlotItem().addLegend(offset=(-8, 8), labelTextColor=self.palette().color(
            self.foregroundRole()))
        self.scatter = pg.ScatterPlotItem(size=9, hoverable=True)
        self.scatter.sigClicked.connect(self._on_click)
        self.plot_widget.addItem(self.scatter)
        self.legend_items: list[pg.ScatterPlotItem] = []
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.status)
        e = embedding
        text = self.tr("{n} images, {d} features each (the input of the model's last layer), in 2-D by {how}").format(
            n=len(e.sources), d=e.features, how=engine_text(e.reason))
        if e.explained:
            text += self.tr(" — the axes hold {a:.0f}% and {b:.0f}% of the variance").format(
                a=100 * e.explained[0], b=100 * e.explained[1])
        self.caption.setText(text)
        self.redraw()

    # ------------------------------------------------------------ drawing
    def _groups(self) -> list[tuple[str, QColor, np.ndarray]]:
        n = len(self.sources)
        if self.colour_by.currentData() == "correct":
            ok = self._correct()
            return [(self.tr("right"), QColor("#2ca02c"), np.array([c is True for c in ok])),
                    (self.tr("wrong"), QColor("#d62728"), np.array([c is False for c in ok])),
                    (self.tr("no class of the model"), QColor("#999999"), np.array([c is None for c in ok]))]
        classes = self.class_names()
        out = []
        for i, name in enumerate(classes):
            out.append((name, QColor(PALETTE[i % len(PALETTE)]),
                        np.array([self.folder_class[j] == i for j in range(n)])))
        out.append((UNKNOWN_FOLDER, QColor("#999999"), np.array([c < 0 for c in self.folder_class])))
        return out

    def class_names(self) -> list[str]:
        return list(self._classes)

    @property
    def _classes(self) -> list[str]:
        names = list(self.embedding.classes)
        extra = getattr(self, "_extra_classes", [])
        return names + extra

    def _correct(self) -> list[bool | None]:
        index = {name: i for i, name in enumerate(self.embedding.labels)}
        classes = self._classes
        return [None if c < 0 or classes[c] not in index else index[classes[c]] == p
                for c, p in zip(self.folder_class, self.embedding.predicted, strict=True)]

    def redraw(self) -> None:
        points = self.embedding.points
        brushes = [QColor("#999999")] * len(self.sources)
        for item in self.legend_items:
            self.plot_widget.getPlotItem().legend.removeItem(item)
        self.legend_items = []
        for name, colour, mask in self._groups():
            if not mask.any():
                continue
            for i in np.flatnonzero(mask):
                brushes[i] = colour
            item = pg.ScatterPlotItem(brush=pg.mkBrush(colour), pen=pg.mkPen(None), symbol="o", size=9)
            self.plot_widget.getPlotItem().legend.addItem(item, f"{name} ({int(mask.sum())})")
            self.legend_items.append(item)
        pens = [pg.mkPen("k", width=2) if s else pg.mkPen(None) for s in self.selected]
        self.scatter.setData(x=points[:, 0], y=points[:, 1], brush=brushes, pen=pens, data=list(range(len(points))))
        n = int(self.selected.sum())
        self.move_button.setEnabled(n > 0)
        self.move_button.setText(self.tr("Move {n} selected").format(n=n) if n else self.tr("Move selected"))

    # ------------------------------------------------------------ interaction
    def select_polygon(self, polygon: list[QPointF]) -> None:
        """Select the dots inside the lasso (a click-sized lasso clears the selection)."""
        path = QPainterPath()
        if len(polygon) >= 3:
            path.moveTo(polygon[0])
            for p in polygon[1:]:
                path.lineTo(p)
            path.closeSubpath()
        pts = self.embedding.points
        self.selected = np.array([path.contains(QPointF(float(x), float(y))) for x, y in pts], bool)
        self.view_box.outline.setData([], [])
        n = int(self.selected.sum())
        self.status.setText(self.tr("{n} selected: choose a class folder and Move, or drag again.").format(n=n)
                            if n else self.tr("Nothing selected."))
        self.redraw()

    def _on_click(self, _item: object, points: list) -> None:
        if points:
            index = int(points[0].data())
            self.image_chosen.emit(list(self.sources), self.sources[index])

    def _move(self) -> None:
        name = self.target.currentText().strip()
        paths = [self.sources[i] for i in np.flatnonzero(self.selected)]
        if paths and name:
            self.move_requested.emit(paths, self.root, name)

    def on_moved(self, move: Move) -> None:
        """The engine moved the files: follow them on the map."""
        folder = Path(move.target).name
        classes = self._classes
        if folder != UNKNOWN_FOLDER and folder not in classes:
            self._extra_classes = [*getattr(self, "_extra_classes", []), folder]
            classes = self._classes
        index = classes.index(folder) if folder != UNKNOWN_FOLDER else -1
        where = {s: i for i, s in enumerate(self.sources)}
        before = {}
        for src, dst in move.pairs:
            i = where[src]
            before[i] = self.folder_class[i]
            self.sources[i] = dst
            self.folder_class[i] = index
        self.moves.append((move, before))
        self.selected[:] = False
        self.undo_button.setEnabled(True)
        self.status.setText(self.tr("Moved {n} files to {folder}. Undo puts them back.").format(
            n=len(move.pairs), folder=folder))
        self.redraw()

    def _undo(self) -> None:
        if self.moves:
            self.undo_requested.emit(self.moves[-1][0])

    def on_undone(self, count: int) -> None:
        move, before = self.moves.pop()
        where = {s: i for i, s in enumerate(self.sources)}
        for src, dst in move.pairs:
            if dst in where:
                i = where[dst]
                self.sources[i] = src
                self.folder_class[i] = before[i]
        self.undo_button.setEnabled(bool(self.moves))
        self.status.setText(self.tr("{n} files put back.").format(n=count))
        self.redraw()


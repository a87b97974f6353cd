"""Two models compared layer by layer: the linear-CKA heat map (rows: the first model's layers, columns: the
second's) and, for each layer of the first, the second's most alike layer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from convlens.gui.i18n import engine_text, fill
from convlens.gui.image_view import array_to_qimage

if TYPE_CHECKING:
    from convlens.engine.app.tasks import LayersCompared


class LayerSimilarityDialog(QDialog):
    def __init__(self, result: LayersCompared, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layer_similarity")
        diff = result.diff
        first, second = diff.names
        self.setWindowTitle(self.tr("Layers compared: {a} and {b}").format(a=first, b=second))
        self.resize(980, 680)
        self.compared = result
        summary = QLabel(fill(self.tr(
            "Linear CKA (Kornblith et al. 2019) between every layer of <b>{a}</b> ({n_a} layers, rows) and every layer "
            "of <b>{b}</b> ({n_b}, columns) on {n} images: 1 where two layers represent the images alike (up to a "
            "rotation and a scale), 0 where they have nothing in common."), a=first, b=second,
            n_a=len(diff.layers[0]), n_b=len(diff.layers[1]), n=len(diff.images)))
        summary.setWordWrap(True)
        notes = QLabel(" ".join(engine_text(n) for n in diff.notes))
        notes.setWordWrap(True)
        notes.setStyleSheet("color: gray")
        notes.setVisible(bool(diff.notes))
        self.picture = QLabel()
        self.picture.setPixmap(QPixmap.fromImage(array_to_qimage(result.picture)))
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        self.table = QTableWidget(len(diff.layers[0]), 3)
        self.table.setObjectName("most_alike")
        self.table.setHorizontalHeaderLabels([self.tr("Layer of {a}").format(a=first),
                                              self.tr("Most alike in {b}").format(b=second), "CKA"])
        for i, layer in enumerate(diff.layers[0]):
            j = diff.best_match(i)
            self.table.setItem(i, 0, QTableWidgetItem(layer.name))
            self.table.setItem(i, 1, QTableWidgetItem(diff.layers[1][j].name if j >= 0 else self.tr("(constant)")))
            self.table.setItem(i, 2, QTableWidgetItem(f"{diff.cka[i, j]:.3f}" if j >= 0 else ""))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(scroll)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.table.setMinimumWidth(300)
        split.setSizes([600, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(notes)
        layout.addWidget(split, 1)

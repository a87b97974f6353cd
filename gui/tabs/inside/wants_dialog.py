"""What a channel wants: the image made to excite it beside the images of a folder that excite it most (with the
channel's map over each), and on request the made image of every channel of the layer, as a grid."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from convlens.gui.i18n import fill
from convlens.gui.image_view import array_to_qimage

if TYPE_CHECKING:
    from convlens.engine.app.tasks import ExamplesFound, LayerWant
    from convlens.engine.inspect.visualize import VisualizeProgress, WantedImage

MADE_SIDE = 300
GRID_TILE = 96


def _pixmap(array: np.ndarray, side: int) -> QPixmap:
    pixmap = QPixmap.fromImage(array_to_qimage(np.ascontiguousarray(array)))
    small = max(array.shape[:2]) * 4 <= side  # LeNet-5's 28x28: enlarged with its pixels kept sharp
    return pixmap.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.FastTransformation if small else Qt.TransformationMode.SmoothTransformation)


class ChannelWantsDialog(QDialog):
    """Not modal; the controller runs the jobs and feeds the results in."""

    examples_requested = Signal(str)  # folder
    layer_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, layer: str, channel: int, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wants_dialog")
        self.layer, self.channel = layer, channel
        self.setWindowTitle(self.tr("What {layer} channel {c} wants").format(layer=layer, c=channel))
        self.resize(900, 560)
        self.wanted: WantedImage | None = None
        self.examples: ExamplesFound | None = None
        self.layer_images: list[QPixmap] = []

        self.made = QLabel(self.tr("making the image…"))
        self.made.setFixedSize(MADE_SIDE, MADE_SIDE)
        self.made.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.made_caption = QLabel()
        self.made_caption.setWordWrap(True)
        self.made_caption.setMaximumWidth(MADE_SIDE)
        self.tiles = QLabel(self.tr("Choose a folder to see the images that excite this channel most."))
        self.tiles.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tiles.setMinimumSize(3 * 160 + 8, 3 * 160 + 8)
        self.tiles.setWordWrap(True)
        self.folder = QLineEdit(folder)
        self.folder.setPlaceholderText(self.tr("a folder of images (searched with its subfolders)"))
        self.choose = QPushButton(self.tr("Choose…"))
        self.choose.clicked.connect(self._choose_folder)
        self.find_button = QPushButton(self.tr("Find examples"))
        self.find_button.setObjectName("find_examples")
        self.find_button.clicked.connect(lambda: self.examples_requested.emit(self.folder.text().strip()))
        self.whole_layer = QPushButton(self.tr("Whole layer"))
        self.whole_layer.setObjectName("whole_layer")
        self.whole_layer.setToolTip(self.tr("The made image of every channel of {layer} ({steps} steps each, "
                                            "cached)").format(layer=layer, steps=96))
        self.whole_layer.clicked.connect(self.layer_requested)
        self.progress = QProgressBar()
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.clicked.connect(self.cancel_requested)

        left = QVBoxLayout()
        left.addWidget(self.made)
        left.addWidget(self.made_caption)
        left.addStretch(1)
        right = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Examples from:")))
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        row.addWidget(self.find_button)
        right.addLayout(row)
        right.addWidget(self.tiles, 1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        self.grid = QLabel()
        self.grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.grid_scroll = QScrollArea()
        self.grid_scroll.setWidget(self.grid)
        self.grid_scroll.setWidgetResizable(True)
        self.grid_scroll.setVisible(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel)
        bottom.addWidget(self.whole_layer)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.grid_scroll, 1)
        layout.addLayout(bottom)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Images to find the channel's examples in"),
                                                  self.folder.text() or str(Path.home()))
        if folder:
            self.folder.setText(folder)
            self.examples_requested.emit(folder)

    # ------------------------------------------------------------ results
    def on_step(self, step: VisualizeProgress) -> None:
        self.progress.setMaximum(step.steps)
        self.progress.setValue(step.step)

    def show_wanted(self, wanted: WantedImage) -> None:
        self.wanted = wanted
        self.made.setPixmap(_pixmap(wanted.image, MADE_SIDE))
        self._caption()

    def show_examples(self, found: ExamplesFound) -> None:
        self.examples = found
        self.tiles.setPixmap(QPixmap.fromImage(array_to_qimage(found.picture)))
        self.tiles.setToolTip("\n".join(f"{e.activation:.4g}  {e.path}" for e in found.examples))
        self._caption()

    def show_failed(self, message: str) -> None:
        if self.wanted is None:
            self.made.setText(message)
        else:
            self.tiles.setText(message)

    def _caption(self) -> None:
        if self.wanted is None:
            return
        text = fill(self.tr("Made in {steps} steps ({mode}); the channel's mean activation on it: {a:.4g}."),
                    steps=self.wanted.steps, a=self.wanted.activation,
                    mode=self.tr("Fourier image, decorrelated colours") if self.wanted.mode == "fourier"
                    else self.tr("pixels, for a small input"))
        if self.examples is not None and self.examples.examples:
            best = self.examples.examples[0].activation
            if best > 0:
                text += " " + fill(self.tr("The best of {n} examples from {folder} reaches {b:.4g}: the made image "
                                           "{r:.1f} times that."), n=len(self.examples.examples),
                                   folder=Path(self.examples.folder).name, b=best, r=self.wanted.activation / best)
        self.made_caption.setText(text)

    def on_layer_channel(self, done: LayerWant) -> None:
        """One more channel of the whole layer: the grid grows."""
        self.grid_scroll.setVisible(True)
        self.progress.setMaximum(done.total)
        self.progress.setValue(done.index)
        self.layer_images.append(_pixmap(done.wanted.image, GRID_TILE))
        columns = max(1, (self.grid_scroll.viewport().width() - 4) // (GRID_TILE + 2))
        rows = (len(self.layer_images) + columns - 1) // columns
        canvas = QPixmap(columns * (GRID_TILE + 2), rows * (GRID_TILE + 2))
        canvas.fill(Qt.GlobalColor.white)
        painter = QPainter(canvas)
        for i, tile in enumerate(self.layer_images):
            r, c = divmod(i, columns)
            painter.drawPixmap(c * (GRID_TILE + 2), r * (GRID_TILE + 2), tile)
        painter.end()
        self.grid.setPixmap(canvas)
        self.grid.setToolTip(self.tr("channels 0-{n} of {layer}, in order").format(n=len(self.layer_images) - 1,
                                                                                 layer=self.layer))

    def set_busy(self, busy: bool) -> None:
        self.cancel.setEnabled(busy)
        self.whole_layer.setEnabled(not busy)
        self.find_button.setEnabled(not busy)
        if not busy:
            self.progress.setValue(self.progress.maximum())


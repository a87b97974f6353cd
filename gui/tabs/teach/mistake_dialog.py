"""One wrong prediction seen from both sides: the CAM of the class the model said and of the class it should have
said, side by side (the misclassified gallery's answer to "why did it say that, and where did it look for the
truth?")."""

from __future__ import annotations

from html import escape
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from convlens.gui.i18n import fill
from convlens.gui.image_view import array_to_qimage

SIDE = 300  # each picture's longest side on screen


class MistakeDialog(QDialog):
    """A window of its own (not modal: the gallery stays clickable, the next mistake replaces this one): the file
    name, the two CAMs with captions, and Open in Images."""

    open_requested = Signal(str)  # the mistake's image: show it in the Images tab

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mistake_dialog")
        self.setWindowTitle(self.tr("A wrong prediction"))
        self.path = ""
        self.classes: tuple[str, str] = ("", "")  # (predicted, true)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.pictures = (QLabel(), QLabel())
        self.captions = (QLabel(), QLabel())
        self.open_button = QPushButton(self.tr("Open in Images"))
        self.open_button.setToolTip(self.tr("The image in the Images tab, with the CAM of its answer"))
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.path))
        grid = QGridLayout()
        for column, (picture, caption) in enumerate(zip(self.pictures, self.captions, strict=True)):
            picture.setFixedSize(SIDE, SIDE)
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setWordWrap(True)
            caption.setMaximumWidth(SIDE)
            grid.addWidget(picture, 0, column)
            grid.addWidget(caption, 1, column, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.open_button)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addStretch(1)

    def show_pending(self, path: str, true: str, predicted: str) -> None:
        """A mistake was chosen: its names at once, the pictures when the engine has them."""
        self.path = path
        self.classes = (predicted, true)
        self.title.setText(fill(self.tr("<b>{file}</b>: a {true} taken for a {predicted}"),
            file=escape(Path(path).name), true=escape(true), predicted=escape(predicted)))
        texts = (self.tr("Why “{c}”"), self.tr("Where is “{c}”"))
        tips = (self.tr("Grad-CAM of the class the model answered: what made it say so"),
                self.tr("Grad-CAM of the true class: where the model found evidence for it"))
        for picture, caption, text, tip, name in zip(self.pictures, self.captions, texts, tips, self.classes,
                                                     strict=True):
            picture.clear()
            picture.setText(self.tr("computing…"))
            picture.setToolTip(tip)
            caption.setText(text.format(c=name))
            caption.setToolTip(tip)
        self.setWindowTitle(self.tr("A wrong prediction: {file}").format(file=Path(path).name))
        self.show()
        self.raise_()

    def show_cams(self, path: str, cams: tuple[np.ndarray, ...]) -> None:
        if path != self.path:  # another mistake was chosen meanwhile
            return
        for picture, rgb in zip(self.pictures, cams, strict=True):
            picture.setPixmap(QPixmap.fromImage(array_to_qimage(rgb)).scaled(
                SIDE, SIDE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    def show_failed(self, message: str) -> None:
        for picture in self.pictures:
            picture.clear()
        self.pictures[0].setText(message)
        self.pictures[0].setWordWrap(True)

    def clear(self) -> None:
        self.path = ""
        self.hide()

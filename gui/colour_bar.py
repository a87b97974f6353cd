"""A colour-scale legend: the colour map from low to high, with what the ends mean (CAM and feature maps had none)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from convlens.engine.inspect.render import colorize
from convlens.gui.image_view import array_to_qimage

__all__ = ["ColourBar"]


class ColourBar(QWidget):
    def __init__(self, cmap: str, low: str, high: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low, self.high = QLabel(low), QLabel(high)
        for label in (self.low, self.high):
            label.setStyleSheet("color: gray")
        self.bar = QLabel()
        self.bar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.low)
        layout.addWidget(self.bar)
        layout.addWidget(self.high)
        self.cmap = ""
        self.set_cmap(cmap)

    def set_cmap(self, cmap: str) -> None:
        self.cmap = cmap
        ramp = colorize(np.tile(np.linspace(0, 1, 80, dtype=np.float32), (10, 1)), 0.0, 1.0, cmap)
        self.bar.setPixmap(QPixmap.fromImage(array_to_qimage(ramp)))

"""The current image, shown large, and the strip of images to flip through."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QRect, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QIcon, QImage, QImageReader, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSizePolicy, QWidget

THUMB = 96


def array_to_qimage(array: np.ndarray) -> QImage:
    """An (H, W, 3) uint8 RGB array as a QImage that owns its pixels."""
    h, w = array.shape[:2]
    data = np.ascontiguousarray(array)
    return QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class ImageView(QWidget):
    """Paints the current image scaled to fit, or a hint when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self._overlay: QPixmap | None = None
        self.overlay_opacity = 0.5
        self._hint = self.tr("Drop images or a folder here\nCtrl+O to open, Ctrl+V to paste")
        self.caption = ""
        self.setMinimumSize(240, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: QImage | None, caption: str = "") -> None:
        self._pixmap = QPixmap.fromImage(image) if image is not None else None
        self._overlay = None
        self.caption = caption
        self.update()

    def set_overlay(self, image: QImage | None) -> None:
        """A layer (e.g. a CAM) painted over the image at ``overlay_opacity``; None removes it."""
        self._overlay = QPixmap.fromImage(image) if image is not None else None
        self.update()

    def has_overlay(self) -> bool:
        return self._overlay is not None

    def set_overlay_opacity(self, opacity: float) -> None:
        self.overlay_opacity = opacity
        self.update()

    def set_hint(self, text: str) -> None:
        self._pixmap = None
        self._overlay = None
        self._hint = text
        self.update()

    def has_image(self) -> bool:
        return self._pixmap is not None

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        if self._pixmap is None:
            p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._hint)
            return
        area = self.rect().adjusted(8, 8, -8, -28)
        scaled = self._pixmap.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
        x = area.x() + (area.width() - scaled.width()) // 2
        y = area.y() + (area.height() - scaled.height()) // 2
        p.drawPixmap(x, y, scaled)
        if self._overlay is not None:
            p.setOpacity(self.overlay_opacity)
            p.drawPixmap(QRect(x, y, scaled.width(), scaled.height()), self._overlay)
            p.setOpacity(1.0)
        p.setPen(self.palette().color(QPalette.ColorRole.Text))
        caption_rect = self.rect().adjusted(8, self.height() - 24, -8, -4)
        text = p.fontMetrics().elidedText(self.caption, Qt.TextElideMode.ElideMiddle, caption_rect.width())
        p.drawText(caption_rect, Qt.AlignmentFlag.AlignCenter, text)


class _ThumbSignals(QObject):
    done = Signal(int, str, QImage)


class _ThumbJob(QRunnable):
    """Decode a small preview with Qt's reader (no torch) off the UI thread."""

    def __init__(self, generation: int, path: str, signals: _ThumbSignals) -> None:
        super().__init__()
        self.generation, self.path, self.signals = generation, path, signals

    def run(self) -> None:
        reader = QImageReader(self.path)
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid() and size.width() > 0 and size.height() > 0:
            reader.setScaledSize(size.scaled(QSize(THUMB * 2, THUMB * 2), Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        self.signals.done.emit(self.generation, self.path, image)


class ThumbnailStrip(QListWidget):
    """A one-row gallery; selecting an item makes it the current image."""

    current_path_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListWidget.Movement.Static)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setFixedHeight(THUMB + 46)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        placeholder = QPixmap(THUMB, THUMB)
        placeholder.fill(Qt.GlobalColor.transparent)
        self._placeholder = QIcon(placeholder)
        self.setGridSize(QSize(THUMB + 24, THUMB + 28))
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _ThumbSignals()
        self._signals.done.connect(self._on_thumb)
        self._generation = 0
        self._items: dict[str, QListWidgetItem] = {}
        self.currentItemChanged.connect(self._on_current)

    def set_paths(self, paths: list[str]) -> None:
        self._generation += 1
        self._pool.clear()
        self.blockSignals(True)
        self.clear()
        self._items = {}
        for path in paths:
            item = QListWidgetItem(self._placeholder, Path(path).name)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.addItem(item)
            self._items[path] = item
            self._pool.start(_ThumbJob(self._generation, path, self._signals))
        self.blockSignals(False)
        self.setVisible(len(paths) > 1)

    def paths(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]

    def _on_thumb(self, generation: int, path: str, image: QImage) -> None:
        item = self._items.get(path)
        if generation == self._generation and item is not None and not image.isNull():
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    def _on_current(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.current_path_changed.emit(item.data(Qt.ItemDataRole.UserRole))

    def step(self, delta: int) -> None:
        if self.count():
            self.setCurrentRow((self.currentRow() + delta) % self.count())

    def shutdown(self) -> None:
        self._pool.clear()
        self._pool.waitForDone()

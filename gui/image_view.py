"""The current image, shown large, and the strip of images to flip through."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QSizePolicy, QWidget

THUMB = 96

if TYPE_CHECKING:
    from convlens.engine.app.tasks import Thumbnail


def array_to_qimage(array: np.ndarray) -> QImage:
    """An (H, W, 3) uint8 RGB array as a QImage that owns its pixels."""
    h, w = array.shape[:2]
    data = np.ascontiguousarray(array)
    return QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class ImageView(QWidget):
    """Paints the current image scaled to fit, or a hint and *Try a sample* when there is none."""

    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # a first-time user sees a real prediction without finding a file: the bundled sample photos
        self.sample_button = QPushButton(self.tr("Try a sample"), self)
        self.sample_button.setObjectName("try_sample")
        self.sample_button.setToolTip(self.tr("Open the sample photos that come with ConvLens"))
        self.sample_button.clicked.connect(self.sample_requested)
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
        self._place_sample_button()
        self.update()

    def _place_sample_button(self) -> None:
        self.sample_button.setVisible(self._pixmap is None)
        hint = self.fontMetrics().boundingRect(QRect(0, 0, self.width(), self.height()),
                                               Qt.AlignmentFlag.AlignCenter, self._hint)
        size = self.sample_button.sizeHint()
        self.sample_button.setGeometry((self.width() - size.width()) // 2,
                                       min(hint.bottom() + 16, self.height() - size.height()), size.width(), size.height())

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._place_sample_button()

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
        self._place_sample_button()
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


class ThumbnailStrip(QListWidget):
    """A one-row gallery; selecting an item makes it the current image."""

    current_path_changed = Signal(str)
    thumbnails_needed = Signal(list)  # paths whose previews the window should have decoded (on the engine thread)

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
        self.setUniformItemSizes(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._items: dict[str, QListWidgetItem] = {}
        self.currentItemChanged.connect(self._on_current)

    def set_paths(self, paths: list[str]) -> None:
        self.blockSignals(True)
        self.clear()
        self._items = {}
        for path in paths:
            item = QListWidgetItem(self._placeholder, Path(path).name)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            item.setSizeHint(QSize(THUMB + 24, THUMB + 28))
            self.addItem(item)
            self._items[path] = item
        self.blockSignals(False)
        self.setVisible(len(paths) > 1)
        if len(paths) > 1:
            self.thumbnails_needed.emit(list(paths))

    def paths(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]

    def set_thumbnail(self, thumb: Thumbnail) -> None:
        """A decoded preview (``engine.app.tasks.Thumbnail``) for one of the items."""
        item = self._items.get(thumb.path)
        image = thumb.image
        if item is None:
            return
        if image is None:
            item.setToolTip(f"{thumb.path}\n{thumb.error}")
            return
        # Centre the preview on a square canvas: a very wide or tall image never overflows its cell.
        canvas = QPixmap(THUMB, THUMB)
        canvas.fill(Qt.GlobalColor.transparent)
        picture = QPixmap.fromImage(array_to_qimage(image)).scaled(
            THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        painter = QPainter(canvas)
        painter.drawPixmap((THUMB - picture.width()) // 2, (THUMB - picture.height()) // 2, picture)
        painter.end()
        item.setIcon(QIcon(canvas))

    def remove_path(self, path: str) -> None:
        item = self._items.pop(path, None)
        if item is not None:
            self.blockSignals(True)
            self.takeItem(self.row(item))
            self.blockSignals(False)
            self.setVisible(self.count() > 1)

    def select_path(self, path: str) -> None:
        item = self._items.get(path)
        if item is not None:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)

    def _on_current(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.current_path_changed.emit(item.data(Qt.ItemDataRole.UserRole))

    def step(self, delta: int) -> None:
        if self.count():
            self.setCurrentRow((self.currentRow() + delta) % self.count())

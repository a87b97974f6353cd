"""Where a window opens: its saved geometry when it still fits a screen, else a default size that fits the screen
it is on (a 1024x640 laptop, a 1080-pixel screen at 1.5x: never larger than the available area)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

__all__ = ["DEFAULT_SIZE", "place_window"]

DEFAULT_SIZE = (1280, 800)


def _available(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, *DEFAULT_SIZE)


def place_window(widget: QWidget, saved: QByteArray | None) -> None:
    """Restore ``saved`` (kept within the available screen area), or size ``widget`` to fit and centre it."""
    area = _available(widget)
    if saved is not None and widget.restoreGeometry(saved):
        frame = widget.frameGeometry()
        if area.contains(frame.center()) and frame.width() <= area.width() and frame.height() <= area.height():
            return
    width = min(DEFAULT_SIZE[0], area.width() - 16)
    height = min(DEFAULT_SIZE[1], area.height() - 48)  # the title bar and the frame
    widget.resize(max(width, 320), max(height, 240))
    widget.move(area.x() + (area.width() - widget.width()) // 2, area.y() + (area.height() - widget.height()) // 2)

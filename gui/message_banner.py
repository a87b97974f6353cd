"""An in-window message strip: errors and notes appear here, never as a traceback.

It floats over the top of its parent (it is not in a layout), so showing or
hiding a message never moves the rest of the window.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QGraphicsDropShadowEffect, QHBoxLayout, QLabel, QToolButton, QWidget

#: An error (something failed: red) or a note (something worth knowing: blue).
BannerKind = Literal["error", "info"]

_STYLES: dict[BannerKind, str] = {
    "error": "QFrame#banner { background: #fde2e1; border: 1px solid #e5534b; border-radius: 4px; } QLabel { color: #7d1a14; }",
    "info": "QFrame#banner { background: #e6f0ff; border: 1px solid #6f9de8; border-radius: 4px; } QLabel { color: #1b3f7a; }",
}


class MessageBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.kind: BannerKind | None = None
        # a note goes by itself after long enough to read it (it covered the top row of every tab until closed);
        # an error stays until it is dismissed or a new action starts well
        self._fade = QTimer(self)
        self._fade.setSingleShot(True)
        self._fade.timeout.connect(self._fade_note)
        self.top = 0  # distance from the parent's top edge (e.g. below a tab bar)
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(12)
        shadow.setOffset(0, 2)
        self.setGraphicsEffect(shadow)
        if parent is not None:
            parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False

    def place(self) -> None:
        """Lie over the top of the parent, as wide as it less a margin, as tall as the text needs."""
        parent = self.parentWidget()
        if parent is None:
            return
        width = max(120, parent.width() - 24)
        layout = self.layout()
        assert layout is not None  # set in __init__
        margins = layout.contentsMargins()
        text_width = width - margins.left() - margins.right() - layout.spacing() - 28
        height = self.label.heightForWidth(text_width) + margins.top() + margins.bottom() + 2
        self.setGeometry(12, self.top + 4, width, max(height, 28))
        self.raise_()

    def show_message(self, text: str, kind: BannerKind = "error") -> None:
        self.kind = kind
        self.setStyleSheet(_STYLES[kind])
        self.label.setText(text)
        self.show()
        self.place()
        if kind == "info":
            self._fade.start(reading_time_ms(text))
        else:
            self._fade.stop()

    def _fade_note(self) -> None:
        if self.kind == "info" and not self.underMouse():  # not while it is being read (or its text selected)
            self.hide()
        elif self.kind == "info":
            self._fade.start(2000)

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


def reading_time_ms(text: str) -> int:
    """Long enough to read ``text``: 8 s, plus 50 ms a character past the first 120 (a paragraph: about 20 s)."""
    return 8000 + 50 * max(0, len(text) - 120)

"""A row of widgets that wraps onto a second line when the window is too narrow (Qt's flow-layout example).

A ``QHBoxLayout`` of buttons sets its page's minimum width to the sum of the buttons: on a 1024-px screen that made
the Teach page scroll sideways. In a ``FlowRow`` the buttons that do not fit go to the next line, and the minimum
width is that of the widest button.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

__all__ = ["FlowRow"]


class FlowRow(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addStretch(self) -> None:
        """A break between the left and the right group: what follows goes to the right end of its line."""
        self._items.append(_Stretch())

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._visible()) + self._spacing * max(0, len(self._visible()) - 1)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not isinstance(i, _Stretch) and not ((w := i.widget()) is not None and w.isHidden())]

    def _lines(self, width: int) -> list[tuple[list[QLayoutItem], list[QLayoutItem]]]:
        """Each line's left group and right group (the items after a stretch), filled while they fit."""
        lines: list[tuple[list[QLayoutItem], list[QLayoutItem]]] = [([], [])]
        used, right = 0, False
        for item in self._items:
            if isinstance(item, _Stretch):
                right = True
                continue
            if (widget := item.widget()) is not None and widget.isHidden():
                continue
            need = item.sizeHint().width()
            line = lines[-1]
            if (line[0] or line[1]) and used + self._spacing + need > width:
                lines.append(([], []))
                line, used = lines[-1], 0
            (line[1] if right else line[0]).append(item)
            used += need + (self._spacing if used else 0)
        return lines

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        y = area.y()
        for left, right in self._lines(area.width()):
            height = max((i.sizeHint().height() for i in left + right), default=0)
            if move:
                x = area.x()
                for item in left:
                    item.setGeometry(QRect(QPoint(x, y), QSize(item.sizeHint().width(), height)))
                    x += item.sizeHint().width() + self._spacing
                x = area.right() + 1
                for item in reversed(right):
                    x -= item.sizeHint().width()
                    item.setGeometry(QRect(QPoint(x, y), QSize(item.sizeHint().width(), height)))
                    x -= self._spacing
            y += height + self._spacing
        return y - self._spacing - rect.y() + margins.bottom()


class _Stretch(QLayoutItem):
    """A marker, not a widget: it takes no room."""

    def sizeHint(self) -> QSize:
        return QSize(0, 0)

    def minimumSize(self) -> QSize:
        return QSize(0, 0)

    def maximumSize(self) -> QSize:
        return QSize(0, 0)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def isEmpty(self) -> bool:
        return True

    def geometry(self) -> QRect:
        return QRect()

    def setGeometry(self, rect: QRect) -> None:
        pass


"""Tabs whose pages scroll rather than set the window's minimum size.

Each tab's page is wrapped in a ``QScrollArea``: on a 1024x640 laptop screen (or at a 1.5x scale) a page that
needs more room than the window has scrolls, instead of making the window larger than the screen or squeezing its
widgets on top of each other. Callers keep using the page widgets themselves (``setCurrentWidget(view)``,
``currentWidget() is view``): the scroll areas are an implementation detail.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

__all__ = ["ScrollingTabs"]


class ScrollingTabs(QTabWidget):
    def addTab(self, page: QWidget, title: str) -> int:  # type: ignore[override]
        area = QScrollArea()
        area.setWidget(page)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        return super().addTab(area, title)

    def page(self, index: int) -> QWidget | None:
        area = super().widget(index)
        return area.widget() if isinstance(area, QScrollArea) else area

    def widget(self, index: int) -> QWidget | None:
        return self.page(index)

    def currentWidget(self) -> QWidget | None:  # type: ignore[override]
        return self.page(self.currentIndex())

    def indexOf(self, page: QWidget) -> int:
        for i in range(self.count()):
            if self.page(i) is page or super().widget(i) is page:
                return i
        return -1

    def setCurrentWidget(self, page: QWidget) -> None:
        index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)

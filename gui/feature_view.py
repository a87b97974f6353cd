"""Feature maps of the selected layer (most active first, paged) and the first layer's filters."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from convlens.engine.inspect.render import COLORMAPS, channel_image
from convlens.gui.colour_bar import ColourBar
from convlens.gui.image_view import array_to_qimage

if TYPE_CHECKING:
    from convlens.engine.app.session import FeatureView
    from convlens.engine.core.choices import Normalisation


class FitImage(QWidget):
    """An image scaled to fit the widget (whole, aspect kept); pixels stay crisp when enlarged."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def setPixmap(self, pixmap: QPixmap) -> None:
        self._pixmap = pixmap
        self.update()

    def pixmap(self) -> QPixmap:
        return self._pixmap

    def clear(self) -> None:
        self.setPixmap(QPixmap())

    def target(self) -> QRectF:
        """Where the image is drawn: centred, as large as fits."""
        if self._pixmap.isNull():
            return QRectF()
        w, h = self._pixmap.width(), self._pixmap.height()
        scale = min(self.width() / w, self.height() / h)
        return QRectF((self.width() - w * scale) / 2, (self.height() - h * scale) / 2, w * scale, h * scale)

    def paintEvent(self, _event: object) -> None:
        if self._pixmap.isNull():
            return
        p = QPainter(self)
        p.drawPixmap(self.target(), self._pixmap, QRectF(self._pixmap.rect()))
        self.paint_over(p)

    def paint_over(self, p: QPainter) -> None:
        """Subclasses mark things over the image."""


class _GridImage(FitImage):
    """The page of channels, scaled to fit (no horizontal scrolling); the selected tile is outlined."""

    clicked = Signal(QPoint)  # in the grid image's own pixels

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.selected: QRectF | None = None  # in grid pixels
        self.setMinimumSize(120, 120)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        target = self.target()
        if target.isEmpty():
            return
        scale = target.width() / self._pixmap.width()
        pos = event.position()
        self.clicked.emit(QPoint(int((pos.x() - target.x()) / scale), int((pos.y() - target.y()) / scale)))

    def paint_over(self, p: QPainter) -> None:
        if self.selected is None:
            return
        target = self.target()
        scale = target.width() / self._pixmap.width()
        r = self.selected
        p.setPen(QPen(QColor(255, 80, 40), 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(target.x() + r.x() * scale - 1, target.y() + r.y() * scale - 1,
                          r.width() * scale + 2, r.height() * scale + 2))


class FeatureMapView(QWidget):
    """The grid of one page of channels; click a channel to see it large with its value range."""

    settings_changed = Signal()  # page, colour map or normalisation changed: ask the engine again
    wants_requested = Signal(str, int)  # layer, channel: make the image that channel answers to most

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Select a layer in the tree to see its feature maps."))
        self.title.setObjectName("feature_title")
        self.title.setWordWrap(True)
        self.cmap = QComboBox()
        for name in COLORMAPS:
            self.cmap.addItem(name, name)
        self.cmap.setToolTip(self.tr("Colour map"))
        self.normalise = QComboBox()
        self.normalise.addItem(self.tr("Per-channel range"), "channel")
        self.normalise.addItem(self.tr("Shared range"), "shared")
        self.normalise.setToolTip(self.tr("Stretch each map over its own range, or one range for the page"))
        self.prev_button = QPushButton("◀")
        self.next_button = QPushButton("▶")
        self.page_label = QLabel()
        for w in (self.prev_button, self.next_button):
            w.setFixedWidth(36)
        controls = QHBoxLayout()
        controls.addWidget(self.cmap)
        controls.addWidget(self.normalise)
        self.legend = ColourBar(self.cmap.currentData() or "viridis", self.tr("low"), self.tr("high activation"))
        self.legend.setToolTip(self.tr("Each tile's colours run from its channel's lowest value to its highest "
                                       "(Per-channel range), or over the whole page (Shared range)"))
        self.cmap.currentIndexChanged.connect(lambda _i: self.legend.set_cmap(self.cmap.currentData()))
        controls.addWidget(self.legend)
        controls.addStretch(1)
        controls.addWidget(self.prev_button)
        controls.addWidget(self.page_label)
        controls.addWidget(self.next_button)

        self.grid = _GridImage()
        self.grid.setObjectName("feature_grid")
        scroll = self.grid
        self.detail = FitImage()
        self.detail.setMinimumWidth(160)
        self.detail_text = QLabel(self.tr("Click a channel"))
        self.detail_text.setObjectName("channel_info")
        self.detail_text.setWordWrap(True)
        self.detail_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wants_button = QPushButton(self.tr("What it wants"))
        self.wants_button.setObjectName("wants_button")
        self.wants_button.setToolTip(self.tr("An image made to excite this channel as much as possible (activation "
                                             "maximisation), beside the images of a folder that excite it most"))
        self.wants_button.setEnabled(False)
        self.wants_button.clicked.connect(self._on_wants)
        detail_box = QWidget()
        dl = QVBoxLayout(detail_box)
        dl.addWidget(self.detail, 1)
        dl.addWidget(self.detail_text)
        dl.addWidget(self.wants_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(scroll)
        split.addWidget(detail_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([600, 240])
        detail_box.setMaximumWidth(360)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(controls)
        layout.addWidget(split, 1)
        self.view: FeatureView | None = None
        self.page = 0
        self.selected_channel: int | None = None
        self.class_names: tuple[str, ...] = ()  # the model's, to name a classifier layer's outputs
        self.cmap.currentIndexChanged.connect(self._on_style_changed)
        self.normalise.currentIndexChanged.connect(self._on_style_changed)
        self.prev_button.clicked.connect(lambda: self._turn(-1))
        self.next_button.clicked.connect(lambda: self._turn(1))
        self.grid.clicked.connect(self._on_grid_click)
        self._update_pager()

    @property
    def colormap(self) -> str:
        return self.cmap.currentData()

    @property
    def normalisation(self) -> Normalisation:
        return self.normalise.currentData()

    def _on_wants(self) -> None:
        if self.view is not None and self.selected_channel is not None:
            self.wants_requested.emit(self.view.maps.layer, self.selected_channel)

    def show_message(self, text: str) -> None:
        self.view = None
        self.wants_button.setEnabled(False)
        self.title.setText(text)
        self.grid.clear()
        self.detail.clear()
        self.detail_text.setText("")
        self._update_pager()

    def show_view(self, view: FeatureView) -> None:
        self.view = view
        self.page = view.page
        fm = view.maps
        shown = len(view.channels)
        first = view.page * len(view.channels) if view.page < view.pages - 1 else fm.channels - shown
        self.title.setText(self.tr(
            "<b>{layer}</b> — {c} channels of {h}×{w}; showing {a}–{b}, most active first").format(
            layer=fm.layer, c=fm.channels, h=fm.maps.shape[1], w=fm.maps.shape[2], a=first + 1, b=first + shown))
        self.grid.setPixmap(QPixmap.fromImage(array_to_qimage(view.grid)))
        self._update_pager()
        channel = self.selected_channel if self.selected_channel in view.channels else view.channels[0]
        self.show_channel(channel)

    def show_channel(self, channel: int) -> None:
        if self.view is None:
            return
        fm = self.view.maps
        self.selected_channel = channel
        self.wants_button.setEnabled(fm.maps.shape[1:] != (1, 1))  # a spatial map: a convolution's channel
        shared = None
        if self.normalisation == "shared":  # the grid's one range for the page: the enlarged tile keeps it
            page = fm.maps[list(self.view.channels)]
            shared = (float(page.min()), float(page.max()))
        image = channel_image(fm, channel, self.colormap, size=320, value_range=shared)
        self.detail.setPixmap(QPixmap.fromImage(array_to_qimage(image)))
        m = fm.maps[channel]
        rank = int(np.where(fm.order == channel)[0][0]) + 1
        view = self.view
        if channel in view.channels:
            i = view.channels.index(channel)
            th, tw = view.tile_size
            row, col = divmod(i, view.columns)
            self.grid.selected = QRectF(view.gap + col * (tw + view.gap), view.gap + row * (th + view.gap), tw, th)
        else:
            self.grid.selected = None
        self.grid.update()
        if fm.maps.shape[1:] == (1, 1) and len(self.class_names) == fm.channels:  # the classifier: one per class
            what = self.tr("class {c}: {name}").format(c=channel, name=self.class_names[channel])
        else:
            what = self.tr("channel {c}").format(c=channel)
        self.detail_text.setText(self.tr(
            "{what} (rank {r} of {n})\nmin {lo:.3g}   max {hi:.3g}   mean {mean:.3g}").format(
            what=what, r=rank, n=fm.channels, lo=float(m.min()), hi=float(m.max()), mean=float(fm.mean[channel])))

    def channel_at(self, pos: QPoint) -> int | None:
        view = self.view
        if view is None:
            return None
        th, tw = view.tile_size
        col = (pos.x() - view.gap) // (tw + view.gap)
        row = (pos.y() - view.gap) // (th + view.gap)
        index = row * view.columns + col
        if pos.x() < view.gap or pos.y() < view.gap or col >= view.columns or not 0 <= index < len(view.channels):
            return None
        return view.channels[index]

    def _on_grid_click(self, pos: QPoint) -> None:
        channel = self.channel_at(pos)
        if channel is not None:
            self.show_channel(channel)

    def _turn(self, delta: int) -> None:
        if self.view is None:
            return
        self.page = min(max(0, self.page + delta), self.view.pages - 1)
        self.settings_changed.emit()

    def _on_style_changed(self) -> None:
        self.settings_changed.emit()

    def _update_pager(self) -> None:
        pages = self.view.pages if self.view else 1
        self.page_label.setText(self.tr("page {p}/{n}").format(p=self.page + 1, n=pages))
        self.prev_button.setEnabled(self.view is not None and self.page > 0)
        self.next_button.setEnabled(self.view is not None and self.page < pages - 1)
        for w in (self.prev_button, self.next_button, self.page_label):
            w.setVisible(pages > 1)


class FiltersView(QWidget):
    """The first convolution's kernels as RGB tiles (what the first layer looks for)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("The first convolution's kernels appear here once a model is loaded."))
        self.title.setWordWrap(True)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        self.layer = ""

    def show_kernels(self, layer: str, grid: np.ndarray, count: int, kernel: tuple[int, int]) -> None:
        self.layer = layer
        self.title.setText(self.tr(
            "<b>{layer}</b>: {n} kernels of {kh}×{kw}, shown as RGB (grey = 0; one scale for all)").format(
            layer=layer, n=count, kh=kernel[0], kw=kernel[1]))
        self.image.setPixmap(QPixmap.fromImage(array_to_qimage(grid)))

    def show_message(self, text: str) -> None:
        self.layer = ""
        self.title.setText(text)
        self.image.clear()


def qimage_from_rgba(array: np.ndarray) -> QImage:
    h, w = array.shape[:2]
    data = np.ascontiguousarray(array)
    return QImage(data.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()

"""The live frame with its answer painted on it: the model's input guide, the CAM on the frame it explains, a stale
answer greyed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QSizePolicy,
    QWidget,
)

from convlens.gui.image_view import array_to_qimage

if TYPE_CHECKING:
    from convlens.engine.app.live import LiveResult

#: A prediction about a frame this much older than the one shown is marked stale.
STALE_SECONDS = 0.3


class LiveCanvas(QWidget):
    """Paints every captured frame, the crop guide, the latest prediction and the live statistics."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.frame: QImage | None = None
        self.frame_size = (0, 0)
        self.mirror = False
        self.crop_guide = True
        self.result: LiveResult | None = None
        self.stats = ""
        self.message = self.tr("Choose a source and press Start.\nA camera number (0, 1, ...), a video file or a "
                               "stream URL (rtsp://, http://).")
        self.cam: QPixmap | None = None
        self.cam_opacity = 0.5
        self.recording = ""
        self.frame_time = 0.0  # capture time of the frame shown
        #: The part of the model's input square it really sees (its preprocessing's crop / resize, e.g. 224/256).
        self.input_fraction = 1.0
        self.whole_frame = False  # the model takes the whole frame (crop off and a preprocessing that squashes)

    def set_frame(self, image: np.ndarray, captured_at: float = 0.0) -> None:
        if self.mirror:
            image = np.ascontiguousarray(image[:, ::-1])
        self.frame = array_to_qimage(image)
        self.frame_size = (image.shape[1], image.shape[0])
        self.frame_time = captured_at
        self.update()

    def result_age(self) -> float:
        """How much older the shown prediction's frame is than the frame shown (seconds; 0: the same frame)."""
        if self.result is None or not self.frame_time:
            return 0.0
        return max(0.0, self.frame_time - self.result.frame.time)

    def _image_rect(self) -> QRectF:
        w, h = self.frame_size
        area = QRectF(self.rect().adjusted(4, 4, -4, -4))
        scale = min(area.width() / w, area.height() / h)
        return QRectF(area.x() + (area.width() - w * scale) / 2, area.y() + (area.height() - h * scale) / 2,
                      w * scale, h * scale)

    def crop_rect(self) -> QRectF:
        """The centre square of the frame (what the model is given when cropping; the CAM covers it)."""
        r = self._image_rect()
        side = min(r.width(), r.height())
        return QRectF(r.center().x() - side / 2, r.center().y() - side / 2, side, side)

    def guide_rect(self) -> QRectF:
        """Exactly what the model sees: the centre square after its preprocessing's resize and centre crop."""
        if self.whole_frame:
            return self._image_rect()
        square = self.crop_rect()
        side = square.width() * self.input_fraction
        return QRectF(square.center().x() - side / 2, square.center().y() - side / 2, side, side)

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(24, 24, 24))
        if self.frame is None:
            p.setPen(QColor(200, 200, 200))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.message)
            return
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = self._image_rect()
        p.drawImage(target, self.frame)
        square = self.crop_rect() if self.crop_guide else target
        if self.cam is not None:
            p.setOpacity(self.cam_opacity)
            p.drawPixmap(square, self.cam, QRectF(self.cam.rect()))
            p.setOpacity(1.0)
        guide = self.guide_rect()
        if guide != target:
            shade = QColor(0, 0, 0, 110)
            p.fillRect(QRectF(target.left(), target.top(), target.width(), guide.top() - target.top()), shade)
            p.fillRect(QRectF(target.left(), guide.bottom(), target.width(), target.bottom() - guide.bottom()), shade)
            p.fillRect(QRectF(target.left(), guide.top(), guide.left() - target.left(), guide.height()), shade)
            p.fillRect(QRectF(guide.right(), guide.top(), target.right() - guide.right(), guide.height()), shade)
            p.setPen(QPen(QColor(255, 209, 102), 2, Qt.PenStyle.DashLine))
            p.drawRect(guide)
        self._paint_prediction(p, target)
        if self.recording:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(220, 40, 40))
            p.drawEllipse(QRectF(target.right() - 26, target.top() + 10, 14, 14))
            p.setPen(QColor(255, 255, 255))
            p.drawText(QRectF(target.right() - 260, target.top() + 6, 228, 22),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.recording)
        p.setPen(QColor(255, 255, 255))
        band = QRectF(target.left(), target.bottom() - 24, target.width(), 24)
        p.fillRect(band, QColor(0, 0, 0, 140))
        p.drawText(band.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.stats)

    def _paint_prediction(self, p: QPainter, target: QRectF) -> None:
        if self.result is None:
            return
        rows = self.result.predictions[:3]
        age = self.result_age()
        stale = age > STALE_SECONDS  # an answer about an older frame: said so, greyed, never passed off as this one
        unknown = self.result.unknown
        box = QRectF(target.left() + 10, target.top() + 10, min(300.0, target.width() - 20),
                     16 + 26 * (len(rows) + unknown + stale))
        if stale:
            p.setOpacity(0.55)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0, 150))
        p.drawRoundedRect(box, 6, 6)
        font = QFont(self.font())
        if unknown:  # nothing it knows is in front of the camera: say so above the (greyed) guesses
            font.setBold(True)
            p.setFont(font)
            p.setPen(QColor(255, 209, 102))
            p.drawText(QRectF(box.left() + 14, box.top() + 8, box.width() - 28, 22),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       self.tr("Unknown: none of the classes"))
            p.setPen(Qt.PenStyle.NoPen)
        for i, pred in enumerate(rows):
            y = box.top() + 8 + 26 * (i + unknown)
            bar = QRectF(box.left() + 8, y, (box.width() - 16) * pred.probability, 22)
            p.setBrush(QColor("#777777") if unknown else QColor("#3f7ae0") if i == 0 else QColor("#6f8fc8"))
            p.drawRoundedRect(bar, 4, 4)
            font.setBold(i == 0 and not unknown)
            p.setFont(font)
            p.setPen(QColor(255, 255, 255))
            text_rect = QRectF(box.left() + 14, y, box.width() - 28, 22)
            p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, pred.label)
            p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                       f"{100 * pred.probability:.0f}%")
            p.setPen(Qt.PenStyle.NoPen)
        if stale:
            p.setOpacity(1.0)
            p.setPen(QColor(255, 209, 102))
            font.setBold(False)
            p.setFont(font)
            y = box.top() + 8 + 26 * (len(rows) + unknown)
            p.drawText(QRectF(box.left() + 14, y, box.width() - 28, 22),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       self.tr("stale: from a frame {ms:.0f} ms earlier").format(ms=1000 * age))


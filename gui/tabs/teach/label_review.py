"""Wrong labels found for you: the suspects of a folder, most suspect first, each with the CAM of its given and of
its likely class; *Move to <likely class>* and *Not a mistake*, both with undo (files are moved, never deleted).
Pictures filed under two classes are listed below."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from convlens.gui.i18n import fill
from convlens.gui.image_view import array_to_qimage

if TYPE_CHECKING:
    from convlens.engine.evaluation.embedding import Move
    from convlens.engine.evaluation.label_issues import LabelReview, LabelSuspect

SIDE = 260  # each CAM's longest side on screen
_PATH = Qt.ItemDataRole.UserRole


class LabelReviewDialog(QDialog):
    """Not modal: the Teach tab stays usable while the suspects are gone through."""

    cams_requested = Signal(object)  # the LabelSuspect whose two CAMs to compute
    move_requested = Signal(list, str, str)  # paths, data folder, class folder name
    undo_requested = Signal(object)  # the Move to undo
    open_requested = Signal(str)  # show the image in the Images tab

    def __init__(self, review: LabelReview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("label_review")
        self.setWindowTitle(self.tr("Wrong labels — {folder}").format(folder=Path(review.root).name))
        self.resize(900, 620)
        self.review = review
        # what the user did, last first: ("move", suspect, Move) or ("keep", suspect, None)
        self.decisions: list[tuple[str, LabelSuspect, Move | None]] = []
        self._pending_move: LabelSuspect | None = None

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setText(fill(self.tr(
            "<b>{n} suspect labels</b> among {images} images, most suspect first. A head on the model's features, "
            "cross-validated in {folds} folds, answers {acc:.1f}% of the images as filed; a suspect is an image it "
            "confidently puts in another class (confident learning)."), n=len(review.suspects), images=review.images,
            folds=review.folds, acc=100 * review.accuracy))
        self.list = QListWidget()
        self.list.setObjectName("suspects")
        self.list.currentItemChanged.connect(self._on_current)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.pictures = (QLabel(), QLabel())
        self.captions = (QLabel(), QLabel())
        grid = QGridLayout()
        for column, (picture, caption) in enumerate(zip(self.pictures, self.captions, strict=True)):
            picture.setFixedSize(SIDE, SIDE)
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setWordWrap(True)
            caption.setMaximumWidth(SIDE)
            caption.setMinimumHeight(caption.fontMetrics().lineSpacing() * 3)  # two lines, never under the picture
            grid.addWidget(picture, 0, column)
            grid.addWidget(caption, 1, column, Qt.AlignmentFlag.AlignTop)
        self.move_button = QPushButton()
        self.move_button.setObjectName("move_suspect")
        self.move_button.setToolTip(self.tr("Move the file into the folder of the likely class (undo puts it back)"))
        self.move_button.clicked.connect(self._move)
        self.keep_button = QPushButton(self.tr("Not a mistake"))
        self.keep_button.setObjectName("keep_suspect")
        self.keep_button.setToolTip(self.tr("Leave the file where it is and take it off the list"))
        self.keep_button.clicked.connect(self._keep)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undo_suspect")
        self.undo_button.clicked.connect(self._undo)
        self.open_button = QPushButton(self.tr("Open in Images"))
        self.open_button.clicked.connect(self._open)
        buttons = QHBoxLayout()
        for b in (self.move_button, self.keep_button, self.undo_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        detail = QWidget()
        dv = QVBoxLayout(detail)
        dv.addWidget(self.title)
        dv.addLayout(grid)
        dv.addLayout(buttons)
        dv.addStretch(1)

        self.conflicts = QListWidget()
        self.conflicts.setObjectName("conflicts")
        self.conflicts.setMaximumHeight(self.conflicts.fontMetrics().lineSpacing() * 6)
        names = review.classes
        for c in review.conflicts:
            item = QListWidgetItem(fill(self.tr("{a} ({class_a}) and {b} ({class_b}): the same picture, or a near "
                                                "copy"), a=Path(c.paths[0]).name, class_a=names[c.classes[0]],
                                        b=Path(c.paths[1]).name, class_b=names[c.classes[1]]))
            item.setToolTip("\n".join(c.paths))
            item.setData(_PATH, c.paths[0])
            self.conflicts.addItem(item)
        self.conflicts.itemDoubleClicked.connect(lambda item: self.open_requested.emit(item.data(_PATH)))
        conflict_box = QWidget()
        cv = QVBoxLayout(conflict_box)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.addWidget(QLabel(self.tr("Filed under two classes ({n}): a label conflict no classifier can settle; "
                                    "double-click to open").format(n=len(review.conflicts))))
        cv.addWidget(self.conflicts)
        conflict_box.setVisible(bool(review.conflicts))

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.list)
        top.addWidget(detail)
        top.setStretchFactor(1, 1)
        top.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(top, 1)
        layout.addWidget(conflict_box)

    def start(self) -> None:
        """Fill the list and ask for the first suspect's CAMs (once the signals are connected)."""
        self._fill()

    # ------------------------------------------------------------ the list
    def _fill(self) -> None:
        handled = {s.path for _, s, _ in self.decisions}
        names = self.review.classes
        self.list.clear()
        for rank, s in enumerate(self.review.suspects, 1):
            if s.path in handled:
                continue
            item = QListWidgetItem(f"{rank}. {Path(s.path).name}: {names[s.given]} → {names[s.likely]} "
                                   f"(p {s.given_probability:.3f})")
            item.setToolTip(s.path)
            item.setData(_PATH, s)
            self.list.addItem(item)
        self.undo_button.setEnabled(bool(self.decisions) and self._pending_move is None)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._show_none()

    def _open(self) -> None:
        s = self._current()
        if s is not None:
            self.open_requested.emit(s.path)

    def _current(self) -> LabelSuspect | None:
        item = self.list.currentItem()
        return item.data(_PATH) if item is not None else None

    def _show_none(self) -> None:
        self.title.setText(self.tr("No suspects left.") if self.review.suspects else
                           self.tr("No suspect labels: every image the head is sure of agrees with its folder."))
        for picture, caption in zip(self.pictures, self.captions, strict=True):
            picture.clear()
            caption.clear()
        self.move_button.setText(self.tr("Move"))
        for b in (self.move_button, self.keep_button, self.open_button):
            b.setEnabled(False)

    def _on_current(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if item is None:
            return
        s: LabelSuspect = item.data(_PATH)
        names = self.review.classes
        self.title.setText(fill(self.tr("<b>{file}</b> is filed under {given}; the head says {likely}."),
                                file=Path(s.path).name, given=names[s.given], likely=names[s.likely]))
        self.captions[0].setText(fill(self.tr("Where it finds {name} (the folder's class, p = {p:.3f})"),
                                      name=names[s.given], p=s.given_probability))
        self.captions[1].setText(fill(self.tr("Where it finds {name} (the likely class, p = {p:.3f})"),
                                      name=names[s.likely], p=s.likely_probability))
        for picture in self.pictures:
            picture.setText(self.tr("computing the CAM…"))
        self.move_button.setText(self.tr("Move to {name}").format(name=names[s.likely]))
        for b in (self.move_button, self.keep_button, self.open_button):
            b.setEnabled(self._pending_move is None)
        self.cams_requested.emit(s)

    def show_cams(self, suspect: LabelSuspect, cams: tuple[np.ndarray, np.ndarray]) -> None:
        """The engine's two pictures for ``suspect`` (ignored if another suspect has been chosen since)."""
        if self._current() is not suspect:
            return
        for picture, cam in zip(self.pictures, cams, strict=True):
            pixmap = QPixmap.fromImage(array_to_qimage(cam))
            picture.setPixmap(pixmap.scaled(SIDE, SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))

    def show_cam_error(self, message: str) -> None:
        for picture in self.pictures:
            picture.setText(message)

    # ------------------------------------------------------------ decisions
    def _move(self) -> None:
        s = self._current()
        if s is None:
            return
        self._pending_move = s
        for b in (self.move_button, self.keep_button, self.undo_button):
            b.setEnabled(False)
        self.move_requested.emit([s.path], self.review.root, self.review.classes[s.likely])

    def on_moved(self, move: Move) -> None:
        if self._pending_move is not None:
            self.decisions.append(("move", self._pending_move, move))
        self._pending_move = None
        self._fill()

    def on_move_failed(self) -> None:
        self._pending_move = None
        self._fill()

    def _keep(self) -> None:
        s = self._current()
        if s is not None:
            self.decisions.append(("keep", s, None))
            self._fill()

    def _undo(self) -> None:
        if not self.decisions:
            return
        kind, _s, move = self.decisions[-1]
        if kind == "keep":
            self.decisions.pop()
            self._fill()
            return
        self.undo_button.setEnabled(False)
        self.undo_requested.emit(move)

    def on_undone(self, _count: int) -> None:
        if self.decisions and self.decisions[-1][0] == "move":
            self.decisions.pop()
        self._fill()

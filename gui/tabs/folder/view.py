"""Folder mode: batch classification with progress, ETA and cancel; a sortable table; CSV export."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QResizeEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from convlens.gui.i18n import engine_text, fill
from convlens.gui.tabs.folder.state import FolderState

if TYPE_CHECKING:
    from convlens.engine.runtime.results import ImageResult
    from convlens.gui.tabs.folder.state import Progress

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def reason_only(source: str, error: str) -> str:
    """An error in the user's language, without the file name it starts with (the row already names the file)."""
    error = engine_text(error)
    prefix = f"{Path(source).name}: "
    return error[len(prefix):] if error.startswith(prefix) else error


class ElidedLabel(QLabel):
    """One line that never widens the window: the text is elided to the width; the whole text is the tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(50)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text if len(text) > 80 else "")
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        line = self._full.replace("\n", " ")
        super().setText(self.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, max(10, self.width())))


def _format_eta(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}"


class FolderView(QWidget):
    cancel_requested = Signal()
    export_requested = Signal()
    row_activated = Signal(str)

    COL_FILE, COL_TOP1, COL_PROB, COL_TOP5 = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels([self.tr("File"), self.tr("Top-1"), self.tr("Probability"),
                                              self.tr("Top-5")])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.COL_FILE, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.COL_FILE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(self.COL_FILE, 260)
        # fixed once the results are in (finish): ResizeToContents measured the rows in view, so a sort changed them
        header.setSectionResizeMode(self.COL_TOP1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.COL_PROB, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(self.COL_TOP1, 200)
        header.resizeSection(self.COL_PROB, 110)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_double_click)

        self.progress = QProgressBar()
        self.progress.setObjectName("folder_progress")
        self.eta = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setEnabled(False)
        self.summary = ElidedLabel(self.tr("Drop a folder to classify all its images."))
        self.summary.setObjectName("folder_summary")
        self.model_label = ElidedLabel("")
        self.model_label.setStyleSheet("color: gray")
        self.only_skipped = QCheckBox(self.tr("Only skipped files"))
        self.only_skipped.setEnabled(False)
        self.only_skipped.toggled.connect(self._filter_skipped)
        self.proxy.setFilterKeyColumn(self.COL_TOP1)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.export_button.clicked.connect(self.export_requested)

        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.eta)
        row.addWidget(self.cancel_button)
        row.addWidget(self.export_button)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.only_skipped)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.model_label)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.state = FolderState()  # the results; the controller changes it, the table follows its events
        self.state.cleared.connect(lambda _: self.model.removeRows(0, self.model.rowCount()))
        self.state.added.connect(self._on_added)

    @property
    def results(self) -> list[ImageResult]:
        return self.state.results

    @property
    def running(self) -> bool:
        return self.state.running

    # ----------------------------------------------------------- job life
    def scanning(self, what: str) -> None:
        """The folder is being searched for images (on the engine thread)."""
        self.progress.setRange(0, 0)
        self.eta.setText("")
        self.summary.setText(self.tr("Looking for images in {what}…").format(what=what))
        self.cancel_button.setEnabled(True)
        self.export_button.setEnabled(False)
        self.only_skipped.setChecked(False)
        self.only_skipped.setEnabled(False)
        self.only_skipped.setText(self.tr("Only skipped files"))

    def start(self, total: int, what: str, model: str = "") -> None:
        self.model_label.setText(fill(self.tr("Classified by {model}"), model=model) if model else "")
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(0)
        self.eta.setText("")
        self.summary.setText(self.tr("Classifying {n} images in {what}…").format(n=total, what=what))
        self.cancel_button.setEnabled(True)
        self.export_button.setEnabled(False)

    def _on_added(self, added: tuple[Sequence[ImageResult], Progress]) -> None:
        results, progress = added
        for result in results:
            self._add_row(result)
        self.progress.setValue(progress.done)
        self.eta.setText(self.tr("{done}/{total}, ETA {eta}").format(
            done=progress.done, total=progress.total, eta=_format_eta(progress.remaining)))

    def results_in_view_order(self) -> list[ImageResult]:
        """The results as the table shows them (its sort, then any rows its filter hides, in their order)."""
        shown = [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(self.proxy.rowCount())]
        seen = set(shown)
        order = shown + [r for r in range(len(self.results)) if r not in seen]
        return [self.results[r] for r in order if r < len(self.results)]

    def finish(self, cancelled: bool, error: str = "") -> None:
        """The run ended (``state.finish`` first): the summary, with the skipped files and why."""
        for column in (self.COL_TOP1, self.COL_PROB):  # once, over every row: a later sort keeps the widths
            self.table.resizeColumnToContents(column)
        self.cancel_button.setEnabled(False)
        self.export_button.setEnabled(bool(self.results))
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        good, skipped = self.state.counts()
        text = self.tr("{good} classified, {skipped} skipped").format(good=good, skipped=skipped)
        if skipped:
            text += " — " + "; ".join(
                f"{Path(r.source).name} ({reason_only(r.source, r.error or '')})" for r in self.state.skipped())
        self.only_skipped.setEnabled(bool(skipped))
        self.only_skipped.setText(self.tr("Only skipped files ({n})").format(n=skipped))
        if cancelled:
            text = self.tr("Cancelled. ") + text
        if error:
            text = error
        self.summary.setText(text)
        self.eta.setText(self.tr("done in {t}").format(t=_format_eta(self.state.elapsed)))

    def _add_row(self, result: ImageResult) -> None:

        def cell(text: str, sort: object) -> QStandardItem:
            item = QStandardItem(text)
            item.setData(sort, SORT_ROLE)
            item.setToolTip(text)
            return item

        name = Path(result.source).name
        if result.error:
            reason = reason_only(result.source, result.error)
            row = [cell(name, name.lower()), cell(self.tr("skipped"), ""), cell("", -1.0), cell(reason, "")]
        else:
            top = result.predictions[0]
            top5 = ", ".join(f"{p.label} {100 * p.probability:.1f}%" for p in result.predictions[:5])
            label = self.tr("unknown ({label}?)").format(label=top.label) if result.unknown else top.label
            row = [cell(name, name.lower()), cell(label, label.lower()),
                   cell(f"{100 * top.probability:.1f}%", top.probability), cell(top5, top5)]
        row[0].setData(result.source, Qt.ItemDataRole.UserRole)
        row[self.COL_PROB].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.model.appendRow(row)

    def summary_text(self) -> str:
        return self.summary.full_text()

    def _filter_skipped(self, on: bool) -> None:
        self.proxy.setFilterFixedString(self.tr("skipped") if on else "")

    def _on_double_click(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        path = self.model.item(source.row(), self.COL_FILE).data(Qt.ItemDataRole.UserRole)
        self.row_activated.emit(path)

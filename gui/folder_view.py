"""Folder mode: batch classification with progress, ETA and cancel; a sortable table; CSV export."""

from __future__ import annotations

import csv
import time
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engine.predict import BatchProgress, ImageResult

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CSV_HEADER = ["file", "top1", "probability", "top5", "error"]


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
        header.setSectionResizeMode(self.COL_TOP1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_PROB, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_double_click)

        self.progress = QProgressBar()
        self.progress.setObjectName("folder_progress")
        self.eta = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setEnabled(False)
        self.summary = QLabel(self.tr("Drop a folder to classify all its images."))
        self.summary.setObjectName("folder_summary")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.export_button.clicked.connect(self.export_requested)

        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.eta)
        row.addWidget(self.cancel_button)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.results: list[ImageResult] = []
        self._started = 0.0
        self.running = False

    # ----------------------------------------------------------- job life
    def start(self, total: int, what: str) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self.results = []
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(0)
        self.eta.setText("")
        self.summary.setText(self.tr("Classifying {n} images in {what}…").format(n=total, what=what))
        self.cancel_button.setEnabled(True)
        self.export_button.setEnabled(False)
        self._started = time.monotonic()
        self.running = True

    def add_progress(self, step: BatchProgress) -> None:
        for result in step.results:
            self._add_row(result)
        self.progress.setValue(step.done)
        elapsed = time.monotonic() - self._started
        remaining = elapsed / step.done * (step.total - step.done) if step.done else 0
        self.eta.setText(self.tr("{done}/{total}, ETA {eta}").format(
            done=step.done, total=step.total, eta=_format_eta(remaining)))

    def finish(self, cancelled: bool, error: str = "") -> None:
        self.running = False
        self.cancel_button.setEnabled(False)
        self.export_button.setEnabled(bool(self.results))
        good = sum(1 for r in self.results if not r.error)
        skipped = len(self.results) - good
        text = self.tr("{good} classified, {skipped} skipped").format(good=good, skipped=skipped)
        if skipped:
            text += " — " + self.tr("skipped: ") + "; ".join(
                f"{Path(r.source).name} ({r.error})" for r in self.results if r.error)[:600]
        if cancelled:
            text = self.tr("Cancelled. ") + text
        if error:
            text = error
        self.summary.setText(text)
        self.eta.setText(self.tr("done in {t}").format(t=_format_eta(time.monotonic() - self._started)))

    def _add_row(self, result: ImageResult) -> None:
        self.results.append(result)

        def cell(text: str, sort: object) -> QStandardItem:
            item = QStandardItem(text)
            item.setData(sort, SORT_ROLE)
            item.setToolTip(text)
            return item

        name = Path(result.source).name
        if result.error:
            row = [cell(name, name.lower()), cell(self.tr("skipped"), ""), cell("", -1.0), cell(result.error, "")]
        else:
            top = result.predictions[0]
            top5 = ", ".join(f"{p.label} {100 * p.probability:.1f}%" for p in result.predictions[:5])
            row = [cell(name, name.lower()), cell(top.label, top.label.lower()),
                   cell(f"{100 * top.probability:.1f}%", top.probability), cell(top5, top5)]
        row[0].setData(result.source, Qt.ItemDataRole.UserRole)
        row[self.COL_PROB].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.model.appendRow(row)

    def _on_double_click(self, index: object) -> None:
        source = self.proxy.mapToSource(index)
        path = self.model.item(source.row(), self.COL_FILE).data(Qt.ItemDataRole.UserRole)
        self.row_activated.emit(path)

    # ------------------------------------------------------------- export
    def export_csv(self, path: str | Path) -> None:
        """Write every result: file, top-1, its probability, top-5 ("label:p" joined by "; "), error."""
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(CSV_HEADER)
            for r in self.results:
                if r.error:
                    writer.writerow([r.source, "", "", "", r.error])
                else:
                    top5 = "; ".join(f"{p.label}:{p.probability:.6f}" for p in r.predictions[:5])
                    writer.writerow([r.source, r.predictions[0].label, f"{r.predictions[0].probability:.6f}", top5, ""])

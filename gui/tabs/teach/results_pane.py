"""The Teach tab's results: the curves, the confusion matrix and a cell's images, the mistakes, the calibration and
the diagnosis, after training or an evaluation.

The words stay in the translators' context "TeachView" (``QCoreApplication.translate``), where they were
when this was one class: a mixin's own name is not a context Qt looks in."""


from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from convlens.engine.models.calibration import reliability_of_logits
from convlens.engine.training.diagnose import finding_words
from convlens.gui.charts import CurvesView, ReliabilityView
from convlens.gui.glossary import explain
from convlens.gui.i18n import engine_text, fill
from convlens.gui.scrolling_tabs import ScrollingTabs
from convlens.gui.tabs.teach.mistake_dialog import MistakeDialog

if TYPE_CHECKING:  # a part of TeachView: its attributes are the ones TeachView.__init__ sets
    from convlens.engine.models.metrics import EvaluationReport
    from convlens.engine.training.config import TrainResult
    from convlens.engine.training.diagnose import Finding, FindingValues
    from convlens.gui.tabs.teach.state import TeachState
    _Part = Any
else:
    _Part = object

if TYPE_CHECKING:
    from convlens.engine.app.tasks import Thumbnail


class TeachResults(_Part):
    """A part of ``TeachView``: its results pane."""

    state: TeachState  # the run, its diagnosis and the report in the matrix

    def _build_results(self) -> QSplitter:
        """The curves and charts above, the results (confusion matrix, per class, diagnosis, a cell's images) below."""
        self.curves = CurvesView()
        self.confusion = QTableWidget()
        self.confusion.setObjectName("confusion")
        self.confusion.setMinimumHeight(110)  # the header and at least two classes stay visible
        self.confusion.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.confusion.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.per_class = QLabel()
        self.per_class.setWordWrap(True)
        self.per_class.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reliability = ReliabilityView()  # after training: calibration on the validation split
        self.diagnosis = QLabel()  # after training: what the curves and counts say, and what to try
        self.diagnosis.setObjectName("diagnosis")
        self.diagnosis.setWordWrap(True)
        self.diagnosis.setTextFormat(Qt.TextFormat.RichText)
        self.cell_files = QListWidget()
        self.cell_files.setObjectName("cell_files")
        self.cell_files.setViewMode(QListWidget.ViewMode.IconMode)
        self.cell_files.setIconSize(QSize(72, 72))
        # two lines under each thumbnail: "brick → glass 33%" whole (elided in the middle it hid the predicted class)
        self.cell_files.setGridSize(QSize(120, 124))
        self.cell_files.setWordWrap(True)
        self.cell_files.setMinimumHeight(136)  # one full row of thumbnails even at 1280x800 (it was ~70 px)
        self.cell_files.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.cell_files.setMovement(QListWidget.Movement.Static)
        self.cell_files.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.cell_files.setToolTip(QCoreApplication.translate("TeachView", "Click an image to see it with its class activation map (a mistake: "
                                           "the maps of the predicted and the true class); double-click to open it "
                                           "in Images"))
        self.cell_files.itemClicked.connect(self._on_cell_file)
        self.cell_files.itemDoubleClicked.connect(
            lambda item: self.image_chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.mistake = MistakeDialog(self)  # a window of its own: the pair stays big on a small screen
        self.mistake.open_requested.connect(self.image_chosen)
        self.evaluate_button = QPushButton(QCoreApplication.translate("TeachView", "Evaluate on a folder…"))
        self.evaluate_button.setToolTip(QCoreApplication.translate("TeachView", "Accuracy, per-class report and confusion matrix of the current model "
                                                "on a folder of class subfolders named after its classes"))
        self.evaluate_button.clicked.connect(self.choose_evaluation_folder)
        self.cell_label = QLabel(QCoreApplication.translate("TeachView", "Click a cell of the confusion matrix to list its images."))
        self.cell_label.setWordWrap(True)  # unwrapped, it and the matrix title set a page wider than 1024 px
        results = QWidget()
        rl = QVBoxLayout(results)
        rl.setContentsMargins(0, 0, 0, 0)
        confusion_title = QLabel(QCoreApplication.translate("TeachView", "Confusion matrix (rows: true class, columns: predicted)"))
        confusion_title.setWordWrap(True)
        explain(self.glossary, "confusion_matrix", confusion_title, self.confusion)
        explain(self.glossary, "precision_recall", self.per_class)
        explain(self.glossary, "validation", self.curves)
        explain(self.glossary, "calibration", self.reliability)
        rl.addWidget(confusion_title)
        rl.addWidget(self.confusion, 2)
        rl.addWidget(self.per_class)
        rl.addWidget(self.diagnosis)
        self.mistakes_button = QPushButton(QCoreApplication.translate("TeachView", "All mistakes"))
        self.mistakes_button.setObjectName("mistakes_button")
        self.mistakes_button.setToolTip(QCoreApplication.translate("TeachView", "Every wrong prediction on the validation images (or the evaluated "
                                                "folder), most confident first"))
        self.mistakes_button.setEnabled(False)
        self.mistakes_button.clicked.connect(self.show_mistakes)
        cell_row = QHBoxLayout()
        cell_row.addWidget(self.cell_label, 1)
        cell_row.addWidget(self.mistakes_button)
        rl.addLayout(cell_row)
        rl.addWidget(self.cell_files, 1)
        right_split = QSplitter(Qt.Orientation.Vertical)
        # the curves, and after training the calibration (a tab: the window's height does not grow)
        self.charts = ScrollingTabs()  # a chart taller than its pane scrolls rather than being cut
        self.charts.addTab(self.curves, QCoreApplication.translate("TeachView", "Curves"))
        self.charts.addTab(self.reliability, QCoreApplication.translate("TeachView", "Calibration"))
        self.charts.setTabEnabled(1, False)
        self.charts.addTab(self._unknown_tab(), QCoreApplication.translate("TeachView", "Unknown"))
        right_split.addWidget(self.charts)
        # the results scroll inside their pane: at 1024x640 the matrix, per-class text and diagnosis need more
        # height than the pane has, and squeezed they were drawn on top of each other
        results_area = QScrollArea()
        results_area.setWidget(results)
        results_area.setWidgetResizable(True)
        results_area.setFrameShape(QFrame.Shape.NoFrame)
        results_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_split.addWidget(results_area)
        right_split.setChildrenCollapsible(False)
        right_split.setSizes([420, 240])  # the curves whole first: the results below scroll in their pane
        return right_split

    def on_finished(self, result: TrainResult) -> None:
        """The run ``state`` finished with (its report is in the matrix already): the figures, the diagnosis."""
        self.curves.set_best_epoch(result.best_epoch)
        self.train_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.save_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.setFormat(QCoreApplication.translate("TeachView", "done in {s:.1f} s").format(s=result.seconds))
        classes = list(result.loaded.labels)
        lines = [QCoreApplication.translate("TeachView", "Validation accuracy {acc:.1f}% — best epoch {best}{early}").format(
            acc=100 * result.val_accuracy, best=result.best_epoch,
            early=QCoreApplication.translate("TeachView", " (stopped early)") if result.stopped_early else "")]
        lines += self._class_lines(result.validation)
        if result.skipped:
            lines.append(QCoreApplication.translate("TeachView", "{n} unreadable files skipped: {files}").format(
                n=len(result.skipped), files=", ".join(Path(s).name for s, _ in result.skipped[:5])))
        self.per_class.setText("\n".join(lines))
        self.diagnosis.setText(self.diagnosis_html(list(self.state.findings)))
        self._show_calibration(result)
        training = result.loaded.training
        self.show_unknown(training.unknown_curve if training else None, result.loaded.unknown, engine_text(result.unknown_note) if result.unknown_note else "")
        self.status.setText(QCoreApplication.translate("TeachView", "Done. The trained model is now the current model ({n} classes: {names}).").format(
            n=len(classes), names=", ".join(classes[:8]) + ("…" if len(classes) > 8 else "")))

    def _show_calibration(self, result: TrainResult) -> None:
        training = result.loaded.training
        if result.val_logits is None or training is None:
            return
        logits, labels = result.val_logits, np.array([v.true for v in result.validation.verdicts])
        t, calibration = training.temperature, training.calibration
        raw, scaled = reliability_of_logits(logits, labels), reliability_of_logits(logits, labels, t)
        self.reliability.set_bins((raw.confidence, raw.accuracy, raw.count),
                                  (scaled.confidence, scaled.accuracy, scaled.count))
        self.charts.setTabEnabled(1, True)
        images, errors = (calibration.images, calibration.errors) if calibration else (len(labels), 0)
        if calibration is not None and not calibration.fitted:
            self.reliability.caption.setText(QCoreApplication.translate("TeachView",
                "Calibration (validation, {n} images, {errors} wrong): expected calibration error {before:.1f}%. "
                "{note}").format(n=images, errors=errors, before=100 * raw.ece, note=engine_text(calibration.note)))
        else:
            self.reliability.caption.setText(QCoreApplication.translate("TeachView",
                "Calibration (validation, {n} images, {errors} wrong): expected calibration error {before:.1f}% → "
                "{after:.1f}% (each half scored with the temperature fitted on the other) with temperature "
                "T = {t:.2f}, the probabilities shown from now on").format(
                n=images, errors=errors, before=100 * raw.ece,
                after=100 * (calibration.ece_after if calibration else scaled.ece), t=t))

    def diagnosis_html(self, findings: list[Finding]) -> str:
        """The findings in words, each with the settings to try."""
        parts = []
        for f in findings:
            v = f.values
            title, text = (engine_text(words) for words in finding_words(f))  # the CLI's words too
            advice = [self._setting_text(s, v) for s in f.try_settings]
            html = f"<b>{escape(title)}</b>: {escape(text)}"
            if advice:
                html += "<br>" + escape(QCoreApplication.translate("TeachView", "Try: {settings}.").format(settings="; ".join(advice)))
            parts.append(html)
        return "<p>" + "</p><p>".join(parts) + "</p>"

    def _setting_text(self, setting: str, values: FindingValues) -> str:
        texts = {
            "dropout": QCoreApplication.translate("TeachView", "a higher dropout (now {d:.2f}; 0.3-0.5)").format(d=float(values.get("dropout", 0))),
            "augmentation": QCoreApplication.translate("TeachView", "turn on augmentation (rotation, shift, zoom, flip)"),
            "more_samples": QCoreApplication.translate("TeachView", "more images per class (record more, or add photos)"),
            "more_epochs": QCoreApplication.translate("TeachView", "more epochs"),
            "learning_rate": QCoreApplication.translate("TeachView", "another learning rate (now {lr:g}): larger if the loss falls slowly, smaller "
                                     "if it jumps").format(lr=float(values.get("lr", 0))),
            "unfreeze": QCoreApplication.translate("TeachView", "train the backbone too"),
            "hidden": QCoreApplication.translate("TeachView", "a dense head (dense 256 or 1024)"),
            "balance": QCoreApplication.translate("TeachView", "more images of {small}, or fewer of {large}").format(
                small=values.get("small", ""), large=values.get("large", "")),
        }
        return texts[setting]

    def show_cell(self, row: int, column: int) -> None:
        report = self.state.report
        if report is None:
            return
        rows, (_, columns) = report.rows(), report.confusion()
        files = self.state.files_in_cell(row, column)
        text = (QCoreApplication.translate("TeachView", "1 image of {t} predicted as {p}:") if len(files) == 1
                else QCoreApplication.translate("TeachView", "{n} images of {t} predicted as {p}:"))
        self.cell_label.setText(fill(text, n=len(files), t=rows[row], p=columns[column]))
        self.cell_files.clear()
        for path in files:
            item = QListWidgetItem(Path(path).name)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.cell_files.addItem(item)
        if files:
            self.thumbnails_needed.emit(files)

    def set_cell_thumbnail(self, thumb: Thumbnail) -> None:
        from convlens.gui.image_view import array_to_qimage

        image = thumb.image
        if image is None:
            return
        for i in range(self.cell_files.count()):
            item = self.cell_files.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == thumb.path:
                item.setIcon(QIcon(QPixmap.fromImage(array_to_qimage(image))))

    def show_mistakes(self) -> None:
        """Every wrong prediction of the last training run or evaluation, most confident first."""
        if self.state.report is None:
            return
        wrong = self.state.mistakes()
        self.cell_label.setText(QCoreApplication.translate("TeachView", "All {n} wrong predictions, most confident first (click one to see it with "
                                        "its CAM):").format(n=len(wrong)))
        self.cell_files.clear()
        for m in wrong:
            item = QListWidgetItem(QCoreApplication.translate("TeachView", "{true} → {predicted} {p:.0f}%").format(
                true=m.true, predicted=m.predicted, p=100 * m.confidence))
            item.setData(Qt.ItemDataRole.UserRole, m.source)
            item.setToolTip(m.source)
            self.cell_files.addItem(item)
        if wrong:
            self.thumbnails_needed.emit([m.source for m in wrong])

    def cell_paths(self) -> list[str]:
        return [self.cell_files.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.cell_files.count())]

    def _on_cell_file(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        pair = self.state.mistake_pairs().get(path)
        if pair is None:  # a right answer: one CAM, in the Images tab
            self.mistake.clear()
            self.image_chosen.emit(path)
            return
        self.mistake.show_pending(path, pair[0], pair[1])
        self.mistake_chosen.emit(path, *pair)

    def choose_evaluation_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("TeachView", "Evaluate on a folder (one subfolder per class, named after the class)"),
            self.data_edit.text() or str(Path.home()))
        if folder:
            self.evaluate_requested.emit(folder)

    def on_evaluation_started(self, folder: str) -> None:
        self.evaluate_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.status.setText(fill(QCoreApplication.translate("TeachView", "Evaluating on {folder}…"), folder=folder))

    def on_evaluation_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(QCoreApplication.translate("TeachView", "{done}/{total} images").format(done=done, total=total))

    def on_evaluation_finished(self, report: EvaluationReport) -> None:
        """Show an evaluation of a folder: the matrix, its per-class scores, what it skipped."""
        r = report
        self.evaluate_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        lines = [QCoreApplication.translate("TeachView", "{n} images: top-1 accuracy {a1:.1f}%, top-{k} accuracy {ak:.1f}%").format(
            n=r.total, a1=100 * r.accuracy(1), k=r.topk, ak=100 * r.accuracy(r.topk))]
        lines += self._class_lines(r)
        if r.skipped_folders:
            lines.append(QCoreApplication.translate("TeachView", "Skipped folders (no class of the model): {names}").format(
                names=", ".join(f for f, _ in r.skipped_folders)))
        self.per_class.setText("\n".join(lines))
        self.status.setText(QCoreApplication.translate("TeachView", "Evaluation done: click a cell to see its images, an image to see its CAM."))

    def _show_report(self, report: EvaluationReport | None) -> None:
        """``report`` in the matrix, its cells and its mistakes (None: none): rows the classes it evaluated, columns
        the same plus "(other)" where the model has classes it did not evaluate."""
        self.mistake.clear()
        self.cell_files.clear()
        self.mistakes_button.setEnabled(report is not None)
        if report is None:
            self.confusion.setRowCount(0)
            self.confusion.setColumnCount(0)
            return
        self.cell_label.setText(QCoreApplication.translate("TeachView", "Click a cell of the confusion matrix to list its images."))
        matrix, columns = report.confusion()
        self._fill_confusion(matrix, report.rows(), columns)

    def _class_lines(self, report: EvaluationReport) -> list[str]:
        return [QCoreApplication.translate("TeachView", "{c}: precision {p:.0f}%, recall {r:.0f}%, F1 {f1:.2f} ({n} images)").format(
            c=c.name, p=100 * c.precision, r=100 * c.recall, f1=c.f1, n=c.support) for c in report.scores()]

    def on_evaluation_failed(self, message: str) -> None:
        self.evaluate_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(message)

    def _fill_confusion(self, matrix: object, rows: list[str], columns: list[str]) -> None:
        self.confusion.setRowCount(len(rows))
        self.confusion.setColumnCount(len(columns))
        self.confusion.setHorizontalHeaderLabels(columns)
        self.confusion.setVerticalHeaderLabels(rows)
        peak = max(1, int(np.asarray(matrix).max()))
        for t in range(len(rows)):
            for p in range(len(columns)):
                n = int(matrix[t, p])  # type: ignore[index]
                item = QTableWidgetItem(str(n))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                strength = int(200 * n / peak)
                base = QColor(63, 122, 224) if t == p else QColor(224, 80, 63)
                item.setBackground(QBrush(QColor(base.red(), base.green(), base.blue(), strength if n else 0)))
                self.confusion.setItem(t, p, item)
        # never taller than its rows: the room below goes to the images of a cell and a mistake's maps
        content = (self.confusion.horizontalHeader().height() + self.confusion.verticalHeader().length()
                   + 2 * self.confusion.frameWidth() + self.confusion.horizontalScrollBar().sizeHint().height())
        self.confusion.setMaximumHeight(max(self.confusion.minimumHeight(), content))
        self.cell_files.clear()


"""The health check of a training folder (``engine.evaluation.health``) in the user's language, in a dialog."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from convlens.engine.evaluation.health import HealthIssue, HealthReport

__all__ = ["HealthDialog"]


class HealthDialog(QDialog):
    """The report: class counts, then each problem with what to do and the files it is about."""

    SHOWN = 8  # files (or groups) listed per problem

    def __init__(self, report: HealthReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Data check: {folder}").format(folder=Path(report.root).name))
        self.resize(720, 560)
        self.browser = QTextBrowser()
        self.browser.setHtml(self.html())
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)

    def text(self) -> str:
        return self.browser.toPlainText()

    def html(self) -> str:
        r = self.report
        parts = ["<p>" + escape(self.tr("{n} classes, {files} files: {counts}")).format(
            n=len(r.classes), files=r.files,
            counts=escape(", ".join(f"{c} {n}" for c, n in zip(r.classes, r.counts, strict=True)))) + "</p>"]
        if not r.issues:
            parts.append("<p><b>" + escape(self.tr("No problems found.")) + "</b></p>")
        for issue in r.issues:
            title, advice = self._words(issue)
            parts.append(f"<p><b>{escape(title)}</b><br>{escape(advice)}</p>")
            items = [" = ".join(escape(self._short(p)) for p in group) for group in issue.groups[: self.SHOWN]]
            if len(issue.groups) > self.SHOWN:
                items.append(escape(self.tr("… and {n} more").format(n=len(issue.groups) - self.SHOWN)))
            if items:
                parts.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
        return "".join(parts)

    def _short(self, path: str) -> str:
        base = Path(self.report.root).parent
        return str(Path(path).relative_to(base)) if Path(path).is_relative_to(base) else path

    def _words(self, issue: HealthIssue) -> tuple[str, str]:
        v = issue.values
        if issue.kind == "unreadable":
            return (self.tr("Unreadable files: {n}").format(n=v["n"]),
                    self.tr("Remove or replace them; training skips them."))
        if issue.kind == "tiny":
            return (self.tr("Tiny images (under {side} pixels on a side): {n}").format(side=v["side"], n=v["n"]),
                    self.tr("They are scaled up to the model's input size and carry little detail; use larger "
                            "photos."))
        if issue.kind == "duplicates":
            return (self.tr("Identical files — groups: {groups}, extra copies: {extra}").format(
                groups=v["groups"], extra=v["extra"]),
                    self.tr("Delete the copies: a copy that lands in validation makes its accuracy look better "
                            "than it is."))
        if issue.kind == "near_duplicates":
            return (self.tr("Near-identical image pairs: {n}").format(n=v["n"]),
                    self.tr("Keep one of each pair (or lower the recording rate): near-identical frames add little "
                            "and leak between training and validation."))
        if issue.kind == "label_conflict":
            return (self.tr("Pictures filed under more than one class: {n}").format(n=v["n"]),
                    self.tr("Move each to the one class it belongs to."))
        if issue.kind == "cross_split":
            return (self.tr("Pictures in both the training and the validation folder: {n}").format(n=v["n"]),
                    self.tr("Remove them from one of the folders: validation must not contain training images."))
        if issue.kind == "imbalance":
            return (self.tr("Class imbalance: {large} has {large_n} images, {small} only {small_n} ({ratio:.1f}×)")
                    .format(large=v["large"], large_n=v["large_n"], small=v["small"], small_n=v["small_n"],
                            ratio=float(v["ratio"])),
                    self.tr("Record or add more images of the smaller class (or fewer of the larger one)."))
        return (self.tr("Few images: fewer than {n} in {classes}").format(n=v["minimum"], classes=v["classes"]),
                self.tr("Add images: aim for at least that many per class."))

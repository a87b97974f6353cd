"""Compare: 2-4 architectures side by side on the current image, the live frame or a folder, in aligned columns.

Each column: the model, its parameters and latency, its top-k, its Grad-CAM over the photo and the feature maps
of its convolution at the chosen depth. The engine runs the models one at a time (``engine.evaluation.compare``). On a
folder, a chooser picks which image the columns show, and each image's line says whether the models agree.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from convlens.engine.core.choices import MAX_MODELS
from convlens.engine.models.registry import list_architectures
from convlens.gui.i18n import architecture_text, engine_text
from convlens.gui.image_view import array_to_qimage

if TYPE_CHECKING:
    from convlens.engine.evaluation.compare import Comparison, ModelColumn

#: What the models are compared on (the combo's data).
SOURCES = ("image", "live", "folder")
#: At most this many images of a folder are compared in the window (each costs one CAM per model); the CLI has no cap.
FOLDER_LIMIT = 32

#: The notes' story, ready to run without downloads: classic to residual to mobile (the bundled MobileNetV2 gives
#: the one trained answer among them).
DEFAULT_SLOTS = (("lenet5", "random"), ("alexnet", "random"), ("resnet18", "random"), ("mobilenet_v2", "bundled"))


class ModelSlot(QWidget):
    """One model to compare: on/off, architecture, weights (pretrained, random, a file)."""

    def __init__(self, arch: str, weights: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.use = QCheckBox()
        self.use.setChecked(True)
        self.arch = QComboBox()
        for spec in list_architectures():
            self.arch.addItem(spec.title, spec.name)
            self.arch.setItemData(self.arch.count() - 1, architecture_text(spec.description), Qt.ItemDataRole.ToolTipRole)
        self.arch.setCurrentIndex(max(0, self.arch.findData(arch)))
        self.weights = QComboBox()
        self.weights.addItem(self.tr("Pretrained"), "pretrained")
        self.weights.addItem(self.tr("Bundled (MobileNetV2)"), "bundled")
        self.weights.addItem(self.tr("The model in use"), "current")
        self.weights.addItem(self.tr("Random"), "random")
        self.weights.addItem(self.tr("File…"), "file")
        self.weights.setCurrentIndex(max(0, self.weights.findData(weights)))
        self.file = ""
        self.file_label = QLabel()
        self.file_label.setStyleSheet("color: gray")
        for combo in (self.arch, self.weights):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.use)
        layout.addWidget(self.arch, 2)
        layout.addWidget(self.weights, 1)
        layout.addWidget(self.file_label, 1)
        self.weights.activated.connect(self._on_weights)
        self.arch.currentIndexChanged.connect(self._on_arch)

    def _on_arch(self, _index: int) -> None:
        if self.weights.currentData() == "bundled" and self.arch.currentData() != "mobilenet_v2":
            self.weights.setCurrentIndex(self.weights.findData("pretrained"))  # the bundled weights are MobileNetV2's

    def _on_weights(self, _index: int) -> None:
        self.arch.setEnabled(self.weights.currentData() != "current")  # it is what it is: the panel names it
        if self.weights.currentData() == "bundled":
            self.arch.setCurrentIndex(max(0, self.arch.findData("mobilenet_v2")))
        if self.weights.currentData() == "file":
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a weights file"))
            if path:
                self.set_file(path)
            elif not self.file:
                self.weights.setCurrentIndex(self.weights.findData("random"))

    def state(self) -> dict[str, object]:
        return {"use": self.use.isChecked(), "arch": self.arch.currentData(), "weights": self.weights.currentData(),
                "file": self.file}

    def restore(self, saved: dict[str, object]) -> None:
        self.use.setChecked(bool(saved.get("use", True)))
        self.arch.setCurrentIndex(max(0, self.arch.findData(saved.get("arch"))))
        if saved.get("weights") == "file" and saved.get("file"):
            self.set_file(str(saved["file"]))
        else:
            self.weights.setCurrentIndex(max(0, self.weights.findData(saved.get("weights"))))
        self.arch.setEnabled(self.weights.currentData() != "current")

    def set_file(self, path: str) -> None:
        self.file = path
        self.weights.setCurrentIndex(self.weights.findData("file"))
        self.file_label.setText(path.rsplit("/", 1)[-1])
        self.file_label.setToolTip(path)

    def spec(self) -> str | None:
        """``ARCH:WEIGHTS`` as ``convlens compare --models`` takes it, or None when unticked."""
        if not self.use.isChecked():
            return None
        kind = self.weights.currentData()
        if kind == "current":
            return "current"
        weights = self.file if kind == "file" else kind
        return f"{self.arch.currentData()}:{weights}" if weights else None


class CompareView(QWidget):
    """Model slots, the depth of the feature maps, Compare / Cancel, and the columns of results."""

    compare_requested = Signal(list, float, str, str)  # model specs, depth of the feature maps, source, folder
    layers_requested = Signal(list, str)  # the first two model specs, a folder of images
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slots = [ModelSlot(arch, weights) for arch, weights in DEFAULT_SLOTS[:MAX_MODELS]]
        self.depth_slider = QSlider(Qt.Orientation.Horizontal)
        self.depth_slider.setRange(0, 100)
        self.depth_slider.setValue(50)
        self.depth_slider.setFixedWidth(160)
        self.depth_label = QLabel()
        self.depth_slider.valueChanged.connect(self._show_depth)
        self._show_depth(self.depth_slider.value())
        self.source = QComboBox()
        self.source.setObjectName("compare_source")
        self.source.addItem(self.tr("the current image"), "image")
        self.source.addItem(self.tr("the live frame"), "live")
        self.source.addItem(self.tr("a folder…"), "folder")
        self.image_choice = QComboBox()  # which of the compared images the columns show
        self.image_choice.setVisible(False)
        self.image_choice.currentIndexChanged.connect(self._show_image)
        self.compare_button = QPushButton(self.tr("Compare"))
        self.compare_button.setObjectName("compare_button")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.layers_button = QPushButton(self.tr("Compare layers…"))
        self.layers_button.setObjectName("layers_button")
        self.layers_button.setToolTip(self.tr("Linear CKA between every layer of the first two ticked models on the "
                                              "images of a folder (at least 4): where the two learn alike, or what "
                                              "fine-tuning changed (a model against the model in use)"))
        self.status = QLabel(self.tr("Pick 2-4 models and what to compare them on (the image open in Images, the "
                                     "frame on the Live tab, or a folder), then Compare. The models run one at a "
                                     "time, each with its own preprocessing."))
        self.status.setWordWrap(True)
        self.comparison: Comparison | None = None

        slots = QVBoxLayout()
        for slot in self.slots:
            slots.addWidget(slot)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Feature maps at depth:")))
        row.addWidget(self.depth_slider)
        row.addWidget(self.depth_label)
        row.addStretch(1)
        run_row = QHBoxLayout()  # a row of its own: in one row with the depth they scrolled sideways at 1024 px
        run_row.addWidget(QLabel(self.tr("On:")))
        run_row.addWidget(self.source)
        run_row.addWidget(self.compare_button)
        run_row.addWidget(self.cancel_button)
        run_row.addWidget(self.layers_button)
        run_row.addStretch(1)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        layout = QVBoxLayout(self)
        layout.addLayout(slots)
        layout.addLayout(row)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        layout.addWidget(self.image_choice)
        layout.addWidget(scroll, 1)
        self.compare_button.clicked.connect(self._request)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.layers_button.clicked.connect(self._request_layers)

    def _show_depth(self, value: int) -> None:
        self.depth_label.setText(self.tr("{p}% of each model's convolutions").format(p=value))

    def specs(self) -> list[str]:
        return [s for s in (slot.spec() for slot in self.slots) if s]

    def _request(self) -> None:
        source = self.source.currentData()
        folder = ""
        if source == "folder":
            folder = QFileDialog.getExistingDirectory(self, self.tr("Compare the models on the images of a folder"))
            if not folder:
                return
        self.compare_requested.emit(self.specs(), self.depth_slider.value() / 100, source, folder)

    def _request_layers(self) -> None:
        specs = self.specs()
        if len(specs) < 2:
            self.status.setText(self.tr("Tick at least two models: the first two are compared layer by layer."))
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Compare the layers on the images of a folder"))
        if folder:
            self.layers_requested.emit(specs[:2], folder)

    def running(self, text: str) -> None:
        self.layers_button.setEnabled(False)
        self.compare_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(text)

    def finish(self, text: str) -> None:
        self.layers_button.setEnabled(True)
        self.compare_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.status.setText(text)

    def show_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        names = [Path(p).name for p in comparison.images]
        self.image_choice.blockSignals(True)
        self.image_choice.clear()
        for i, name in enumerate(names):
            answers = {col.predictions[i][0].label for col in comparison.columns}
            verdict = (self.tr("all agree: {label}").format(label=next(iter(answers))) if len(answers) == 1
                       else self.tr("they differ"))
            self.image_choice.addItem(self.tr("Image {i} of {n}: {name} ({verdict})").format(
                i=i + 1, n=len(names), name=name, verdict=verdict))
        self.image_choice.blockSignals(False)
        self.image_choice.setVisible(len(names) > 1)
        self._show_image(0)
        agree = round(comparison.agreement() * len(comparison.images))
        if len(comparison.images) == 1:
            answers = {col.predictions[0][0].label for col in comparison.columns}
            verdict = (self.tr("Every model answers {label}.").format(label=next(iter(answers))) if len(answers) == 1
                       else self.tr("The models give different answers."))
        else:
            verdict = self.tr("The models agree on the top-1 class of {a} of {n} images.").format(
                a=agree, n=len(comparison.images))
        self.finish(" ".join([verdict, *(engine_text(note) for note in comparison.notes)]))

    def _show_image(self, index: int) -> None:
        """Fill the columns with each model's answer, CAM and feature maps for image ``index``."""
        if self.comparison is None or index < 0:
            return
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for col, column in enumerate(self.comparison.columns):
            for row, widget in enumerate(self._column_widgets(column, index)):
                self.grid.addWidget(widget, row, col, Qt.AlignmentFlag.AlignTop)

    def column_texts(self) -> list[str]:
        """Each column's heading and answer as plain text (tests, copying)."""
        index = max(0, self.image_choice.currentIndex())
        return [self._heading(c) + " " + self._answer(c, index)
                for c in (self.comparison.columns if self.comparison else ())]

    def _heading(self, column: ModelColumn) -> str:
        return self.tr("{title}: {params} parameters, {ms:.1f} ms per image").format(
            title=engine_text(column.title), params=f"{column.params:,}", ms=column.latency_ms)

    @staticmethod
    def _answer(column: ModelColumn, index: int = 0) -> str:
        return ", ".join(f"{p.label} {100 * p.probability:.1f}%" for p in column.predictions[index])

    def _column_widgets(self, column: ModelColumn, index: int) -> list[QWidget]:
        heading = QLabel(f"<b>{escape(self._heading(column))}</b>")
        heading.setWordWrap(True)
        heading.setMaximumWidth(300)
        answers = QLabel("<br>".join(
            (f"<b>{escape(p.label)}</b>" if i == 0 else escape(p.label)) + f" {100 * p.probability:.1f}%"
            for i, p in enumerate(column.predictions[index])))
        widgets: list[QWidget] = [heading, answers]
        if column.cams:
            widgets.append(self._picture(column.cams[index], self.tr("Grad-CAM at {layer}").format(layer=column.cam_layer)))
        if column.stage_maps:
            widgets.append(self._picture(column.stage_maps[index], self.tr("Feature maps of {layer} (most active first)")
                                         .format(layer=column.stage_layer)))
        return widgets

    @staticmethod
    def _picture(rgb: np.ndarray, caption: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        picture = QLabel()
        picture.setPixmap(QPixmap.fromImage(array_to_qimage(rgb)).scaled(
            260, 260, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        text = QLabel(escape(caption))
        text.setStyleSheet("color: gray")
        text.setWordWrap(True)
        text.setMaximumWidth(260)
        layout.addWidget(picture)
        layout.addWidget(text)
        return box

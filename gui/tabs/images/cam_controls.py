"""The class-activation-map bar under the image: on/off, method, class, layer, opacity."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSizePolicy, QSlider, QVBoxLayout, QWidget

from convlens.engine.core.choices import AUTO_LAYER
from convlens.gui.colour_bar import ColourBar

if TYPE_CHECKING:
    from convlens.engine.core.choices import CamMethod
    from convlens.engine.runtime.results import Prediction


class CamControls(QWidget):
    changed = Signal()  # something that needs a new CAM from the engine
    opacity_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(self.tr("CAM"))
        self.enabled.setToolTip(self.tr("Class activation map: show where the model looked for the class"))
        self.enabled.setObjectName("cam_toggle")
        self.method = QComboBox()
        self.method.addItem("Grad-CAM", "gradcam")
        self.method.addItem("LayerCAM", "layercam")
        self.class_combo = QComboBox()
        self.class_combo.setToolTip(self.tr("The class to explain"))
        self.class_combo.setMinimumContentsLength(8)
        self.class_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip(self.tr("The layer the map is computed at"))
        self.layer_combo.addItem(self.tr("last conv block"), "")
        self.layer_combo.addItem(self.tr("auto (most faithful)"), AUTO_LAYER)
        self.layer_combo.setItemData(1, self.tr(
            "Computes the map at the last block of each of the last three resolutions and keeps the one that "
            "scores best on deletion and insertion (slower)"), Qt.ItemDataRole.ToolTipRole)
        self.layer_combo.setMinimumContentsLength(8)
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # never narrower than its default entry in the current language (Hangul is wider than 8 Latin letters)
        self.layer_combo.setMinimumWidth(self.layer_combo.fontMetrics().horizontalAdvance(self.layer_combo.itemText(0))
                                         + 36)
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(50)
        self.opacity.setFixedWidth(90)
        self.opacity.setToolTip(self.tr("Opacity of the map"))
        self.info = QLabel()
        self.info.setObjectName("cam_info")
        self.info.setStyleSheet("color: gray")
        self.info.setMinimumWidth(10)
        self.info.setWordWrap(True)
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # two rows: the choices, then opacity and what the map says. On one row the caption squeezed the class box
        # at 1024x640 and its changing length moved the controls under the mouse.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(2)
        choices = QHBoxLayout()
        choices.addWidget(self.enabled)
        choices.addWidget(self.method)
        choices.addWidget(QLabel(self.tr("class")))
        choices.addWidget(self.class_combo, 1)
        choices.addWidget(QLabel(self.tr("at")))
        choices.addWidget(self.layer_combo, 1)
        below = QHBoxLayout()
        below.addWidget(QLabel(self.tr("opacity")))
        below.addWidget(self.opacity)
        self.legend = ColourBar("jet", self.tr("less"), self.tr("more important for the class"))
        self.legend.setToolTip(self.tr("The map's colours: blue where the region barely raised the class score, red "
                                       "where it raised it most (each map scaled to its own maximum)"))
        below.addWidget(self.legend)
        below.addWidget(self.info, 1)
        layout.addLayout(choices)
        layout.addLayout(below)
        self.enabled.toggled.connect(self._on_toggle)
        self.method.currentIndexChanged.connect(self._emit_if_on)
        self.class_combo.activated.connect(self._emit_if_on)
        self.layer_combo.activated.connect(self._emit_if_on)
        self.opacity.valueChanged.connect(lambda v: self.opacity_changed.emit(v / 100))
        self._on_toggle(False)

    @property
    def is_on(self) -> bool:
        return self.enabled.isChecked()

    @property
    def class_index(self) -> int | None:
        """The chosen class, or None for the top-1."""
        data = self.class_combo.currentData()
        return None if data is None or data < 0 else int(data)

    @property
    def method_name(self) -> CamMethod:
        return self.method.currentData() or "gradcam"

    @property
    def layer(self) -> str:
        return self.layer_combo.currentData() or ""

    def set_predictions(self, predictions: Sequence[Prediction]) -> None:
        """Offer the top-k classes; keep the chosen one if it is still there."""
        keep = self.class_index
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        self.class_combo.addItem(self.tr("top-1"), -1)
        for p in predictions:
            self.class_combo.addItem(f"{p.label} ({100 * p.probability:.1f}%)", p.index)
        index = self.class_combo.findData(keep) if keep is not None else 0
        self.class_combo.setCurrentIndex(max(0, index))
        self.class_combo.blockSignals(False)

    def set_selected_layer(self, layer: str) -> None:
        """Offer the layer selected in the layer tree as a place to compute the map."""
        current = self.layer
        while self.layer_combo.count() > 2:
            self.layer_combo.removeItem(2)
        if layer:
            self.layer_combo.addItem(self.tr("selected: {layer}").format(layer=layer), layer)
        self.layer_combo.setCurrentIndex(max(0, self.layer_combo.findData(current)))

    def turn_on(self) -> None:
        self.enabled.setChecked(True)

    def set_info(self, text: str) -> None:
        """What the map shows ("" to clear): class, layer, model; or that it is being computed."""
        self.info.setText(text)

    def reset(self) -> None:
        """A new model: no layer selected, nothing shown."""
        self.set_selected_layer("")
        self.info.setText("")

    def _on_toggle(self, on: bool) -> None:
        for w in (self.method, self.class_combo, self.layer_combo, self.opacity):
            w.setEnabled(on)
        if not on:
            self.info.setText("")
        self.changed.emit()

    def _emit_if_on(self) -> None:
        if self.is_on:
            self.changed.emit()

"""Choosing the model: architecture by family, weights, labels; device and load state."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from convlens.engine.app.requests import WeightsRequest
from convlens.engine.core.errors import ConvLensError
from convlens.engine.models.registry import get_arch
from convlens.engine.weights.bundled import BUNDLED, BUNDLED_ARCH
from convlens.gui.architectures import ARCH_ROLE, TIMM_PROMPT, add_timm_entry, architecture_model
from convlens.gui.i18n import architecture_text, engine_text, fill

WEIGHTS_SUFFIXES = (".pth", ".pt", ".safetensors", ".ckpt", ".bin", ".onnx", ".h5", ".hdf5")

if TYPE_CHECKING:
    from convlens.engine.app.session import ModelInfo
    from convlens.engine.core.choices import WeightsKind


def wrappable(text: str) -> str:
    """Let a label wrap long file names at "_", "-" and "." (zero-width spaces after them)."""
    for ch in ("_", "-", "."):
        text = text.replace(ch, ch + "\u200b")
    return text


class ModelPanel(QWidget):
    """Emits ``load_requested`` whenever the user's choice makes a model loadable."""

    load_requested = Signal(object)  # WeightsRequest
    cancel_requested = Signal()
    runtime_changed = Signal(str)

    KIND_BUNDLED, KIND_PRETRAINED, KIND_RANDOM, KIND_FILE = BUNDLED, "pretrained", "random", "file"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._weights_file = ""
        self._labels_file = ""
        self._in_use_choice: tuple[str, str, str, str] | None = None  # (arch, kind, file, labels) of the model in use
        self.engine_ready = False  # torchvision has loaded (on the engine thread): its weights can be looked up

        # -- architecture, grouped by family
        self.arch_combo = QComboBox()
        self.arch_combo.setObjectName("arch_combo")
        self.arch_combo.setModel(architecture_model(self.arch_combo))
        self.arch_description = QLabel()
        self.arch_description.setWordWrap(True)
        self.arch_description.setStyleSheet("color: gray")

        # -- weights
        self.weights_combo = QComboBox()
        self.weights_combo.setObjectName("weights_combo")
        self.weights_combo.addItem(self.tr("Bundled MobileNetV2 (offline)"), self.KIND_BUNDLED)
        self.weights_combo.addItem(self.tr("Pretrained (torchvision, ImageNet)"), self.KIND_PRETRAINED)
        self.weights_combo.addItem(self.tr("Random (untrained)"), self.KIND_RANDOM)
        self.weights_combo.addItem(self.tr("From a file…"), self.KIND_FILE)
        self.weights_file_label = QLabel()
        self.weights_file_label.setWordWrap(True)
        self.browse_button = QPushButton(self.tr("Choose weights file…"))
        self.download_button = QPushButton()
        self.download_button.setObjectName("download_button")
        self.weights_note = QLabel()
        self.weights_note.setWordWrap(True)
        self.weights_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # -- labels
        self.labels_label = QLabel(self.tr("from the weights"))
        self.labels_label.setWordWrap(True)
        self.labels_button = QPushButton(self.tr("Labels file…"))
        self.labels_clear = QPushButton(self.tr("Clear"))
        labels_row = QHBoxLayout()
        labels_row.addWidget(self.labels_button)
        labels_row.addWidget(self.labels_clear)

        # -- loading state
        self.progress = QProgressBar()
        self.progress.setObjectName("download_progress")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_box = QWidget()
        self.progress_box.setLayout(progress_row)
        progress_row.setContentsMargins(0, 0, 0, 0)
        self.progress_box.hide()
        self.in_use = QLabel(self.tr("No model in use yet"))
        self.in_use.setObjectName("model_in_use")
        self.in_use.setWordWrap(True)
        font = self.in_use.font()
        font.setBold(True)
        self.in_use.setFont(font)
        self.status = QLabel(self.tr("No model loaded"))
        self.status.setObjectName("model_status")
        self.status.setWordWrap(True)
        self.device_label = QLabel("…")
        self.device_label.setObjectName("device_label")
        self.runtime_combo = QComboBox()
        self.runtime_combo.setObjectName("runtime_combo")
        self.runtime_combo.addItem(self.tr("Auto (PyTorch's numbers)"), "auto")
        self.runtime_combo.addItem(self.tr("PyTorch"), "torch")
        self.runtime_combo.addItem(self.tr("ONNX Runtime"), "onnxruntime")
        self.runtime_combo.addItem(self.tr("OpenVINO f32"), "openvino")
        self.runtime_combo.addItem(self.tr("Fast, reduced precision"), "fast")
        self.runtime_combo.addItem(self.tr("Fast int8 (calibrate on a folder…)"), "int8")
        self.runtime_combo.setToolTip(self.tr(
            "What classifies. Auto: the fastest runtime on this computer whose probabilities are PyTorch's own "
            "(within 1e-4); one image at a time stays in PyTorch, a folder or live video moves to a faster runtime "
            "when that repays converting the model. Fast, reduced precision: OpenVINO in bf16, quicker but not the "
            "model's exact numbers; every result says so, with its agreement with f32 on your images. Feature maps, "
            "CAM and training always use the PyTorch model."))
        self.runtime_used = QLabel("")
        self.runtime_used.setObjectName("runtime_used")
        self.runtime_used.setWordWrap(True)
        self.runtime_used.setStyleSheet("color: gray")

        arch_box = QGroupBox(self.tr("Architecture"))
        lay = QVBoxLayout(arch_box)
        lay.addWidget(self.arch_combo)
        lay.addWidget(self.arch_description)
        weights_box = QGroupBox(self.tr("Weights"))
        lay = QVBoxLayout(weights_box)
        lay.addWidget(self.weights_combo)
        lay.addWidget(self.browse_button)
        lay.addWidget(self.weights_file_label)
        lay.addWidget(self.download_button)
        lay.addWidget(self.weights_note)
        lay.addWidget(self.progress_box)
        labels_box = QGroupBox(self.tr("Class names"))
        lay = QVBoxLayout(labels_box)
        lay.addWidget(self.labels_label)
        lay.addLayout(labels_row)
        state_box = QGroupBox(self.tr("Model"))
        form = QFormLayout(state_box)
        form.addRow(self.tr("In use:"), self.in_use)
        form.addRow(self.tr("Device:"), self.device_label)
        form.addRow(QLabel(self.tr("Runtime:")))
        form.addRow(self.runtime_combo)  # the whole width under its label: the choices are long, Korean more so
        form.addRow("", self.runtime_used)
        form.addRow(self.status)

        layout = QVBoxLayout(self)
        layout.addWidget(arch_box)
        layout.addWidget(weights_box)
        layout.addWidget(labels_box)
        layout.addWidget(state_box)
        layout.addStretch(1)

        # The panel is narrow: a combo's longest entry (longer in Korean) must not set its width, or the panel is
        # squeezed below what it needs and its labels are cut off; the open list still shows entries in full.
        for combo in (self.arch_combo, self.weights_combo, self.runtime_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)

        self.arch_combo.currentIndexChanged.connect(self._on_arch_changed)
        self.weights_combo.currentIndexChanged.connect(self._on_weights_kind_changed)
        self.browse_button.clicked.connect(self.browse_weights)
        self.download_button.clicked.connect(self._download)
        self.labels_button.clicked.connect(self._browse_labels)
        self.labels_clear.clicked.connect(lambda: self.set_labels_file(""))
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.runtime_combo.currentIndexChanged.connect(lambda _i: self.runtime_changed.emit(self.runtime))

    # ------------------------------------------------------------ state
    @property
    def arch(self) -> str:
        return self.arch_combo.currentData(ARCH_ROLE) or ""

    @property
    def weights_kind(self) -> WeightsKind:
        return self.weights_combo.currentData()

    @property
    def runtime(self) -> str:
        return self.runtime_combo.currentData()

    def set_runtime(self, runtime: str) -> None:
        """Show ``runtime`` as chosen without asking for a change."""
        self.runtime_combo.blockSignals(True)
        self.runtime_combo.setCurrentIndex(max(0, self.runtime_combo.findData(runtime)))
        self.runtime_combo.blockSignals(False)

    def show_runtime(self, title: str, reason: str) -> None:
        """What actually classifies (e.g. "OpenVINO bf16"), and why Auto chose it (tooltip)."""
        self.runtime_used.setText(fill(self.tr("classifying with {runtime}"), runtime=title))
        self.runtime_used.setToolTip(reason)

    @property
    def weights_file(self) -> str:
        return self._weights_file

    @property
    def labels_file(self) -> str:
        return self._labels_file

    def set_choice(self, arch: str, kind: str, weights_file: str = "", labels_file: str = "", emit: bool = True) -> None:
        """Set everything at once (from settings, or a test); loads once if ``emit``."""
        widgets = (self.arch_combo, self.weights_combo)
        for w in widgets:
            w.blockSignals(True)
        try:
            index = self.arch_index(arch)
            if index >= 0:
                self.arch_combo.setCurrentIndex(index)
            k = self.weights_combo.findData(kind)
            self.weights_combo.setCurrentIndex(k if k >= 0 else 0)
            self._weights_file = weights_file
            self._labels_file = labels_file
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._refresh()
        if emit:
            self.request_load()

    def set_weights_file(self, path: str) -> None:
        """Use a weights file (from the dialog or dropped on the window) and load it."""
        self._weights_file = path
        self.weights_combo.blockSignals(True)
        self.weights_combo.setCurrentIndex(self.weights_combo.findData(self.KIND_FILE))
        self.weights_combo.blockSignals(False)
        self._refresh()
        self.request_load()

    def set_labels_file(self, path: str) -> None:
        self._labels_file = path
        self._refresh()
        self.request_load()

    def select_arch(self, arch: str) -> None:
        """Show ``arch`` as chosen without reloading (e.g. a checkpoint named it)."""
        index = self.arch_index(arch)
        if index >= 0 and index != self.arch_combo.currentIndex():
            self.arch_combo.blockSignals(True)
            self.arch_combo.setCurrentIndex(index)
            self.arch_combo.blockSignals(False)
            self._refresh()

    def arch_index(self, arch: str) -> int:
        for i in range(self.arch_combo.count()):
            if self.arch_combo.itemData(i, ARCH_ROLE) == arch:
                return i
        if arch.startswith(TIMM_PROMPT) and len(arch) > len(TIMM_PROMPT):  # a timm name asked for before
            model = self.arch_combo.model()
            assert isinstance(model, QStandardItemModel)
            return add_timm_entry(model, arch)
        return -1

    def _ask_timm_name(self) -> bool:
        """The timm entry was chosen: ask for the architecture's name and select it (False: cancelled)."""
        previous = self._in_use_choice[0] if self._in_use_choice else BUNDLED_ARCH
        name, ok = self.ask_text(self.tr("A timm architecture"), self.tr(
            "timm's name of the architecture (e.g. resnet18d, convnext_nano, efficientnet_b0.ra_in1k):"))
        name = name.strip().removeprefix(TIMM_PROMPT)
        self.arch_combo.blockSignals(True)
        self.arch_combo.setCurrentIndex(max(0, self.arch_index(TIMM_PROMPT + name if ok and name else previous)))
        self.arch_combo.blockSignals(False)
        return bool(ok and name)

    def ask_text(self, title: str, label: str) -> tuple[str, bool]:
        """A line of text from the user (a test replaces this)."""
        return QInputDialog.getText(self, title, label)

    def current_request(self, download: bool = False) -> WeightsRequest | None:
        """What to load now, or None when the choice is incomplete (no file, pretrained not downloaded)."""
        kind = self.weights_kind
        labels = self._labels_file or None
        if kind == self.KIND_FILE:
            if not self._weights_file:
                return None
            return WeightsRequest(self.arch or None, kind, self._weights_file, labels)
        if kind == self.KIND_BUNDLED:
            return WeightsRequest(BUNDLED_ARCH, kind, None, labels)
        if kind == self.KIND_PRETRAINED and not (download or self._pretrained_cached()):
            return None
        return WeightsRequest(self.arch, kind, None, labels)

    def request_load(self, download: bool = False) -> None:
        request = self.current_request(download)
        if request is not None:
            self.load_requested.emit(request)

    # ------------------------------------------------------- the model in use
    def remember_choice(self) -> None:
        """The current choice made the model now in use (called after a successful load)."""
        self._in_use_choice = (self.arch, self.weights_kind, self._weights_file, self._labels_file)

    def revert_choice(self) -> None:
        """Show the choice of the model still in use again (after a failed or cancelled load)."""
        if self._in_use_choice is not None:
            self.set_choice(*self._in_use_choice, emit=False)

    def choice_in_use(self) -> tuple[str, str, str, str]:
        """(arch, kind, file, labels) of the model in use, else the current choice (for the settings)."""
        return self._in_use_choice or (self.arch, self.weights_kind, self._weights_file, self._labels_file)

    def show_in_use(self, info: ModelInfo | None, unsaved: bool = False) -> None:
        """Name the model actually in use, whatever the combos say."""
        if info is None:
            self.in_use.setText(self.tr("No model in use yet"))
            return
        text = f"{info.title} ({engine_text(info.source)})"
        if unsaved:
            text += self.tr(" (trained here, not saved)")
        self.in_use.setToolTip(text)
        self.in_use.setText(wrappable(text))

    # ------------------------------------------------------- feedback
    def set_device(self, text: str) -> None:
        self.device_label.setText(text)

    def show_loading(self, text: str) -> None:
        self.status.setText(self.tr("Loading {what}…").format(what=text))
        self.progress.setRange(0, 0)
        self.progress_box.show()

    def show_download(self, filename: str, done: int, total: int) -> None:
        self.progress_box.show()
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(f"{filename}: %p%  ({done / 1e6:.1f} / {total / 1e6:.1f} MB)")
        else:
            self.progress.setRange(0, 0)
        self.status.setText(self.tr("Downloading {file}…").format(file=filename))

    def show_loaded(self, text: str) -> None:
        self.progress_box.hide()
        self.status.setText(text)
        self._refresh()

    def show_failed(self, text: str) -> None:
        """A short line here (the banner has the whole message, the tooltip too)."""
        self.progress_box.hide()
        first = text.split(": ", 1)[0] if ": " in text else text
        self.status.setText(wrappable(self.tr("Not loaded: {what}").format(what=first[:80])))
        self.status.setToolTip(text)
        self._refresh()

    # ------------------------------------------------------- internals
    def set_engine_ready(self) -> None:
        self.engine_ready = True
        self._refresh()

    def _pretrained_cached(self) -> bool:
        if not self.engine_ready:  # not known yet; nothing asks before the engine has loaded
            return False
        from convlens.engine.weights.hub import is_pretrained_cached

        try:
            return is_pretrained_cached(get_arch(self.arch))
        except ConvLensError:  # no pretrained set for this architecture
            return False

    def _refresh(self) -> None:
        arch = self.arch
        timm_name = arch[len(TIMM_PROMPT):] if arch.startswith(TIMM_PROMPT) else ""
        spec = get_arch(arch) if arch and not arch.startswith(TIMM_PROMPT) else None  # timm is not imported here
        self.arch_description.setText(architecture_text(spec.description) if spec else fill(self.tr(
            "timm's {name}, built by timm with its pretrained configuration (its input size and preprocessing)."),
            name=timm_name) if timm_name else "")
        kind = self.weights_kind
        is_file = kind == self.KIND_FILE
        self.browse_button.setVisible(is_file)
        self.weights_file_label.setVisible(is_file)
        self.weights_file_label.setText(Path(self._weights_file).name if self._weights_file else self.tr("No file chosen"))
        self.weights_file_label.setToolTip(self._weights_file)
        self.labels_label.setText(Path(self._labels_file).name if self._labels_file else self.tr("from the weights"))
        self.labels_label.setToolTip(self._labels_file)
        self.labels_clear.setEnabled(bool(self._labels_file))
        show_download = False
        note = ""
        if kind == self.KIND_BUNDLED:
            note = self.tr("Ships with ConvLens: ImageNet's 1000 classes, no download, works offline. Its numbers "
                           "are close to, not the same as, torchvision's MobileNetV2 weights (see "
                           "resources/models/NOTICE.md).")
        elif kind == self.KIND_PRETRAINED and timm_name:
            note = self.tr("timm's pretrained weights come from the Hugging Face cache; when they are not there "
                           "they are downloaded once, and offline the app says so.")
        elif kind == self.KIND_PRETRAINED and spec is not None:
            if not self.engine_ready:
                note = self.tr("Looking for its weights once PyTorch has loaded…")
            elif spec.weights_enum is None:
                note = self.tr("{arch} has no pretrained weights. Use random weights, or a file "
                               "(train LeNet-5 on MNIST-style digits).").format(arch=spec.title)
            elif not self._pretrained_cached():
                from convlens.engine.weights.hub import pretrained_file, pretrained_weights

                weights = pretrained_weights(spec)
                size = weights.meta.get("_file_size", 0)
                path = pretrained_file(weights)
                note = fill(self.tr("Not downloaded yet. Download it ({mb:.0f} MB) on demand, or copy {file} into "
                                    "{folder}. Random weights and weights files work offline."),
                            mb=size, file=path.name, folder=str(path.parent))
                self.download_button.setText(self.tr("Download ({mb:.0f} MB)").format(mb=size))
                self.download_button.setToolTip(fill(self.tr("Download {file} from download.pytorch.org into {folder}"),
                    file=path.name, folder=str(path.parent)))
                show_download = True
        self.download_button.setVisible(show_download)
        self.weights_note.setText(note)
        self.weights_note.setVisible(bool(note))

    def _on_arch_changed(self) -> None:
        if self.arch == TIMM_PROMPT and not self._ask_timm_name():
            self._refresh()
            return
        if self.weights_kind == self.KIND_BUNDLED and self.arch != BUNDLED_ARCH:
            # the bundled weights are MobileNetV2's: another architecture starts from its own pretrained set
            self.weights_combo.blockSignals(True)
            self.weights_combo.setCurrentIndex(self.weights_combo.findData(self.KIND_PRETRAINED))
            self.weights_combo.blockSignals(False)
        if self.weights_kind == self.KIND_FILE:
            # The chosen file belongs to the model in use, not to this architecture: start from
            # this architecture's pretrained weights (or offer their download) instead.
            self.weights_combo.blockSignals(True)
            self.weights_combo.setCurrentIndex(self.weights_combo.findData(self.KIND_PRETRAINED))
            self.weights_combo.blockSignals(False)
        self._refresh()
        self.request_load()

    def _on_weights_kind_changed(self) -> None:
        if self.weights_kind == self.KIND_BUNDLED:
            self.select_arch(BUNDLED_ARCH)
        self._refresh()
        if self.weights_kind == self.KIND_FILE and not self._weights_file:
            self.browse_weights()
            return
        self.request_load()

    def _download(self) -> None:
        self.request_load(download=True)

    def browse_weights(self) -> None:
        start = str(Path(self._weights_file).parent) if self._weights_file else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a weights file"), start,
            self.tr("Weights (*.pth *.pt *.safetensors *.ckpt *.bin *.onnx *.h5);;All files (*)"),
        )
        if path:
            self.set_weights_file(path)

    def _browse_labels(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a labels file"),
            str(Path(self._labels_file).parent) if self._labels_file else str(Path.home()),
            self.tr("Class names (*.txt *.json);;All files (*)"))
        if path:
            self.set_labels_file(path)

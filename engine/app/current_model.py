"""The current model: loading it, the runtime that classifies with it, its "unknown" threshold.

The PyTorch model stays behind a faster runtime (ONNX Runtime, OpenVINO): inspection, training, saving and export
always work on it (``pytorch_model``); the runtime only runs a parity-checked copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from convlens.engine.app.requests import WeightsRequest
from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.models.registry import get_arch
from convlens.engine.models.training_record import TrainingRecord
from convlens.engine.runtime.device import describe_device, select_device
from convlens.engine.runtime.predict import Predictor
from convlens.engine.weights.bundled import load_bundled
from convlens.engine.weights.load import load_file, load_weights, load_weights_steps

if TYPE_CHECKING:
    from collections.abc import Callable, Generator

    import torch

    from convlens.engine.core.choices import RuntimeChoice
    from convlens.engine.models.loaded import LoadedModel
    from convlens.engine.models.openset import UnknownCurve, UnknownRule
    from convlens.engine.runtime.quantize import QuantizeProgress
    from convlens.engine.weights.hub import DownloadProgress


@dataclass(frozen=True)
class ModelInfo:
    """What the UI shows about the current model."""

    arch: str
    title: str
    source: str
    labels: tuple[str, ...]
    notes: tuple[str, ...]
    device: str
    input_shape: tuple[int, int, int]
    scripted: bool
    runtime: str = "torch"
    precision: str = "f32"
    runtime_reason: str = ""  # why ``auto`` chose this runtime
    unknown: UnknownRule | None = None  # answers at or below its threshold are "unknown" (engine.models.openset)
    unknown_curve: UnknownCurve | None = field(default=None, compare=False)  # what it was chosen from
    #: What the preprocessing keeps of the square it is given: crop / resize (224 / 256), or 1.0 when it resizes the
    #: whole picture to its input (``squashes``). The live crop guide is drawn from it.
    input_fraction: float = 1.0
    squashes: bool = False

    @property
    def runtime_title(self) -> str:
        from convlens.engine.runtime.runtimes import TITLES

        name = TITLES.get(self.runtime, self.runtime)
        return f"{name} {self.precision}" if self.runtime == "openvino" else name

    @property
    def reduced_precision(self) -> bool:
        """Answers come from a reduced-precision runtime the user chose ("fast"): results say so."""
        return self.precision != "f32"


class CurrentModel:
    """The model in use and the runtime that classifies with it. ``on_change(keep_inspection)`` is called after
    every install: the inspection of the previous model ends unless only the runtime changed."""

    def __init__(self, device: str = "auto", on_change: Callable[[bool], None] | None = None) -> None:
        self.device: torch.device = select_device(device)
        self.predictor: Predictor | None = None
        self.runtime: RuntimeChoice = "torch"  # what the user chose: torch | onnxruntime | openvino | auto | fast
        #: int8 (``engine.runtime.quantize``), calibrated on this folder of the user's images: overrides ``runtime``
        self.int8_calibration: str | None = None
        self.torch_loaded: LoadedModel | None = None  # the torch model behind a faster runtime
        self.torch_predictor: Predictor | None = None  # feature maps, CAM, summary: always PyTorch
        self.info: ModelInfo | None = None
        self._on_change = on_change

    @property
    def device_name(self) -> str:
        return describe_device(self.device)

    def load(self, request: WeightsRequest) -> Generator[DownloadProgress, None, ModelInfo]:
        """Load weights (downloading pretrained ones first, with progress).

        The generator's return value is the new ``ModelInfo``. The current
        model is replaced only when loading succeeds.
        """
        if request.kind == "file" and request.path and request.path.lower().endswith(".onnx"):
            return self._install_onnx(request.path, request.preset, request.labels_file)
        if request.kind == "file":
            if not request.path:
                raise ConvLensError("Choose a weights file.")
            # A chosen file is a file, whatever its name looks like: no guessing from the string.
            loaded = load_file(request.path, get_arch(request.arch) if request.arch else None, request.labels_file)
        elif request.kind == "bundled":
            loaded = load_bundled(request.labels_file)
        elif request.kind in ("random", "pretrained"):
            if request.arch is None:
                raise ConvLensError("Choose an architecture first.")
            weights = "random" if request.kind == "random" else (request.pretrained_name or "pretrained")
            loaded = yield from load_weights_steps(request.arch, weights, request.labels_file)
        else:
            raise ValueError(request.kind)
        return self.install_with_runtime(loaded)

    def load_named(self, arch: str | None, weights: str | None, labels_file: str | None = None, images: float = 1,
                   preset: str | None = None, progress: Callable[[DownloadProgress], None] | None = None) -> ModelInfo:
        """Weights named as the command line names them (``bundled``, ``pretrained``, ``random``, a file; None: the
        default, the bundled model or ARCH's pretrained), run by the chosen runtime for ``images`` images of work
        (ONNX files always by ONNX Runtime, with ``preset`` when they carry no preprocessing)."""
        if str(weights).lower().endswith(".onnx"):
            return self._install_onnx(str(weights), preset, labels_file)
        return self.install_with_runtime(load_weights(arch, weights, labels_file, progress=progress), images)

    def _install_onnx(self, path: str, preset: str | None, labels_file: str | None) -> ModelInfo:
        """An ONNX file made elsewhere: ONNX Runtime runs it, with no PyTorch model behind it."""
        from convlens.engine.weights.onnx import load_onnx

        return self.install(load_onnx(path, preset, labels_file))

    def install_with_runtime(self, loaded: LoadedModel, images: float = 1) -> ModelInfo:
        """Install a PyTorch model, classified by the chosen runtime. ``auto`` converts it only when ``images``
        images of work repay the conversion (``engine.runtime.runtimes.choose_runtime``): one image never does, so a
        new model answers as fast as PyTorch; ``prepare_for`` moves it when a folder or live video comes."""
        if loaded.runtime != "torch" or loaded.scripted:
            return self.install(loaded)
        if self.int8_calibration:
            from convlens.engine.core.steps import run_to_end

            return run_to_end(self._install_int8(loaded, self.int8_calibration))
        if self.runtime == "torch":
            return self.install(loaded)
        from convlens.engine.runtime.runtimes import choose_runtime, convert

        if self.runtime == "auto":
            fast, choice = choose_runtime(loaded, self.device, images)
            reason = choice.reason  # the combo box says "auto" already
        else:
            fast = convert(loaded, self.runtime)
            reason = Text("{runtime} as chosen", runtime=fast.runtime)
        return self.install(fast, torch_model=loaded if fast is not loaded else None, runtime_reason=reason)

    def use_int8(self, folder: str) -> Generator[QuantizeProgress, None, ModelInfo]:
        """Classify with the current PyTorch model quantized to int8 on ``folder`` (a reduced precision: every
        result says so, with its measured agreement with f32); ``set_runtime`` goes back to f32."""
        base = self.torch_loaded or self.require().loaded
        if base.runtime != "torch" or base.scripted:
            raise ConvLensError("Only a PyTorch model can be quantized; {source} is not one.", source=base.source)
        info = yield from self._install_int8(base, folder)
        self.int8_calibration = folder
        return info

    def _install_int8(self, loaded: LoadedModel, folder: str) -> Generator[QuantizeProgress, None, ModelInfo]:
        from convlens.engine.runtime.quantize import quantize_steps

        int8, agreement = yield from quantize_steps(loaded, folder)
        return self.install(int8, torch_model=loaded, runtime_reason=agreement.text(),
                            keep_inspection=loaded is self.torch_loaded or (
                                self.predictor is not None and loaded is self.predictor.loaded))

    def prepare_for(self, images: float) -> ModelInfo | None:
        """Under ``auto``, move the current PyTorch model to the fastest faithful runtime when ``images`` images
        of work (``engine.runtime.runtimes.OPEN_ENDED`` for live video) repay converting it; the new info when it moved.
        The current image, its layer outputs and the layer table stay: the PyTorch model is the same one."""
        if self.runtime != "auto" or self.predictor is None or self.torch_loaded is not None:
            return None
        base = self.predictor.loaded
        if base.runtime != "torch" or base.scripted:
            return None
        from convlens.engine.runtime.runtimes import choose_runtime

        fast, choice = choose_runtime(base, self.device, images)
        if fast is base:
            return None
        return self.install(fast, torch_model=base, runtime_reason=choice.reason,
                            keep_inspection=True)

    def set_runtime(self, runtime: RuntimeChoice) -> ModelInfo | None:
        """Classify with torch, ONNX Runtime, OpenVINO or ``auto``; the PyTorch model stays for inspection."""
        from convlens.engine.runtime.runtimes import RUNTIMES

        if runtime not in RUNTIMES:
            raise ConvLensError(
                "Unknown runtime '{runtime}': use {value}.",
                runtime=runtime, value=', '.join(RUNTIMES),
            )
        previous, previous_int8 = self.runtime, self.int8_calibration
        self.runtime, self.int8_calibration = runtime, None
        if self.predictor is None:
            return None
        base = self.torch_loaded or self.predictor.loaded
        if base.runtime != "torch" or base.scripted:
            self.runtime, self.int8_calibration = previous, previous_int8
            what = "This ONNX file" if base.runtime == "onnxruntime" else "This TorchScript file"
            raise ConvLensError("{what} has no PyTorch model behind it: it runs only in its own runtime.", what=what)
        try:
            return self.install_with_runtime(base)
        except ConvLensError:
            self.runtime, self.int8_calibration = previous, previous_int8
            raise

    def install(self, loaded: LoadedModel, torch_model: LoadedModel | None = None,
                runtime_reason: str = "", keep_inspection: bool = False) -> ModelInfo:
        """Make ``loaded`` the current model; ``torch_model`` is the PyTorch model behind a faster runtime.

        ``keep_inspection``: the PyTorch model is the one already in use (only the runtime changed), so the current
        image, its layer outputs, the layer table and the CAM layer stay."""
        self.torch_loaded = torch_model
        self.predictor = Predictor(loaded, self.device)
        self.torch_predictor = Predictor(torch_model, self.device) if torch_model is not None else self.predictor
        if self._on_change is not None:
            self._on_change(keep_inspection)
        pre = loaded.preprocess
        self.info = ModelInfo(
            arch=loaded.name,
            title=loaded.arch.title if loaded.arch else "TorchScript",
            source=loaded.source,
            labels=loaded.labels,
            notes=tuple(loaded.notes),
            device=self.device_name,
            input_shape=(pre.channels, pre.crop, pre.crop),
            scripted=loaded.scripted and torch_model is None,
            runtime=loaded.runtime,
            precision=loaded.precision,
            runtime_reason=runtime_reason,
            unknown=loaded.unknown,
            unknown_curve=loaded.training.unknown_curve if loaded.training else None,
            input_fraction=min(1.0, pre.crop / pre.resize) if pre.resize else 1.0,
            squashes=not pre.resize,
        )
        return self.info

    def set_unknown(self, rule: UnknownRule | None, curve: UnknownCurve | None = None) -> ModelInfo:
        """Give the current model an "unknown" threshold (None: none), and the curve it was chosen from."""
        predictor = self.require()
        torch_predictor = self.torch_predictor or predictor
        assert self.info is not None  # set with the model
        for loaded in {id(x): x for x in (predictor.loaded, torch_predictor.loaded)}.values():
            loaded.training = (loaded.training or TrainingRecord()).with_unknown(rule, curve)
        for each in (predictor, torch_predictor):
            each.unknown_threshold = rule.threshold if rule else None
        self.info = replace(self.info, unknown=rule, unknown_curve=curve if curve is not None else self.info.unknown_curve)
        return self.info

    def unknown_curve(self) -> UnknownCurve | None:
        """The trade-off curve the current model's threshold was (or can be) chosen from, if it has one."""
        training = self.require().loaded.training
        return training.unknown_curve if training else None

    def require(self) -> Predictor:
        """The predictor of the runtime in use."""
        if self.predictor is None:
            raise ConvLensError("No model is loaded yet: choose an architecture and weights.")
        return self.predictor

    def require_torch(self) -> Predictor:
        """The PyTorch model (behind a faster runtime, if one classifies): feature maps, CAM, layer table."""
        self.require()
        assert self.torch_predictor is not None
        return self.torch_predictor

    @property
    def pytorch_model(self) -> LoadedModel:
        """The PyTorch model itself, whatever runtime classifies: what training, saving, exporting, CAM and
        feature maps work on (a faster runtime only runs a parity-checked copy of it)."""
        return self.require_torch().loaded

    def model_label(self, used: Predictor | None = None) -> str:
        """Which model answered (``used``: the predictor that did, by default the runtime's); for a reduced
        precision also that, with its measured agreement."""
        if self.info is None:
            return ""
        label = Text("{title} ({source})", title=self.info.title, source=self.info.source)
        used = used or self.predictor
        agreement = used.agreement if used is not None else None
        if agreement is not None:
            return Text("{label} · {agreement}", label=label, agreement=agreement.text())
        return label


"""The engine's closed vocabularies, each written once: the Literal types the code is checked against and the
tuples that argparse and the app's widgets offer."""

from __future__ import annotations

import os
from typing import Literal, get_args

__all__ = [
    "AUTO_LAYER", "CAM_METHODS", "EXPORT_FORMATS", "HEAD_KINDS", "MAX_MODELS", "NORMALISATIONS", "OPTIMIZERS", "RUNTIMES", "RUNTIME_CHOICES",
    "WEIGHTS_KINDS", "CamMethod", "ExportFormat", "HeadKind", "Normalisation", "Optimizer", "Precision", "Runtime",
    "RuntimeChoice", "TrainPhase", "WeightsKind", "default_runtime",
]

#: Where a model's weights come from: the model bundled with ConvLens, torchvision's pretrained set, random
#: initialisation, or a file.
WeightsKind = Literal["bundled", "pretrained", "random", "file"]
#: What runs a loaded model's forward pass.
Runtime = Literal["torch", "onnxruntime", "openvino"]
#: What a user may ask for: a runtime (f32: PyTorch's own numbers), "auto" (the fastest of those, when the work
#: repays converting the model) or "fast" (OpenVINO at reduced precision, bf16 here; its results say so).
RuntimeChoice = Literal["auto", "torch", "onnxruntime", "openvino", "fast"]
#: A runtime's inference precision.
Precision = Literal["f32", "bf16", "f16", "int8"]
CamMethod = Literal["gradcam", "layercam"]
#: The CAM layer name that asks for the most faithful candidate layer.
AUTO_LAYER = "auto"
#: How many models one comparison runs side by side.
MAX_MODELS = 4
#: Feature maps: each channel over its own range, or one range for the page.
Normalisation = Literal["channel", "shared"]
#: A training progress step: computing backbone features once, a training pass, a validation pass.
TrainPhase = Literal["cache", "train", "val"]
#: adam | sgd (momentum 0.9) | rmsprop (seed 003's choice)
Optimizer = Literal["adam", "sgd", "rmsprop"]
#: What Export writes: f32 ONNX or TorchScript, or int8 (NNCF, calibrated on the user's images) as OpenVINO IR or ONNX QDQ.
ExportFormat = Literal["onnx", "torchscript", "openvino-int8", "onnx-int8"]
#: How a fine-tune changed the model: a new head on the classifier's input, a head on a cut layer's output, or a
#: model trained from scratch with its own head.
HeadKind = Literal["replace", "cut", "scratch"]

WEIGHTS_KINDS: tuple[WeightsKind, ...] = get_args(WeightsKind)
RUNTIMES: tuple[Runtime, ...] = get_args(Runtime)
RUNTIME_CHOICES: tuple[RuntimeChoice, ...] = get_args(RuntimeChoice)
CAM_METHODS: tuple[CamMethod, ...] = get_args(CamMethod)
NORMALISATIONS: tuple[Normalisation, ...] = get_args(Normalisation)
OPTIMIZERS: tuple[Optimizer, ...] = get_args(Optimizer)
EXPORT_FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
HEAD_KINDS: tuple[HeadKind, ...] = get_args(HeadKind)

#: The runtime classification uses unless the user chooses one (tests pin "torch" through this variable).
DEFAULT_RUNTIME_ENV = "CONVLENS_DEFAULT_RUNTIME"


def default_runtime() -> RuntimeChoice:
    """``auto``, unless ``$CONVLENS_DEFAULT_RUNTIME`` names another runtime."""
    chosen = os.environ.get(DEFAULT_RUNTIME_ENV, "auto")
    return chosen if chosen in RUNTIME_CHOICES else "auto"

#: A subfolder of a data folder holding images of no class: never trained on, what "unknown" must refuse.
UNKNOWN_FOLDER = "_unknown"

"""Running ONNX classifiers with ONNX Runtime (ours or made elsewhere).

An ``OnnxClassifier`` behaves like a torch model for the ``Predictor``: it is
called with a float tensor batch and returns logits. Files that end in a
softmax are detected and return log-probabilities, so the app's softmax gives
back exactly the file's probabilities.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.models.preprocess import PRESETS, Preprocess, preset

if TYPE_CHECKING:
    import torch

from convlens.engine.weights.metadata import META_ARCH, META_CLASSES, META_PREPROCESS, training_from_meta


class NeedsPreprocessing(ConvLensError):
    """An ONNX file without preprocessing metadata: the user has to pick a preset."""


def providers() -> list[str]:
    import onnxruntime as ort

    available = ort.get_available_providers()
    return [p for p in ("CUDAExecutionProvider", "CPUExecutionProvider") if p in available]


class OnnxClassifier:
    """An ONNX Runtime session with the torch-model surface the Predictor uses."""

    def __init__(self, path: str | Path) -> None:
        import onnxruntime as ort

        self.path = Path(path)
        options = ort.SessionOptions()
        options.log_severity_level = 3
        # ONNX Runtime's workers spin while waiting for work; next to a capture thread and the UI on a
        # small CPU that spinning steals the cores the model needs (ResNet-18 live: 21 -> 33 fps here).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            self.session = ort.InferenceSession(str(self.path), options, providers=providers())
        except Exception as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ConvLensError(
                "ONNX file {name}: cannot be loaded ({first}).",
                name=self.path.name, first=first[:200],
            ) from None
        inputs, outputs = self.session.get_inputs(), self.session.get_outputs()
        if len(inputs) != 1 or len(inputs[0].shape) != 4:
            raise ConvLensError(
                "ONNX file {name}: not an image classifier (it needs {n} inputs; a classifier takes "
                "one N x C x H x W image batch).",
                name=self.path.name, n=len(inputs),
            )
        self.input = inputs[0]
        self.output = outputs[0]
        self.dtype = np.float16 if "float16" in self.input.type else np.float32
        batch = self.input.shape[0]
        self.max_batch = batch if isinstance(batch, int) and batch > 0 else 64
        self.outputs_probabilities = "softmax" in self.output.name.lower()
        self.training = False

    @property
    def channels(self) -> int:
        c = self.input.shape[1]
        return c if isinstance(c, int) else 3

    @property
    def size(self) -> int | None:
        h = self.input.shape[2]
        return h if isinstance(h, int) else None

    def metadata(self) -> dict[str, str]:
        return dict(self.session.get_modelmeta().custom_metadata_map)

    # the torch-model surface
    def to(self, _device: Any) -> OnnxClassifier:
        return self

    def eval(self) -> OnnxClassifier:
        return self

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        import torch

        feed = x.detach().cpu().numpy().astype(self.dtype, copy=False)
        out = self.session.run([self.output.name], {self.input.name: feed})[0]
        out = out.reshape(out.shape[0], -1).astype(np.float32)
        if out.ndim != 2:
            raise ConvLensError(
                "ONNX file {name}: output {shape} is not class scores.",
                name=self.path.name, shape=self.output.shape,
            )
        if self.outputs_probabilities:
            return torch.from_numpy(np.log(np.clip(out, 1e-12, None)))
        return torch.from_numpy(out)


def load_onnx(path: str | Path, preprocess_preset: str | None = None, labels_file: str | Path | None = None):
    """An ONNX classifier as a ``LoadedModel`` (runtime onnxruntime).

    Preprocessing and class names come from the file's ConvLens metadata, or
    ``preprocess_preset`` / ``labels_file`` (ImageNet names for 1000 classes).
    """
    from convlens.engine.models.labels import labels_for
    from convlens.engine.models.loaded import LoadedModel

    path = Path(path)
    if not path.is_file():
        raise ConvLensError("ONNX file {path} not found.", path=path)
    model = OnnxClassifier(path)
    meta = model.metadata()
    notes: list[str] = []
    if preprocess_preset:
        pre = preset(preprocess_preset, model.size or 224, model.channels)
    elif META_PREPROCESS in meta:
        pre = Preprocess.from_json(meta[META_PREPROCESS], path.name)
    else:
        raise NeedsPreprocessing(
            f"ONNX file {path.name} does not say how its images are preprocessed: choose a preset (--preprocess) "
            f"({'; '.join(f'{k}: {v}' for k, v in PRESETS.items())})."
        )
    if model.size and pre.crop != model.size:
        resize = round(model.size * 256 / 224) if pre.resize else 0
        pre = Preprocess(**{**pre.to_dict(), "crop": model.size, "resize": resize})
    import torch

    zeros = torch.zeros(1, model.channels, pre.crop, pre.crop)
    try:
        num_classes = int(model(zeros).shape[1])
    except Exception as exc:
        raise ConvLensError(
            "ONNX file {name}: does not run on a {crop}x{crop} image ({value}).",
            name=path.name, crop=pre.crop, value=str(exc).splitlines()[0][:160],
        ) from None
    from_file = json.loads(meta[META_CLASSES]) if META_CLASSES in meta else None
    labels = labels_for(num_classes, None, from_file, labels_file, notes)
    from convlens.engine.models.registry import get_arch

    arch = get_arch(meta[META_ARCH]) if meta.get(META_ARCH) else None
    return LoadedModel(model, labels, pre, arch, Text("ONNX {name}", name=path.name), scripted=True, notes=notes,  # type: ignore[arg-type]
                       runtime="onnxruntime", training=training_from_meta(meta))

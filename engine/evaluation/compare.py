"""Side by side: the same images through 2-4 models, one model at a time (memory holds one), top-k and latency.

LeNet vs AlexNet vs VGG vs ResNet is the study notes' story; ``compare`` makes it a table: for each model its
parameter count and its median latency per image at batch 1 (after a warm-up), and for each image each model's
top-k. A model is given as ``ARCH:WEIGHTS`` (``resnet18:pretrained``, ``mobilenet_v2:weights.pth``,
``lenet5:random``) or as a file that names its own architecture (a ConvLens checkpoint, an ONNX file).

With ``inspect=True`` each column also carries, for each image, the model's Grad-CAM overlay (at its own last
conv block) and the feature maps of the convolution at the same relative depth (``stage``: 0.5 = half way
through its convolutions), so that LeNet's, AlexNet's, VGG's and ResNet's views of one photo line up.
"""

from __future__ import annotations

import gc
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import torch
from PIL import Image

from convlens.engine.core.choices import MAX_MODELS
from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.data.images import load_image
from convlens.engine.inspect.activations import default_cam_layer, feature_maps, get_layer
from convlens.engine.inspect.hooks import watch
from convlens.engine.inspect.overlays import cam_picture
from convlens.engine.inspect.render import feature_grid
from convlens.engine.models.registry import list_architectures
from convlens.engine.runtime.predict import Predictor
from convlens.engine.weights.load import load_weights_steps

if TYPE_CHECKING:
    from collections.abc import Generator, Sequence

    import numpy as np

    from convlens.engine.models.loaded import LoadedModel
    from convlens.engine.runtime.results import Prediction
    from convlens.engine.weights.hub import DownloadProgress

__all__ = ["MAX_MODELS", "Comparison", "CompareProgress", "ModelColumn", "compare", "parse_model"]

#: The weights word for the model in use (``compare(..., current=...)``).
CURRENT = "current"


def parse_model(text: str) -> tuple[str | None, str]:
    """``"resnet18:pretrained"`` -> ("resnet18", "pretrained"); ``"rps.pth"`` -> (None, "rps.pth").

    Only a known architecture name before the first colon splits the text, so a path such as ``C:\\w.pth`` or
    ``./a:b.pth`` stays a path."""
    known = {spec.name for spec in list_architectures()}
    arch, sep, weights = text.partition(":")
    if sep and arch in known:
        return arch, weights or "pretrained"
    if text in known:
        return text, "pretrained"
    if text == CURRENT:
        return None, CURRENT
    if sep and len(arch) > 1 and not Path(text).exists():  # not a drive letter, not a file: a mistyped name
        raise ConvLensError("Unknown architecture '{arch}' in '{model}'. Known architectures: {known}.",
                            arch=arch, model=text, known=", ".join(sorted(known)))
    return None, text


@dataclass(frozen=True)
class ModelColumn:
    """One model's column: what it is, how big, how fast, and its answer for each image (in image order)."""

    spec: str  # as given on the command line
    title: str  # "ResNet-18 (pretrained IMAGENET1K_V1)"
    params: int
    latency_ms: float  # median per image, batch 1, after one warm-up run
    predictions: tuple[tuple[Prediction, ...], ...]
    cam_layer: str = ""
    cams: tuple[np.ndarray, ...] = ()  # per image: RGB uint8, the CAM over the photo (display size)
    stage_layer: str = ""  # the convolution at the chosen relative depth
    stage_maps: tuple[np.ndarray, ...] = ()  # per image: RGB uint8 grid of its most active channels
    precision: str = "f32"  # "int8": run quantized (``compare(calibration=...)``); the column says so


@dataclass(frozen=True)
class Comparison:
    images: tuple[str, ...]
    columns: tuple[ModelColumn, ...]
    notes: tuple[str, ...] = ()  # what was left out and why (a folder's unreadable files, a cap on the count)

    def agreement(self) -> float:
        """The fraction of images on which every model gives the same top-1 label."""
        if not self.images:
            return 0.0
        same = sum(len({col.predictions[i][0].label for col in self.columns}) == 1 for i in range(len(self.images)))
        return same / len(self.images)


@dataclass(frozen=True)
class CompareProgress:
    """``model`` (1-based) of ``total`` is loading or running; a download's progress when there is one."""

    model: int
    total: int
    spec: str
    download: DownloadProgress | None = None


def stage_layer(model: torch.nn.Module, input_shape: tuple[int, int, int], stage: float) -> str:
    """The convolution at relative depth ``stage`` (0 = the first one run, 1 = the last), in execution order."""
    order: list[str] = []
    convs = [(n, m) for n, m in model.named_modules() if isinstance(m, torch.nn.Conv2d)]
    param = next(model.parameters())
    with watch(convs, lambda key, _out: order.append(key) if key not in order else None), torch.inference_mode():
        model(torch.zeros(1, *input_shape, device=param.device))
    if not order:
        raise ConvLensError("This model has no convolution layer.")
    return order[min(len(order) - 1, max(0, round(stage * (len(order) - 1))))]


def compare(images: Sequence[str | Path | Image.Image], models: Sequence[str], topk: int = 3, device: str = "cpu",
            repeats: int = 3, inspect: bool = False, stage: float = 0.5, side: int = 256,
            names: Sequence[str] | None = None, current: LoadedModel | None = None,
            calibration: str | Path | None = None) -> Generator[CompareProgress, None, Comparison]:
    """Run every image through every model (one model in memory at a time); yields before each model.

    ``names`` label images given as pictures (a live frame); paths are their own names. A model ``current`` (or
    ``ARCH:current``) is ``current``: the model in use, trained here and unsaved perhaps. With ``calibration`` (a
    folder of the user's images) every model runs quantized to int8 in OpenVINO, its agreement with its own f32
    answers in the notes; the feature maps and CAM (``inspect``) stay the PyTorch model's."""
    if not 2 <= len(models) <= MAX_MODELS:
        raise ConvLensError("Compare 2 to {max} models (got {n}).", max=MAX_MODELS, n=len(models))
    if not images:
        raise ConvLensError("Give at least one image to compare the models on.")
    if topk < 1:
        raise ConvLensError("Top-k must be at least 1.")
    parsed = [parse_model(m) for m in models]  # a mistyped name fails now, not after minutes on the others
    paths = [str(p) if not isinstance(p, Image.Image) else names[i] if names else f"image {i + 1}"
             for i, p in enumerate(images)]
    # decoded once; each model applies its own preprocessing
    pictures = [p if isinstance(p, Image.Image) else load_image(p) for p in images]
    columns = []
    notes: list[str] = []
    for number, spec in enumerate(models, 1):
        yield CompareProgress(number, len(models), spec)
        arch, weights = parsed[number - 1]
        if weights == CURRENT:
            if current is None:
                raise ConvLensError("There is no model in use to compare.")
            loaded = current
        else:
            steps = load_weights_steps(arch, weights)
            try:
                while True:
                    yield CompareProgress(number, len(models), spec, next(steps))
            except StopIteration as done:
                loaded = done.value
            # what really loaded: a checkpoint that names another architecture, a fallback to the bundled model
            if weights != "random":  # random weights say so in their column; the compare is about them
                notes += [Text("{spec}: {note}", spec=spec, note=n) for n in loaded.notes]
        torch_predictor = predictor = Predictor(loaded, device)
        if calibration is not None:
            from convlens.engine.runtime.quantize import quantize_steps

            quantizing = quantize_steps(loaded, calibration)
            try:
                while True:
                    next(quantizing)
                    yield CompareProgress(number, len(models), spec)
            except StopIteration as done:
                int8, agreement = done.value
            notes.append(Text("{spec}: {note}", spec=spec, note=agreement.text()))
            predictor = Predictor(int8, device)
        inputs = [predictor.prepare([picture]) for picture in pictures]
        predictor.predict_tensor(inputs[0], topk)  # warm-up: first-call allocations are not the model's speed
        answers, times = [], []
        for x in inputs:
            best = float("inf")
            for _ in range(max(1, repeats)):
                start = time.perf_counter()
                answer = predictor.predict_tensor(x, topk)[0]
                best = min(best, time.perf_counter() - start)
            answers.append(answer)
            times.append(best)
        params = sum(p.numel() for p in loaded.model.parameters()) if isinstance(loaded.model, torch.nn.Module) else 0
        title = Text("{title} ({source})", title=loaded.arch.title if loaded.arch else loaded.name,
                     source=loaded.source)
        column = ModelColumn(spec, title, params, 1000 * statistics.median(times), tuple(answers),
                             precision=predictor.loaded.precision)
        if inspect:
            yield CompareProgress(number, len(models), spec)
            column = _inspect(column, torch_predictor, pictures, inputs, stage, side)
        columns.append(column)
        del predictor, torch_predictor, loaded, inputs  # one model in memory at a time
        gc.collect()
    return Comparison(tuple(paths), tuple(columns), tuple(notes))


def _inspect(column: ModelColumn, predictor: Predictor, pictures: list[Image.Image], inputs: list[torch.Tensor],
             stage: float, side: int) -> ModelColumn:
    """The column with each image's CAM overlay and stage feature maps (one model's PyTorch graph)."""
    from dataclasses import replace

    model = predictor.model
    shape = tuple(inputs[0].shape[1:])
    cam_layer = default_cam_layer(model, shape)  # type: ignore[arg-type]
    stage_name = stage_layer(model, shape, stage)  # type: ignore[arg-type]
    cams, grids = [], []
    for picture, x in zip(pictures, inputs, strict=True):
        kept: dict[str, torch.Tensor] = {}
        with watch([(stage_name, get_layer(model, stage_name))], kept.__setitem__):  # one pass: CAM and maps
            shown, _index = cam_picture(model, predictor.preprocess, picture, x.to(predictor.device), cam_layer,
                                        side=side)
        cams.append(shown)
        maps = feature_maps(stage_name, kept[stage_name].detach())
        grids.append(feature_grid(maps, channels=list(maps.order[:16]), columns=4, tile=48))
    return replace(column, cam_layer=cam_layer, cams=tuple(cams), stage_layer=stage_name, stage_maps=tuple(grids))

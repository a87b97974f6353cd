"""Side by side: the same images through 2-4 models, one model at a time (memory holds one), top-k and latency.

LeNet vs AlexNet vs VGG vs ResNet is the study notes' story; ``compare`` makes it a table: for each model its
parameter count and its median latency per image at batch 1 (after a warm-up), and for each image each model's
top-k. A model is given as ``ARCH:WEIGHTS`` (``resnet18:pretrained``, ``mobilenet_v2:weights.pth``,
``lenet5:random``) or as a file that names its own architecture (a ConvLens checkpoint, an ONNX file).
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from pathlib import Path

import torch

from convlens.engine.errors import ConvLensError, Text
from convlens.engine.hub import DownloadProgress
from convlens.engine.images import load_image
from convlens.engine.predict import Prediction, Predictor
from convlens.engine.registry import list_architectures
from convlens.engine.weights import load_weights_steps

__all__ = ["MAX_MODELS", "Comparison", "CompareProgress", "ModelColumn", "compare", "parse_model"]

MAX_MODELS = 4


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
    if sep and len(arch) > 1 and not Path(text).exists():  # not a drive letter, not a file: a mistyped name
        raise ConvLensError("Unknown architecture '{arch}' in '{model}'. Known architectures: {known}.",
                            arch=arch, model=text, known=", ".join(sorted(known)))
    return None, text


@dataclass(frozen=True)
class ModelColumn:
    """One model's column: what it is, how big, how fast, and its answer for each image (in image order)."""

    spec: str  # as given on the command line
    title: str  # "ResNet-18 (pretrained (IMAGENET1K_V1))"
    params: int
    latency_ms: float  # median per image, batch 1, after one warm-up run
    predictions: tuple[tuple[Prediction, ...], ...]


@dataclass(frozen=True)
class Comparison:
    images: tuple[str, ...]
    columns: tuple[ModelColumn, ...]

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


def compare(images: Sequence[str | Path], models: Sequence[str], topk: int = 3, device: str = "cpu",
            repeats: int = 3) -> Generator[CompareProgress, None, Comparison]:
    """Run every image through every model (one model in memory at a time); yields before each model."""
    if not 2 <= len(models) <= MAX_MODELS:
        raise ConvLensError("Compare 2 to {max} models (got {n}).", max=MAX_MODELS, n=len(models))
    if not images:
        raise ConvLensError("Give at least one image to compare the models on.")
    if topk < 1:
        raise ConvLensError("Top-k must be at least 1.")
    parsed = [parse_model(m) for m in models]  # a mistyped name fails now, not after minutes on the others
    paths = [str(p) for p in images]
    pictures = [load_image(p) for p in paths]  # decoded once; each model applies its own preprocessing
    columns = []
    for number, spec in enumerate(models, 1):
        yield CompareProgress(number, len(models), spec)
        arch, weights = parsed[number - 1]
        steps = load_weights_steps(arch, weights)
        try:
            while True:
                yield CompareProgress(number, len(models), spec, next(steps))
        except StopIteration as done:
            loaded = done.value
        predictor = Predictor(loaded, device)
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
        columns.append(ModelColumn(spec, title, params, 1000 * statistics.median(times), tuple(answers)))
        del predictor, loaded, inputs  # one model in memory at a time
        gc.collect()
    return Comparison(tuple(paths), tuple(columns))

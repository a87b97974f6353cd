"""The engine's state for one user: the current model and what it can do.

Plain Python over the rest of the engine, driven from one thread (the GUI's
engine thread, or a test). Long work is a generator yielding progress.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from engine.device import describe_device, select_device
from engine.errors import ConvLensError
from engine.images import load_image
from engine.predict import BatchProgress, Prediction, Predictor
from engine.summary import ModelSummary, summarize
from engine.weights import DownloadProgress, LoadedModel, load_weights_steps

#: Longest side of the copy of an image sent back for display.
DISPLAY_MAX_SIDE = 1600


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


@dataclass(frozen=True)
class ImageClassification:
    """One image's result: a display copy (H, W, 3 uint8) and top-k."""

    source: str
    display: np.ndarray
    size: tuple[int, int]
    predictions: tuple[Prediction, ...]
    seconds: float


@dataclass(frozen=True)
class WeightsRequest:
    """Which weights to load: ``kind`` is pretrained | random | file."""

    arch: str | None
    kind: str
    path: str | None = None
    labels_file: str | None = None
    pretrained_name: str | None = None


class EngineSession:
    def __init__(self, device: str = "auto") -> None:
        self.device = select_device(device)
        self.predictor: Predictor | None = None
        self._summary: ModelSummary | None = None

    @property
    def device_name(self) -> str:
        return describe_device(self.device)

    # ------------------------------------------------------------- models
    def load(self, request: WeightsRequest) -> Generator[DownloadProgress, None, ModelInfo]:
        """Load weights (downloading pretrained ones first, with progress).

        The generator's return value is the new ``ModelInfo``. The current
        model is replaced only when loading succeeds.
        """
        if request.kind == "file":
            if not request.path:
                raise ConvLensError("Choose a weights file.")
            weights = request.path if Path(request.path).suffix else str(Path(request.path).resolve())
        elif request.kind == "random":
            weights = "random"
        elif request.kind == "pretrained":
            weights = request.pretrained_name or "pretrained"
        else:
            raise ValueError(request.kind)
        if request.arch is None and request.kind != "file":
            raise ConvLensError("Choose an architecture first.")
        loaded = yield from load_weights_steps(request.arch, weights, request.labels_file)
        return self._install(loaded)

    def _install(self, loaded: LoadedModel) -> ModelInfo:
        self.predictor = Predictor(loaded, self.device)
        self._summary = None
        pre = loaded.preprocess
        return ModelInfo(
            arch=loaded.name,
            title=loaded.arch.title if loaded.arch else "TorchScript",
            source=loaded.source,
            labels=loaded.labels,
            notes=tuple(loaded.notes),
            device=self.device_name,
            input_shape=(pre.channels, pre.crop, pre.crop),
            scripted=loaded.scripted,
        )

    def summary(self) -> ModelSummary:
        """The current model's layer table (computed once per model)."""
        if self.predictor is None:
            raise ConvLensError("No model is loaded.")
        if self._summary is None:
            loaded = self.predictor.loaded
            if loaded.scripted:
                raise ConvLensError("A TorchScript model has no inspectable layers; load a state dict instead.")
            pre = loaded.preprocess
            self._summary = summarize(self.predictor.model, (pre.channels, pre.crop, pre.crop), loaded.name)
        return self._summary

    # ------------------------------------------------------------- images
    def open_image(self, source: str | bytes, name: str | None = None) -> Image.Image:
        return load_image(source, name)

    @staticmethod
    def display_copy(image: Image.Image) -> np.ndarray:
        shown = image.convert("RGB")
        if max(shown.size) > DISPLAY_MAX_SIDE:
            shown = shown.copy()
            shown.thumbnail((DISPLAY_MAX_SIDE, DISPLAY_MAX_SIDE), Image.Resampling.BILINEAR)
        return np.ascontiguousarray(np.asarray(shown, dtype=np.uint8))

    def classify_image(self, image: Image.Image, source: str, topk: int) -> ImageClassification:
        if self.predictor is None:
            raise ConvLensError("No model is loaded yet: choose an architecture and weights.")
        start = time.perf_counter()
        predictions = self.predictor.predict([image], topk)[0]
        seconds = time.perf_counter() - start
        return ImageClassification(source, self.display_copy(image), image.size, predictions, seconds)

    def classify_files(self, paths: Sequence[str | Path], topk: int, batch_size: int = 16) -> Iterator[BatchProgress]:
        if self.predictor is None:
            raise ConvLensError("No model is loaded yet: choose an architecture and weights.")
        yield from self.predictor.classify_files(list(paths), topk, batch_size)

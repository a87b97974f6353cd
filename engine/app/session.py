"""The engine's state for one user: the current model, what was computed inside it, the last image opened.

Plain Python over the rest of the engine, driven from one thread (the GUI's engine thread, or a test). Long work is
a generator yielding progress. The concerns live in their own modules: ``current_model`` (loading, the runtime,
the unknown threshold) and ``inspection`` (layer outputs, feature maps, CAM, the layer table); the session joins
them and is what both front ends hold.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from convlens.engine.app.current_model import CurrentModel, ModelInfo, WeightsRequest
from convlens.engine.app.inspection import CamRequest, FeatureView, Inspection, KernelView
from convlens.engine.data.images import image_notes, load_image

if TYPE_CHECKING:
    from collections.abc import Generator, Iterator, Sequence
    from pathlib import Path

    import torch

    from convlens.engine.core.choices import CamMethod, Normalisation, RuntimeChoice
    from convlens.engine.inspect.activations import CamResult, FeatureMaps
    from convlens.engine.inspect.explain import ModelExplanation
    from convlens.engine.inspect.summary import ModelSummary
    from convlens.engine.models.loaded import LoadedModel
    from convlens.engine.models.openset import UnknownCurve, UnknownRule
    from convlens.engine.runtime.predict import BatchProgress, Prediction, Predictor
    from convlens.engine.runtime.quantize import QuantizeProgress
    from convlens.engine.weights.hub import DownloadProgress

__all__ = ["DISPLAY_MAX_SIDE", "CamRequest", "EngineSession", "FeatureView", "ImageClassification", "KernelView", "ModelInfo",
           "WeightsRequest"]

#: Longest side of the copy of an image sent back for display.
DISPLAY_MAX_SIDE = 1600


@dataclass(frozen=True)
class ImageClassification:
    """One image's result: a display copy (H, W, 3 uint8) and top-k."""

    source: str
    display: np.ndarray
    size: tuple[int, int]
    predictions: tuple[Prediction, ...]
    seconds: float
    model: str = ""  # which model made it (title and weights source)
    notes: tuple[str, ...] = ()  # how the image was read (e.g. only the first frame of an animation)
    unknown: bool = False  # the top-1 is at or below the model's unknown threshold: none of its classes
    cam: CamResult | None = None  # when asked for: the CAM of this answer, from the same pass (Inspection.classify)


class EngineSession:
    def __init__(self, device: str = "auto") -> None:
        self.model = CurrentModel(device, on_change=self._model_changed)
        self.inspection = Inspection(self.model)
        self._image_cache: tuple[str, Image.Image] | None = None  # (key, image) of the last image opened

    def _model_changed(self, keep_inspection: bool) -> None:
        if not keep_inspection:
            self.inspection.reset()

    # ------------------------------------------------------------- the current model (CurrentModel)
    @property
    def device(self) -> torch.device:
        return self.model.device

    @property
    def device_name(self) -> str:
        return self.model.device_name

    @property
    def predictor(self) -> Predictor | None:
        return self.model.predictor

    @property
    def torch_predictor(self) -> Predictor | None:
        return self.model.torch_predictor

    @property
    def torch_loaded(self) -> LoadedModel | None:
        return self.model.torch_loaded

    @property
    def info(self) -> ModelInfo | None:
        return self.model.info

    @property
    def runtime(self) -> RuntimeChoice:
        return self.model.runtime

    @runtime.setter
    def runtime(self, runtime: RuntimeChoice) -> None:
        self.model.runtime = runtime

    @property
    def pytorch_model(self) -> LoadedModel:
        return self.model.pytorch_model

    def load(self, request: WeightsRequest) -> Generator[DownloadProgress, None, ModelInfo]:
        return self.model.load(request)

    def install(self, loaded: LoadedModel, torch_model: LoadedModel | None = None, runtime_reason: str = "",
                keep_inspection: bool = False) -> ModelInfo:
        return self.model.install(loaded, torch_model, runtime_reason, keep_inspection)

    def install_with_runtime(self, loaded: LoadedModel, images: float = 1) -> ModelInfo:
        return self.model.install_with_runtime(loaded, images)

    def prepare_for(self, images: float) -> ModelInfo | None:
        return self.model.prepare_for(images)

    def set_runtime(self, runtime: RuntimeChoice) -> ModelInfo | None:
        return self.model.set_runtime(runtime)

    def use_int8(self, folder: str) -> Generator[QuantizeProgress, None, ModelInfo]:
        return self.model.use_int8(folder)

    def set_unknown(self, rule: UnknownRule | None, curve: UnknownCurve | None = None) -> ModelInfo:
        return self.model.set_unknown(rule, curve)

    def unknown_curve(self) -> UnknownCurve | None:
        return self.model.unknown_curve()

    def model_label(self, used: Predictor | None = None) -> str:
        return self.model.model_label(used)

    # ------------------------------------------------------------- images
    def open_image(self, source: str | bytes, name: str | None = None) -> Image.Image:
        return load_image(source, name)

    def open_image_cached(self, source: str | bytes, key: str) -> Image.Image:
        """``open_image``, reusing the last image when ``key`` is unchanged (re-classify, new top-k)."""
        if self._image_cache is not None and self._image_cache[0] == key:
            return self._image_cache[1]
        self._image_cache = None  # never hold two large images at once
        image = self.open_image(source, None if isinstance(source, str) else key)
        self._image_cache = (key, image)
        return image

    @staticmethod
    def display_copy(image: Image.Image | np.ndarray) -> np.ndarray:
        shown = image.convert("RGB") if isinstance(image, Image.Image) else Image.fromarray(image).convert("RGB")
        if max(shown.size) > DISPLAY_MAX_SIDE:
            shown = shown.copy()
            shown.thumbnail((DISPLAY_MAX_SIDE, DISPLAY_MAX_SIDE), Image.Resampling.BILINEAR)
        return np.ascontiguousarray(np.asarray(shown, dtype=np.uint8))

    def classify_image(self, image: Image.Image | np.ndarray, source: str, topk: int, inspect: bool = False,
                       display: bool = True, cam: CamRequest | None = None) -> ImageClassification:
        """Top-k for one image (PIL, or an RGB uint8 array such as a video frame); it becomes the current image.

        With ``inspect`` the same forward pass keeps every layer's output; with
        ``display=False`` no display copy is made (live video shows its own frames).
        """
        predictor = self.model.require()
        start = time.perf_counter()
        predictions, used, found = self.inspection.classify(predictor, image, source, topk, inspect, cam)
        # the time the user's runtime took: not the PyTorch f32 run that checked a reduced precision's agreement
        seconds = time.perf_counter() - start - used.last_check_seconds
        size = image.size if isinstance(image, Image.Image) else (image.shape[1], image.shape[0])
        shown = self.display_copy(image) if display else np.empty((0, 0, 3), np.uint8)
        return ImageClassification(source, shown, size, predictions, seconds, self.model_label(used), image_notes(image),
                                   unknown=predictor.is_unknown(predictions), cam=found)

    def classify_files(self, paths: Sequence[str | Path], topk: int, batch_size: int = 16) -> Iterator[BatchProgress]:
        yield from self.model.require().classify_files(list(paths), topk, batch_size)

    # ------------------------------------------------------------- inside (Inspection)
    @property
    def current_key(self) -> str:
        return self.inspection.current_key

    def summary(self) -> ModelSummary:
        return self.inspection.summary()

    def explanation(self) -> ModelExplanation:
        return self.inspection.explanation()

    def layer_features(self, layer: str) -> FeatureMaps:
        return self.inspection.layer_features(layer)

    def feature_view(self, layer: str, page: int = 0, per_page: int = 64, normalise: Normalisation = "channel",
                     cmap: str = "viridis", tile: int = 72) -> FeatureView:
        return self.inspection.feature_view(layer, page, per_page, normalise, cmap, tile)

    def class_cams(self, source: str, classes: Sequence[str], side: int = 320) -> tuple[np.ndarray, ...]:
        return self.inspection.class_cams(source, classes, side)

    def default_cam_layer(self) -> str:
        return self.inspection.default_cam_layer()

    def cam(self, layer: str | None = None, class_index: int | None = None, method: CamMethod = "gradcam",
            max_side: int | None = None, record: Sequence[str] = (), faithful: bool = False) -> CamResult:
        return self.inspection.cam(layer, class_index, method, max_side, record, faithful)

    def kernels(self) -> KernelView:
        return self.inspection.kernels()

    def cam_layer_rgba(self, result: CamResult, size: tuple[int, int], cmap: str = "jet") -> np.ndarray:
        return self.inspection.cam_layer_rgba(result, size, cmap)

"""The engine's state for one user: the current model and what it can do.

Plain Python over the rest of the engine, driven from one thread (the GUI's
engine thread, or a test). Long work is a generator yielding progress.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.data.images import image_notes, load_image
from convlens.engine.inspect.activations import (
    ActivationRecorder,
    CamResult,
    FeatureMaps,
    cam_to_image,
    class_activation_map,
    crop_box,
    default_cam_layer,
    feature_maps,
    first_conv_kernels,
    get_layer,
    require_inspectable,
)
from convlens.engine.inspect.explain import ModelExplanation, explain_model
from convlens.engine.inspect.faithfulness import AUTO_LAYER, faithfulness, most_faithful_layer
from convlens.engine.inspect.overlays import cam_picture
from convlens.engine.inspect.render import feature_grid, grid_shape, heat_rgba, kernel_grid
from convlens.engine.inspect.summary import ModelSummary, summarize
from convlens.engine.models.loaded import LoadedModel
from convlens.engine.models.openset import UnknownCurve, UnknownRule
from convlens.engine.models.registry import get_arch
from convlens.engine.runtime.device import describe_device, select_device
from convlens.engine.runtime.predict import BatchProgress, Prediction, Predictor
from convlens.engine.weights.bundled import load_bundled
from convlens.engine.weights.hub import DownloadProgress
from convlens.engine.weights.load import load_file, load_weights_steps

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


@dataclass(frozen=True)
class FeatureView:
    """A layer's maps with the picture of one page of them (most active first)."""

    maps: FeatureMaps
    page: int
    pages: int
    channels: tuple[int, ...]  # channel indices shown, in grid order
    columns: int
    grid: np.ndarray  # (H, W, 3) uint8
    tile_size: tuple[int, int]  # (height, width) of one tile in the grid, gap excluded
    gap: int


@dataclass(frozen=True)
class KernelView:
    """The first convolution's kernels: the layer, a grid picture, how many, kernel (h, w)."""

    layer: str
    grid: np.ndarray
    count: int
    size: tuple[int, int]


@dataclass(frozen=True)
class WeightsRequest:
    """Which weights to load: ``kind`` is pretrained | random | file."""

    arch: str | None
    kind: str
    path: str | None = None
    labels_file: str | None = None
    pretrained_name: str | None = None
    preset: str | None = None  # preprocessing preset for an ONNX file without its own


class EngineSession:
    def __init__(self, device: str = "auto") -> None:
        self.device = select_device(device)
        self.predictor: Predictor | None = None
        self._summary: ModelSummary | None = None
        self._explanation: ModelExplanation | None = None
        self._current: tuple[str, Image.Image | np.ndarray, torch.Tensor] | None = None  # key, image, model input
        self._captured: tuple[str, dict[str, torch.Tensor]] | None = None  # key, every module's output
        self._recorder = ActivationRecorder()
        self.runtime = "torch"  # what the user chose: torch | onnxruntime | openvino | auto
        self.torch_loaded: LoadedModel | None = None  # the torch model behind a faster runtime
        self.torch_predictor: Predictor | None = None  # feature maps, CAM, summary: always PyTorch
        self.info: ModelInfo | None = None
        self._image_cache: tuple[str, Image.Image] | None = None  # (key, image) of the last image opened
        self._cam_layer: tuple[tuple[int, int, int], str] | None = None  # (model key, its default CAM layer)

    @property
    def device_name(self) -> str:
        return describe_device(self.device)

    # ------------------------------------------------------------- models
    def load(self, request: WeightsRequest) -> Generator[DownloadProgress, None, ModelInfo]:
        """Load weights (downloading pretrained ones first, with progress).

        The generator's return value is the new ``ModelInfo``. The current
        model is replaced only when loading succeeds.
        """
        if request.kind == "file" and request.path and request.path.lower().endswith(".onnx"):
            from convlens.engine.weights.onnx import load_onnx

            loaded = load_onnx(request.path, request.preset, request.labels_file)
            self.torch_loaded = None  # an ONNX file made elsewhere has no torch model behind it
            return self.install(loaded)
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

    def install_with_runtime(self, loaded: LoadedModel, images: float = 1) -> ModelInfo:
        """Install a PyTorch model, classified by the chosen runtime. ``auto`` converts it only when ``images``
        images of work repay the conversion (``engine.runtime.runtimes.choose_runtime``): one image never does, so a
        new model answers as fast as PyTorch; ``prepare_for`` moves it when a folder or live video comes."""
        if self.runtime == "torch" or loaded.runtime != "torch" or loaded.scripted:
            return self.install(loaded)
        from convlens.engine.runtime.runtimes import choose_runtime, convert

        if self.runtime == "auto":
            fast, choice = choose_runtime(loaded, self.device, images)
            reason = Text("auto: {reason}", reason=choice.reason)
        else:
            fast = convert(loaded, self.runtime)
            reason = Text("{runtime} as chosen", runtime=fast.runtime)
        return self.install(fast, torch_model=loaded if fast is not loaded else None, runtime_reason=reason)

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
        return self.install(fast, torch_model=base, runtime_reason=Text("auto: {reason}", reason=choice.reason),
                            keep_inspection=True)

    def set_runtime(self, runtime: str) -> ModelInfo | None:
        """Classify with torch, ONNX Runtime, OpenVINO or ``auto``; the PyTorch model stays for inspection."""
        from convlens.engine.runtime.runtimes import RUNTIMES

        if runtime not in RUNTIMES:
            raise ConvLensError(
                "Unknown runtime '{runtime}': use {value}.",
                runtime=runtime, value=', '.join(RUNTIMES),
            )
        previous = self.runtime
        self.runtime = runtime
        if self.predictor is None:
            return None
        base = self.torch_loaded or self.predictor.loaded
        if base.runtime != "torch" or base.scripted:
            self.runtime = previous
            what = "This ONNX file" if base.runtime == "onnxruntime" else "This TorchScript file"
            raise ConvLensError("{what} has no PyTorch model behind it: it runs only in its own runtime.", what=what)
        try:
            return self.install_with_runtime(base)
        except ConvLensError:
            self.runtime = previous
            raise

    def install(self, loaded: LoadedModel, torch_model: LoadedModel | None = None,
                runtime_reason: str = "", keep_inspection: bool = False) -> ModelInfo:
        """Make ``loaded`` the current model; ``torch_model`` is the PyTorch model behind a faster runtime.

        ``keep_inspection``: the PyTorch model is the one already in use (only the runtime changed), so the current
        image, its layer outputs, the layer table and the CAM layer stay."""
        self.torch_loaded = torch_model
        self.predictor = Predictor(loaded, self.device)
        self.torch_predictor = Predictor(torch_model, self.device) if torch_model is not None else self.predictor
        if not keep_inspection:
            self._summary = None
            self._explanation = None
            self._cam_layer = None
            self._current = None
            self._captured = None
            self._recorder = ActivationRecorder()
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
            unknown_curve=UnknownCurve.from_dict((loaded.training or {}).get("unknown_curve")),
            input_fraction=min(1.0, pre.crop / pre.resize) if pre.resize else 1.0,
            squashes=not pre.resize,
        )
        return self.info

    def set_unknown(self, rule: UnknownRule | None, curve: UnknownCurve | None = None) -> ModelInfo:
        """Give the current model an "unknown" threshold (None: none), and the curve it was chosen from."""
        predictor = self._require_model()
        torch_predictor = self.torch_predictor or predictor
        assert self.info is not None  # set with the model
        for loaded in {id(x): x for x in (predictor.loaded, torch_predictor.loaded)}.values():
            training = dict(loaded.training or {})
            training.pop("unknown", None)
            if rule is not None:
                training["unknown"] = rule.to_dict()
            if curve is not None:
                training["unknown_curve"] = curve.to_dict()
            loaded.training = training
        for each in (predictor, torch_predictor):
            each.unknown_threshold = rule.threshold if rule else None
        self.info = replace(self.info, unknown=rule, unknown_curve=curve if curve is not None else self.info.unknown_curve)
        return self.info

    def unknown_curve(self) -> UnknownCurve | None:
        """The trade-off curve the current model's threshold was (or can be) chosen from, if it has one."""
        return UnknownCurve.from_dict((self._require_model().loaded.training or {}).get("unknown_curve"))

    def _inspectable(self, what: str) -> tuple[torch.nn.Module, tuple[int, int, int], str]:
        if self.predictor is None:
            raise ConvLensError("No model is loaded.")
        loaded = self._require_torch().loaded
        if loaded.scripted:
            kind = "An ONNX model" if loaded.runtime == "onnxruntime" else "A TorchScript model"
            raise ConvLensError(
                "{kind} has no {what} here; load the architecture with PyTorch weights.",
                kind=kind, what=what,
            )
        pre = loaded.preprocess
        return self._require_torch().model, (pre.channels, pre.crop, pre.crop), loaded.name

    def summary(self) -> ModelSummary:
        """The current model's layer table (computed once per model)."""
        if self._summary is None:
            self._summary = summarize(*self._inspectable("layer table"))
        return self._summary

    def explanation(self) -> ModelExplanation:
        """The arithmetic of the current model's layers and blocks (``engine.inspect.explain``; once per model)."""
        if self._explanation is None:
            model, shape, _name = self._inspectable("layer arithmetic")
            self._explanation = explain_model(model, shape)
        return self._explanation

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

    @staticmethod
    def display_copy(image: Image.Image | np.ndarray) -> np.ndarray:
        shown = image.convert("RGB") if isinstance(image, Image.Image) else Image.fromarray(image).convert("RGB")
        if max(shown.size) > DISPLAY_MAX_SIDE:
            shown = shown.copy()
            shown.thumbnail((DISPLAY_MAX_SIDE, DISPLAY_MAX_SIDE), Image.Resampling.BILINEAR)
        return np.ascontiguousarray(np.asarray(shown, dtype=np.uint8))

    def classify_image(self, image: Image.Image | np.ndarray, source: str, topk: int, inspect: bool = False,
                       display: bool = True) -> ImageClassification:
        """Top-k for one image (PIL, or an RGB uint8 array such as a video frame).

        With ``inspect`` the same forward pass keeps every layer's output; with
        ``display=False`` no display copy is made (live video shows its own frames).
        """
        predictor = self._require_model()
        start = time.perf_counter()
        x = predictor.preprocess(image)[None]
        self._current = (source, image, x)
        torch_predictor = self._require_torch()
        if inspect and not torch_predictor.loaded.scripted:
            # Every layer's output is kept: the PyTorch model (the fast runtime agrees with it; parity-checked).
            with self._recorder.record(torch_predictor.model) as store:
                predictions = torch_predictor.predict_tensor(x, topk)[0]
            self._captured = (source, store)
            used = torch_predictor
        else:
            predictions = predictor.predict_tensor(x, topk)[0]
            if self._captured is not None and self._captured[0] != source:
                self._captured = None
            used = predictor
        # the time the user's runtime took: not the PyTorch f32 run that checked a reduced precision's agreement
        seconds = time.perf_counter() - start - used.last_check_seconds
        size = image.size if isinstance(image, Image.Image) else (image.shape[1], image.shape[0])
        shown = self.display_copy(image) if display else np.empty((0, 0, 3), np.uint8)
        return ImageClassification(source, shown, size, predictions, seconds, self.model_label(used), image_notes(image),
                                   unknown=predictor.is_unknown(predictions))

    # ------------------------------------------------------------- inside
    def _require_model(self) -> Predictor:
        if self.predictor is None:
            raise ConvLensError("No model is loaded yet: choose an architecture and weights.")
        return self.predictor

    @property
    def pytorch_model(self) -> LoadedModel:
        """The PyTorch model itself, whatever runtime classifies: what training, saving, exporting, CAM and
        feature maps work on (a faster runtime only runs a parity-checked copy of it)."""
        return self._require_torch().loaded

    def _require_torch(self) -> Predictor:
        """The PyTorch model (behind a faster runtime, if one classifies): feature maps, CAM, layer table."""
        self._require_model()
        assert self.torch_predictor is not None
        return self.torch_predictor

    @property
    def current_key(self) -> str:
        """The name of the current image (a path, or e.g. "live frame 12"); "" when there is none."""
        return self._current[0] if self._current is not None else ""

    def _require_image(self) -> tuple[str, Image.Image | np.ndarray, torch.Tensor]:
        self._require_model()
        if self._current is None:
            raise ConvLensError("Open an image first: feature maps and CAMs are computed for the current image.")
        return self._current

    def layer_features(self, layer: str) -> FeatureMaps:
        """A layer's maps for the current image, from the last forward pass when the image is unchanged."""
        predictor = self._require_torch()
        require_inspectable(predictor.model)
        key, _, x = self._require_image()
        if self._captured is None or self._captured[0] != key:
            with self._recorder.record(predictor.model) as store:
                predictor.predict_tensor(x, 1)
            self._captured = (key, store)
        store = self._captured[1]
        if layer not in store:
            get_layer(predictor.model, layer)  # unknown name: a helpful error
            raise ConvLensError("Layer '{layer}' is not used when this model classifies an image.", layer=layer)
        return feature_maps(layer, store[layer])

    def feature_view(self, layer: str, page: int = 0, per_page: int = 64, normalise: str = "channel",
                     cmap: str = "viridis", tile: int = 72) -> FeatureView:
        fm = self.layer_features(layer)
        pages = max(1, -(-fm.channels // per_page))
        page = min(max(0, page), pages - 1)
        chosen = [int(c) for c in fm.order[page * per_page : (page + 1) * per_page]]
        _, columns = grid_shape(len(chosen))
        gap = 2
        grid = feature_grid(fm, chosen, columns, normalise, cmap, tile, gap)
        h, w = fm.maps.shape[1:]
        scale = max(1, tile // max(h, w))
        return FeatureView(fm, page, pages, tuple(chosen), columns, grid, (h * scale, w * scale), gap)

    def class_cams(self, source: str, classes: Sequence[str], side: int = 320) -> tuple[np.ndarray, ...]:
        """One image's CAM for each class named in ``classes`` (a mistake: its predicted and its true class), as
        RGB pictures at most ``side`` pixels, at the default CAM layer. The current image and its CAM stay."""
        predictor = self._require_torch()
        require_inspectable(predictor.model)
        labels = list(predictor.labels)
        missing = [c for c in classes if c not in labels]
        if missing:
            raise ConvLensError("The model in use has no class '{name}': these results are from another model.",
                                name=missing[0])
        picture = self.open_image(source)
        x = predictor.prepare([picture]).to(predictor.device)
        layer = self.default_cam_layer()
        return tuple(cam_picture(predictor.model, predictor.preprocess, picture, x, layer, labels.index(c), side)[0]
                     for c in classes)

    def default_cam_layer(self) -> str:
        """The model's last conv block (found by a forward pass, so worked out once per model: live CAM asks
        every frame)."""
        predictor = self._require_torch()
        pre = predictor.preprocess
        key = (id(predictor.model), pre.channels, pre.crop)
        if self._cam_layer is None or self._cam_layer[0] != key:
            self._cam_layer = (key, default_cam_layer(predictor.model, (pre.channels, pre.crop, pre.crop)))
        return self._cam_layer[1]

    def cam(self, layer: str | None = None, class_index: int | None = None, method: str = "gradcam",
            max_side: int | None = None, record: Sequence[str] = (), faithful: bool = False) -> CamResult:
        """Grad-CAM / LayerCAM for the current image, upsampled to its size (longest side at most ``max_side``).

        ``record``: layers whose outputs the same forward pass keeps for ``feature_view`` (live video computes
        the CAM and a layer's feature maps from one pass per frame). ``faithful``: also score the map
        (``engine.inspect.faithfulness``). ``layer`` "auto": the candidate layer whose map scores best.
        """
        predictor = self._require_torch()
        require_inspectable(predictor.model)
        key, image, x = self._require_image()
        x = x.to(predictor.device)
        layer_scores: tuple = ()
        if layer == AUTO_LAYER:
            choice = most_faithful_layer(predictor.model, x, class_index, method)
            layer, layer_scores = choice.layer, choice.scores
        layer = layer or self.default_cam_layer()
        if record:
            with self._recorder.record(predictor.model, record) as store:
                cam, index, _ = class_activation_map(predictor.model, x, layer, class_index, method)
            self._captured = (key, store)
        else:
            cam, index, _ = class_activation_map(predictor.model, x, layer, class_index, method)
        faith = dict(layer_scores).get(layer) or (faithfulness(predictor.model, x, cam, index) if faithful else None)
        size = image.size if isinstance(image, Image.Image) else (image.shape[1], image.shape[0])
        if max_side and max(size) > max_side:  # memory bounded by the display, not the photo
            scale = max_side / max(size)
            size = (max(1, round(size[0] * scale)), max(1, round(size[1] * scale)))
        heat = cam_to_image(cam, predictor.preprocess, size)
        box = tuple(round(v) for v in crop_box(predictor.preprocess, size))
        return CamResult(layer, index, predictor.labels[index], method, heat, cam, box,  # type: ignore[arg-type]
                         faith, layer_scores)

    def kernels(self) -> KernelView:
        """The first convolution's kernels as a picture."""
        predictor = self._require_torch()
        name, tiles = first_conv_kernels(predictor.model)
        return KernelView(name, kernel_grid(tiles), tiles.shape[0], (tiles.shape[1], tiles.shape[2]))

    def cam_layer_rgba(self, result: CamResult, size: tuple[int, int], cmap: str = "jet") -> np.ndarray:
        """The CAM as an RGBA layer of ``size`` to paint over the displayed image."""
        return heat_rgba(result.heatmap, size, result.box, cmap)

    def classify_files(self, paths: Sequence[str | Path], topk: int, batch_size: int = 16) -> Iterator[BatchProgress]:
        yield from self._require_model().classify_files(list(paths), topk, batch_size)

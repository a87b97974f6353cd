"""Looking inside the current model at the current image: its layer outputs, feature maps, CAMs, the layer
table and its arithmetic. Always the PyTorch model, whatever runtime classifies (``CurrentModel.require_torch``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import torch
from PIL import Image

from convlens.engine.core.choices import AUTO_LAYER
from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.images import load_image
from convlens.engine.inspect.activations import (
    ActivationRecorder,
    CamResult,
    cam_to_image,
    class_activation_map,
    default_cam_layer,
    feature_maps,
    first_conv_kernels,
    get_layer,
    require_inspectable,
)
from convlens.engine.inspect.explain import explain_model
from convlens.engine.inspect.faithfulness import faithfulness, most_faithful_layer
from convlens.engine.inspect.overlays import cam_picture
from convlens.engine.inspect.render import feature_grid, grid_shape, heat_rgba, kernel_grid
from convlens.engine.inspect.summary import summarize
from convlens.engine.models.preprocess import crop_box

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np

    from convlens.engine.app.current_model import CurrentModel
    from convlens.engine.core.choices import CamMethod, Normalisation
    from convlens.engine.inspect.activations import (
        FeatureMaps,
    )
    from convlens.engine.inspect.explain import ModelExplanation
    from convlens.engine.inspect.summary import ModelSummary
    from convlens.engine.inspect.visualize import WantedImage
    from convlens.engine.runtime.predict import Predictor


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
class CamRequest:
    """A CAM to compute with a classification (live video's, every frame): at ``layer`` ("" = the last conv
    block), for ``class_index`` (None = the top class), keeping ``record``'s outputs for feature maps, its map at
    most ``max_side`` pixels (the window scales it over the frame: a smooth map loses nothing)."""

    layer: str = ""
    class_index: int | None = None
    method: CamMethod = "gradcam"
    record: tuple[str, ...] = ()
    max_side: int | None = None


@dataclass(frozen=True)
class KernelView:
    """The first convolution's kernels: the layer, a grid picture, how many, kernel (h, w)."""

    layer: str
    grid: np.ndarray
    count: int
    size: tuple[int, int]


class Inspection:
    """What was computed inside the current model: kept until the model (or the image) changes."""

    def __init__(self, model: CurrentModel) -> None:
        self.model = model
        self.reset()

    def reset(self) -> None:
        """A new model: nothing of the previous one's inspection holds."""
        self._summary: ModelSummary | None = None
        self._explanation: ModelExplanation | None = None
        self._cam_layer: tuple[tuple[int, int, int], str] | None = None  # (model key, its default CAM layer)
        self._current: tuple[str, Image.Image | np.ndarray, torch.Tensor] | None = None  # key, image, model input
        self._captured: tuple[str, dict[str, torch.Tensor]] | None = None  # key, every module's output
        self._recorder = ActivationRecorder()
        #: made images of channels (``tasks.channel_wants``): (layer, channel, steps, size) -> WantedImage
        self.wanted: dict[tuple[str, int, int, int], WantedImage] = {}

    def classify(self, predictor: Predictor, image: Image.Image | np.ndarray, source: str, topk: int,
                 inspect: bool, cam: CamRequest | None = None) -> tuple[tuple, Predictor, CamResult | None]:
        """Top-k of ``image`` (it becomes the current image); with ``inspect`` the same forward pass keeps every
        layer's output (on the PyTorch model). Returns the predictions, the predictor that made them and, when
        ``cam`` asks for one, the image's CAM.

        With a CAM asked for and an f32 runtime, one PyTorch pass makes the answer, the CAM (and ``cam.record``'s
        maps) together, as ``inspect`` does: live video explains every frame at about the cost of classifying it,
        and the map is always of the answer shown. A reduced precision keeps its own answer; the CAM is then a
        second pass."""
        x = predictor.preprocess(image)[None]
        self._current = (source, image, x)
        torch_predictor = self.model.require_torch()
        if cam is not None:
            if predictor.loaded.precision != "f32":
                predictions = predictor.predict_tensor(x, topk)[0]
                return predictions, predictor, self.cam(cam.layer, cam.class_index, cam.method, cam.max_side,
                                                        cam.record)
            found, logits = self._cam(cam.layer, cam.class_index, cam.method, cam.max_side, cam.record, False)
            return torch_predictor.predictions_of(logits, topk)[0], torch_predictor, found
        if inspect and not torch_predictor.loaded.scripted:
            # Every layer's output is kept: the PyTorch model (the fast runtime agrees with it; parity-checked).
            with self._recorder.record(torch_predictor.model) as store:
                predictions = torch_predictor.predict_tensor(x, topk)[0]
            self._captured = (source, store)
            return predictions, torch_predictor, None
        predictions = predictor.predict_tensor(x, topk)[0]
        if self._captured is not None and self._captured[0] != source:
            self._captured = None
        return predictions, predictor, None

    def _inspectable(self, what: str) -> tuple[torch.nn.Module, tuple[int, int, int], str]:
        if self.model.predictor is None:
            raise ConvLensError("No model is loaded.")
        loaded = self.model.require_torch().loaded
        if loaded.scripted:
            kind = "An ONNX model" if loaded.runtime == "onnxruntime" else "A TorchScript model"
            raise ConvLensError(
                "{kind} has no {what} here; load the architecture with PyTorch weights.",
                kind=kind, what=what,
            )
        pre = loaded.preprocess
        return self.model.require_torch().model, (pre.channels, pre.crop, pre.crop), loaded.name

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

    @property
    def current_key(self) -> str:
        """The name of the current image (a path, or e.g. "live frame 12"); "" when there is none."""
        return self._current[0] if self._current is not None else ""

    def _require_image(self) -> tuple[str, Image.Image | np.ndarray, torch.Tensor]:
        self.model.require()
        if self._current is None:
            raise ConvLensError("Open an image first: feature maps and CAMs are computed for the current image.")
        return self._current

    def layer_features(self, layer: str) -> FeatureMaps:
        """A layer's maps for the current image, from the last forward pass when the image is unchanged."""
        predictor = self.model.require_torch()
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

    def feature_view(self, layer: str, page: int = 0, per_page: int = 64, normalise: Normalisation = "channel",
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
        predictor = self.model.require_torch()
        require_inspectable(predictor.model)
        labels = list(predictor.labels)
        missing = [c for c in classes if c not in labels]
        if missing:
            raise ConvLensError("The model in use has no class '{name}': these results are from another model.",
                                name=missing[0])
        picture = load_image(source)
        x = predictor.prepare([picture]).to(predictor.device)
        layer = self.default_cam_layer()
        return tuple(cam_picture(predictor.model, predictor.preprocess, picture, x, layer, labels.index(c), side)[0]
                     for c in classes)

    def default_cam_layer(self) -> str:
        """The model's last conv block (found by a forward pass, so worked out once per model: live CAM asks
        every frame)."""
        predictor = self.model.require_torch()
        pre = predictor.preprocess
        key = (id(predictor.model), pre.channels, pre.crop)
        if self._cam_layer is None or self._cam_layer[0] != key:
            self._cam_layer = (key, default_cam_layer(predictor.model, (pre.channels, pre.crop, pre.crop)))
        return self._cam_layer[1]

    def cam(self, layer: str | None = None, class_index: int | None = None, method: CamMethod = "gradcam",
            max_side: int | None = None, record: Sequence[str] = (), faithful: bool = False) -> CamResult:
        """Grad-CAM / LayerCAM for the current image, upsampled to its size (longest side at most ``max_side``).

        ``record``: layers whose outputs the same forward pass keeps for ``feature_view`` (live video computes
        the CAM and a layer's feature maps from one pass per frame). ``faithful``: also score the map
        (``engine.inspect.faithfulness``). ``layer`` "auto": the candidate layer whose map scores best.
        """
        return self._cam(layer, class_index, method, max_side, record, faithful)[0]

    def _cam(self, layer: str | None, class_index: int | None, method: CamMethod, max_side: int | None,
             record: Sequence[str], faithful: bool) -> tuple[CamResult, torch.Tensor]:
        """``cam``, with the logits of its forward pass."""
        predictor = self.model.require_torch()
        require_inspectable(predictor.model)
        key, image, x = self._require_image()
        x = x.to(predictor.device)
        if predictor.channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        layer_scores: tuple = ()
        if layer == AUTO_LAYER:
            choice = most_faithful_layer(predictor.model, x, class_index, method)
            layer, layer_scores = choice.layer, choice.scores
        layer = layer or self.default_cam_layer()
        if record:
            with self._recorder.record(predictor.model, record) as store:
                cam, index, logits = class_activation_map(predictor.model, x, layer, class_index, method)
            self._captured = (key, store)
        else:
            cam, index, logits = class_activation_map(predictor.model, x, layer, class_index, method)
        faith = dict(layer_scores).get(layer) or (faithfulness(predictor.model, x, cam, index) if faithful else None)
        size = image.size if isinstance(image, Image.Image) else (image.shape[1], image.shape[0])
        if max_side and max(size) > max_side:  # memory bounded by the display, not the photo
            scale = max_side / max(size)
            size = (max(1, round(size[0] * scale)), max(1, round(size[1] * scale)))
        heat = cam_to_image(cam, predictor.preprocess, size)
        box = tuple(round(v) for v in crop_box(predictor.preprocess, size))
        return CamResult(layer, index, predictor.labels[index], method, heat, cam, box,  # type: ignore[arg-type]
                         faith, layer_scores), logits

    def kernels(self) -> KernelView:
        """The first convolution's kernels as a picture."""
        predictor = self.model.require_torch()
        name, tiles = first_conv_kernels(predictor.model)
        return KernelView(name, kernel_grid(tiles), tiles.shape[0], (tiles.shape[1], tiles.shape[2]))

    def cam_layer_rgba(self, result: CamResult, size: tuple[int, int], cmap: str = "jet") -> np.ndarray:
        """The CAM as an RGBA layer of ``size`` to paint over the displayed image."""
        return heat_rgba(result.heatmap, size, result.box, cmap)


"""Looking inside: per-layer activations, Grad-CAM / LayerCAM, first-layer kernels.

Activations are captured with forward hooks in the same forward pass that
makes the prediction; hooks are always removed afterwards. Outputs are cloned
in the hook because later in-place ops (VGG's ``ReLU(inplace=True)``) would
otherwise overwrite what we kept.
"""

from __future__ import annotations

import contextlib
import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch import nn

from convlens.engine.core.errors import ConvLensError
from convlens.engine.inspect.hooks import watch
from convlens.engine.models.preprocess import crop_box

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from convlens.engine.inspect.faithfulness import Faithfulness
    from convlens.engine.models.preprocess import Preprocess

_POOLS = (nn.MaxPool2d, nn.AvgPool2d, nn.AdaptiveAvgPool2d, nn.AdaptiveMaxPool2d)


@dataclass(frozen=True)
class FeatureMaps:
    """One layer's activations for one image.

    ``maps`` is (C, H, W) float32 (a vector output is shown as C maps of 1x1);
    ``mean``/``max`` are per channel; ``order`` lists channels most active
    (highest mean) first.
    """

    layer: str
    maps: np.ndarray
    mean: np.ndarray
    max: np.ndarray
    order: np.ndarray

    @property
    def channels(self) -> int:
        return int(self.maps.shape[0])

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.maps.shape)


@dataclass(frozen=True)
class CamResult:
    """A class activation map: ``heatmap`` in [0, 1] at the original image size (H, W)."""

    layer: str
    class_index: int
    label: str
    method: str
    heatmap: np.ndarray
    cam: np.ndarray  # at the layer's resolution, in [0, 1]
    box: tuple[int, int, int, int]  # the part of the image the model saw (left, top, right, bottom)
    faith: Faithfulness | None = None  # how faithful the map is (engine.inspect.faithfulness), when asked for
    layer_scores: tuple[tuple[str, Faithfulness], ...] = ()  # "auto": every candidate layer's score


def require_inspectable(model: nn.Module, what: str = "Feature maps and Grad-CAM") -> None:
    if not isinstance(model, nn.Module):  # an ONNX Runtime session
        raise ConvLensError(
            "{what} need the PyTorch model itself: an ONNX model runs in ONNX Runtime, which cannot "
            "be looked inside. Switch the runtime to PyTorch, or load the architecture with its "
            "PyTorch weights.",
            what=what,
        )
    if isinstance(model, torch.jit.ScriptModule):
        raise ConvLensError(
            "{what} need the PyTorch model itself: a TorchScript file cannot be hooked into. Load "
            "the architecture with a state-dict weights file instead.",
            what=what,
        )


def layer_names(model: nn.Module) -> list[str]:
    return [name for name, _ in model.named_modules() if name]


def get_layer(model: nn.Module, name: str) -> nn.Module:
    modules = dict(model.named_modules())
    if name in modules and name:
        return modules[name]
    close = difflib.get_close_matches(name, list(modules), n=4)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    raise ConvLensError(
        "No layer '{name}' in this model.{hint} `convlens summary ARCH --all` lists every layer.",
        name=name, hint=hint,
    )


def _as_tensor(output: object) -> torch.Tensor | None:
    if isinstance(output, torch.Tensor):
        return output
    if isinstance(output, (tuple, list)) and output and isinstance(output[0], torch.Tensor):
        return output[0]
    return None


class ActivationRecorder:
    """Records module outputs during forward passes, into buffers kept between passes.

    Copying into buffers that already exist is what keeps capture cheap: a
    freshly allocated copy of every output costs as much again in page faults
    (ResNet-18: +35 % per forward) as the copy itself. The tensors a
    ``record`` block yields are overwritten by the recorder's next ``record``.
    """

    def __init__(self) -> None:
        self._buffers: dict[str, torch.Tensor] = {}

    def _keep(self, key: str, out: torch.Tensor) -> torch.Tensor:
        buf = self._buffers.get(key)
        if (buf is None or buf.shape != out.shape or buf.dtype != out.dtype or buf.device != out.device
                or buf.is_inference() != torch.is_inference_mode_enabled()):
            buf = out.detach().clone()
            self._buffers[key] = buf
        else:
            buf.copy_(out.detach())
        return buf

    @contextlib.contextmanager
    def record(self, model: nn.Module, names: Iterable[str] | None = None) -> Iterator[dict[str, torch.Tensor]]:
        """Record the outputs of the named modules (all if None) during forwards in the block.

        Each module's first call is kept (torchvision's ResNet blocks reuse one
        ReLU). Outputs are copied, so later in-place ops (VGG's
        ``ReLU(inplace=True)``, ResNet's ``out += identity``) cannot change
        what was kept. Hooks are removed when the block ends.
        """
        require_inspectable(model)
        modules = dict(model.named_modules())
        if names is not None:
            for name in names:
                if name not in modules or not name:
                    get_layer(model, name)  # raises the helpful error
        wanted = [n for n in modules if n] if names is None else list(dict.fromkeys(names))
        store: dict[str, torch.Tensor] = {}

        def keep(key: str, out: object) -> None:
            t = _as_tensor(out)
            if t is not None and key not in store:
                store[key] = self._keep(key, t)

        with watch(((name, modules[name]) for name in wanted), keep):
            yield store


def capture(model: nn.Module, names: Iterable[str] | None = None) -> contextlib.AbstractContextManager[
        dict[str, torch.Tensor]]:
    """Record module outputs (all modules if ``names`` is None) into fresh tensors; see ``ActivationRecorder``."""
    return ActivationRecorder().record(model, names)


def feature_maps(layer: str, activation: torch.Tensor) -> FeatureMaps:
    """Per-channel maps and statistics of one captured activation (batch item 0)."""
    a = activation[0].detach().float().cpu().clone()  # owns its memory: capture buffers get reused
    if a.dim() == 1:
        a = a[:, None, None]
    elif a.dim() == 2:  # (tokens, C) or similar: show as C maps of height 1
        a = a.t()[:, None, :]
    elif a.dim() != 3:
        raise ConvLensError(
            "Layer '{layer}' gives a {shape} output, which cannot be shown as maps.",
            layer=layer, shape=tuple(activation.shape),
        )
    flat = a.reshape(a.shape[0], -1)
    mean = flat.mean(dim=1).numpy()
    mx = flat.max(dim=1).values.numpy()
    order = np.argsort(-mean, kind="stable")
    return FeatureMaps(layer, a.numpy(), mean, mx, order)


def spatial_layers(model: nn.Module, input_shape: tuple[int, ...]) -> list[tuple[str, tuple[int, ...]]]:
    """Every module (not pooling) with a 4-D output, in the order their outputs are computed, with its shape."""
    require_inspectable(model)
    fired: list[tuple[str, tuple[int, ...]]] = []

    def seen(key: str, out: object) -> None:
        t = _as_tensor(out)
        if t is not None and t.dim() == 4:
            fired.append((key, tuple(t.shape)))

    watched = ((n, m) for n, m in model.named_modules() if n and not isinstance(m, _POOLS))
    param = next(model.parameters())
    with watch(watched, seen), torch.inference_mode():
        model(torch.zeros(1, *input_shape, device=param.device))
    return fired


def default_cam_layer(model: nn.Module, input_shape: tuple[int, int, int]) -> str:
    """The last module (in execution order) with a spatial output that is not a pooling layer.

    ResNet: ``layer4``; VGG/AlexNet/MobileNet/EfficientNet/SqueezeNet/LeNet: ``features``
    (the last conv block); GoogLeNet: ``inception5b``; Inception v3: ``Mixed_7c``.
    """
    # Prefer a whole block: a container's hook fires after its children's.
    candidates = [(n, s) for n, s in spatial_layers(model, input_shape) if s[2] * s[3] > 1]
    if not candidates:
        raise ConvLensError("This model has no layer with a spatial output to compute a CAM on.")
    return candidates[-1][0]


@contextlib.contextmanager
def _no_inplace(model: nn.Module) -> Iterator[None]:
    """In-place activations would overwrite the tensor whose gradient Grad-CAM needs."""
    changed = [m for m in model.modules() if getattr(m, "inplace", False) is True]
    for m in changed:
        m.inplace = False  # type: ignore[assignment]
    try:
        yield
    finally:
        for m in changed:
            m.inplace = True  # type: ignore[assignment]


def _forward_from(model: nn.Module, module: nn.Module, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
    """One forward pass that records for autograd only what follows ``module``: (logits, its output).

    The gradient Grad-CAM needs is the class score's with respect to the layer's output, so nothing before the
    layer needs recording. The pass runs without a graph up to the layer; its output becomes a leaf that requires
    grad, and the rest of the pass is recorded (``torch.set_grad_enabled`` is per thread; ``no_grad``'s exit puts
    it back). The backward then runs through the layers after it only: for a last conv block, the head. The
    values are those of a plain forward pass. A layer whose output is not one tensor (a tuple, say) falls back to
    recording the whole pass from an input that requires grad. The model's next ops get a copy of the leaf, so
    an in-place op after the layer (ResNet's ``out += identity``) changes the copy, not the layer's output.
    """
    kept: list[torch.Tensor] = []
    called: list[bool] = []

    def leaf(_m: nn.Module, _args: object, out: object) -> torch.Tensor | None:
        called.append(True)
        if kept or not isinstance(out, torch.Tensor) or not out.is_floating_point():
            return None
        a = out.detach().requires_grad_(True)
        kept.append(a)
        torch.set_grad_enabled(True)
        return a.clone()

    handle = module.register_forward_hook(leaf)
    try:
        with torch.no_grad():
            logits = model(x)
    finally:
        handle.remove()
    if kept or not called:  # a layer the pass never used needs no second pass to say so
        return logits, (kept[0] if kept else None)
    whole: list[torch.Tensor] = []

    def keep(_key: str, out: object) -> None:
        t = _as_tensor(out)
        if t is not None and not whole:
            whole.append(t)

    with watch([("", module)], keep), torch.enable_grad():
        # An input that requires grad makes every activation differentiable,
        # even when the layers before the layer are frozen (fine-tuned models).
        logits = model(x.detach().clone().requires_grad_(True))
    return logits, (whole[0] if whole else None)


def class_activation_map(model: nn.Module, x: torch.Tensor, layer: str, class_index: int | None = None,
                         method: str = "gradcam") -> tuple[np.ndarray, int, torch.Tensor]:
    """Grad-CAM (Selvaraju et al. 2017) or LayerCAM (Jiang et al. 2021) at ``layer`` for one input.

    Returns (cam at the layer's resolution in [0, 1], the class used, logits).
    ``class_index`` None means the top-1 class.
    """
    if method not in ("gradcam", "layercam"):
        raise ConvLensError("Unknown CAM method '{method}': use gradcam or layercam.", method=method)
    require_inspectable(model)
    module = get_layer(model, layer)
    with _no_inplace(model):
        logits, activation = _forward_from(model, module, x[:1])
        if activation is None:
            raise ConvLensError("Layer '{layer}' is not used when this model classifies an image.", layer=layer)
        if activation.dim() != 4:
            raise ConvLensError(
                "Layer '{layer}' gives a {shape} output; a CAM needs a convolutional layer with "
                "a (channels, height, width) output.",
                layer=layer, shape=tuple(activation.shape[1:]),
            )
        index = int(logits[0].argmax()) if class_index is None else int(class_index)
        if not 0 <= index < logits.shape[1]:
            raise ConvLensError(
                "Class {index} does not exist: the model has {shape} classes.",
                index=index, shape=logits.shape[1],
            )
        if not logits.requires_grad:  # the layer's output never reaches the classes (a side branch)
            raise ConvLensError("Layer '{layer}' does not lead to the model's classes: no CAM can be computed "
                                "there.", layer=layer)
        (grads,) = torch.autograd.grad(logits[0, index], activation)
    a, g = activation[0].detach(), grads[0]
    if method == "gradcam":
        weights = g.mean(dim=(1, 2))
        cam = torch.relu((weights[:, None, None] * a).sum(dim=0))
    else:
        cam = torch.relu((torch.relu(g) * a).sum(dim=0))
    cam = cam.float().cpu()
    peak = float(cam.max())
    cam = cam / peak if peak > 0 else torch.zeros_like(cam)
    return cam.numpy(), index, logits.detach()


def cam_to_image(cam: np.ndarray, preprocess: Preprocess, size: tuple[int, int]) -> np.ndarray:
    """Upsample a layer-resolution CAM onto the original image (H, W); 0 outside what the model saw."""
    import cv2

    width, height = size
    left, top, right, bottom = crop_box(preprocess, size)
    box_w, box_h = max(1, round(right - left)), max(1, round(bottom - top))
    up = np.asarray(cv2.resize(cam.astype(np.float32), (box_w, box_h), interpolation=cv2.INTER_LINEAR), np.float32)
    peak = float(up.max())
    if peak > 0:  # interpolation lowers the peak a little; 1.0 stays "most important"
        up /= peak
    out = np.zeros((height, width), np.float32)
    x0, y0 = round(left), round(top)
    sx0, sy0 = max(0, -x0), max(0, -y0)
    dx0, dy0 = max(0, x0), max(0, y0)
    w = min(width - dx0, box_w - sx0)
    h = min(height - dy0, box_h - sy0)
    out[dy0 : dy0 + h, dx0 : dx0 + w] = up[sy0 : sy0 + h, sx0 : sx0 + w]
    del up
    return np.clip(out, 0.0, 1.0, out=out)  # in place: a large photo's map is hundreds of MB


def first_conv_kernels(model: nn.Module) -> tuple[str, np.ndarray]:
    """The first Conv2d's kernels as tiles (N, kh, kw, 3) in [0, 1] (grayscale repeated for 1-channel input).

    Each kernel is scaled symmetrically around 0 by the largest absolute weight
    of the whole layer, so 0.5 grey means zero and colours compare across tiles.
    """
    require_inspectable(model, "The filters view")
    for name, module in model.named_modules():
        if isinstance(module, nn.Conv2d):
            w = module.weight.detach().float().cpu()
            if w.shape[1] == 3:
                tiles = w.permute(0, 2, 3, 1)
            else:
                tiles = w.mean(dim=1, keepdim=True).permute(0, 2, 3, 1).repeat(1, 1, 1, 3)
            scale = float(tiles.abs().max()) or 1.0
            return name, (tiles / (2 * scale) + 0.5).clamp(0, 1).numpy()
    raise ConvLensError("This model has no convolution layer.")


def resolve_class(labels: Sequence[str], wanted: str | int | None) -> int | None:
    """A class given as an index or a name (case-insensitive) -> its index."""
    if wanted is None or wanted == "":
        return None
    if isinstance(wanted, int) or str(wanted).strip().isdigit():
        index = int(wanted)
        if not 0 <= index < len(labels):
            raise ConvLensError(
                "Class {index} does not exist: the model has {n} classes (0-{value}).",
                index=index, n=len(labels), value=len(labels) - 1,
            )
        return index
    lowered = [label.lower() for label in labels]
    name = str(wanted).strip().lower()
    if name in lowered:
        return lowered.index(name)
    close = difflib.get_close_matches(name, lowered, n=3)
    hint = f" Did you mean {', '.join(labels[lowered.index(c)] for c in close)}?" if close else ""
    raise ConvLensError("No class named '{wanted}'.{hint}", wanted=wanted, hint=hint)

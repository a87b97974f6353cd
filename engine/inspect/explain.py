"""The arithmetic behind every layer, computed on the real model: what the study notes teach, with its numbers.

For each convolution, pooling and fully connected layer: input and output size, kernel F, padding P, stride S,
dilation D and groups G; the output size by the formula ``(H + 2P - D(F - 1) - 1) / S + 1`` (rounded down, or up
for ``ceil_mode`` pooling; with D = 1 it is the notes' ``(H + 2P - F) / S + 1``); parameters
``F x F x C_in x C_out / G + C_out``; multiplications; and the receptive field so far (how many input pixels one
output value can see), tracked through every operation of the forward pass, functional ones included.

For blocks: Inception modules (each 1x1 "bottleneck" in front of a wider convolution, and what it saves, as seed
004 explains with 28x28x128 -> 64 5x5 filters vs 32 1x1 filters first), residual blocks (identity or projection
shortcut, post- or pre-activation) and squeeze-and-excitation blocks (channels and reduction ratio).

The engine returns numbers only; the front ends put them into words (the window in the user's language, the CLI
in English), so nothing here is translated.
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import torch
from torch import nn
from torch.overrides import TorchFunctionMode
from torch.utils._pytree import tree_flatten

from convlens.engine.inspect.hooks import probe, watch

__all__ = [
    "SEED_004_EXAMPLE",
    "BottleneckCost",
    "InceptionNote",
    "InvertedResidualNote",
    "LayerArithmetic",
    "LayerExplanation",
    "ModelExplanation",
    "ResidualNote",
    "SENote",
    "bottleneck_cost",
    "explain_model",
    "iter_explained",
    "pair_text",
]

OpKind = Literal["conv", "pool", "adaptive_pool", "linear"]
Pair = tuple[int, int]


@dataclass(frozen=True)
class LayerArithmetic:
    """One convolution, pooling or fully connected layer, with the numbers of this model at its input size.

    Sizes are (height, width); ``receptive_field`` is in input pixels (it may exceed the image: the part beyond
    the border is padding); ``jump`` is the distance in input pixels between neighbouring outputs.
    """

    name: str
    op: str  # the module's type: Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, Linear, ...
    kind: OpKind
    in_channels: int
    in_size: Pair
    out_channels: int
    out_size: Pair  # measured on the forward pass
    kernel: Pair = (1, 1)
    stride: Pair = (1, 1)
    padding: Pair = (0, 0)
    dilation: Pair = (1, 1)
    groups: int = 1
    bias: bool = False
    ceil_mode: bool = False
    params: int = 0  # the module's own parameters, counted on the model
    receptive_field: Pair = (1, 1)
    jump: Pair = (1, 1)
    whole_image: bool = False  # every output depends on the whole image (after global pooling or an SE block)

    def formula_size(self) -> Pair:
        """The output size by the formula (for convolution and pooling), independent of the measured one."""
        if self.kind in ("adaptive_pool", "linear"):
            return self.out_size
        out = []
        for h, f, p, s, d in zip(self.in_size, self.kernel, self.padding, self.stride, self.dilation, strict=True):
            span = h + 2 * p - d * (f - 1) - 1
            o = (math.ceil(span / s) if self.ceil_mode else span // s) + 1
            if self.ceil_mode and (o - 1) * s >= h + p:  # PyTorch: the last window must start inside the input
                o -= 1
            out.append(o)
        return out[0], out[1]

    def formula_params(self) -> int:
        """``F x F x C_in x C_out / G (+ C_out bias)`` for a convolution, ``C_in x C_out (+ C_out)`` for a linear."""
        if self.kind == "conv":
            return self.kernel[0] * self.kernel[1] * self.in_channels * self.out_channels // self.groups + (
                self.out_channels if self.bias else 0)
        if self.kind == "linear":
            return self.in_channels * self.out_channels + (self.out_channels if self.bias else 0)
        return 0

    @property
    def mults(self) -> int:
        """Multiplications (multiply-accumulates) for one image: each output value costs F x F x C_in / G."""
        if self.kind == "conv":
            per_output = self.kernel[0] * self.kernel[1] * self.in_channels // self.groups
            return self.out_size[0] * self.out_size[1] * self.out_channels * per_output
        if self.kind == "linear":
            return self.in_channels * self.out_channels
        return 0

    @property
    def flops(self) -> int:
        """2 x multiplications (a multiply and an add each), as torch's FLOP counter counts them."""
        return 2 * self.mults


@dataclass(frozen=True)
class BottleneckCost:
    """A k x k convolution from C_in to C_out channels at H x W, directly or after a 1x1 reduction to C_reduce."""

    size: Pair  # output height, width of the wide convolution
    c_in: int
    c_reduce: int
    c_out: int
    kernel: Pair

    @property
    def direct_mults(self) -> int:
        return self.size[0] * self.size[1] * self.c_out * self.kernel[0] * self.kernel[1] * self.c_in

    @property
    def reduce_mults(self) -> int:
        """The 1x1 convolution: H x W x C_reduce outputs, each C_in multiplications (at the wide conv's size)."""
        return self.size[0] * self.size[1] * self.c_reduce * self.c_in

    @property
    def wide_mults(self) -> int:
        return self.size[0] * self.size[1] * self.c_out * self.kernel[0] * self.kernel[1] * self.c_reduce

    @property
    def reduced_mults(self) -> int:
        return self.reduce_mults + self.wide_mults

    @property
    def direct_params(self) -> int:
        """Weights only (no biases): F x F x C_in x C_out."""
        return self.kernel[0] * self.kernel[1] * self.c_in * self.c_out

    @property
    def reduced_params(self) -> int:
        return self.c_in * self.c_reduce + self.kernel[0] * self.kernel[1] * self.c_reduce * self.c_out

    @property
    def saving(self) -> float:
        """How many times fewer multiplications the 1x1 reduction needs."""
        return self.direct_mults / self.reduced_mults if self.reduced_mults else math.inf


def pair_text(pair: Pair, times: str = "x", square: bool = False) -> str:
    """``224x224`` (or ``224×224`` with ``times="×"``); with ``square``, one number when both are equal (``3``)."""
    return str(pair[0]) if square and pair[0] == pair[1] else f"{pair[0]}{times}{pair[1]}"


def bottleneck_cost(size: Pair, c_in: int, c_reduce: int, c_out: int, kernel: Pair) -> BottleneckCost:
    return BottleneckCost(size, c_in, c_reduce, c_out, kernel)


#: Seed 004's example: 28x28x128 into 64 5x5 filters directly, or into 32 1x1 filters first. The note counts
#: 160M for the direct way (right: 160,563,200 multiplications) and 4.8M for the 1x1 step (it is 3,211,264, and
#: the 5x5 convolution after it, 40,140,800, is left out of its total).
SEED_004_EXAMPLE = bottleneck_cost((28, 28), 128, 32, 64, (5, 5))


@dataclass(frozen=True)
class InceptionBottleneck:
    branch: str
    reduce: str  # the 1x1 convolution's layer name
    conv: str  # the wider convolution's layer name
    cost: BottleneckCost


@dataclass(frozen=True)
class InceptionNote:
    """An Inception module: parallel branches concatenated; each 1x1 reduction and what it saves."""

    module: str
    in_channels: int
    out_channels: int
    size: Pair
    branches: tuple[tuple[str, int], ...]  # (branch, output channels), in concatenation order
    bottlenecks: tuple[InceptionBottleneck, ...]
    googlenet_3x3: bool  # torchvision's GoogLeNet has 3x3 where the paper's "5x5" branch is


@dataclass(frozen=True)
class ResidualNote:
    """A residual block: out = F(x) + shortcut(x)."""

    module: str
    shortcut: Literal["identity", "projection"]
    pre_activation: bool
    in_shape: tuple[int, int, int]
    out_shape: tuple[int, int, int]
    branch_convs: tuple[str, ...]
    shortcut_layer: str | None


@dataclass(frozen=True)
class SENote:
    """Squeeze (global average pool to one value per channel) and excitation (FC down by r, FC up, sigmoid)."""

    module: str
    channels: int
    squeezed: int
    reduction: float
    params: int


@dataclass(frozen=True)
class InvertedResidualNote:
    """MobileNet's inverted residual (EfficientNet's MBConv): a 1x1 convolution widens the channels by the expansion
    factor, a depthwise k x k convolution filters each channel on its own, a linear 1x1 convolution narrows them
    again; the input is added back when the shape allows (stride 1, same channels)."""

    module: str
    c_in: int
    c_expanded: int
    c_out: int
    kernel: Pair
    stride: Pair
    size: Pair  # output height, width
    residual: bool
    squeeze_excitation: bool
    mults: int  # all the block's convolutions
    standard_mults: int  # the same block with an ordinary (full) k x k convolution in place of the depthwise one
    expands: bool  # has the 1x1 expansion (MobileNetV2's and EfficientNet's first blocks, with factor 1, do not)

    @property
    def expansion(self) -> float:
        return self.c_expanded / self.c_in


Note = InceptionNote | ResidualNote | SENote | InvertedResidualNote


@dataclass(frozen=True)
class LayerExplanation:
    """What the Learn panel shows for one selected layer: its own arithmetic (or that of the one convolution it
    wraps) and the block it is part of."""

    name: str
    arithmetic: LayerArithmetic | None
    block: Note | None


@dataclass(frozen=True)
class ModelExplanation:
    input_shape: tuple[int, int, int]
    layers: dict[str, LayerArithmetic]  # in forward order
    notes: dict[str, Note] = field(default_factory=dict)

    def for_layer(self, name: str) -> LayerExplanation:
        arithmetic = self.layers.get(name)
        if arithmetic is None:  # a wrapper (GoogLeNet's BasicConv2d, Conv2dNormActivation) around one conv
            inner = [a for key, a in self.layers.items() if key.startswith(name + ".") and a.kind == "conv"]
            arithmetic = inner[0] if len(inner) == 1 else None
        block = None
        parts = name.split(".")
        for i in range(len(parts), 0, -1):  # the layer itself, else its nearest enclosing block
            block = self.notes.get(".".join(parts[:i]))
            if block is not None:
                break
        return LayerExplanation(name, arithmetic, block)


# ----------------------------------------------------------------------------------------- receptive fields


def _pair(value: Any) -> Pair:
    if isinstance(value, (tuple, list)):
        return (int(value[0]), int(value[-1]))
    return (int(value), int(value))


class _FieldTracker(TorchFunctionMode):
    """Follows every tensor of a forward pass with its receptive field and jump (after Araujo et al. 2019,
    "Computing Receptive Fields of Convolutional Neural Networks"): a convolution or pooling grows the field by
    ``(F - 1) x D x jump`` and multiplies the jump by S; everything else (activations, additions, concatenation)
    passes on the largest field of its inputs; global pooling and fully connected layers see the whole image."""

    def __init__(self, image: torch.Tensor) -> None:
        super().__init__()
        self.fields: dict[int, tuple[weakref.ref[torch.Tensor], Field]] = {}
        self.set(image, PIXEL)

    def set(self, tensor: torch.Tensor, value: Field) -> None:
        self.fields[id(tensor)] = (weakref.ref(tensor), value)

    def get(self, tensor: torch.Tensor) -> Field | None:
        entry = self.fields.get(id(tensor))
        if entry is None or entry[0]() is not tensor:
            return None
        return entry[1]

    def __torch_function__(self, func: Any, types: Any, args: tuple = (), kwargs: dict | None = None) -> Any:
        kwargs = kwargs or {}
        out = func(*args, **kwargs)
        tensors = [t for t in tree_flatten((args, kwargs))[0] if isinstance(t, torch.Tensor)]
        known = [(t, f) for t in tensors for f in [self.get(t)] if f is not None]
        if not known:
            return out
        # Inputs that have seen the whole image (an SE block's channel weights, after global pooling) add global
        # context but do not change the local field or where the outputs are: those come from the others.
        local = [f for _, f in known if f.positional] or [f for _, f in known]
        rf: Pair = (max(f.size[0] for f in local), max(f.size[1] for f in local))
        jump: Pair = (max(f.jump[0] for f in local), max(f.jump[1] for f in local))
        whole = any(f.whole_image for _, f in known)
        positional = any(f.positional for _, f in known)
        name = getattr(func, "__name__", "")

        def arg(i: int, key: str, default: Any) -> Any:
            return args[i] if len(args) > i else kwargs.get(key, default)

        if name in ("conv2d", "_conv_forward") and len(args) > 1 and isinstance(args[1], torch.Tensor):
            kernel = (int(args[1].shape[-2]), int(args[1].shape[-1]))
            stride, dilation = _pair(arg(3, "stride", 1)), _pair(arg(5, "dilation", 1))
            rf, jump = _grow(rf, jump, kernel, stride, dilation)
        elif name in ("max_pool2d", "avg_pool2d", "_max_pool2d", "max_pool2d_with_indices", "lp_pool2d"):
            kernel = _pair(arg(1, "kernel_size", 1))
            stride_arg = arg(2, "stride", None)
            stride = kernel if stride_arg in (None, [], ()) else _pair(stride_arg)
            dilation = _pair(arg(4, "dilation", 1)) if "max" in name else (1, 1)
            rf, jump = _grow(rf, jump, kernel, stride, dilation)
        elif name.startswith("adaptive_") and isinstance(args[0], torch.Tensor):
            # each output averages about ceil(in / out) inputs, ``floor(in / out)`` apart (global pooling: all)
            size_in = (int(args[0].shape[-2]), int(args[0].shape[-1]))
            size_out = (int(out.shape[-2]), int(out.shape[-1]))
            kernel = _pair([math.ceil(i / o) for i, o in zip(size_in, size_out, strict=True)])
            stride = _pair([max(1, i // o) for i, o in zip(size_in, size_out, strict=True)])
            rf, jump = _grow(rf, jump, kernel, stride, (1, 1))
            if size_out == (1, 1):
                whole, positional = True, False
        elif name in ("flatten", "view", "reshape") and isinstance(args[0], torch.Tensor) and args[0].dim() == 4 \
                and isinstance(out, torch.Tensor) and out.dim() <= 2:
            # spatial positions become features: whatever reads them next (a Linear) sees the whole map
            rf, jump = _grow(rf, jump, (int(args[0].shape[-2]), int(args[0].shape[-1])), (1, 1), (1, 1))
            whole, positional = True, False
        for tensor in tree_flatten(out)[0]:
            if isinstance(tensor, torch.Tensor):
                self.set(tensor, Field(rf, jump, whole, positional))
        return out


@dataclass(frozen=True)
class Field:
    """A tensor's receptive field: ``size`` input pixels per output position, ``jump`` pixels between positions;
    ``whole_image`` once every value also depends on the whole image (global pooling, flattening, SE weights);
    ``positional`` while values still have a place in the image (not after global pooling or flattening)."""

    size: Pair
    jump: Pair
    whole_image: bool
    positional: bool = True


PIXEL = Field((1, 1), (1, 1), False)  # one input pixel: the image's own field


def _grow(rf: Pair, jump: Pair, kernel: Pair, stride: Pair, dilation: Pair) -> tuple[Pair, Pair]:
    new_rf = tuple(r + (k - 1) * d * j for r, k, d, j in zip(rf, kernel, dilation, jump, strict=True))
    new_jump = tuple(j * s for j, s in zip(jump, stride, strict=True))
    return (new_rf[0], new_rf[1]), (new_jump[0], new_jump[1])


# ----------------------------------------------------------------------------------------- layers


_POOLS = (nn.MaxPool2d, nn.AvgPool2d, nn.LPPool2d)
_GLOBAL_POOLS = (nn.AdaptiveAvgPool2d, nn.AdaptiveMaxPool2d)


def _measured(module: nn.Module) -> bool:
    return isinstance(module, (nn.Conv2d, nn.Linear, *_POOLS, *_GLOBAL_POOLS))


def _arithmetic(name: str, module: nn.Module, x: torch.Tensor, y: torch.Tensor, rf: Field) -> LayerArithmetic:
    own_params = sum(p.numel() for p in module.parameters(recurse=False))
    if isinstance(module, nn.Linear):
        return LayerArithmetic(name, "Linear", "linear", module.in_features, (1, 1), module.out_features, (1, 1),
                               bias=module.bias is not None, params=own_params, receptive_field=rf.size,
                               jump=rf.jump, whole_image=rf.whole_image)
    in_size = (int(x.shape[-2]), int(x.shape[-1]))
    out_size = (int(y.shape[-2]), int(y.shape[-1]))
    common = LayerArithmetic(name, type(module).__name__, "pool", int(x.shape[-3]), in_size, int(y.shape[-3]),
                             out_size, params=own_params, receptive_field=rf.size, jump=rf.jump,
                             whole_image=rf.whole_image)
    if isinstance(module, nn.Conv2d):
        padding = module.padding
        if isinstance(padding, str):  # "same" / "valid": the padding PyTorch actually uses
            padding = tuple(d * (k - 1) // 2 for k, d in zip(module.kernel_size, module.dilation, strict=True)) \
                if padding == "same" else (0, 0)
        return replace(common, kind="conv", kernel=_pair(module.kernel_size), stride=_pair(module.stride),
                       padding=_pair(padding), dilation=_pair(module.dilation), groups=module.groups,
                       bias=module.bias is not None)
    if isinstance(module, _POOLS):
        stride = module.stride if module.stride is not None else module.kernel_size
        return replace(common, kind="pool", kernel=_pair(module.kernel_size), stride=_pair(stride),
                       padding=_pair(getattr(module, "padding", 0)), dilation=_pair(getattr(module, "dilation", 1)),
                       ceil_mode=bool(getattr(module, "ceil_mode", False)))
    kernel = _pair([math.ceil(i / o) for i, o in zip(in_size, out_size, strict=True)])
    stride = _pair([max(1, i // o) for i, o in zip(in_size, out_size, strict=True)])
    return replace(common, kind="adaptive_pool", kernel=kernel, stride=stride)


def explain_model(model: nn.Module, input_shape: tuple[int, int, int]) -> ModelExplanation:
    """One forward pass of a zero image of ``input_shape`` (C, H, W): every conv / pool / linear layer's numbers
    and every Inception, residual and SE block's. The model is left as it was (mode, no hooks)."""
    param = next(model.parameters(), None)
    device = param.device if param is not None else torch.device("cpu")
    image = torch.zeros(1, *input_shape, device=device)
    inputs: dict[str, torch.Tensor] = {}
    layers: dict[str, LayerArithmetic] = {}
    shapes: dict[str, tuple[int, ...]] = {}
    tracker = _FieldTracker(image)
    named = [(n, m) for n, m in model.named_modules() if n]
    modules = dict(named)

    def before(key: str, args: Any) -> None:
        if args and isinstance(args[0], torch.Tensor):
            inputs[key] = args[0]

    def after(key: str, out: Any) -> None:
        y = out[0] if isinstance(out, (tuple, list)) else out
        if not isinstance(y, torch.Tensor):
            return
        shapes.setdefault(key, tuple(y.shape[1:]))
        module = modules[key]
        x = inputs.pop(key, None)
        if x is None or not _measured(module) or key in layers:
            return
        layers[key] = _arithmetic(key, module, x, y, tracker.get(y) or PIXEL)

    was_training = model.training
    model.eval()
    try:
        with watch(named, before, pre=True), watch(named, after), torch.no_grad(), tracker:
            probe(model, image)
    finally:
        model.train(was_training)
        inputs.clear()
    notes: dict[str, Note] = {}
    for name, module in named:
        note = _note(name, module, layers, shapes)
        if note is not None:
            notes[name] = note
    return ModelExplanation(input_shape, layers, notes)


# ----------------------------------------------------------------------------------------- blocks


def _convs_under(prefix: str, layers: dict[str, LayerArithmetic]) -> list[LayerArithmetic]:
    return [a for key, a in layers.items() if key.startswith(prefix + ".") and a.kind == "conv"]


def _note(name: str, module: nn.Module, layers: dict[str, LayerArithmetic], shapes: dict[str, tuple[int, ...]]
          ) -> Note | None:
    kind = type(module).__name__
    if kind.startswith("Inception") and kind not in ("InceptionAux", "Inception3"):
        return _inception(name, module, layers, shapes)
    if kind in ("InvertedResidual", "MBConv") and hasattr(module, "use_res_connect"):
        return _inverted_residual(name, module, layers)
    if kind in ("BasicBlock", "Bottleneck") and hasattr(module, "downsample"):
        projection = module.downsample is not None
        return _residual(name, layers, shapes, projection, False, f"{name}.downsample" if projection else None)
    if hasattr(module, "shortcut") and hasattr(module, "conv1") and isinstance(getattr(module, "relu", None), nn.ReLU):
        projection = module.shortcut is not None
        pre = hasattr(module, "bottleneck")  # ConvLens' pre-activation units (architectures/resnets.py)
        return _residual(name, layers, shapes, projection, pre, f"{name}.shortcut" if projection else None)
    # ConvLens' SEBlock squeezes with a Linear, torchvision's SqueezeExcitation (MobileNetV3, EfficientNet) with
    # a 1x1 Conv2d: either way the first layer of the excitation goes from C to C / r
    down = {"SEBlock": "excitation.0", "SqueezeExcitation": "fc1"}.get(kind)
    if down is not None:
        first = module.get_submodule(down)
        c, squeezed = (first.in_features, first.out_features) if isinstance(first, nn.Linear) else \
            (int(getattr(first, "in_channels", 0)), int(getattr(first, "out_channels", 0)))
        if squeezed:
            return SENote(name, c, squeezed, c / squeezed, sum(p.numel() for p in module.parameters()))
    return None


def _inverted_residual(name: str, module: nn.Module, layers: dict[str, LayerArithmetic]
                       ) -> InvertedResidualNote | None:
    convs = _convs_under(name, layers)
    depthwise = [c for c in convs if c.groups > 1 and c.groups == c.in_channels]
    if not depthwise:
        return None
    dw, first, last = depthwise[0], convs[0], convs[-1]
    mults = sum(c.mults for c in convs)
    standard = mults - dw.mults + dw.mults * dw.in_channels  # a full conv: every output reads all C channels, not one
    se = any(type(m).__name__ in ("SqueezeExcitation", "SEBlock") for m in module.modules())
    return InvertedResidualNote(name, first.in_channels, dw.in_channels, last.out_channels, dw.kernel, dw.stride,
                                last.out_size, bool(module.use_res_connect), se, mults, standard, first is not dw)


def _residual(name: str, layers: dict[str, LayerArithmetic], shapes: dict[str, tuple[int, ...]], projection: bool,
              pre: bool, shortcut_layer: str | None) -> ResidualNote | None:
    convs = [a for a in _convs_under(name, layers) if not (shortcut_layer and a.name.startswith(shortcut_layer))]
    if not convs or name not in shapes:
        return None
    first = convs[0]
    in_shape = (first.in_channels, first.in_size[0], first.in_size[1])
    c, h, w = (int(v) for v in shapes[name])
    return ResidualNote(name, "projection" if projection else "identity", pre, in_shape, (c, h, w),
                        tuple(a.name for a in convs), shortcut_layer)


def _branch_key(module_name: str, conv_name: str) -> str:
    """The branch a conv is in: the first name under the module, without a trailing ``_<n>`` or ``_<n><letter>``
    (GoogLeNet's ``branch2.0.conv`` -> ``branch2``; Inception v3's ``branch3x3dbl_3a.conv`` -> ``branch3x3dbl``)."""
    first = conv_name[len(module_name) + 1 :].split(".")[0]
    return re.sub(r"_\d+[a-z]?$", "", first)


def _inception(name: str, module: nn.Module, layers: dict[str, LayerArithmetic],
               shapes: dict[str, tuple[int, ...]]) -> InceptionNote | None:
    convs = _convs_under(name, layers)
    if not convs or name not in shapes:
        return None
    groups: dict[str, list[LayerArithmetic]] = {}
    for conv in convs:
        groups.setdefault(_branch_key(name, conv.name), []).append(conv)
    bottlenecks = []
    for branch, chain in groups.items():
        for i, wide in enumerate(chain):
            if wide.kernel == (1, 1):
                continue
            # the 1x1 convolution that feeds it: the nearest before it in the branch with matching channels
            feeding = [c for c in chain[:i] if c.kernel == (1, 1) and c.out_channels == wide.in_channels]
            if feeding and feeding[-1].in_channels > feeding[-1].out_channels:  # a reduction, not an expansion
                reduce = feeding[-1]
                cost = bottleneck_cost(wide.out_size, reduce.in_channels, reduce.out_channels, wide.out_channels,
                                       wide.kernel)
                bottlenecks.append(InceptionBottleneck(branch, reduce.name, wide.name, cost))
    branches = tuple((branch, chain[-1].out_channels) for branch, chain in groups.items())
    out_shape = shapes[name]
    googlenet = type(module).__name__ == "Inception" and hasattr(module, "branch3")
    return InceptionNote(name, convs[0].in_channels, int(out_shape[0]), (int(out_shape[1]), int(out_shape[2])),
                         branches, tuple(bottlenecks), googlenet)


def iter_explained(explanation: ModelExplanation) -> Iterator[tuple[str, LayerArithmetic | None, Note | None]]:
    """Layers and block notes in forward order (a block's note before its first layer)."""
    shown: set[str] = set()
    for name, arithmetic in explanation.layers.items():
        parts = name.split(".")
        for i in range(1, len(parts)):
            block = ".".join(parts[:i])
            if block in explanation.notes and block not in shown:
                shown.add(block)
                yield block, None, explanation.notes[block]
        yield name, arithmetic, explanation.notes.get(name)

"""The arithmetic of blocks: Inception modules (each 1x1 "bottleneck" in front of a wider convolution, and what it
saves, as seed 004 explains with 28x28x128 -> 64 5x5 filters vs 32 1x1 filters first), residual blocks (identity
or projection shortcut, post- or pre-activation, a grouped convolution in ResNeXt and RegNet), squeeze-and-excitation
and inverted residual blocks, DenseNet's dense layers and blocks, and ConvNeXt's block."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from torch import nn

    from convlens.engine.inspect.arithmetic import LayerArithmetic, Pair


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
    #: a grouped convolution in F (ResNeXt, RegNet): (its name, groups, channels per group, its multiplications,
    #: the same convolution ungrouped), else None
    grouped: tuple[str, int, int, int, int] | None = None


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


@dataclass(frozen=True)
class DenseNote:
    """DenseNet: each layer of a dense block (BN-ReLU-1x1 conv to 4k, BN-ReLU-3x3 conv to k) sees the maps of every
    layer before it, concatenated, and adds k (the growth rate) maps of its own to them."""

    module: str
    block: bool  # a whole dense block (else one dense layer)
    c_in: int
    growth: int  # k
    c_out: int  # c_in + layers x k
    layers: int  # in the block (1 for a layer)
    bottleneck: int  # the 1x1 convolution's width (4k in torchvision)
    size: Pair


@dataclass(frozen=True)
class ConvNeXtNote:
    """ConvNeXt's block: a 7x7 depthwise convolution, LayerNorm, a 1x1 (Linear) widening 4x with GELU, a 1x1
    narrowing back (an inverted bottleneck, as in MobileNetV2 and a Transformer's MLP), a learned per-channel scale,
    and the input added back."""

    module: str
    channels: int
    expanded: int
    kernel: Pair
    size: Pair
    mults: int
    standard_mults: int  # with an ordinary k x k convolution in place of the depthwise one


Note = InceptionNote | ResidualNote | SENote | InvertedResidualNote | DenseNote | ConvNeXtNote



# ----------------------------------------------------------------------------------------- blocks


def _convs_under(prefix: str, layers: dict[str, LayerArithmetic]) -> list[LayerArithmetic]:
    return [a for key, a in layers.items() if key.startswith(prefix + ".") and a.kind == "conv"]


def _note(name: str, module: nn.Module, layers: dict[str, LayerArithmetic], shapes: dict[str, tuple[int, ...]]
          ) -> Note | None:
    from torch import nn

    kind = type(module).__name__
    if kind.startswith("Inception") and kind not in ("InceptionAux", "Inception3"):
        return _inception(name, module, layers, shapes)
    if kind in ("InvertedResidual", "MBConv") and hasattr(module, "use_res_connect"):
        return _inverted_residual(name, module, layers)
    if kind in ("BasicBlock", "Bottleneck") and hasattr(module, "downsample"):
        projection = module.downsample is not None
        return _residual(name, layers, shapes, projection, False, f"{name}.downsample" if projection else None)
    if kind == "ResBottleneckBlock" and hasattr(module, "proj"):  # RegNet
        projection = module.proj is not None
        return _residual(name, layers, shapes, projection, False, f"{name}.proj" if projection else None)
    if kind in ("_DenseLayer", "_DenseBlock"):
        return _dense(name, kind == "_DenseBlock", layers, shapes)
    if kind == "CNBlock":
        return _convnext(name, layers)
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
    grouped = next(((a.name, a.groups, a.in_channels // a.groups, a.mults, a.mults * a.groups) for a in convs
                    if 1 < a.groups < a.in_channels), None)
    return ResidualNote(name, "projection" if projection else "identity", pre, in_shape, (c, h, w),
                        tuple(a.name for a in convs), shortcut_layer, grouped)


def _dense(name: str, block: bool, layers: dict[str, LayerArithmetic], shapes: dict[str, tuple[int, ...]],
           ) -> DenseNote | None:
    convs = _convs_under(name, layers)
    if len(convs) < 2 or name not in shapes:
        return None
    one_by_one = [c for c in convs if c.kernel == (1, 1)]
    growth = convs[1].out_channels
    c_out = int(shapes[name][0]) if block else convs[0].in_channels + growth
    return DenseNote(name, block, convs[0].in_channels, growth, c_out, len(one_by_one) if block else 1,
                     convs[0].out_channels, convs[1].out_size)


def _convnext(name: str, layers: dict[str, LayerArithmetic]) -> ConvNeXtNote | None:
    convs = _convs_under(name, layers)
    if not convs or convs[0].groups != convs[0].in_channels:
        return None
    dw = convs[0]
    c = dw.out_channels
    h, w = dw.out_size
    linears = [a for key, a in layers.items() if key.startswith(name + ".") and a.kind == "linear"]
    expanded = linears[0].out_channels if linears else 4 * c
    pointwise = 2 * h * w * c * expanded  # the two Linear layers act on every pixel
    return ConvNeXtNote(name, c, expanded, dw.kernel, dw.out_size, dw.mults + pointwise,
                        dw.mults * c + pointwise)


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



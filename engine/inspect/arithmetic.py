"""The arithmetic of one layer, computed on the real model: input and output size, kernel F, padding P, stride S,
dilation D and groups G; the output size by the formula ``(H + 2P - D(F - 1) - 1) / S + 1`` (rounded down, or up
for ``ceil_mode`` pooling; with D = 1 it is the notes' ``(H + 2P - F) / S + 1``); parameters
``F x F x C_in x C_out / G + C_out``; multiplications; and the receptive field so far (how many input pixels one
output value can see), tracked through every operation of the forward pass, functional ones included.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass, replace
from typing import Any, Literal

import torch
from torch import nn
from torch.overrides import TorchFunctionMode
from torch.utils._pytree import tree_flatten

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

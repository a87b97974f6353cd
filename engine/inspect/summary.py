"""Keras-style model summary: every layer's output shape, parameters, FLOPs."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

import torch
from torch.utils import flop_counter
from torch.utils.flop_counter import FlopCounterMode

from convlens.engine.inspect.formatting import format_flops, format_shape
from convlens.engine.inspect.hooks import probe, watch

if TYPE_CHECKING:
    from torch import nn


@dataclass(frozen=True)
class LayerInfo:
    """One module of the model tree.

    ``name`` is the dotted module path (what ``--layer`` options accept);
    ``params`` counts this module's parameters including its children;
    ``output_shape`` excludes the batch dimension (None if never called).
    """

    name: str
    type: str
    depth: int
    output_shape: tuple[int, ...] | None
    params: int
    trainable: bool | None  # None: the layer has no parameters
    is_leaf: bool


@dataclass(frozen=True)
class ModelSummary:
    model_name: str
    input_shape: tuple[int, ...]
    layers: tuple[LayerInfo, ...]
    total_params: int
    trainable_params: int
    flops: int

    @property
    def leaves(self) -> list[LayerInfo]:
        return [layer for layer in self.layers if layer.is_leaf]

    def layer(self, name: str) -> LayerInfo:
        for info in self.layers:
            if info.name == name:
                return info
        raise KeyError(name)


def _shape_of(output: object) -> tuple[int, ...] | None:
    if isinstance(output, torch.Tensor):
        return tuple(output.shape[1:])
    if isinstance(output, (tuple, list)) and output and isinstance(output[0], torch.Tensor):
        return tuple(output[0].shape[1:])
    return None


def block_type(module: nn.Module) -> str:
    """The layer's type for people: torchvision's ResNet blocks are named as the seeds name them.

    A block whose shortcut is a projection (``downsample``) is a convolution block; one whose
    shortcut is the identity is an identity block.
    """
    name = type(module).__name__
    if name in ("BasicBlock", "Bottleneck") and hasattr(module, "downsample"):
        kind = "ConvolutionBlock" if module.downsample is not None else "IdentityBlock"
        return f"{kind} ({name})"
    return name


def _count_flops_without_dynamo() -> None:
    """Let torch's FLOP counter run without importing TorchDynamo (1.5 s and 100,000 objects the garbage collector
    then walks, on the first layer table of every session).

    Every ``TorchDispatchMode``'s ``__torch_dispatch__`` is wrapped in ``torch._disable_dynamo``, which imports
    TorchDynamo on its first call only to keep ``torch.compile`` from tracing into the mode; the wrapper calls what
    it finds in the function's ``__dynamo_disable`` instead. The layer table never runs under ``torch.compile``, so
    the counter's own function goes there as long as TorchDynamo is not loaded; when it is, torch's path is kept.
    Torch versions without these names are left alone."""
    mode = getattr(flop_counter, "_FlopCounterMode", None)
    raw = getattr(vars(mode).get("__torch_dispatch__") if mode is not None else None, "__wrapped__", None)
    if callable(raw) and "torch._dynamo" not in sys.modules and not hasattr(raw, "__dynamo_disable"):
        setattr(raw, "__dynamo_disable", raw)  # the name torch reads, two leading underscores


def summarize(model: nn.Module, input_shape: tuple[int, int, int], name: str = "") -> ModelSummary:
    """Run one forward pass of a zero image of ``input_shape`` (C, H, W) and record every layer.

    The model is left as it was (eval mode, no hooks).
    """
    shapes: dict[str, tuple[int, ...] | None] = {}
    was_training = model.training
    model.eval()
    try:
        param = next(model.parameters(), None)
        device = param.device if param is not None else torch.device("cpu")
        x = torch.zeros(1, *input_shape, device=device)
        _count_flops_without_dynamo()
        counter = FlopCounterMode(display=False)
        named = ((n, m) for n, m in model.named_modules() if n)
        with watch(named, lambda key, out: shapes.setdefault(key, _shape_of(out))), torch.no_grad(), counter:
            probe(model, x)
        flops = int(counter.get_total_flops())
    finally:
        model.train(was_training)

    layers = []
    for mod_name, module in model.named_modules():
        if not mod_name:
            continue
        own = list(module.parameters(recurse=False))
        all_params = list(module.parameters())
        leaf = not any(True for _ in module.children())
        trainable = all(p.requires_grad for p in all_params) if all_params else None
        layers.append(
            LayerInfo(
                name=mod_name,
                type=block_type(module),
                depth=mod_name.count("."),
                output_shape=shapes.get(mod_name),
                params=sum(p.numel() for p in all_params) if not leaf else sum(p.numel() for p in own),
                trainable=trainable,
                is_leaf=leaf,
            )
        )
    total = sum(p.numel() for p in model.parameters())
    trainable_total = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return ModelSummary(name or type(model).__name__, tuple(input_shape), tuple(layers), total, trainable_total, flops)


def format_summary(summary: ModelSummary, all_layers: bool = False) -> str:
    """The Keras-style table (leaf layers unless ``all_layers``)."""
    rows = [layer for layer in summary.layers if all_layers or layer.is_leaf]
    name_w = max([len("Layer (name)")] + [len(r.name) + 2 * r.depth * all_layers + len(r.type) + 3 for r in rows])
    shape_w = max([len("Output shape")] + [len(format_shape(r.output_shape)) for r in rows])
    width = name_w + shape_w + 28
    lines = [
        f'Model: "{summary.model_name}"   input {format_shape(summary.input_shape)}',
        "=" * width,
        f"{'Layer (name)':<{name_w}}  {'Output shape':<{shape_w}}  {'Param #':>12}  Trainable",
        "=" * width,
    ]
    for r in rows:
        indent = "  " * r.depth if all_layers else ""
        label = f"{indent}{r.name} ({r.type})"
        train = "-" if r.trainable is None else ("yes" if r.trainable else "no")
        lines.append(f"{label:<{name_w}}  {format_shape(r.output_shape):<{shape_w}}  {r.params:>12,}  {train}")
    lines += [
        "=" * width,
        f"Total params: {summary.total_params:,}",
        f"Trainable params: {summary.trainable_params:,}",
        f"Non-trainable params: {summary.total_params - summary.trainable_params:,}",
        f"FLOPs (one image): {format_flops(summary.flops)}",
        "=" * width,
    ]
    return "\n".join(lines)

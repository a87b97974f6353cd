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

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import torch

from convlens.engine.inspect.arithmetic import PIXEL, LayerArithmetic, _arithmetic, _FieldTracker, _measured
from convlens.engine.inspect.blocks import (
    SEED_004_EXAMPLE,
    BottleneckCost,
    ConvNeXtNote,
    DenseNote,
    InceptionNote,
    InvertedResidualNote,
    ResidualNote,
    SENote,
    _note,
    bottleneck_cost,
)
from convlens.engine.inspect.formatting import pair_text
from convlens.engine.inspect.hooks import probe, watch

if TYPE_CHECKING:
    from collections.abc import Iterator

    from torch import nn

    from convlens.engine.inspect.blocks import (
        Note,
    )

__all__ = [
    "SEED_004_EXAMPLE",
    "BottleneckCost",
    "InceptionNote",
    "ConvNeXtNote",
    "DenseNote",
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

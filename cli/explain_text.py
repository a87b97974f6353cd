"""``convlens summary ARCH --explain``: the engine's layer arithmetic (``engine.inspect.explain``) in English words.

The window says the same in the user's language (``gui/learn_panel.py``); both read the same numbers.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from convlens.engine.inspect.explain import (
    SEED_004_EXAMPLE,
    ConvNeXtNote,
    DenseNote,
    InceptionNote,
    InvertedResidualNote,
    ResidualNote,
    SENote,
    iter_explained,
)
from convlens.engine.inspect.formatting import pair_text

if TYPE_CHECKING:
    from convlens.engine.inspect.explain import (
        BottleneckCost,
        LayerArithmetic,
        ModelExplanation,
        Note,
    )

__all__ = ["format_explanation", "layer_lines", "note_lines"]


_hw = pair_text
_one = partial(pair_text, square=True)  # 3 for (3, 3), 1x7 for (1, 7)


def _size_formula(a: LayerArithmetic, axis: int) -> str:
    h, f, p, s, d = a.in_size[axis], a.kernel[axis], a.padding[axis], a.stride[axis], a.dilation[axis]
    span = f"{h} + 2x{p} - {f}" if d == 1 else f"{h} + 2x{p} - {d}x({f} - 1) - 1"
    rounding = "up" if a.ceil_mode else "down"
    inexact = (h + 2 * p - d * (f - 1) - 1) % s  # as the Learn panel: say "rounded" only when it was
    return f"({span}) / {s} + 1 = {a.formula_size()[axis]}" + (f" (rounded {rounding})" if inexact else "")


def _field(a: LayerArithmetic) -> str:
    if a.kind == "linear" or (a.kind == "adaptive_pool" and a.out_size == (1, 1)):
        return "each output sees the whole image"
    text = f"receptive field {_one(a.receptive_field)} px, outputs {_one(a.jump)} px apart"
    return text + ("; also depends on the whole image" if a.whole_image else "")


def layer_lines(a: LayerArithmetic) -> list[str]:
    """What one layer computes, with its numbers."""
    if a.kind == "linear":
        return [f"{a.name}: fully connected {a.in_channels} -> {a.out_channels}",
                f"  parameters {a.in_channels} x {a.out_channels}" + (f" + {a.out_channels}" if a.bias else "")
                + f" = {a.formula_params():,}; multiplications {a.mults:,}",
                f"  {_field(a)}"]
    head = (f"{a.name}: {a.op} {_hw(a.in_size)}x{a.in_channels} -> {_hw(a.out_size)}x{a.out_channels}, "
            f"F={_one(a.kernel)} P={_one(a.padding)} S={_one(a.stride)}")
    if a.dilation != (1, 1):
        head += f" D={_one(a.dilation)}"
    if a.groups != 1:
        head += f" groups={a.groups}" + (" (depthwise)" if a.groups == a.in_channels else "")
    if a.kind == "adaptive_pool":
        return [f"{a.name}: {a.op} {_hw(a.in_size)}x{a.in_channels} -> {_hw(a.out_size)}x{a.out_channels} "
                f"(each output averages about {_one(a.kernel)} values)", f"  {_field(a)}"]
    lines = [head]
    axes = (0,) if a.in_size[0] == a.in_size[1] and a.kernel[0] == a.kernel[1] else (0, 1)
    for axis in axes:
        lines.append(f"  {'H' if axis == 0 else 'W'} out = {_size_formula(a, axis)}")
    if a.kind == "conv":
        per_group = "" if a.groups == 1 else f" / {a.groups}"
        lines.append(f"  parameters {a.kernel[0]}x{a.kernel[1]}x{a.in_channels}x{a.out_channels}{per_group}"
                     + (f" + {a.out_channels}" if a.bias else "") + f" = {a.formula_params():,}")
        lines.append(f"  multiplications {_hw(a.out_size)}x{a.out_channels} outputs x "
                     f"{a.kernel[0]}x{a.kernel[1]}x{a.in_channels // a.groups} each = {a.mults:,} "
                     f"({a.flops:,} FLOPs)")
    lines.append(f"  {_field(a)}")
    return lines


def cost_lines(cost: BottleneckCost, indent: str = "  ") -> list[str]:
    h, w = cost.size
    k = _hw(cost.kernel)
    return [
        f"{indent}{k} conv {cost.c_in} -> {cost.c_out} directly: {h}x{w}x{cost.c_out} outputs x {k}x{cost.c_in} "
        f"= {cost.direct_mults:,} multiplications ({cost.direct_params:,} weights)",
        f"{indent}1x1 to {cost.c_reduce} first: {h}x{w}x{cost.c_reduce} x 1x1x{cost.c_in} = {cost.reduce_mults:,}, "
        f"then {h}x{w}x{cost.c_out} x {k}x{cost.c_reduce} = {cost.wide_mults:,}; total {cost.reduced_mults:,} "
        f"({cost.reduced_params:,} weights): {cost.saving:.1f}x fewer",
    ]


def note_lines(note: Note) -> list[str]:
    if isinstance(note, InceptionNote):
        branches = ", ".join(f"{b} {c}" for b, c in note.branches)
        lines = [f"{note.module}: Inception module, {_hw(note.size)}x{note.in_channels} -> "
                 f"{_hw(note.size)}x{note.out_channels}; branches concatenated: {branches}"]
        for b in note.bottlenecks:
            lines.append(f"  {b.branch}: 1x1 bottleneck ({b.reduce} -> {b.conv})")
            lines += cost_lines(b.cost, "    ")
        if note.googlenet_3x3:
            lines.append("  (torchvision's GoogLeNet uses 3x3 in the branch the paper draws as 5x5; its pretrained"
                         " weights were trained that way)")
        return lines
    if isinstance(note, ResidualNote):
        kind = ("identity block (the shortcut adds x unchanged)" if note.shortcut == "identity" else
                f"convolution block (a 1x1 projection on the shortcut, {note.shortcut_layer}, matches "
                f"{note.in_shape[0]} -> {note.out_shape[0]} channels and the stride)")
        pre = "; pre-activation: BN-ReLU before each conv, nothing after the addition" if note.pre_activation else ""
        lines = [f"{note.module}: residual {kind}{pre}",
                 f"  out = F(x) + shortcut(x), F = {' -> '.join(c.rsplit('.', 1)[-1] for c in note.branch_convs)};"
                 " the gradient reaches x through F'(x) + 1, so it does not vanish through many blocks"]
        if note.grouped is not None:
            layer, groups, width, mults, full = note.grouped
            lines.append(f"  grouped convolution {layer}: {groups} groups of {width} channels (cardinality {groups}); "
                         f"{mults:,} multiplications where an ungrouped one takes {full:,}")
        return lines
    if isinstance(note, DenseNote):
        if note.block:
            return [f"{note.module}: dense block, {note.layers} layers of growth rate k = {note.growth}: "
                    f"{note.c_in} + {note.layers} x {note.growth} = {note.c_out} channels at {_hw(note.size)}; "
                    "each layer sees every earlier layer's maps, concatenated"]
        return [f"{note.module}: dense layer, {note.c_in} channels in (every earlier map of the block) -> BN-ReLU-1x1 "
                f"to {note.bottleneck} -> BN-ReLU-3x3 to k = {note.growth}, concatenated: {note.c_out} out"]
    if isinstance(note, ConvNeXtNote):
        k = _hw(note.kernel)
        return [f"{note.module}: ConvNeXt block, {k} depthwise on {note.channels} channels -> LayerNorm -> 1x1 to "
                f"{note.expanded} + GELU -> 1x1 to {note.channels} (inverted bottleneck) -> layer scale; the input "
                "is added back",
                f"  {note.mults:,} multiplications; with an ordinary {k} convolution in place of the depthwise one "
                f"{note.standard_mults:,} ({note.standard_mults / note.mults:.1f}x more)"]
    if isinstance(note, InvertedResidualNote):
        k = _hw(note.kernel)
        expand = f"1x1 expand x{note.expansion:g} to {note.c_expanded} -> " if note.expands else ""
        se = "squeeze-and-excitation -> " if note.squeeze_excitation else ""
        return [f"{note.module}: inverted residual, {note.c_in} -> {expand}{k} depthwise (stride {_one(note.stride)}) "
                f"-> {se}1x1 linear projection to {note.c_out}"
                + ("; the input is added back (residual)" if note.residual else "; no residual (the shape changes)"),
                f"  {note.mults:,} multiplications; with an ordinary {k} convolution in place of the depthwise one "
                f"{note.standard_mults:,} ({note.standard_mults / note.mults:.1f}x more): a depthwise filter reads one "
                f"channel, not all {note.c_expanded}"]
    if isinstance(note, SENote):
        return [f"{note.module}: squeeze-and-excitation, {note.channels} channels: squeeze (global average pool "
                f"to {note.channels} values) -> excitation (FC {note.channels} -> {note.squeezed} -> "
                f"{note.channels}, reduction r = {note.reduction:g}, sigmoid) -> each channel scaled by its "
                f"weight; {note.params:,} parameters"]
    return []


def format_explanation(explanation: ModelExplanation) -> str:
    c, h, w = explanation.input_shape
    lines = [f"Input {h}x{w}x{c}. Output size (H + 2P - F) / S + 1 (D(F-1)+1 in place of F when dilated); "
             "parameters F x F x C_in x C_out / groups + C_out; multiplications = outputs x F x F x C_in / groups.",
             ""]
    for _name, arithmetic, note in iter_explained(explanation):
        if note is not None:
            lines += note_lines(note)
        if arithmetic is not None:
            lines += layer_lines(arithmetic)
    lines += ["", "Seed 004's 1x1 example (28x28x128 -> 64 filters of 5x5):", *cost_lines(SEED_004_EXAMPLE)]
    return "\n".join(lines)

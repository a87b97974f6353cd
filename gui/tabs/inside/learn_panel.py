"""The Learn panel: what the selected layer computes, worked out with this model's real numbers.

It reads ``engine.inspect.explain`` (the same numbers ``convlens summary --explain`` prints) and says them in the user's
language: the output-size formula with the layer's H, F, P and S filled in, the parameter and multiplication
counts, the receptive field so far, and for Inception, residual and squeeze-and-excitation blocks what the study
notes teach about them.
"""

from __future__ import annotations

from functools import partial
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from convlens.engine.inspect.blocks import (
    SEED_004_EXAMPLE,
    ConvNeXtNote,
    DenseNote,
    InceptionNote,
    InvertedResidualNote,
    ResidualNote,
    SENote,
)
from convlens.engine.inspect.formatting import pair_text

if TYPE_CHECKING:
    from convlens.engine.inspect.explain import (
        BottleneckCost,
        LayerArithmetic,
        LayerExplanation,
        Note,
    )


def _n(value: int) -> str:
    return f"{value:,}"


_hw = partial(pair_text, times="×")
_one = partial(pair_text, times="×", square=True)  # 3 for (3, 3), 1×7 for (1, 7)


def _shape(chw: tuple[int, int, int]) -> str:
    """``56×56 × 64`` for (64, 56, 56)."""
    c, h, w = chw
    return f"{h}×{w} × {c}"


def _millions(value: int) -> str:
    return f"{value / 1e6:,.1f}M" if value >= 1e5 else _n(value)


class LearnPanel(QWidget):
    """Rich text beside the feature maps; follows the layer selected in the tree."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.explanation: LayerExplanation | None = None
        self.show_message(self.tr("Select a layer in the tree: its arithmetic is worked out here."))

    def show_message(self, text: str) -> None:
        self.explanation = None
        self.browser.setHtml(f"<p style='color:gray'>{escape(text)}</p>")

    def text(self) -> str:
        """What the panel says, as plain text (for tests and copying)."""
        return self.browser.toPlainText()

    def show_explanation(self, explanation: LayerExplanation) -> None:
        self.explanation = explanation
        parts: list[str] = []
        if explanation.arithmetic is not None:
            parts.append(self._layer_html(explanation.arithmetic))
        if explanation.block is not None:
            parts.append(self._note_html(explanation.block))
        if not parts:
            parts.append("<p>" + escape(self.tr(
                "{name} has no arithmetic of its own to show (it is an activation, a normalisation or a container "
                "of several layers). Select a convolution, a pooling or a fully connected layer, or a block such as "
                "an Inception module or a residual block.")).format(name=f"<b>{escape(explanation.name)}</b>")
                + "</p>")
        self.browser.setHtml("".join(parts))

    # ------------------------------------------------------------------ layers

    def _kind_title(self, a: LayerArithmetic) -> str:
        return {
            "conv": self.tr("convolution"),
            "pool": self.tr("pooling"),
            "adaptive_pool": self.tr("adaptive (global) pooling"),
            "linear": self.tr("fully connected layer"),
        }[a.kind]

    def _layer_html(self, a: LayerArithmetic) -> str:
        rows: list[tuple[str, str]] = []
        html = f"<h3>{escape(a.name)} — {escape(self._kind_title(a))} <small>({escape(a.op)})</small></h3>"
        if a.kind == "linear":
            rows.append((self.tr("Input → output"), f"{a.in_channels} → {a.out_channels}"))
            bias = f" + {a.out_channels}" if a.bias else ""
            rows.append((self.tr("Parameters"), f"{a.in_channels} × {a.out_channels}{bias} = <b>{_n(a.formula_params())}</b>"))
            rows.append((self.tr("Multiplications"), _n(a.mults)))
            rows.append((self.tr("Receptive field"), escape(self.tr("every output sees the whole image"))))
            return html + self._table(rows)
        rows.append((self.tr("Input"), f"{_hw(a.in_size)} × {a.in_channels}"))
        if a.kind == "adaptive_pool":
            rows.append((self.tr("Output"), f"{_hw(a.out_size)} × {a.out_channels}"))
            rows.append((self.tr("Window"), escape(self.tr("about {k} values per output, set by the output size")
                                                    .format(k=_one(a.kernel)))))
            rows.append((self.tr("Parameters"), "0"))
            rows.append((self.tr("Receptive field"), self._field(a)))
            return html + self._table(rows)
        rows.append((self.tr("Kernel F"), _one(a.kernel)))
        rows.append((self.tr("Padding P"), _one(a.padding)))
        rows.append((self.tr("Stride S"), _one(a.stride)))
        if a.dilation != (1, 1):
            rows.append((self.tr("Dilation D"), _one(a.dilation)))
        if a.groups != 1:
            depthwise = self.tr(" (depthwise: one filter per channel)") if a.groups == a.in_channels else ""
            rows.append((self.tr("Groups"), f"{a.groups}{escape(depthwise)}"))
        axes = (0,) if a.in_size[0] == a.in_size[1] and a.kernel[0] == a.kernel[1] and a.padding[0] == a.padding[1] \
            and a.stride[0] == a.stride[1] else (0, 1)
        for axis in axes:
            label = self.tr("Output size") if len(axes) == 1 else (self.tr("Output height") if axis == 0
                                                                   else self.tr("Output width"))
            rows.append((label, self._size_formula(a, axis)))
        rows.append((self.tr("Output"), f"{_hw(a.out_size)} × {a.out_channels}"))
        if a.kind == "conv":
            per_group = f" / {a.groups}" if a.groups != 1 else ""
            bias = f" + {a.out_channels}" if a.bias else ""
            rows.append((self.tr("Parameters"),
                         f"F×F×C<sub>in</sub>×C<sub>out</sub>{per_group}{' + C<sub>out</sub>' if a.bias else ''} = "
                         f"{a.kernel[0]}×{a.kernel[1]}×{a.in_channels}×{a.out_channels}{per_group}{bias} = "
                         f"<b>{_n(a.formula_params())}</b>"))
            rows.append((self.tr("Multiplications"), escape(self.tr(
                "{outputs} outputs × {each} each = {total} ({flops} FLOPs)")).format(
                outputs=f"{_hw(a.out_size)}×{a.out_channels}", each=f"{a.kernel[0]}×{a.kernel[1]}×"
                f"{a.in_channels // a.groups}", total=f"<b>{_n(a.mults)}</b>", flops=_millions(a.flops))))
        else:
            rows.append((self.tr("Parameters"), escape(self.tr("none: pooling only takes the maximum or the average "
                                                                "of each window"))))
        rows.append((self.tr("Receptive field"), self._field(a)))
        return html + self._table(rows)

    def _size_formula(self, a: LayerArithmetic, axis: int) -> str:
        h, f, p, s, d = a.in_size[axis], a.kernel[axis], a.padding[axis], a.stride[axis], a.dilation[axis]
        out = a.formula_size()[axis]
        if d == 1:
            text = f"(H + 2P − F) / S + 1 = ({h} + 2×{p} − {f}) / {s} + 1 = <b>{out}</b>"
        else:
            text = f"(H + 2P − D(F − 1) − 1) / S + 1 = ({h} + 2×{p} − {d}×({f} − 1) − 1) / {s} + 1 = <b>{out}</b>"
        if (h + 2 * p - d * (f - 1) - 1) % s:
            text += " " + escape(self.tr("(rounded up: ceil mode)") if a.ceil_mode else self.tr("(rounded down)"))
        return text

    def _field(self, a: LayerArithmetic) -> str:
        text = escape(self.tr("{rf} pixels of the input image; neighbouring outputs are {jump} pixels apart").format(
            rf=_one(a.receptive_field), jump=_one(a.jump)))
        if a.whole_image:
            text += "<br>" + escape(self.tr("and every value also depends on the whole image (through global "
                                            "pooling or a squeeze-and-excitation block)"))
        return text

    @staticmethod
    def _table(rows: list[tuple[str, str]]) -> str:
        body = "".join(f"<tr><td style='padding-right:12px'><b>{escape(k)}</b></td><td>{v}</td></tr>"
                       for k, v in rows)
        return f"<table cellspacing='2'>{body}</table>"

    # ------------------------------------------------------------------ blocks

    def _note_html(self, note: Note) -> str:
        if isinstance(note, InceptionNote):
            return self._inception_html(note)
        if isinstance(note, ResidualNote):
            return self._residual_html(note)
        if isinstance(note, SENote):
            return self._se_html(note)
        if isinstance(note, InvertedResidualNote):
            return self._inverted_html(note)
        if isinstance(note, DenseNote):
            return self._dense_html(note)
        if isinstance(note, ConvNeXtNote):
            return self._convnext_html(note)
        return ""

    def _dense_html(self, note: DenseNote) -> str:
        if note.block:
            html = "<h3>" + escape(self.tr("{name} — dense block")).format(name=escape(note.module)) + "</h3><p>"
            html += escape(self.tr(
                "{layers} dense layers, each adding k = {k} maps (the growth rate) to everything before it: "
                "{cin} + {layers} × {k} = {cout} channels at {size}. Every layer sees the maps of all earlier "
                "layers, concatenated, so features are reused rather than learned again and the gradient reaches "
                "each layer directly.")).format(layers=note.layers, k=note.growth, cin=note.c_in, cout=note.c_out,
                                                size=_hw(note.size)) + "</p>"
            return html
        html = "<h3>" + escape(self.tr("{name} — dense layer")).format(name=escape(note.module)) + "</h3><p>"
        html += escape(self.tr(
            "Its input is the concatenation of every earlier map in the block ({cin} channels). BN-ReLU-1×1 "
            "convolution to {b} channels (a bottleneck: the 3×3 after it reads {b}, not {cin}), BN-ReLU-3×3 "
            "convolution to k = {k}; the {k} new maps are concatenated to the input: {cout} channels out.")).format(
            cin=note.c_in, b=note.bottleneck, k=note.growth, cout=note.c_out) + "</p>"
        return html

    def _convnext_html(self, note: ConvNeXtNote) -> str:
        k = _hw(note.kernel)
        html = "<h3>" + escape(self.tr("{name} — ConvNeXt block")).format(name=escape(note.module)) + "</h3>"
        steps = [
            escape(self.tr("a {k} depthwise convolution filters each of the {c} channels on its own (a large "
                           "kernel, as a Transformer's attention window)")).format(k=k, c=note.channels),
            escape(self.tr("LayerNorm, then a 1×1 (Linear) widens to {e} channels with GELU")).format(e=note.expanded),
            escape(self.tr("a 1×1 narrows back to {c}: an inverted bottleneck, wide in the middle")).format(
                c=note.channels),
            escape(self.tr("a learned scale per channel, and the input is added back")),
        ]
        html += "<ol>" + "".join(f"<li>{s}</li>" for s in steps) + "</ol><p>"
        html += escape(self.tr(
            "{mults} multiplications at {size}; with an ordinary {k} convolution in place of the depthwise one "
            "{standard} ({times}× more).")).format(
            mults=f"<b>{_n(note.mults)}</b>", size=_hw(note.size), k=k, standard=_n(note.standard_mults),
            times=f"{note.standard_mults / note.mults:.1f}") + "</p>"
        return html

    def _inverted_html(self, note: InvertedResidualNote) -> str:
        k = _hw(note.kernel)
        html = "<h3>" + escape(self.tr("{name} — inverted residual block")).format(name=escape(note.module)) + "</h3>"
        steps = []
        if note.expands:
            steps.append(escape(self.tr("a 1×1 convolution widens {cin} channels to {cexp} (expansion factor {t})"))
                         .format(cin=note.c_in, cexp=note.c_expanded, t=f"{note.expansion:g}"))
        steps.append(escape(self.tr("a {k} depthwise convolution (stride {s}) filters each of the {c} channels on "
                                    "its own")).format(k=k, s=_one(note.stride), c=note.c_expanded))
        if note.squeeze_excitation:
            steps.append(escape(self.tr("squeeze-and-excitation re-weights the channels")))
        steps.append(escape(self.tr("a linear 1×1 convolution (no activation) narrows them to {cout}")).format(
            cout=note.c_out))
        html += "<ol>" + "".join(f"<li>{s}</li>" for s in steps) + "</ol><p>"
        html += escape(self.tr("The input is added back to the output (a residual connection: same shape, stride 1).")
                       if note.residual else self.tr("No residual connection here: the shape changes."))
        html += "</p><p>" + escape(self.tr(
            "{mults} multiplications; with an ordinary {k} convolution in place of the depthwise one it would be "
            "{standard} ({times}× more): a depthwise filter reads one channel, not all {c}.")).format(
            mults=f"<b>{_n(note.mults)}</b>", k=k, standard=_n(note.standard_mults),
            times=f"{note.standard_mults / note.mults:.1f}", c=note.c_expanded) + "</p>"
        return html

    def _cost_html(self, cost: BottleneckCost) -> str:
        h, w = cost.size
        k = _hw(cost.kernel)
        direct = escape(self.tr("{k} convolution {cin} → {cout} directly: {outputs} outputs × {each} each = {total}"
                                " multiplications ({weights} weights)")).format(
            k=k, cin=cost.c_in, cout=cost.c_out, outputs=f"{h}×{w}×{cost.c_out}", each=f"{k}×{cost.c_in}",
            total=f"<b>{_n(cost.direct_mults)}</b>", weights=_n(cost.direct_params))
        reduced = escape(self.tr("1×1 to {cred} channels first: {a} + then the {k} convolution: {b} = {total} "
                                 "multiplications ({weights} weights), {saving}× fewer")).format(
            cred=cost.c_reduce, k=k,
            a=f"{h}×{w}×{cost.c_reduce} × 1×1×{cost.c_in} = {_n(cost.reduce_mults)}",
            b=f"{h}×{w}×{cost.c_out} × {k}×{cost.c_reduce} = {_n(cost.wide_mults)}",
            total=f"<b>{_n(cost.reduced_mults)}</b>", weights=_n(cost.reduced_params), saving=f"{cost.saving:.1f}")
        return f"<li>{direct}</li><li>{reduced}</li>"

    def _inception_html(self, note: InceptionNote) -> str:
        html = "<h3>" + escape(self.tr("{name} — Inception module")).format(name=escape(note.module)) + "</h3>"
        branches = ", ".join(f"{escape(b)} ({c})" for b, c in note.branches)
        html += "<p>" + escape(self.tr(
            "Convolutions of several sizes and a pooling run side by side on the same input ({size} × {cin}); their "
            "outputs are concatenated along the channels: {branches} = {cout} channels.")).format(
            size=_hw(note.size), cin=note.in_channels, branches=branches, cout=note.out_channels) + "</p>"
        for b in note.bottlenecks:
            html += "<p><b>" + escape(self.tr("1×1 bottleneck in {branch}")).format(branch=escape(b.branch))
            html += f"</b> <small>({escape(b.reduce)} → {escape(b.conv)})</small></p><ul>{self._cost_html(b.cost)}</ul>"
        if note.googlenet_3x3:
            html += "<p><i>" + escape(self.tr(
                "torchvision's GoogLeNet has a 3×3 convolution in the branch the paper draws as 5×5 (a known quirk "
                "its pretrained weights were trained with); the numbers above are for the model as it is.")) + "</i></p>"
        seed = SEED_004_EXAMPLE
        html += "<p><b>" + escape(self.tr("The study notes' example (seed 004)")) + "</b>: " + escape(self.tr(
            "28×28×128 into 64 filters of 5×5, directly or through 32 1×1 filters first.")) + "</p>"
        html += f"<ul>{self._cost_html(seed)}</ul>"
        html += "<p><small>" + escape(self.tr(
            "How this is counted: each output value of a k×k convolution over C channels takes k×k×C "
            "multiplications, so a layer takes H×W×C_out×k×k×C_in. The notes call these counts \"parameters\" and "
            "give 4.8M for the 1×1 step (it is {reduce}) and leave the 5×5 after it ({wide}) out of the total; the "
            "weights themselves are far fewer ({direct} directly, {reduced} with the bottleneck).")).format(
            reduce=_n(seed.reduce_mults), wide=_n(seed.wide_mults), direct=_n(seed.direct_params),
            reduced=_n(seed.reduced_params)) + "</small></p>"
        return html

    def _residual_html(self, note: ResidualNote) -> str:
        kind = self.tr("identity block") if note.shortcut == "identity" else self.tr("convolution block")
        html = "<h3>" + escape(self.tr("{name} — residual {kind}")).format(name=escape(note.module),
                                                                         kind=escape(kind)) + "</h3>"
        branch = " → ".join(escape(c.rsplit(".", 1)[-1]) for c in note.branch_convs)
        html += "<p>" + escape(self.tr("out = F(x) + shortcut(x), where F is {branch}.")).format(branch=branch) + " "
        if note.shortcut == "identity":
            html += escape(self.tr(
                "Identity block: input and output have the same shape ({shape}), so the shortcut adds x unchanged."
            )).format(shape=_shape(note.in_shape))
        else:
            html += escape(self.tr(
                "Convolution block: the shape changes ({a} → {b}), so the shortcut is a 1×1 convolution "
                "({layer}) that projects x to the new shape.")).format(
                a=_shape(note.in_shape), b=_shape(note.out_shape),
                layer=escape(note.shortcut_layer or ""))
        html += "</p><p>" + escape(self.tr(
            "Why it trains when deep: the derivative of F(x) + x is F'(x) + 1. Even when F'(x) is tiny, the +1 "
            "carries the gradient back to earlier layers unchanged, so it does not vanish through many blocks.")) + "</p>"
        if note.grouped is not None:
            layer, groups, width, mults, ungrouped = note.grouped
            html += "<p>" + escape(self.tr(
                "Grouped convolution ({layer}): its channels are split into {g} groups of {w}; each filter reads only "
                "its own group, so it takes {mults} multiplications where an ordinary one would take {full} ({g}× "
                "fewer). ResNeXt calls the number of groups the cardinality.")).format(
                layer=escape(layer.rsplit(".", 1)[-1] if "." in layer else layer), g=groups, w=width,
                mults=_n(mults), full=_n(ungrouped)) + "</p>"
        if note.pre_activation:
            html += "<p>" + escape(self.tr(
                "Pre-activation: batch normalisation and ReLU come before each convolution and nothing follows the "
                "addition, so the shortcut path is a clean identity from block to block.")) + "</p>"
        return html

    def _se_html(self, note: SENote) -> str:
        html = "<h3>" + escape(self.tr("{name} — squeeze-and-excitation")).format(name=escape(note.module)) + "</h3>"
        html += "<p>" + escape(self.tr(
            "Squeeze: global average pooling turns each of the {c} channels into one number. Excitation: a small "
            "network ({c} → {s} → {c}, reduction ratio r = {r}, then a sigmoid) gives each channel a weight between "
            "0 and 1, and the channels are multiplied by their weights. {params} parameters.")).format(
            c=note.channels, s=note.squeezed, r=f"{note.reduction:g}", params=_n(note.params)) + "</p>"
        return html

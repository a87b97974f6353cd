"""The Learn panel's and ``summary --explain``'s numbers, held against the model itself, torch's FLOP counter and
published receptive fields, for the architectures the study notes teach."""

from __future__ import annotations

import pytest
import torch

from convlens.engine.inspect.explain import (
    SEED_004_EXAMPLE,
    InceptionNote,
    InvertedResidualNote,
    ResidualNote,
    SENote,
    explain_model,
)
from convlens.engine.inspect.summary import summarize
from convlens.engine.models.registry import get_arch
from convlens.engine.weights.load import load_weights

NOTES_MODELS = ("lenet5", "vgg16", "googlenet", "resnet50", "inception_v3")


def explained(arch: str):
    spec = get_arch(arch)
    model = load_weights(arch, "random").model
    shape = (spec.channels, spec.input_size, spec.input_size)
    return model, shape, explain_model(model, shape), summarize(model, shape, arch)


@pytest.mark.parametrize("arch", NOTES_MODELS)
def test_every_layer_formula_agrees_with_the_model_and_the_summary(arch: str) -> None:
    model, _shape, explanation, summary = explained(arch)
    modules = dict(model.named_modules())
    convs = [name for name, m in modules.items() if isinstance(m, torch.nn.Conv2d)]
    assert convs and set(convs) <= set(explanation.layers)  # every convolution is explained
    for name, a in explanation.layers.items():
        info = summary.layer(name)
        # the formula's output size, worked out from F, P, S, D (not measured), is what the layer produced
        if a.kind in ("conv", "pool"):
            assert (a.out_channels, *a.formula_size()) == info.output_shape, name
        # F x F x C_in x C_out / groups + C_out is the layer's parameter count
        if a.kind in ("conv", "linear"):
            assert a.formula_params() == info.params == sum(p.numel() for p in modules[name].parameters()), name
    # the multiplications add up to what torch's own FLOP counter counts for the whole model
    assert sum(a.flops for a in explanation.layers.values()) == summary.flops


def test_vgg16_receptive_fields_are_the_published_ones() -> None:
    """VGG16: conv1_1 3, conv1_2 5, pool1 6, ..., conv5_3 196, pool5 212 (Araujo et al. 2019, table 1)."""
    _m, _s, explanation, _sum = explained("vgg16")
    fields = [a.receptive_field[0] for a in explanation.layers.values() if a.kind in ("conv", "pool")]
    assert fields == [3, 5, 6, 10, 14, 16, 24, 32, 40, 44, 60, 76, 92, 100, 132, 164, 196, 212]
    assert not explanation.layers["features.30"].whole_image and explanation.layers["classifier.0"].whole_image


def test_resnet50_blocks_and_receptive_field() -> None:
    _m, _s, explanation, _sum = explained("resnet50")
    assert explanation.layers["layer4.2.conv3"].receptive_field == (427, 427)  # the usual figure for ResNet-50
    first, second = explanation.notes["layer1.0"], explanation.notes["layer1.1"]
    assert isinstance(first, ResidualNote) and first.shortcut == "projection"
    assert first.shortcut_layer == "layer1.0.downsample" and (first.in_shape, first.out_shape) == ((64, 56, 56),
                                                                                                   (256, 56, 56))
    assert isinstance(second, ResidualNote) and second.shortcut == "identity" and not second.pre_activation
    assert sum(isinstance(n, ResidualNote) and n.shortcut == "projection" for n in explanation.notes.values()) == 4
    assert explanation.for_layer("layer2.1.conv2").block == explanation.notes["layer2.1"]


def test_pre_activation_and_se_blocks() -> None:
    _m, _s, pre, _sum = explained("preact_resnet18")
    note = pre.notes["stage2.identity_block0"]
    assert isinstance(note, ResidualNote) and note.pre_activation and note.shortcut == "identity"
    _m, _s, se, _sum = explained("se_resnet50")
    se_note = se.notes["stage3.conv_block.se"]
    assert isinstance(se_note, SENote) and (se_note.channels, se_note.squeezed, se_note.reduction) == (512, 32, 16)
    assert se_note.params == 512 * 32 + 32 + 32 * 512 + 512
    assert se.layers["fc"].whole_image


def test_seed_004_example_counts_multiplications_right() -> None:
    """28x28x128 -> 64 5x5 filters: the note says 160M directly and 4.8M with 32 1x1 filters first; counted
    right the 1x1 step is 3.2M and the 5x5 after it 40.1M, so 43.4M in all: 3.7x fewer."""
    e = SEED_004_EXAMPLE
    assert e.direct_mults == 28 * 28 * 64 * 5 * 5 * 128 == 160_563_200
    assert e.reduce_mults == 28 * 28 * 32 * 128 == 3_211_264
    assert e.wide_mults == 28 * 28 * 64 * 5 * 5 * 32 == 40_140_800
    assert e.reduced_mults == 43_352_064 and round(e.saving, 2) == 3.70
    assert (e.direct_params, e.reduced_params) == (204_800, 128 * 32 + 25 * 32 * 64)


def test_inception_modules_bottlenecks_use_each_modules_real_widths() -> None:
    _m, _s, googlenet, _sum = explained("googlenet")
    a = googlenet.notes["inception3a"]
    assert isinstance(a, InceptionNote) and a.googlenet_3x3
    assert (a.in_channels, a.out_channels, a.size) == (192, 256, (28, 28))
    assert a.branches == (("branch1", 64), ("branch2", 128), ("branch3", 32), ("branch4", 32))
    costs = {b.branch: b.cost for b in a.bottlenecks}
    # the paper's table 1 for inception (3a): #3x3 reduce 96 -> #3x3 128, #5x5 reduce 16 -> 32
    assert (costs["branch2"].c_reduce, costs["branch2"].c_out, costs["branch3"].c_reduce) == (96, 128, 16)
    layer = googlenet.layers["inception3a.branch3.1.conv"]
    assert costs["branch3"].wide_mults == layer.mults and costs["branch3"].reduce_mults == \
        googlenet.layers["inception3a.branch3.0.conv"].mults
    assert len([n for n in googlenet.notes.values() if isinstance(n, InceptionNote)]) == 9

    _m, _s, v3, _sum = explained("inception_v3")
    b = v3.notes["Mixed_5b"]
    assert isinstance(b, InceptionNote) and not b.googlenet_3x3 and b.out_channels == 256
    five = next(x for x in b.bottlenecks if x.branch == "branch5x5").cost
    assert (five.c_in, five.c_reduce, five.c_out, five.kernel, five.size) == (192, 48, 64, (5, 5), (35, 35))
    e = v3.notes["Mixed_7b"]  # InceptionE: one 1x1 feeds both the 1x3 and the 3x1
    assert isinstance(e, InceptionNote)
    assert {x.conv.split(".")[1] for x in e.bottlenecks} >= {"branch3x3_2a", "branch3x3_2b", "branch3x3dbl_2"}


def test_for_layer_finds_the_wrapped_conv_and_its_block() -> None:
    _m, _s, googlenet, _sum = explained("googlenet")
    explanation = googlenet.for_layer("inception4a.branch2.1")  # GoogLeNet's BasicConv2d wraps one conv
    assert explanation.arithmetic is googlenet.layers["inception4a.branch2.1.conv"]
    assert explanation.block is googlenet.notes["inception4a"]


def test_mobilenet_inverted_residuals() -> None:
    """MobileNetV2's features.3: 24 -> 144 (x6) -> 3x3 depthwise -> 24, residual; the depthwise saving is the
    expanded width (a full 3x3 convolution would read all 144 channels for every output)."""
    _m, _s, explanation, _sum = explained("mobilenet_v2")
    note = explanation.notes["features.3"]
    assert isinstance(note, InvertedResidualNote)
    assert (note.c_in, note.c_expanded, note.c_out, note.expansion, note.residual) == (24, 144, 24, 6.0, True)
    layers = [explanation.layers[f"features.3.conv.{i}"] for i in ("0.0", "1.0", "2")]
    assert note.mults == sum(a.mults for a in layers) == 56 * 56 * (144 * 24 + 144 * 9 + 24 * 144)
    assert note.standard_mults == note.mults - layers[1].mults + 56 * 56 * 144 * 9 * 144
    first = explanation.notes["features.1"]  # expansion factor 1: no 1x1 expansion
    assert isinstance(first, InvertedResidualNote) and not first.expands and not first.residual
    assert explanation.for_layer("features.3.conv.1.0").block is note


def test_blocks_of_the_further_families_are_explained() -> None:
    """DenseNet's dense blocks and layers, ResNeXt's and RegNet's grouped convolutions and ConvNeXt's block, held
    against the modules themselves: a forward hook's shapes and the weight tensors' own sizes."""
    import torch

    from convlens.engine.inspect.explain import ConvNeXtNote, DenseNote, ResidualNote, explain_model
    from convlens.engine.models.registry import get_arch

    def outputs(model, names):
        seen = {}

        def keep(name):
            def hook(_module, _inputs, output) -> None:
                seen.setdefault(name, output.shape)  # a torch.Size
            return hook

        hooks = [model.get_submodule(n).register_forward_hook(keep(n)) for n in names]
        with torch.no_grad():
            model(torch.zeros(1, 3, 224, 224))
        for h in hooks:
            h.remove()
        return seen

    dense = get_arch("densenet121").build().eval()
    notes = explain_model(dense, (3, 224, 224)).notes
    block, layer = notes["features.denseblock2"], notes["features.denseblock2.denselayer3"]
    assert isinstance(block, DenseNote) and isinstance(layer, DenseNote) and block.block and not layer.block
    shapes = outputs(dense, ["features.denseblock2", "features.denseblock2.denselayer3"])
    assert block.c_out == shapes["features.denseblock2"][1] == 512 and block.layers == 12 and block.growth == 32
    assert layer.c_out - layer.c_in == shapes["features.denseblock2.denselayer3"][1] == 32  # it adds k maps

    for arch, name, conv in (("resnext50_32x4d", "layer2.1", "layer2.1.conv2"),
                             ("regnet_y_400mf", "trunk_output.block2.block2-0", "trunk_output.block2.block2-0.f.b.0")):
        model = get_arch(arch).build().eval()
        note = explain_model(model, (3, 224, 224)).notes[name]
        module = model.get_submodule(conv)
        out = outputs(model, [conv])[conv]
        assert isinstance(note, ResidualNote) and note.grouped is not None
        layer_name, groups, width, mults, full = note.grouped
        assert (layer_name, groups, width) == (conv, module.groups, module.in_channels // module.groups)
        assert mults == out.numel() * module.weight[0].numel() and full == mults * groups

    convnext = get_arch("convnext_tiny").build().eval()
    note = explain_model(convnext, (3, 224, 224)).notes["features.3.2"]
    assert isinstance(note, ConvNeXtNote) and note.kernel == (7, 7) and note.expanded == 4 * note.channels == 768
    dw, up, down = (convnext.get_submodule(f"features.3.2.block.{i}") for i in (0, 3, 5))
    out = outputs(convnext, ["features.3.2.block.0"])["features.3.2.block.0"]
    pixels = out[2] * out[3]
    assert note.mults == out.numel() * dw.weight[0].numel() + pixels * (up.weight.numel() + down.weight.numel())

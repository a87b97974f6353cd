from __future__ import annotations

import pytest
import torch

from convlens.engine.inspect.summary import format_summary, summarize
from convlens.engine.models.registry import FAMILIES, get_arch, list_architectures

REQUIRED = [
    "lenet5", "alexnet", "vgg16", "vgg19", "vgg16_bn", "vgg19_bn", "googlenet", "inception_v3",
    "resnet18", "resnet34", "resnet50", "resnet101", "resnet152", "mobilenet_v2",
    "mobilenet_v3_small", "mobilenet_v3_large", "efficientnet_b0", "squeezenet1_1",
]


def test_registry_names_every_required_architecture() -> None:
    names = [s.name for s in list_architectures()]
    assert set(REQUIRED) <= set(names) and set(SEEDS + FURTHER) <= set(names)
    for spec in list_architectures():
        assert spec.family in FAMILIES
        assert spec.description and spec.title
        assert spec.channels in (1, 3)


#: Beyond the seeds' architectures, the smallest of each further family runs forward here; the larger variants
#: (EfficientNet-B7 at 600x600, RegNetY-32GF...) would cost CI minutes, and their parameter counts are checked
#: against torchvision's own figures below, built on the meta device.
FURTHER = ["vgg11", "squeezenet1_0", "resnext50_32x4d", "densenet121", "shufflenet_v2_x0_5", "mnasnet0_5",
           "efficientnet_b1", "efficientnet_v2_s", "regnet_x_400mf", "regnet_y_400mf", "convnext_tiny"]
SEEDS = ["lenet5", "alexnet", "vgg16", "vgg16_bn", "vgg19", "vgg19_bn", "squeezenet1_1", "googlenet", "inception_v3",
         "resnet18", "resnet34", "resnet50", "resnet101", "resnet152", "preact_resnet18", "preact_resnet50",
         "se_resnet50", "mobilenet_v2", "mobilenet_v3_small", "mobilenet_v3_large", "nasnet_a_mobile",
         "efficientnet_b0"]


def test_every_torchvision_cnn_is_offered_with_torchvisions_parameter_count() -> None:
    """All of torchvision's CNN classifiers (not its transformers), each with the parameter count torchvision
    publishes for its ImageNet weights."""
    from torchvision import models as tvm

    transformers = ("vit_", "swin_", "maxvit_")
    offered = {s.name: s for s in list_architectures() if s.torchvision}
    wanted = {n for n in tvm.list_models(module=tvm) if not n.startswith(transformers)} - {"regnet_y_128gf"}
    assert wanted <= set(offered), sorted(wanted - set(offered))
    for name, spec in offered.items():
        if name in ("googlenet", "inception_v3"):
            continue  # offered without the auxiliary classifiers torchvision's count includes
        try:
            with torch.device("meta"):  # no memory for the weights: counting is all this needs
                model = spec.build()
        except NotImplementedError:  # an initialiser that reads a value (e.g. trunc_normal_ on ConvNeXt)
            model = spec.build()
        weights = tvm.get_model_weights(name)
        first = getattr(weights, "IMAGENET1K_V1", None) or weights.DEFAULT
        assert sum(p.numel() for p in model.parameters()) == first.meta["num_params"], name
        assert spec.input_size == first.transforms().crop_size[0], name


@pytest.mark.parametrize("name", SEEDS + FURTHER)
def test_architecture_builds_forwards_and_summary_counts_params(name: str) -> None:
    spec = get_arch(name)
    torch.manual_seed(0)
    model = spec.build().eval()
    x = torch.randn(2, spec.channels, spec.input_size, spec.input_size)
    with torch.inference_mode():
        out = model(x)
    assert out.shape == (2, len(spec.labels))
    summary = summarize(model, (spec.channels, spec.input_size, spec.input_size), name)
    assert summary.total_params == sum(p.numel() for p in model.parameters())
    assert summary.flops > 0
    # every leaf that ran has a shape; leaf parameter counts add up to the total, but for parameters a block holds
    # itself (ConvNeXt's layer scale)
    held = sum(p.numel() for m in model.modules() if next(m.children(), None) is not None
               for p in m.parameters(recurse=False))
    assert sum(layer.params for layer in summary.leaves) + held == summary.total_params


def test_lenet5_is_the_classic_layout() -> None:
    spec = get_arch("lenet5")
    model = spec.build()
    assert sum(p.numel() for p in model.parameters()) == 61_706
    summary = summarize(model, (1, 28, 28))
    convs = [layer.output_shape for layer in summary.leaves if layer.type == "Conv2d"]
    assert convs == [(6, 28, 28), (16, 10, 10)]
    assert summary.layer("flatten").output_shape == (400,)


def test_vgg16_summary_matches_the_seed_table() -> None:
    model = get_arch("vgg16").build()
    summary = summarize(model, (3, 224, 224), "vgg16")
    pools = [layer.output_shape for layer in summary.leaves if layer.type == "MaxPool2d"]
    assert pools == [(64, 112, 112), (128, 56, 56), (256, 28, 28), (512, 14, 14), (512, 7, 7)]
    assert summary.layer("features.0").output_shape == (64, 224, 224)
    assert summary.total_params == 138_357_544
    text = format_summary(summary)
    assert "138,357,544" in text
    for size in ("224, 224", "112, 112", "56, 56", "28, 28", "14, 14", "7, 7"):
        assert size in text


def test_unknown_architecture_is_a_clear_error() -> None:
    from convlens.engine.core.errors import ConvLensError

    with pytest.raises(ConvLensError, match="Unknown architecture 'resnet19'.*resnet18"):
        get_arch("resnet19")

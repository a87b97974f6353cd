"""The seeds' architectures torchvision lacks: pre-activation ResNet, SE-ResNet-50, the SE block."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from convlens.engine.inspect.activations import default_cam_layer
from convlens.engine.inspect.summary import summarize
from convlens.engine.models.architectures.resnets import PreActConvolutionBlock, PreActIdentityBlock, SEBlock
from convlens.engine.models.registry import get_arch
from convlens.engine.weights.load import load_weights

# Reference parameter counts from the papers (ImageNet, 1000 classes):
# ResNet-18 11.7M and ResNet-50 25.6M (He et al. 2015, Table 1 / "Identity Mappings" 2016 uses the same
# widths); SE-ResNet-50 28.1M (Hu et al. 2017, Table 2: 28.09M vs ResNet-50's 25.56M).
PAPER_PARAMS = {"preact_resnet18": 11.7e6, "preact_resnet50": 25.6e6, "se_resnet50": 28.09e6}


@pytest.mark.parametrize("name", sorted(PAPER_PARAMS))
def test_parameter_counts_match_the_papers(name: str) -> None:
    model = get_arch(name).build()
    total = sum(p.numel() for p in model.parameters())
    assert total == pytest.approx(PAPER_PARAMS[name], rel=0.005), total
    with torch.inference_mode():
        assert model.eval()(torch.zeros(1, 3, 224, 224)).shape == (1, 1000)


def test_layer_tree_names_identity_and_convolution_blocks() -> None:
    model = get_arch("preact_resnet50").build()
    summary = summarize(model, (3, 224, 224))
    types = {layer.name: layer.type for layer in summary.layers}
    assert types["stage3.conv_block"] == "PreActConvolutionBlock"
    assert types["stage3.identity_block1"] == "PreActIdentityBlock"
    assert summary.layer("stage5").output_shape == (2048, 7, 7)
    se = {layer.name: layer.type for layer in summarize(get_arch("se_resnet50").build(), (3, 224, 224)).layers}
    assert se["stage2.conv_block"] == "SEConvolutionBlock" and se["stage4.identity_block5"] == "SEIdentityBlock"
    assert se["stage2.conv_block.se"] == "SEBlock"
    # pre-activation nets end with a last BN-ReLU ("post") after stage 5: the CAM goes there
    assert default_cam_layer(model.eval(), (3, 224, 224)) == "post"


def test_preactivation_blocks_keep_the_identity_path_clean() -> None:
    torch.manual_seed(0)
    block = PreActIdentityBlock(64, 64, bottleneck=False).eval()
    for p in (block.conv2.weight,):
        torch.nn.init.zeros_(p)  # residual branch outputs zero ...
    x = torch.randn(2, 64, 8, 8)
    with torch.inference_mode():
        assert torch.equal(block(x), x)  # ... so the block is exactly the identity (no ReLU after the add)
        down = PreActConvolutionBlock(64, 32, stride=2, bottleneck=True).eval()(x)
    assert down.shape == (2, 128, 4, 4)


def test_se_block_on_its_own() -> None:
    se = SEBlock(32, reduction=16).eval()
    x = torch.rand(3, 32, 5, 5) + 0.1
    with torch.inference_mode():
        y = se(x)
    ratio = y / x
    assert y.shape == x.shape
    assert torch.all(ratio > 0) and torch.all(ratio < 1)  # a sigmoid gate per channel ...
    assert torch.allclose(ratio, ratio[:, :, :1, :1].expand_as(ratio))  # ... the same over the whole map
    assert sum(p.numel() for p in se.parameters()) == 32 * 2 + 2 + 2 * 32 + 32


def test_seed_architectures_fine_tune_and_export(photos: Path, tmp_path: Path) -> None:
    from convlens.engine.data.images import load_image
    from convlens.engine.runtime.export import export
    from convlens.engine.training.loop import TrainConfig, build_student

    loaded = load_weights("preact_resnet18", "random")
    model, head, layout, _ = build_student(loaded, 3, TrainConfig())
    assert layout.kind == "replace" and [n for n, p in model.named_parameters() if p.requires_grad] == [
        "fc.1.weight", "fc.1.bias"]
    report = export(load_weights("se_resnet50", "random"), tmp_path / "se.onnx", "onnx",
                    [load_image(photos / "fish.png"), load_image(photos / "dog_samoyed.jpg")])
    assert report.ok, report.summary()


def test_nasnet_a_mobile_4_at_1056() -> None:
    # Zoph et al. 2018, Table 2: NASNet-A (4 @ 1056), 224x224: 5.3M parameters, 564M mult-adds.
    from convlens.engine.models.architectures.nasnet import NormalCell, ReductionCell

    model = get_arch("nasnet_a_mobile").build().eval()
    total = sum(p.numel() for p in model.parameters())
    assert total == pytest.approx(5.3e6, rel=0.01), total
    summary = summarize(model, (3, 224, 224))
    assert summary.flops / 2 == pytest.approx(564e6, rel=0.05)  # FLOPs count a multiply-add as two
    cells = {name: cell for name, cell in model.cells.items()}
    assert sum(isinstance(c, NormalCell) for c in cells.values()) == 12  # 3 stages of 4 normal cells
    assert sum(isinstance(c, ReductionCell) for c in cells.values()) == 2  # + 2 stem reduction cells
    assert summary.layer("cells.cell_3").output_shape == (264, 28, 28)
    assert summary.layer("cells.cell_9").output_shape == (528, 14, 14)
    assert summary.layer("cells.cell_15").output_shape == (1056, 7, 7)


def test_nasnet_fine_tunes_and_exports(photos: Path, tmp_path: Path) -> None:
    from convlens.engine.data.images import load_image
    from convlens.engine.runtime.export import export
    from convlens.engine.training.loop import TrainConfig, build_student

    loaded = load_weights("nasnet_a_mobile", "random")
    model, head, *_ = build_student(loaded, 3, TrainConfig())
    assert [n for n, p in model.named_parameters() if p.requires_grad] == ["last_linear.1.weight",
                                                                             "last_linear.1.bias"]
    report = export(loaded, tmp_path / "nasnet.onnx", "onnx", [load_image(photos / "kitten_224.png")])
    assert report.ok, report.summary()


def test_torchvision_resnet_blocks_are_named_identity_and_convolution_blocks() -> None:
    summary = summarize(get_arch("resnet50").build(), (3, 224, 224))
    assert summary.layer("layer1.0").type == "ConvolutionBlock (Bottleneck)"  # 64 -> 256: projection shortcut
    assert summary.layer("layer1.1").type == "IdentityBlock (Bottleneck)"
    assert summarize(get_arch("resnet18").build(), (3, 224, 224)).layer("layer2.0").type == "ConvolutionBlock (BasicBlock)"

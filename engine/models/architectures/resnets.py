"""Residual networks the seeds teach and torchvision lacks, written to be read.

* Pre-activation ResNet (He et al. 2016, "Identity Mappings in Deep Residual
  Networks"): every unit is BN -> ReLU -> conv, and the shortcut is a clean
  identity, so the signal passes unchanged from block to block.
* SE-ResNet (Hu et al. 2017, "Squeeze-and-Excitation Networks"): a ResNet
  bottleneck whose residual branch is rescaled per channel by an ``SEBlock``.

As in the seeds (and Keras' ResNet50), a block whose shortcut is the identity
is an ``IdentityBlock``; a block that changes shape and needs a projection
shortcut (1x1 conv with stride) is a ``ConvolutionBlock``. Each stage is an
``nn.Sequential`` of ``conv_block`` then ``identity_block1``, ``identity_block2``...
"""

from __future__ import annotations

from collections import OrderedDict

import torch
from torch import nn


def conv3x3(cin: int, cout: int, stride: int = 1) -> nn.Conv2d:
    return nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False)


def conv1x1(cin: int, cout: int, stride: int = 1) -> nn.Conv2d:
    return nn.Conv2d(cin, cout, 1, stride=stride, bias=False)


def imagenet_stem() -> nn.Sequential:
    """The ResNet stem for 224x224 images: 7x7/2 conv, BN, ReLU, 3x3/2 max pool (224 -> 56)."""
    return nn.Sequential(OrderedDict(
        conv=nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False),
        bn=nn.BatchNorm2d(64),
        relu=nn.ReLU(inplace=True),
        pool=nn.MaxPool2d(3, stride=2, padding=1),
    ))


def init_convs(model: nn.Module) -> None:
    """He initialisation for every convolution (He et al. 2015), as torchvision's ResNets do."""
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")


class SEBlock(nn.Module):
    """Squeeze-and-Excitation: global average pool (squeeze) -> FC-ReLU-FC-sigmoid (excitation) -> scale.

    Usable on its own after any convolution with ``channels`` outputs.
    """

    def __init__(self, channels: int, reduction: int = 16) -> None:
        super().__init__()
        self.squeeze = nn.AdaptiveAvgPool2d(1)
        self.excitation = nn.Sequential(
            nn.Linear(channels, channels // reduction),
            nn.ReLU(inplace=True),
            nn.Linear(channels // reduction, channels),
            nn.Sigmoid(),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        weights = self.excitation(self.squeeze(x).flatten(1))
        return x * weights[:, :, None, None]


# ------------------------------------------------------------ pre-activation


class _PreActBlock(nn.Module):
    """Pre-activation residual unit: ``bottleneck`` (1x1-3x3-1x1, x4) or basic (3x3-3x3)."""

    expansion = 1

    def __init__(self, cin: int, width: int, stride: int, bottleneck: bool, projection: bool) -> None:
        super().__init__()
        cout = width * (4 if bottleneck else 1)
        if bottleneck:
            self.bn1, self.conv1 = nn.BatchNorm2d(cin), conv1x1(cin, width)
            self.bn2, self.conv2 = nn.BatchNorm2d(width), conv3x3(width, width, stride)
            self.bn3, self.conv3 = nn.BatchNorm2d(width), conv1x1(width, cout)
        else:
            self.bn1, self.conv1 = nn.BatchNorm2d(cin), conv3x3(cin, width, stride)
            self.bn2, self.conv2 = nn.BatchNorm2d(width), conv3x3(width, width)
        self.relu = nn.ReLU(inplace=False)  # pre-activation: the block input must stay untouched
        self.bottleneck = bottleneck
        self.shortcut = conv1x1(cin, cout, stride) if projection else None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        pre = self.relu(self.bn1(x))
        # The projection sees the pre-activated input (He et al. 2016, fig. 4e); the identity sees x itself.
        shortcut = self.shortcut(pre) if self.shortcut is not None else x
        out = self.conv1(pre)
        out = self.conv2(self.relu(self.bn2(out)))
        if self.bottleneck:
            out = self.conv3(self.relu(self.bn3(out)))
        return out + shortcut


class PreActIdentityBlock(_PreActBlock):
    """Pre-activation block with an identity shortcut."""

    def __init__(self, cin: int, width: int, bottleneck: bool) -> None:
        super().__init__(cin, width, 1, bottleneck, projection=False)


class PreActConvolutionBlock(_PreActBlock):
    """Pre-activation block with a projection shortcut (changes width and/or resolution)."""

    def __init__(self, cin: int, width: int, stride: int, bottleneck: bool) -> None:
        super().__init__(cin, width, stride, bottleneck, projection=True)


class PreActResNet(nn.Module):
    def __init__(self, layers: tuple[int, ...], bottleneck: bool, num_classes: int = 1000) -> None:
        super().__init__()
        self.stem = imagenet_stem()
        expansion = 4 if bottleneck else 1
        cin = 64
        stages = []
        for i, (blocks, width) in enumerate(zip(layers, (64, 128, 256, 512), strict=True)):
            stride = 1 if i == 0 else 2
            parts: OrderedDict[str, nn.Module] = OrderedDict()
            if stride != 1 or cin != width * expansion:
                parts["conv_block"] = PreActConvolutionBlock(cin, width, stride, bottleneck)
            else:
                parts["identity_block0"] = PreActIdentityBlock(cin, width, bottleneck)
            cin = width * expansion
            for b in range(1, blocks):
                parts[f"identity_block{b}"] = PreActIdentityBlock(cin, width, bottleneck)
            stages.append(nn.Sequential(parts))
        self.stage2, self.stage3, self.stage4, self.stage5 = stages  # the seeds' (and Keras') stage numbering
        self.post = nn.Sequential(OrderedDict(bn=nn.BatchNorm2d(cin), relu=nn.ReLU(inplace=True)))
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(cin, num_classes)
        init_convs(self)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.stem(x)
        x = self.stage5(self.stage4(self.stage3(self.stage2(x))))
        x = self.avgpool(self.post(x))
        return self.fc(torch.flatten(x, 1))


def preact_resnet18(*, num_classes: int = 1000) -> PreActResNet:
    return PreActResNet((2, 2, 2, 2), bottleneck=False, num_classes=num_classes)


def preact_resnet50(*, num_classes: int = 1000) -> PreActResNet:
    return PreActResNet((3, 4, 6, 3), bottleneck=True, num_classes=num_classes)


# ------------------------------------------------------------ SE-ResNet


class _SEBottleneck(nn.Module):
    """ResNet bottleneck (conv-BN-ReLU x3, post-activation) with an SE block on the residual branch."""

    def __init__(self, cin: int, width: int, stride: int, projection: bool, reduction: int) -> None:
        super().__init__()
        cout = width * 4
        self.conv1, self.bn1 = conv1x1(cin, width), nn.BatchNorm2d(width)
        self.conv2, self.bn2 = conv3x3(width, width, stride), nn.BatchNorm2d(width)
        self.conv3, self.bn3 = conv1x1(width, cout), nn.BatchNorm2d(cout)
        self.se = SEBlock(cout, reduction)
        self.relu = nn.ReLU(inplace=True)
        self.shortcut = (nn.Sequential(OrderedDict(conv=conv1x1(cin, cout, stride), bn=nn.BatchNorm2d(cout)))
                         if projection else None)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        shortcut = self.shortcut(x) if self.shortcut is not None else x
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        out = self.se(self.bn3(self.conv3(out)))
        return self.relu(out + shortcut)


class SEIdentityBlock(_SEBottleneck):
    def __init__(self, cin: int, width: int, reduction: int = 16) -> None:
        super().__init__(cin, width, 1, False, reduction)


class SEConvolutionBlock(_SEBottleneck):
    def __init__(self, cin: int, width: int, stride: int, reduction: int = 16) -> None:
        super().__init__(cin, width, stride, True, reduction)


class SEResNet(nn.Module):
    def __init__(self, layers: tuple[int, ...], num_classes: int = 1000, reduction: int = 16) -> None:
        super().__init__()
        self.stem = imagenet_stem()
        cin = 64
        stages = []
        for i, (blocks, width) in enumerate(zip(layers, (64, 128, 256, 512), strict=True)):
            parts: OrderedDict[str, nn.Module] = OrderedDict()
            parts["conv_block"] = SEConvolutionBlock(cin, width, 1 if i == 0 else 2, reduction)
            cin = width * 4
            for b in range(1, blocks):
                parts[f"identity_block{b}"] = SEIdentityBlock(cin, width, reduction)
            stages.append(nn.Sequential(parts))
        self.stage2, self.stage3, self.stage4, self.stage5 = stages
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(cin, num_classes)
        init_convs(self)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.stem(x)
        x = self.stage5(self.stage4(self.stage3(self.stage2(x))))
        return self.fc(torch.flatten(self.avgpool(x), 1))


def se_resnet50(*, num_classes: int = 1000, reduction: int = 16) -> SEResNet:
    return SEResNet((3, 4, 6, 3), num_classes=num_classes, reduction=reduction)

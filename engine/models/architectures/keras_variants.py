"""Keras' versions of torchvision architectures: what a torchvision model must change to compute what the Keras
application of the same name computes, so that weights imported from Keras (``engine.weights.keras``) give
Keras' outputs."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

__all__ = ["KERAS_RESNET_EPS", "keras_structure"]

KERAS_RESNET_EPS = 1.001e-5


class _KerasPoolConv(nn.Module):
    """Marker base; see ``_exclude_padding``."""


def _pad_count_correction(x: torch.Tensor) -> torch.Tensor:
    """9 / (real pixels in each 3x3 window, padding 1): turns a padding-counting average into Keras' average."""
    ones = torch.ones_like(x[:1, :1])  # traceable (torch.fx cuts models at a layer; ONNX export)
    return 1.0 / nn.functional.avg_pool2d(ones, 3, 1, 1)  # counting the padding: (real pixels) / 9


def _exclude_padding(unit: nn.Module) -> None:
    """Make an Inception pool branch's conv see Keras' average (the padding left out of it).

    torchvision computes ``branch_pool(avg_pool2d(x, 3, 1, 1))`` with the padding counted; multiplying
    that average by 9 / (real pixels) gives exactly ``count_include_pad=False``. The unit's class is
    swapped for a subclass that does this first, so parameter names (and checkpoints) stay the same.
    """
    base = type(unit)
    if issubclass(base, _KerasPoolConv):
        return

    def forward(self: nn.Module, x: torch.Tensor) -> torch.Tensor:
        return base.forward(self, x * _pad_count_correction(x))

    unit.__class__ = type(f"Keras{base.__name__}", (base, _KerasPoolConv), {"forward": forward})


def keras_structure(model: Any, arch: str) -> nn.Module:
    """Make a torchvision model compute what the Keras application of the same name computes.

    Inception v3: pool branches average without the padding. ResNet50: the stride of each stage's first
    block in its 1x1 convolution, BN epsilon 1.001e-5. VGG needs nothing. Idempotent. Checkpoints of
    imported models record ``keras=True`` in their build options, so this is applied again on loading.
    """
    if arch == "inception_v3":
        from torchvision.models.inception import InceptionA, InceptionC, InceptionE

        for module in model.modules():
            if isinstance(module, InceptionA | InceptionC | InceptionE):
                _exclude_padding(module.branch_pool)
    elif arch == "resnet50":
        for stage in (model.layer2, model.layer3, model.layer4):
            first = stage[0]
            first.conv1.stride, first.conv2.stride = (2, 2), (1, 1)
        for module in model.modules():
            if isinstance(module, nn.BatchNorm2d):
                module.eps = KERAS_RESNET_EPS
    return model

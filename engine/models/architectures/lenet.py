"""LeNet-5 (LeCun et al. 1998) in its classic layout.

A 28x28 grayscale digit is zero-padded to 32x32 (``padding=2`` on the first
convolution), as in the paper's 32x32 input. Feature sizes::

    1x28x28 -conv5(pad2)-> 6x28x28 -pool-> 6x14x14 -conv5-> 16x10x10
    -pool-> 16x5x5 -flatten-> 400 -> 120 -> 84 -> num_classes

With 10 classes this has 61,706 parameters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from torch import nn

if TYPE_CHECKING:
    import torch


class LeNet5(nn.Module):
    """``batch_norm``/``dropout`` give the regularised variant seed 001 trains from scratch."""

    def __init__(self, num_classes: int = 10, in_channels: int = 1, batch_norm: bool = False,
                 dropout: float = 0.0) -> None:
        super().__init__()

        def norm(c: int, two_d: bool = True) -> list[nn.Module]:
            if not batch_norm:
                return []
            return [nn.BatchNorm2d(c) if two_d else nn.BatchNorm1d(c)]

        def drop() -> list[nn.Module]:
            return [nn.Dropout(dropout)] if dropout > 0 else []

        self.features = nn.Sequential(
            nn.Conv2d(in_channels, 6, kernel_size=5, padding=2),  # C1
            *norm(6),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2),  # S2
            nn.Conv2d(6, 16, kernel_size=5),  # C3
            *norm(16),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2),  # S4
        )
        self.flatten = nn.Flatten()
        self.classifier = nn.Sequential(
            nn.Linear(16 * 5 * 5, 120),  # C5
            *norm(120, False),
            nn.ReLU(inplace=True),
            *drop(),
            nn.Linear(120, 84),  # F6
            *norm(84, False),
            nn.ReLU(inplace=True),
            *drop(),
            nn.Linear(84, num_classes),  # output
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.flatten(self.features(x)))


def lenet5(*, num_classes: int = 10, **kwargs: object) -> LeNet5:
    """Builder with torchvision's keyword-only shape."""
    return LeNet5(num_classes=num_classes, **kwargs)  # type: ignore[arg-type]

"""NASNet-A Mobile (Zoph et al. 2018, "Learning Transferable Architectures for Scalable Image
Recognition"): the "4 @ 1056" network for 224x224 images, about 5.3M parameters.

The architecture search found two cells, stacked here as the paper's figure 2 shows:

* a **normal cell** keeps the resolution: five "combinations", each adding two operations
  (separable convolutions, average pooling, identity) applied to the two previous cells' outputs;
  all combinations are concatenated;
* a **reduction cell** halves the resolution (its operations have stride 2).

Every cell reads the outputs of the two cells before it (``x`` and ``x_prev``); 1x1 convolutions
adapt their widths, and where ``x_prev`` is twice the resolution (the first cell after a
reduction) a factorised reduction (two strided 1x1 paths, one shifted by a pixel) shrinks it.
Layout: stem (conv + two reduction cells), then [4 normal] [reduction] [4 normal] [reduction]
[4 normal] cells with 44 / 88 / 176 filters, 1056 channels at the end.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F


def _bn(c: int) -> nn.BatchNorm2d:
    return nn.BatchNorm2d(c, eps=0.001, momentum=0.1)


class SeparableConv2d(nn.Module):
    """Depthwise k x k convolution followed by a pointwise 1x1 convolution."""

    def __init__(self, cin: int, cout: int, k: int, stride: int) -> None:
        super().__init__()
        self.depthwise = nn.Conv2d(cin, cin, k, stride, padding=k // 2, groups=cin, bias=False)
        self.pointwise = nn.Conv2d(cin, cout, 1, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.pointwise(self.depthwise(x))


class BranchSeparables(nn.Module):
    """The searched "sep k x k" operation: (ReLU -> separable conv -> BN) twice; the first may stride."""

    def __init__(self, cin: int, cout: int, k: int, stride: int = 1, stem: bool = False) -> None:
        super().__init__()
        mid = cout if stem else cin  # in the stem the first separable conv already widens
        self.relu = nn.ReLU()
        self.separable_1 = SeparableConv2d(cin, mid, k, stride)
        self.bn_sep_1 = _bn(mid)
        self.relu1 = nn.ReLU()
        self.separable_2 = SeparableConv2d(mid, cout, k, 1)
        self.bn_sep_2 = _bn(cout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.bn_sep_1(self.separable_1(self.relu(x)))
        return self.bn_sep_2(self.separable_2(self.relu1(x)))


def _relu_conv_bn(cin: int, cout: int) -> nn.Sequential:
    return nn.Sequential(nn.ReLU(), nn.Conv2d(cin, cout, 1, bias=False), _bn(cout))


def _avg(stride: int) -> nn.AvgPool2d:
    return nn.AvgPool2d(3, stride=stride, padding=1, count_include_pad=False)


def _max(stride: int) -> nn.MaxPool2d:
    return nn.MaxPool2d(3, stride=stride, padding=1)


class FactorizedReduction(nn.Module):
    """Halve a previous cell's output: two strided 1x1 paths (the second shifted by one pixel), concatenated."""

    def __init__(self, cin: int, cout: int) -> None:
        super().__init__()
        self.relu = nn.ReLU()
        self.path_1 = nn.Conv2d(cin, cout // 2, 1, bias=False)
        self.path_2 = nn.Conv2d(cin, cout - cout // 2, 1, bias=False)
        self.final_path_bn = _bn(cout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.relu(x)
        p1 = self.path_1(F.avg_pool2d(x, 1, stride=2))
        shifted = F.pad(x, (0, 1, 0, 1))[:, :, 1:, 1:]
        p2 = self.path_2(F.avg_pool2d(shifted, 1, stride=2))
        return self.final_path_bn(torch.cat([p1, p2], 1))


class NormalCell(nn.Module):
    """Keeps the resolution. Outputs its (adapted) left input and five combinations: 6 x ``filters`` channels."""

    def __init__(self, in_prev: int, in_cur: int, filters: int, prev_is_larger: bool = False) -> None:
        super().__init__()
        self.adapt_prev = FactorizedReduction(in_prev, filters) if prev_is_larger else _relu_conv_bn(in_prev, filters)
        self.adapt_cur = _relu_conv_bn(in_cur, filters)
        self.comb_iter_0_left = BranchSeparables(filters, filters, 5)
        self.comb_iter_0_right = BranchSeparables(filters, filters, 3)
        self.comb_iter_1_left = BranchSeparables(filters, filters, 5)
        self.comb_iter_1_right = BranchSeparables(filters, filters, 3)
        self.comb_iter_2_left = _avg(1)
        self.comb_iter_3_left = _avg(1)
        self.comb_iter_3_right = _avg(1)
        self.comb_iter_4_left = BranchSeparables(filters, filters, 3)

    def forward(self, x: torch.Tensor, x_prev: torch.Tensor) -> torch.Tensor:
        left, right = self.adapt_prev(x_prev), self.adapt_cur(x)
        c0 = self.comb_iter_0_left(right) + self.comb_iter_0_right(left)
        c1 = self.comb_iter_1_left(left) + self.comb_iter_1_right(left)
        c2 = self.comb_iter_2_left(right) + left
        c3 = self.comb_iter_3_left(left) + self.comb_iter_3_right(left)
        c4 = self.comb_iter_4_left(right) + right
        return torch.cat([left, c0, c1, c2, c3, c4], 1)


class ReductionCell(nn.Module):
    """Halves the resolution: 4 x ``filters`` channels out.

    In the stem the first reduction cell reads the stem convolution directly (``stem_channels``),
    and its ``right`` input is that raw map, not an adapted one.
    """

    def __init__(self, in_prev: int, in_cur: int, filters: int, prev_is_larger: bool = False,
                 stem_channels: int = 0) -> None:
        super().__init__()
        self.stem = bool(stem_channels)
        self.adapt_cur = _relu_conv_bn(in_cur, filters)
        if self.stem:
            self.adapt_prev = None
            cin_right = stem_channels
        else:
            self.adapt_prev = FactorizedReduction(in_prev, filters) if prev_is_larger else _relu_conv_bn(in_prev,
                                                                                                      filters)
            cin_right = filters
        self.comb_iter_0_left = BranchSeparables(filters, filters, 5, 2)
        self.comb_iter_0_right = BranchSeparables(cin_right, filters, 7, 2, stem=self.stem)
        self.comb_iter_1_left = _max(2)
        self.comb_iter_1_right = BranchSeparables(cin_right, filters, 7, 2, stem=self.stem)
        self.comb_iter_2_left = _avg(2)
        self.comb_iter_2_right = BranchSeparables(cin_right, filters, 5, 2, stem=self.stem)
        self.comb_iter_3_right = _avg(1)
        self.comb_iter_4_left = BranchSeparables(filters, filters, 3, 1)
        self.comb_iter_4_right = _max(2)

    def forward(self, x: torch.Tensor, x_prev: torch.Tensor) -> torch.Tensor:
        cur = self.adapt_cur(x)
        other = x if self.adapt_prev is None else self.adapt_prev(x_prev)
        c0 = self.comb_iter_0_left(cur) + self.comb_iter_0_right(other)
        c1 = self.comb_iter_1_left(cur) + self.comb_iter_1_right(other)
        c2 = self.comb_iter_2_left(cur) + self.comb_iter_2_right(other)
        c3 = self.comb_iter_3_right(c0) + c1
        c4 = self.comb_iter_4_left(c0) + self.comb_iter_4_right(cur)
        return torch.cat([c1, c2, c3, c4], 1)


class NASNetAMobile(nn.Module):
    """NASNet-A "4 @ 1056" for 224x224 inputs."""

    def __init__(self, num_classes: int = 1000, stem_filters: int = 32, penultimate_filters: int = 1056,
                 multiplier: int = 2, cells_per_stage: int = 4) -> None:
        super().__init__()
        f = penultimate_filters // 24  # 44
        self.conv0 = nn.Sequential(nn.Conv2d(3, stem_filters, 3, stride=2, bias=False), _bn(stem_filters))
        # Stem: two reduction cells (224 -> 111 -> 56 -> 28).
        self.cell_stem_0 = ReductionCell(stem_filters, stem_filters, f // multiplier**2, stem_channels=stem_filters)
        self.cell_stem_1 = ReductionCell(stem_filters, 4 * (f // multiplier**2), f // multiplier, prev_is_larger=True)
        # Cells named as in the reference implementations: cell_0..3, reduction_cell_0, cell_6..9, ...
        cells: dict[str, nn.Module] = {}
        prev, cur = 4 * (f // multiplier**2), 4 * (f // multiplier)
        prev_larger = True
        index = 0
        for stage, filters in enumerate((f, 2 * f, 4 * f)):
            if stage > 0:
                cells[f"reduction_cell_{stage - 1}"] = ReductionCell(prev, cur, filters)
                prev, cur, prev_larger = cur, 4 * filters, True
                index += 2
            for _ in range(cells_per_stage):
                cells[f"cell_{index}"] = NormalCell(prev, cur, filters, prev_is_larger=prev_larger)
                prev, cur, prev_larger = cur, 6 * filters, False
                index += 1
        self.cells = nn.ModuleDict(cells)
        self.relu = nn.ReLU()
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.dropout = nn.Dropout(0.5)
        self.last_linear = nn.Linear(cur, num_classes)

    def features(self, x: torch.Tensor) -> torch.Tensor:
        x_conv0 = self.conv0(x)
        x_stem_0 = self.cell_stem_0(x_conv0, x_conv0)
        prev, cur = x_stem_0, self.cell_stem_1(x_stem_0, x_conv0)
        for cell in self.cells.values():
            prev, cur = cur, cell(cur, prev)
        return self.relu(cur)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.avgpool(self.features(x)).flatten(1)
        return self.last_linear(self.dropout(x))


def nasnet_a_mobile(*, num_classes: int = 1000) -> NASNetAMobile:
    return NASNetAMobile(num_classes=num_classes)

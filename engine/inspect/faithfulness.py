"""How faithful is a class activation map? Scores that ask the model itself, and a target layer chosen by them.

A CAM is a claim: "these regions raised the class score". Two families of tests check the claim against the model:

- **Average drop / increase in confidence** (Chattopadhyay et al. 2018, "Grad-CAM++"; torch-cam's
  ``ClassificationMetric``): multiply the input by the CAM (bilinearly resized to the input, values in [0, 1]) and
  classify again. Average drop = max(0, p - p_masked) / p (lower is better: the highlighted part alone keeps the
  class); increase = 1 when p_masked > p.
- **Deletion / insertion** (Petsiuk et al. 2018, "RISE"; torch-cam's ``DeletionInsertionMetric``): replace the
  input's pixels most-important-first by a baseline (0 in the normalised input, i.e. the data set's mean colour)
  and follow the class probability: its area under the curve is low when the CAM found what matters. Insertion
  starts from the baseline and puts the pixels back, most important first: a high area means the highlighted
  pixels alone restore the class. The curves have ``STEPS`` intervals, spaced as torch-cam spaces them.

``most_faithful_layer`` computes the CAM at the last layer of each of the model's last few spatial resolutions and
keeps the one with the best insertion - deletion, so any architecture gets a target layer chosen by evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import torch
import torch.nn.functional as F

from convlens.engine.core.choices import AUTO_LAYER
from convlens.engine.inspect.activations import class_activation_map, spatial_layers

if TYPE_CHECKING:
    from collections.abc import Sequence

    from torch import nn

__all__ = ["AUTO_LAYER", "STEPS", "Faithfulness", "LayerChoice", "faithfulness", "most_faithful_layer"]

STEPS = 20  # intervals of the deletion and insertion curves (torch-cam's default; one forward pass per point)


@dataclass(frozen=True)
class Faithfulness:
    probability: float  # the class probability on the whole input
    masked_probability: float  # ... on the input multiplied by the CAM
    fractions: np.ndarray  # of the pixels replaced (deletion) or restored (insertion), 0 ... 1
    deletion: np.ndarray  # class probability with that fraction of the pixels, most important first, replaced
    insertion: np.ndarray  # ... with only that fraction restored onto the baseline

    @property
    def average_drop(self) -> float:
        """max(0, p - p_masked) / p: 0 is best (torch-cam's and Grad-CAM++'s definition, one image)."""
        return max(0.0, self.probability - self.masked_probability) / self.probability if self.probability else 0.0

    @property
    def increase(self) -> bool:
        return self.masked_probability > self.probability

    @property
    def deletion_auc(self) -> float:
        """Area under the deletion curve over the removed fraction [0, 1]: lower is better."""
        return _auc(self.fractions, self.deletion)

    @property
    def insertion_auc(self) -> float:
        """Area under the insertion curve: higher is better."""
        return _auc(self.fractions, self.insertion)

    @property
    def score(self) -> float:
        """insertion - deletion, in [-1, 1]: higher is a more faithful map."""
        return self.insertion_auc - self.deletion_auc


def _auc(x: np.ndarray, curve: np.ndarray) -> float:
    return float(np.sum((curve[1:] + curve[:-1]) / 2 * np.diff(x)))


def _probability(model: nn.Module, x: torch.Tensor, index: int, batch: int = 16) -> np.ndarray:
    with torch.inference_mode():
        out = [model(x[i : i + batch]).float().softmax(1)[:, index] for i in range(0, len(x), batch)]
    return torch.cat(out).cpu().numpy().astype(np.float64)


def faithfulness(model: nn.Module, x: torch.Tensor, cam: np.ndarray, class_index: int,
                 steps: int = STEPS) -> Faithfulness:
    """Score ``cam`` (at its layer's resolution, in [0, 1]) for ``class_index`` on the model input ``x`` (1, C, H, W)."""
    x = x[:1].detach()
    h, w = x.shape[-2:]
    n = h * w
    saliency = torch.as_tensor(np.asarray(cam, np.float32), device=x.device)[None, None]
    up = F.interpolate(saliency, (h, w), mode="bilinear", align_corners=False)[0, 0]  # torch-cam's resize
    p = float(_probability(model, x, class_index)[0])
    masked = float(_probability(model, x * up, class_index)[0])
    ranks = torch.argsort(torch.argsort(up.flatten(), descending=True, stable=True))  # 0: most important pixel
    step = -(-n // steps)
    counts = [*range(0, n, step), n]
    kept = torch.stack([(ranks < c).view(1, h, w) for c in counts]).to(x.dtype)  # the top-c pixels
    # deletion: the top-c pixels replaced by the baseline (0); insertion: only the top-c pixels kept
    deletion = _probability(model, x * (1 - kept), class_index)
    insertion = _probability(model, x * kept, class_index)
    return Faithfulness(p, masked, np.asarray(counts, np.float64) / n, deletion, insertion)


@dataclass(frozen=True)
class LayerChoice:
    layer: str
    scores: tuple[tuple[str, Faithfulness], ...]  # every candidate, in execution order


def most_faithful_layer(model: nn.Module, x: torch.Tensor, class_index: int | None = None, method: str = "gradcam",
                        candidates: Sequence[str] | None = None, resolutions: int = 3) -> LayerChoice:
    """The layer whose CAM scores best (insertion - deletion) among the last layer of each of the model's last
    ``resolutions`` spatial resolutions (or ``candidates``)."""
    if candidates is None:
        candidates = last_layer_per_resolution(model, tuple(x.shape[1:]), resolutions)
    scored = []
    for layer in candidates:
        cam, index, _ = class_activation_map(model, x, layer, class_index, method)
        class_index = index
        scored.append((layer, faithfulness(model, x, cam, index)))
    best = max(scored, key=lambda item: item[1].score)
    return LayerChoice(best[0], tuple(scored))


def last_layer_per_resolution(model: nn.Module, input_shape: tuple[int, ...], resolutions: int = 3) -> list[str]:
    """For each of the last ``resolutions`` spatial sizes (> 1x1): the last whole block at that size (the last of
    the least deeply nested modules there: ``layer3`` rather than ``layer3.5.conv2``)."""
    by_size: dict[tuple[int, int], list[str]] = {}
    for name, shape in spatial_layers(model, input_shape):
        if shape[2] * shape[3] > 1:
            size = (shape[2], shape[3])
            by_size.setdefault(size, []).append(name)  # sizes in the order the network reaches them
    chosen = []
    for size in list(by_size)[-resolutions:]:
        names = by_size[size]
        depth = min(n.count(".") for n in names)
        chosen.append([n for n in names if n.count(".") == depth][-1])
    return chosen

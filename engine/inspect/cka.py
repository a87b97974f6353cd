"""Linear CKA between the layers of two models (Kornblith et al. 2019, "Similarity of Neural Network Representations
Revisited"), estimated over minibatches as Nguyen, Raghu and Kornblith (2021) do for large networks.

For the layers' outputs X (n x p) and Y (n x q) on the same n images, linear CKA compares their Gram matrices
K = X X^T and L = Y Y^T: CKA = HSIC(K, L) / sqrt(HSIC(K, K) HSIC(L, L)). It is 1 for representations that differ
only by a rotation and an isotropic scale, whatever their widths, so a layer of ResNet can be held against a
layer of VGG. Keeping every layer's output of every image would take gigabytes (VGG16: 15 M numbers per image), so
the images go through in batches: each batch adds its unbiased HSIC (Song et al. 2012) of the batch's Gram
matrices to the totals, and CKA is formed from the totals. With all the images in one batch this is exactly the
debiased linear CKA of Kornblith et al.'s reference code; a model against itself gives 1 on the diagonal.

Which outputs are compared: the model's blocks (ResNet's residual blocks, Inception modules, MobileNet's inverted
residuals, torchvision's Conv-BN-activation units), and, outside any block, each activation after a convolution
(VGG, AlexNet, LeNet), in the order the forward pass computes them, then the model's output (the logits).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch import nn

from convlens.engine.core.errors import ConvLensError
from convlens.engine.inspect.hooks import watch

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["OUTPUT", "GramBatches", "cka_from_terms", "grams", "hsic_unbiased", "representation_layers"]

#: The name of the model's own output (the logits) among the layers.
OUTPUT = "output"

_ACTIVATIONS = (nn.ReLU, nn.ReLU6, nn.LeakyReLU, nn.ELU, nn.SELU, nn.GELU, nn.SiLU, nn.Hardswish, nn.Tanh, nn.Sigmoid,
                nn.Hardtanh, nn.Mish, nn.PReLU)
_CONTAINERS = (nn.Sequential, nn.ModuleList, nn.ModuleDict)


def _is_block(module: nn.Module) -> bool:
    """A unit of the architecture's own design: a module class of its own (not a plain container, not one of torch's
    layers) that computes with a convolution. ``Conv2dNormActivation`` subclasses Sequential: it counts."""
    if type(module) in _CONTAINERS or type(module).__module__.startswith("torch.nn"):
        return False
    return any(isinstance(m, nn.Conv2d) for m in module.modules())


def _candidates(model: nn.Module) -> tuple[dict[str, nn.Module], dict[str, nn.Module]]:
    """The outermost blocks, and the activations and convolutions outside every block."""
    blocks: dict[str, nn.Module] = {}
    loose: dict[str, nn.Module] = {}
    for name, module in model.named_modules():
        if not name or any(name.startswith(b + ".") for b in blocks):
            continue
        if _is_block(module):
            blocks[name] = module
        elif isinstance(module, (*_ACTIVATIONS, nn.Conv2d)):
            loose[name] = module
    if any(isinstance(m, _ACTIVATIONS) for m in loose.values()):  # after each convolution, its activation
        loose = {n: m for n, m in loose.items() if isinstance(m, _ACTIVATIONS)}
    return blocks, loose


@dataclass(frozen=True)
class Layer:
    name: str  # the module's name ("layer1.0"); "relu#2" for the second call of a module used twice; OUTPUT
    shape: tuple[int, ...]  # its output for one image (C, H, W), or (classes,)

    @property
    def size(self) -> int:
        return int(np.prod(self.shape))


def _firings(model: nn.Module, x: torch.Tensor, watched: dict[str, nn.Module]) -> Iterator[tuple[str, torch.Tensor]]:
    """(name, output) of the watched modules in the order they run, then the model's output; a module that runs
    twice fires as "name", then "name#2"."""
    fired: list[tuple[str, torch.Tensor]] = []
    calls: dict[str, int] = {}

    def seen(key: str, out: object) -> None:
        t = out[0] if isinstance(out, (tuple, list)) and out else out
        if isinstance(t, torch.Tensor) and t.dim() >= 2:
            calls[key] = calls.get(key, 0) + 1
            fired.append((key if calls[key] == 1 else f"{key}#{calls[key]}", t))

    with watch(watched.items(), seen), torch.inference_mode():
        out = model(x)
    logits = out[0] if isinstance(out, (tuple, list)) else getattr(out, "logits", out)
    yield from fired
    if isinstance(logits, torch.Tensor):
        yield OUTPUT, logits


def representation_layers(model: nn.Module, input_shape: tuple[int, ...]) -> list[Layer]:
    """The outputs CKA compares (see the module's docstring), in execution order, with their shapes."""
    if isinstance(model, torch.jit.ScriptModule) or not isinstance(model, nn.Module):
        raise ConvLensError("Comparing layers needs the PyTorch model itself: a TorchScript or ONNX file cannot be "
                            "hooked into. Load the architecture with a state-dict weights file instead.")
    blocks, loose = _candidates(model)
    param = next(model.parameters())
    probe = torch.zeros(2, *input_shape, device=param.device)  # two images: batch norm in eval mode either way
    layers = [Layer(name, tuple(t.shape[1:])) for name, t in _firings(model.eval(), probe, {**blocks, **loose})]
    if len(layers) < 2:
        raise ConvLensError("This model has no convolution blocks or activations to compare.")
    return layers


def grams(model: nn.Module, x: torch.Tensor, layers: list[Layer]) -> np.ndarray:
    """(len(layers), n, n) float64: each layer's Gram matrix of the n images of ``x``, features centred over the
    batch first (HSIC does not depend on the mean; centring keeps float32 products far from cancellation)."""
    blocks, loose = _candidates(model)
    out = np.zeros((len(layers), len(x), len(x)))
    index = {layer.name: i for i, layer in enumerate(layers)}
    for name, t in _firings(model, x, {**blocks, **loose}):
        if name in index:
            flat = t.reshape(len(x), -1).float()
            flat = flat - flat.mean(0, keepdim=True)
            out[index[name]] = (flat @ flat.T).double().cpu().numpy()
    return out


def hsic_unbiased(k: np.ndarray, ell: np.ndarray) -> np.ndarray:
    """Song et al.'s unbiased HSIC estimator for every pair: ``k`` (a, n, n) and ``ell`` (b, n, n) Gram matrices of
    the same n >= 4 images -> (a, b). In the form of Kornblith et al.'s ``center_gram(unbiased=True)``: zero the
    diagonal, remove the unbiased row/column means, zero the diagonal again, then <K~, L~> / (n (n - 3))."""
    n = k.shape[-1]
    if n < 4:
        raise ConvLensError("The unbiased HSIC needs at least 4 images in a batch (got {n}).", n=n)
    kc, lc = _centre_unbiased(k), _centre_unbiased(ell)
    return np.einsum("aij,bij->ab", kc, lc) / (n * (n - 3))


def _centre_unbiased(g: np.ndarray) -> np.ndarray:
    n = g.shape[-1]
    g = g.copy()
    diagonal = np.arange(n)
    g[:, diagonal, diagonal] = 0
    means = g.sum(axis=1) / (n - 2)
    means -= means.sum(axis=1, keepdims=True) / (2 * (n - 1))
    g -= means[:, :, None]
    g -= means[:, None, :]
    g[:, diagonal, diagonal] = 0
    return g


@dataclass
class GramBatches:
    """HSIC totals over batches: ``add(k, ell)`` with one batch's Gram matrices of both models' layers."""

    cross: np.ndarray | None = None  # (a, b): sum over batches of HSIC(K_i, L_j)
    self_a: np.ndarray | None = None  # (a,): HSIC(K_i, K_i)
    self_b: np.ndarray | None = None
    images: int = 0

    def add(self, k: np.ndarray, ell: np.ndarray) -> None:
        cross = hsic_unbiased(k, ell)
        self_a = np.einsum("aa->a", hsic_unbiased(k, k))
        self_b = np.einsum("bb->b", hsic_unbiased(ell, ell))
        if self.cross is None or self.self_a is None or self.self_b is None:
            self.cross, self.self_a, self.self_b = cross, self_a, self_b
        else:
            self.cross, self.self_a, self.self_b = self.cross + cross, self.self_a + self_a, self.self_b + self_b
        self.images += k.shape[-1]

    def cka(self) -> np.ndarray:
        if self.cross is None or self.self_a is None or self.self_b is None:
            raise ConvLensError("No images were compared.")
        return cka_from_terms(self.cross, self.self_a, self.self_b)


def cka_from_terms(cross: np.ndarray, self_a: np.ndarray, self_b: np.ndarray) -> np.ndarray:
    """CKA from the HSIC totals; a layer whose output did not vary over the images (HSIC <= 0) gives NaN."""
    scale = np.sqrt(np.clip(self_a, 0, None)[:, None] * np.clip(self_b, 0, None)[None, :])
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(scale > 0, cross / scale, np.nan)

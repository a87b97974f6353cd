"""Linear CKA between layers (engine.inspect.cka, engine.evaluation.diff), held against the reference formula of
Kornblith et al.'s published code (google-research/representation_similarity, feature-space form, re-derived here
in numpy float64) on the layers' own activations, captured with plain forward hooks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from convlens.engine.core.errors import ConvLensError
from convlens.engine.core.steps import run_to_end
from convlens.engine.data.datasets import load_mnist
from convlens.engine.evaluation.diff import batches, diff
from convlens.engine.inspect.cka import representation_layers
from convlens.engine.models.loaded import LoadedModel
from convlens.engine.weights.load import load_weights


def reference_cka(x: np.ndarray, y: np.ndarray, debiased: bool) -> float:
    """Feature-space linear CKA: ||Y^T X||_F^2 / (||X^T X||_F ||Y^T Y||_F) on centred features; debiased with
    Song et al.'s unbiased HSIC in its feature-space form (the reference's ``_debiased_dot_product_similarity``)."""
    x = x - x.mean(0, keepdims=True)
    y = y - y.mean(0, keepdims=True)
    n = x.shape[0]

    def similarity(a: np.ndarray, b: np.ndarray) -> float:
        dot = np.linalg.norm(a.T @ b) ** 2
        if not debiased:
            return dot
        rows_a, rows_b = (a * a).sum(1), (b * b).sum(1)
        return dot - n / (n - 2) * rows_a @ rows_b + rows_a.sum() * rows_b.sum() / ((n - 1) * (n - 2))

    return similarity(x, y) / np.sqrt(similarity(x, x) * similarity(y, y))


def activations(model: torch.nn.Module, x: torch.Tensor, names: list[str]) -> dict[str, np.ndarray]:
    got: dict[str, np.ndarray] = {}
    modules = dict(model.named_modules())
    handles = [modules[n].register_forward_hook(
        lambda _m, _i, out, n=n: got.__setitem__(n, out.reshape(len(x), -1).double().numpy().copy()))
        for n in names if n != "output"]
    with torch.inference_mode():
        got["output"] = model(x).double().numpy()
    for h in handles:
        h.remove()
    return got


def test_cka_matches_the_reference_on_the_layers_own_activations(shared_data: Path) -> None:
    """Two LeNet-5s (different random initialisations) on 40 real MNIST digits in one batch: every pair of layers
    equals the reference's debiased CKA computed in feature space (small enough here for X^T Y)."""
    digits = load_mnist(shared_data / "mnist").train.images[:40]
    pictures = [Image.fromarray(d.squeeze()) for d in digits]
    torch.manual_seed(1)
    first = load_weights("lenet5", "random")
    torch.manual_seed(2)
    second = load_weights("lenet5", "random")
    itself = run_to_end(diff(pictures, ["current", "current"], batch_size=64, current=first))
    names = [la.name for la in itself.layers[0]]
    assert names[-1] == "output" and len(names) >= 4
    x = torch.stack([first.preprocess(p) for p in pictures])
    acts, acts_b = activations(first.model.eval(), x, names), activations(second.model.eval(), x, names)
    expected = np.array([[reference_cka(acts[i], acts[j], debiased=True) for j in names] for i in names])
    np.testing.assert_allclose(itself.cka, expected, atol=1e-6)
    cross = np.array([[reference_cka(acts[i], acts_b[j], debiased=True) for j in names] for i in names])
    np.testing.assert_allclose(_diff_two(pictures, first, second), cross, atol=1e-6)
    assert not np.allclose(cross, expected, atol=0.05)  # the second net's layers are its own


def _diff_two(pictures: list[Image.Image], first: LoadedModel, second: LoadedModel) -> np.ndarray:
    """What ``diff`` computes, for two models already in memory (``diff`` loads at most one of them itself)."""
    from convlens.engine.inspect.cka import GramBatches, grams

    xa = torch.stack([first.preprocess(p) for p in pictures])
    xb = torch.stack([second.preprocess(p) for p in pictures])
    totals = GramBatches()
    totals.add(grams(first.model, xa, representation_layers(first.model, tuple(xa.shape[1:]))),
               grams(second.model, xb, representation_layers(second.model, tuple(xb.shape[1:]))))
    return totals.cka()


def test_real_weights_against_themselves_and_another_architecture(mobilenet_file: Path, photos: Path) -> None:
    """ImageNet MobileNetV2 against itself in two batches: 1 on the diagonal, symmetric, and the first block far
    from the logits; against ResNet-18 its blocks are named in execution order."""
    files = sorted(photos.iterdir())[:12]
    mnv2 = load_weights("mobilenet_v2", str(mobilenet_file))
    itself = run_to_end(diff(files, ["current", "current"], batch_size=6, current=mnv2))
    np.testing.assert_allclose(np.diag(itself.cka), 1.0, atol=1e-9)
    np.testing.assert_allclose(itself.cka, itself.cka.T, atol=1e-9)
    assert itself.cka[0, -1] < 0.9
    names = [la.name for la in itself.layers[0]]
    assert names[0] == "features.0" and names[-2:] == ["features.18", "output"] and len(names) == 20
    against = run_to_end(diff(files, [f"mobilenet_v2:{mobilenet_file}", "resnet18:random"], batch_size=12))
    assert [la.name for la in against.layers[1]] == ["relu", "layer1.0", "layer1.1", "layer2.0", "layer2.1",
                                                    "layer3.0", "layer3.1", "layer4.0", "layer4.1", "output"]
    assert against.cka.shape == (20, 10) and np.isfinite(against.cka).all()


def test_the_layers_compared_are_each_architectures_own_units() -> None:
    def names(arch: str, shape: tuple[int, ...] = (3, 224, 224)) -> list[str]:
        return [la.name for la in representation_layers(load_weights(arch, "random").model, shape)]

    vgg = names("vgg16")
    assert vgg[:2] == ["features.1", "features.3"] and len(vgg) == 13 + 2 + 1  # conv ReLUs, fc ReLUs, logits
    inception = names("inception_v3", (3, 299, 299))
    assert "Mixed_5b" in inception and "Mixed_7c" in inception and "Mixed_5b.branch1x1" not in inception
    lenet = names("lenet5", (1, 28, 28))
    assert lenet[-1] == "output" and len(lenet) >= 3


def test_batches_and_bad_input(photos: Path, tmp_path: Path) -> None:
    assert [len(b) for b in batches(33, 32)] == [16, 17]
    assert [len(b) for b in batches(5, 4)] == [5]
    with pytest.raises(ConvLensError, match="at least 4 images"):
        batches(3)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg")
    files = [*sorted(photos.iterdir())[:4], broken]
    result = run_to_end(diff(files, ["lenet5:random", "lenet5:random"]))
    assert len(result.images) == 4 and any("broken.jpg" in str(n) for n in result.notes)
    with pytest.raises(ConvLensError, match="exactly 2 models"):
        run_to_end(diff(files, ["lenet5:random"]))

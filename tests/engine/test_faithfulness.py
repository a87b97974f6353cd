"""CAM faithfulness: average drop, increase in confidence and deletion / insertion as torch-cam computes them, on a
real model and photo; the automatically chosen target layer; the CLI and a map that cannot be faithful."""

from __future__ import annotations

import contextlib
from functools import partial
from pathlib import Path

import numpy as np
import pytest
import torch
from torch import nn

from convlens.engine.data.images import load_image
from convlens.engine.inspect.activations import class_activation_map
from convlens.engine.inspect.faithfulness import faithfulness, last_layer_per_resolution, most_faithful_layer
from convlens.engine.models.loaded import LoadedModel
from convlens.engine.weights.load import load_weights


@pytest.fixture(scope="module")
def mobilenet(mobilenet_file: Path) -> LoadedModel:
    return load_weights("mobilenet_v2", str(mobilenet_file))


@pytest.fixture(scope="module")
def samoyed(mobilenet: LoadedModel, photos: Path) -> torch.Tensor:
    return mobilenet.preprocess(load_image(photos / "dog_samoyed.jpg"))[None]


class _GivenCam:
    """torch-cam's CAM extractor protocol around a map computed here: the metrics are compared, not the CAMs."""

    def __init__(self, model: nn.Module, cam: np.ndarray) -> None:
        self.model, self.cam = model, torch.as_tensor(cam)[None]

    def __call__(self, class_idx, scores=None, normalized=True, **_kw):
        return [self.cam]

    def fuse_cams(self, cams):
        return cams[0]

    def _hooks_off(self):
        return contextlib.nullcontext()


def test_scores_are_torch_cam_s(mobilenet: LoadedModel, samoyed: torch.Tensor) -> None:
    metrics = pytest.importorskip("torchcam.metrics", reason="torch-cam is the reference (dev)")
    model = mobilenet.model.eval()
    for layer in ("features", "features.13"):
        cam, index, _ = class_activation_map(model, samoyed, layer)
        ours = faithfulness(model, samoyed, cam, index)
        extractor = _GivenCam(model, cam)
        reference = metrics.ClassificationMetric(extractor, partial(torch.softmax, dim=-1))
        reference.update(samoyed, index)
        summary = reference.summary()
        assert ours.average_drop == pytest.approx(summary["avg_drop"], abs=1e-5)
        assert float(ours.increase) == summary["conf_increase"]
        reference = metrics.DeletionInsertionMetric(extractor, partial(torch.softmax, dim=-1), steps=20)
        reference.update(samoyed, index)
        summary = reference.summary()
        assert ours.deletion_auc == pytest.approx(summary["deletion_auc"], abs=1e-5), layer
        assert ours.insertion_auc == pytest.approx(summary["insertion_auc"], abs=1e-5), layer


def test_grad_cam_is_more_faithful_than_its_own_inverse(mobilenet: LoadedModel, samoyed: torch.Tensor) -> None:
    """The scores tell a map pointing at the dog from the same map turned inside out."""
    model = mobilenet.model.eval()
    cam, index, _ = class_activation_map(model, samoyed, "features")
    good, bad = faithfulness(model, samoyed, cam, index), faithfulness(model, samoyed, 1 - cam, index)
    assert good.deletion_auc < bad.deletion_auc and good.insertion_auc > bad.insertion_auc
    assert good.score > 0.3 > bad.score
    assert good.deletion[0] == pytest.approx(good.probability, abs=1e-5)  # nothing removed yet: the model's own p
    assert good.insertion[-1] == pytest.approx(good.probability, abs=1e-5)


def test_auto_layer_picks_the_best_scoring_candidate(mobilenet: LoadedModel, samoyed: torch.Tensor) -> None:
    choice = most_faithful_layer(mobilenet.model.eval(), samoyed)
    names = [name for name, _ in choice.scores]
    assert names == ["features.6", "features.13", "features"]  # the last block at 28, 14 and 7 pixels
    assert choice.layer == max(choice.scores, key=lambda item: item[1].score)[0]


@pytest.mark.parametrize(("arch", "expected"), [
    ("resnet18", ["layer2", "layer3", "layer4"]),
    ("googlenet", ["inception3b", "inception4e", "inception5b"]),
    ("inception_v3", ["Mixed_5d", "Mixed_6e", "Mixed_7c"]),
])
def test_candidate_layers_for_any_architecture(arch: str, expected: list[str]) -> None:
    loaded = load_weights(arch, "random")
    pre = loaded.preprocess
    assert last_layer_per_resolution(loaded.model.eval(), (pre.channels, pre.crop, pre.crop)) == expected



"""The "unknown / none of the above" verdict: the trade-off curve is scikit-learn's ROC, and the threshold tuned on
held-out data meets its false-accept target on other held-out data it never saw (real MNIST: LeNet-5 taught the
digits 0-4, the digits 5-9 are what it does not know)."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import torch

from convlens.engine.core.errors import ConvLensError
from convlens.engine.core.steps import run_to_end
from convlens.engine.data.datasets import Dataset, Split, load_mnist
from convlens.engine.models.openset import UnknownCurve, UnknownRule
from convlens.engine.runtime.export import export
from convlens.engine.runtime.predict import Predictor
from convlens.engine.training.loop import SINGLE, TrainConfig, TrainResult, fine_tune
from convlens.engine.training.passes import unlabelled_logits
from convlens.engine.weights.checkpoints import save_checkpoint
from convlens.engine.weights.load import load_weights


def test_the_trade_off_curve_is_scikit_learn_s_roc() -> None:
    metrics = pytest.importorskip("sklearn.metrics", reason="scikit-learn is the reference (dev)")
    rng = np.random.default_rng(1)
    genuine = rng.beta(5, 2, 300).round(3)  # ties on purpose
    impostor = rng.beta(2, 3, 200).round(3)
    curve = UnknownCurve(np.sort(genuine), np.sort(impostor))
    _, far, tar = curve.points()
    y = np.r_[np.ones(300), np.zeros(200)]
    fpr, tpr, _ = metrics.roc_curve(y, np.r_[genuine, impostor], drop_intermediate=False)
    assert sorted(zip(far.round(12), tar.round(12), strict=True)) == sorted(zip(fpr.round(12), tpr.round(12), strict=True))
    assert np.trapezoid(tar[::-1], far[::-1]) == pytest.approx(metrics.roc_auc_score(y, np.r_[genuine, impostor]))


def test_conformal_rank_and_too_few_impostors() -> None:
    curve = UnknownCurve(np.linspace(0.5, 1, 50), np.arange(1, 40) / 40)  # 39 impostors
    rule = curve.rule(0.05)  # k = ceil(40 * 0.95) = 38: the 38th smallest impostor score
    assert rule.threshold == pytest.approx(38 / 40) and rule.far == pytest.approx(1 / 39)
    with pytest.raises(ConvLensError, match="at least 49"):  # 1/0.02 - 1 = 49 impostors for a 2% target
        curve.rule(0.02)
    assert UnknownRule.from_dict(rule.to_dict()) == rule


@pytest.fixture(scope="module")
def digits(shared_data: Path) -> dict[str, Split]:
    """Real MNIST: digits 0-4 split train / val / test; the digits 5-9 in two disjoint halves."""
    mnist = load_mnist(shared_data / "mnist", train_count=9999)
    images = list(mnist.train.images) + list(mnist.val.images)
    labels = mnist.train.labels + mnist.val.labels
    known = [i for i, y in enumerate(labels) if y < 5]
    other = [i for i, y in enumerate(labels) if y >= 5]

    def split(idx: list[int]) -> Split:
        return Split([images[i] for i in idx], [labels[i] if labels[i] < 5 else -1 for i in idx],
                     [f"mnist:{i}" for i in idx])

    half = len(other) // 2
    return {"train": split(known[:3000]), "val": split(known[3000:4000]), "test": split(known[4000:]),
            "unknown_a": split(other[:half]), "unknown_b": split(other[half:])}


@pytest.fixture(scope="module")
def taught(digits: dict[str, Split]) -> TrainResult:
    data = Dataset(tuple("01234"), digits["train"], digits["val"], channels=1, unknown=digits["unknown_a"])
    cfg = TrainConfig(epochs=3, lr=2e-3, batch_size=64, from_scratch=True, batch_norm=True, far=0.05)
    return run_to_end(fine_tune(load_weights("lenet5", "random"), data, cfg))


def test_the_threshold_meets_its_false_accept_target_on_unseen_held_out_data(taught: TrainResult,
                                                                               digits: dict[str, Split]) -> None:
    rule = taught.loaded.unknown
    assert rule is not None and rule.target_far == 0.05 and rule.outside == len(digits["unknown_a"])
    assert rule.far <= 0.05  # on the data it was tuned on (by construction)
    # fresh impostors and genuine answers the threshold never saw: the rest of 0-4 and the other half of 5-9
    model, pre = taught.loaded.model, taught.loaded.preprocess
    t = taught.loaded.temperature
    test_logits = unlabelled_logits(model, digits["test"], pre, 256, torch.device("cpu"), SINGLE).numpy()
    fresh = unlabelled_logits(model, digits["unknown_b"], pre, 256, torch.device("cpu"), SINGLE).numpy()
    curve = UnknownCurve.from_logits(test_logits, digits["test"].labels, t, fresh)
    far, tar = curve.rates(rule.threshold)
    n = len(curve.impostor)
    assert n > 2000
    assert far <= 0.05 + 3 * math.sqrt(0.05 * 0.95 / n), (far, rule)  # the guarantee, within sampling error
    assert far >= 0.01  # not a threshold that simply refuses everything ...
    assert tar >= 0.4, (tar, rule)  # ... most right answers still come through
    # the predictor says "unknown" exactly below the threshold, on the calibrated probability
    predictor = Predictor(taught.loaded, "cpu")
    x = torch.stack([pre(digits["unknown_b"].images[i]) for i in range(64)])
    for preds in predictor.predict_tensor(x, 1):
        assert predictor.is_unknown(preds) == (preds[0].probability <= rule.threshold)
    assert sum(predictor.is_unknown(p) for p in predictor.predict_tensor(x, 1)) > 40


def test_the_rule_travels_in_checkpoints_and_exports(taught: TrainResult, tmp_path: Path) -> None:
    rule = taught.loaded.unknown
    assert rule is not None
    save_checkpoint(tmp_path / "digits.pt", taught.loaded)
    assert load_weights("lenet5", str(tmp_path / "digits.pt")).unknown == rule
    export(taught.loaded, tmp_path / "digits.onnx", "onnx")
    assert load_weights("", str(tmp_path / "digits.onnx")).unknown == rule
    # a model without one never says unknown
    plain = Predictor(replace(taught.loaded, training=None), "cpu")
    assert plain.unknown_threshold is None and not plain.is_unknown(plain.predict_tensor(torch.zeros(1, 1, 28, 28))[0])


def test_no_threshold_without_impostors_says_why(digits: dict[str, Split]) -> None:
    tiny = Split(digits["train"].images[:200], digits["train"].labels[:200], digits["train"].sources[:200])
    val = Split(digits["val"].images[:10], digits["val"].labels[:10], digits["val"].sources[:10])
    data = Dataset(tuple("01234"), tiny, val, channels=1)
    cfg = TrainConfig(epochs=1, batch_size=64, from_scratch=True, far=0.05)
    result = run_to_end(fine_tune(load_weights("lenet5", "random"), data, cfg))
    assert result.loaded.unknown is None and "_unknown" in result.unknown_note


def test_cli_tunes_on_a_folder_saves_and_live_says_unknown(shared_data: Path, photos: Path, tmp_path: Path) -> None:
    """`convlens evaluate --far --save` on real photos and 40 handwritten digits of no ImageNet class, then
    `convlens classify` and `convlens live` with the saved model: a digit is "unknown", a lion is a lion."""
    import shutil
    import subprocess
    import sys

    from PIL import Image

    from tests.conftest import ROOT
    from tests.live_video import write_video

    root = tmp_path / "held out"
    for folder, files in {"Samoyed": ["dog_samoyed.jpg"], "tabby": ["kitten_224.png", "kitten_seg.jpg"],
                          "sports car": ["metal_car-1.jpg", "metal_car-2.jpg", "metal_car-3.jpg"]}.items():
        (root / folder).mkdir(parents=True)
        for f in files:
            shutil.copy(photos / f, root / folder / f)
    (root / "_unknown").mkdir()
    digits = load_mnist(shared_data / "mnist")
    for i in range(41):
        Image.fromarray(digits.val.images[i][:, :, 0]).convert("RGB").save(root / "_unknown" / f"{i:02d}.png")
    weights = shared_data / "models" / "mobilenet_v2_imagenet.pth"

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "convlens.gui.main", *args], capture_output=True, text=True,
                              cwd=ROOT, timeout=300)

    saved = tmp_path / "with unknown.pt"
    run = cli("evaluate", str(root), "--arch", "mobilenet_v2", "--weights", str(weights), "--far", "0.1",
              "--save", str(saved), "--runtime", "torch")
    assert run.returncode == 0, run.stderr
    assert "41 images of no class" in run.stdout and "<- --far" in run.stdout and saved.is_file()
    rule = load_weights(None, str(saved)).unknown
    assert rule is not None and rule.far <= 0.1 and rule.outside == 41
    run = cli("classify", str(root / "_unknown" / "40.png"), str(photos / "metal_animal-3.jpg"), "--weights",
              str(saved), "--json", "--runtime", "torch")
    assert run.returncode == 0, run.stderr
    import json

    verdicts = [r["unknown"] for r in json.loads(run.stdout)]
    assert verdicts == [True, False]
    video = write_video(tmp_path / "lion_then_digit.avi", [photos / "metal_animal-3.jpg", root / "_unknown" / "40.png"],
                        seconds_each=1.5)
    run = cli("live", str(video), "--weights", str(saved), "--runtime", "torch")
    assert run.returncode == 0, run.stderr
    frames = [line for line in run.stdout.splitlines() if line.startswith("frame=")]
    lion = [line for line in frames if "top1=lion" in line]
    assert lion and not any(line.endswith(" unknown") for line in lion)
    assert sum(line.endswith(" unknown") for line in frames) >= len(frames) - len(lion) - 2 > 5
    # bad targets are a message, not a traceback
    run = cli("evaluate", str(root), "--arch", "mobilenet_v2", "--weights", str(weights), "--far", "0.001")
    assert run.returncode == 1 and "at least 999 needed" in run.stderr and "Traceback" not in run.stderr

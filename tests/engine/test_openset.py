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
from convlens.engine.data.datasets import Dataset, Split
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
def taught(open_set_digits: dict[str, Split]) -> TrainResult:
    data = Dataset(tuple("01234"), open_set_digits["train"], open_set_digits["val"], channels=1, unknown=open_set_digits["unknown_a"])
    cfg = TrainConfig(epochs=3, lr=2e-3, batch_size=64, from_scratch=True, batch_norm=True, far=0.05)
    return run_to_end(fine_tune(load_weights("lenet5", "random"), data, cfg))


def test_the_threshold_meets_its_false_accept_target_on_unseen_held_out_data(taught: TrainResult,
                                                                               open_set_digits: dict[str, Split]) -> None:
    rule = taught.loaded.unknown
    assert rule is not None and rule.target_far == 0.05 and rule.outside == len(open_set_digits["unknown_a"])
    assert rule.far <= 0.05  # on the data it was tuned on (by construction)
    # fresh impostors and genuine answers the threshold never saw: the rest of 0-4 and the other half of 5-9
    model, pre = taught.loaded.model, taught.loaded.preprocess
    t = taught.loaded.temperature
    test_logits = unlabelled_logits(model, open_set_digits["test"], pre, 256, torch.device("cpu"), SINGLE).numpy()
    fresh = unlabelled_logits(model, open_set_digits["unknown_b"], pre, 256, torch.device("cpu"), SINGLE).numpy()
    curve = UnknownCurve.from_logits(test_logits, open_set_digits["test"].labels, t, fresh)
    far, tar = curve.rates(rule.threshold)
    n = len(curve.impostor)
    assert n > 2000
    assert far <= 0.05 + 3 * math.sqrt(0.05 * 0.95 / n), (far, rule)  # the guarantee, within sampling error
    assert far >= 0.01  # not a threshold that simply refuses everything ...
    assert tar >= 0.4, (tar, rule)  # ... most right answers still come through
    # the predictor says "unknown" exactly below the threshold, on the calibrated probability
    predictor = Predictor(taught.loaded, "cpu")
    x = torch.stack([pre(open_set_digits["unknown_b"].images[i]) for i in range(64)])
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


def test_no_threshold_without_impostors_says_why(open_set_digits: dict[str, Split]) -> None:
    tiny = Split(open_set_digits["train"].images[:200], open_set_digits["train"].labels[:200], open_set_digits["train"].sources[:200])
    val = Split(open_set_digits["val"].images[:10], open_set_digits["val"].labels[:10], open_set_digits["val"].sources[:10])
    data = Dataset(tuple("01234"), tiny, val, channels=1)
    cfg = TrainConfig(epochs=1, batch_size=64, from_scratch=True, far=0.05)
    result = run_to_end(fine_tune(load_weights("lenet5", "random"), data, cfg))
    assert result.loaded.unknown is None and "_unknown" in result.unknown_note



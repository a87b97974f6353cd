"""Calibration after fine-tuning: reliability bins as scikit-learn bins them, ECE, temperature scaling that lowers
the ECE of an over-confident model, and the temperature carried by checkpoints and exports."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from convlens.engine.core.steps import run_to_end
from convlens.engine.data.datasets import load_image_folder, load_mnist
from convlens.engine.models.calibration import (
    MIN_IMAGES,
    T_FLOOR,
    calibrate,
    expected_calibration_error,
    fit_temperature,
    reliability,
)
from convlens.engine.runtime.export import export
from convlens.engine.runtime.predict import Predictor
from convlens.engine.training.loop import TrainConfig, TrainResult, fine_tune
from convlens.engine.weights.checkpoints import save_checkpoint
from convlens.engine.weights.load import load_weights


def test_reliability_bins_are_scikit_learn_s() -> None:
    sklearn_calibration = pytest.importorskip("sklearn.calibration", reason="scikit-learn is the reference (dev)")
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(500, 5)) * 3
    probs = torch.tensor(logits).softmax(1).numpy()
    labels = rng.integers(0, 5, 500)
    ours = reliability(probs, labels, bins=10)
    correct = (probs.argmax(1) == labels).astype(int)
    prob_true, prob_pred = sklearn_calibration.calibration_curve(correct, probs.max(1), n_bins=10, strategy="uniform")
    filled = ours.count > 0
    np.testing.assert_allclose(ours.accuracy[filled], prob_true, atol=1e-12)
    np.testing.assert_allclose(ours.confidence[filled], prob_pred, atol=1e-12)
    expected = np.sum(ours.count[filled] / 500 * np.abs(prob_true - prob_pred))
    assert expected_calibration_error(probs, labels, bins=10) == pytest.approx(expected)


@pytest.fixture(scope="module")
def trained(shared_data: Path, mobilenet_file: Path, tmp_path_factory: pytest.TempPathFactory) -> TrainResult:
    """MobileNetV2's frozen backbone and a new head on real MNIST digits 3, 5, 8 (80 each)."""
    mnist = load_mnist(shared_data / "mnist")
    root = tmp_path_factory.mktemp("digits358")
    counts = {3: 0, 5: 0, 8: 0}
    for image, label in zip(mnist.train.images, mnist.train.labels, strict=True):
        label = int(label)
        if label in counts and counts[label] < 80:
            (root / str(label)).mkdir(exist_ok=True)
            Image.fromarray(image[:, :, 0]).save(root / str(label) / f"{counts[label]:03d}.png")
            counts[label] += 1
    data = load_image_folder(root, None, 0.25, seed=0)
    return run_to_end(fine_tune(load_weights("mobilenet_v2", str(mobilenet_file)), data, TrainConfig(epochs=5)))


def test_temperature_scaling_lowers_the_ece_of_an_over_confident_model(trained: TrainResult) -> None:
    logits = torch.as_tensor(trained.val_logits)
    labels = np.array([v.true for v in trained.validation.verdicts])
    calibrated_t = fit_temperature(logits, labels)
    sharp = logits / calibrated_t * 5  # the same predictions, deliberately 5x over-confident
    before = expected_calibration_error(sharp.softmax(1).numpy(), labels)
    t = fit_temperature(sharp, labels)
    after = expected_calibration_error((sharp / t).softmax(1).numpy(), labels)
    assert t == pytest.approx(5, rel=0.01) and after < before, (t, before, after)
    assert (sharp / t).argmax(1).tolist() == sharp.argmax(1).tolist()  # no prediction changes
    # the fine-tune fitted its own temperature on the validation split and recorded both ECEs
    training = trained.loaded.training
    assert training is not None and training.temperature == pytest.approx(calibrate(logits, labels).temperature)
    assert training.calibration is not None and training.calibration.images == len(labels) == 60


def _logits(n: int, wrong: int, margin: float = 4.0, seed: int = 0,
            noise: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 3, n)
    logits = rng.normal(size=(n, 3)) * noise
    logits[np.arange(n), labels] += margin
    for i in range(wrong):  # the wrong answers: another class on top
        logits[i, (labels[i] + 1) % 3] += 2 * margin
    return logits, labels


@pytest.mark.parametrize("n", [6, 24])
def test_a_split_too_small_fits_no_temperature(n: int) -> None:
    """The issue's case: on 24 (or 6) validation images that are all right the NLL fit runs to T ~ 0.1 and every
    later answer would read 99-100 %. No temperature is fitted, and the note says why."""
    logits, labels = _logits(n, 0)
    assert fit_temperature(logits, labels) < 0.3  # what an unguarded fit does
    c = calibrate(logits, labels)
    assert c.temperature == 1.0 and not c.fitted and c.images == n
    assert "too few to calibrate on" in c.note and str(n) in c.note
    assert c.ece_after == c.ece_before


def test_no_errors_fits_no_temperature_however_many_images() -> None:
    logits, labels = _logits(200, 0)
    c = calibrate(logits, labels)
    assert c.temperature == 1.0 and c.errors == 0 and "0 of 200" in c.note


def test_a_fit_never_sharpens_past_the_floor_and_its_ece_is_cross_fitted() -> None:
    logits, labels = _logits(300, 6, margin=1.0, noise=0.1)  # under-confident: the fit wants T well below 1
    assert fit_temperature(logits, labels) < T_FLOOR
    c = calibrate(logits, labels)
    assert c.fitted and c.clipped and c.temperature == T_FLOOR and "held at" in c.note
    assert c.images == 300 and c.errors >= 6
    over, labels = _logits(300, 45, margin=3.0)
    over = over * 3  # over-confident (15 % wrong at near 100 %): a real fit, T > 1, scored on held-out halves
    d = calibrate(over, labels)
    assert d.fitted and not d.clipped and d.temperature > 1
    in_sample = expected_calibration_error((torch.as_tensor(over) / d.temperature).softmax(1).numpy(), labels)
    assert d.ece_after != pytest.approx(in_sample, abs=1e-6)  # held-out halves, not the fit's own data


def test_a_real_fine_tune_on_a_tiny_split_keeps_the_models_own_probabilities(shared_data: Path,
                                                                             mobilenet_file: Path,
                                                                             tmp_path: Path) -> None:
    mnist = load_mnist(shared_data / "mnist")
    counts = {0: 0, 1: 0}
    for image, label in zip(mnist.train.images, mnist.train.labels, strict=True):
        label = int(label)
        if label in counts and counts[label] < 15:
            (tmp_path / str(label)).mkdir(exist_ok=True)
            Image.fromarray(image[:, :, 0]).save(tmp_path / str(label) / f"{counts[label]:03d}.png")
            counts[label] += 1
    data = load_image_folder(tmp_path, None, 0.2, seed=0)
    result = run_to_end(fine_tune(load_weights("mobilenet_v2", str(mobilenet_file)), data, TrainConfig(epochs=3)))
    training = result.loaded.training
    assert training is not None and training.calibration is not None
    assert training.temperature == 1.0 and training.calibration.images < MIN_IMAGES
    assert not training.calibration.fitted and "too few" in training.calibration.note


def test_the_temperature_is_applied_and_travels(trained: TrainResult, tmp_path: Path, photos: Path) -> None:
    assert trained.loaded.training is not None
    loaded = replace(trained.loaded, training=replace(trained.loaded.training, temperature=2.0))
    predictor = Predictor(loaded, "cpu")
    x = torch.zeros(1, 3, 224, 224)
    with torch.no_grad():
        raw = loaded.model.eval()(x).float()
    got = predictor.predict_tensor(x, 3)[0]
    expected = (raw / 2.0).softmax(1)[0]
    assert [round(p.probability, 5) for p in got] == [round(float(v), 5) for v in expected.sort(descending=True)[0]]
    save_checkpoint(tmp_path / "t.pth", loaded)
    assert load_weights(None, str(tmp_path / "t.pth")).temperature == 2.0
    from convlens.engine.data.images import load_image

    assert export(loaded, tmp_path / "t.onnx", "onnx", [load_image(photos / "fish.png")]).ok
    assert load_weights(None, str(tmp_path / "t.onnx")).temperature == 2.0


def test_why_no_temperature_keeps_its_template_in_plain_data() -> None:
    """The note travels in checkpoints as plain data (the English words, the template and its values), and comes
    back as a Text a front end can translate: the Korean window showed it in English."""
    import pickle

    from convlens.engine.core.errors import Text
    from convlens.engine.models.calibration import calibrate, note_text

    logits = torch.tensor([[2.0, 0.0], [0.0, 2.0], [2.0, 0.0]])
    training = calibrate(logits, np.array([0, 1, 1])).to_training()
    plain = pickle.loads(pickle.dumps(training))
    assert all(type(v) in (str, int, float, bool, dict) for v in plain.values())
    assert all(type(v) in (str, int, float) for v in plain["calibration_note_values"].values())
    assert type(plain["calibration_note"]) is str
    note = note_text(plain)
    assert isinstance(note, Text) and note == plain["calibration_note"] and note.values == {"n": 3, "min": MIN_IMAGES}
    assert note_text({"calibration_note": "older record"}) == "older record"
    assert note_text({"calibration_note": "x", "calibration_note_template": "{missing}",
                      "calibration_note_values": {}}) == "x"

"""The diagnosis after training, on a real fine-tune: its findings follow the curves, the counts and the recall."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from convlens.cli.diagnosis_text import finding_lines
from convlens.engine.core.steps import run_to_end
from convlens.engine.data.datasets import load_image_folder, load_mnist
from convlens.engine.models.metrics import EvaluationReport
from convlens.engine.training.diagnose import FEW_IMAGES, diagnose, mistakes
from convlens.engine.training.loop import EpochStats, TrainConfig, TrainResult, fine_tune
from convlens.engine.weights.load import load_weights


@pytest.fixture(scope="module")
def trained(shared_data: Path, mobilenet_file: Path, tmp_path_factory: pytest.TempPathFactory) -> TrainResult:
    """MobileNetV2's frozen backbone, a new head, on real MNIST digits: 60 zeros, 60 ones, only 15 sevens."""
    mnist = load_mnist(shared_data / "mnist")
    root = tmp_path_factory.mktemp("imbalanced")
    wanted = {0: 60, 1: 60, 7: 15}
    counts = dict.fromkeys(wanted, 0)
    for image, label in zip(mnist.train.images, mnist.train.labels, strict=True):
        label = int(label)
        if label in wanted and counts[label] < wanted[label]:
            folder = root / f"digit_{label}"
            folder.mkdir(exist_ok=True)
            Image.fromarray(image[:, :, 0]).save(folder / f"{counts[label]:03d}.png")
            counts[label] += 1
    data = load_image_folder(root, None, 0.2, seed=0)
    config = TrainConfig(epochs=4, patience=3)
    result = run_to_end(fine_tune(load_weights("mobilenet_v2", str(mobilenet_file)), data, config))
    assert result.train_counts == np.bincount(data.train.labels).tolist() == [48, 48, 12]
    assert result.config is config
    return result


def answers(labels: tuple[str, ...], confusion: np.ndarray) -> EvaluationReport:
    """A validation report with these counts: ``confusion[t, p]`` images of class t answered p."""
    pairs = [(t, p) for (t, p), n in np.ndenumerate(confusion) for _ in range(n)]
    return EvaluationReport.from_logits(labels, [f"{i}.png" for i in range(len(pairs))], [t for t, _ in pairs], None,
                                        predicted=[p for _, p in pairs])


def kinds(result: TrainResult) -> list[str]:
    return [f.kind for f in diagnose(result)]


def test_imbalance_and_too_few_images_are_found_with_their_numbers(trained: TrainResult) -> None:
    findings = {f.kind: f for f in diagnose(trained)}
    imbalance = findings["imbalance"]
    assert (imbalance.values["small"], imbalance.values["small_n"]) == ("digit_7", 12)
    assert imbalance.values["large_n"] == 48 and imbalance.values["ratio"] == 4.0
    assert imbalance.try_settings == ("balance", "more_samples")
    assert findings["few_images"].values == {"classes": "digit_7 (12)", "minimum": FEW_IMAGES}


def test_seed_003_overfitting_is_named_and_augmentation_suggested(trained: TrainResult) -> None:
    """94.7% on the training images vs 88.6% on validation, as in seed 003."""
    history = [EpochStats(1, 0.5, 0.80, 0.5, 0.78, 1.0), EpochStats(2, 0.2, 0.947, 0.4, 0.886, 1.0)]
    result = replace(trained, history=history, best_epoch=2, stopped_early=True)
    over = diagnose(result)[0]
    assert over.kind == "overfitting" and over.values["epoch"] == 2
    assert (over.values["train_acc"], over.values["val_acc"]) == (0.947, 0.886)
    assert over.try_settings == ("augmentation", "dropout", "more_samples")
    augmented = replace(result, config=TrainConfig(rotation=15))
    assert diagnose(augmented)[0].try_settings == ("dropout", "more_samples")  # already augmenting
    text = "\n".join(finding_lines(diagnose(result)))
    assert "over-fitting: 94.7% on the training images against 88.6% on validation (epoch 2)" in text


def test_underfitting_still_improving_weak_class_and_healthy(trained: TrainResult) -> None:
    low = [EpochStats(1, 2.0, 0.40, 2.1, 0.38, 1.0), EpochStats(2, 1.5, 0.55, 1.6, 0.52, 1.0)]
    result = replace(trained, history=low, best_epoch=2, stopped_early=False, train_counts=[48, 48, 48])
    assert kinds(result)[:2] == ["underfitting", "more_epochs"]
    assert diagnose(result)[0].try_settings == ("more_epochs", "learning_rate", "unfreeze", "hidden")

    confusion = np.array([[10, 0, 0], [0, 10, 0], [0, 6, 4]])  # sevens taken for ones
    weak = replace(trained, validation=answers(trained.loaded.labels, confusion), train_counts=[48, 48, 48],
                   history=[EpochStats(1, 0.3, 0.90, 0.3, 0.87, 1.0)], best_epoch=1)
    finding = diagnose(weak)[0]
    assert finding.kind == "weak_class" and finding.values["class"] == "digit_7"
    assert finding.values["confused_with"] == "digit_1"

    fine = replace(weak, validation=answers(trained.loaded.labels, np.diag([10, 10, 10])))
    assert kinds(fine) == ["healthy"]


def test_mistakes_are_every_wrong_answer_most_confident_first(trained: TrainResult) -> None:
    wrong = mistakes(trained)
    assert trained.val_logits is not None
    sources = [v.source for v in trained.validation.verdicts]
    true = np.array([v.true for v in trained.validation.verdicts])
    guess = trained.val_logits.argmax(1)  # the model's own answers, from its raw scores
    assert len(wrong) == int((guess != true).sum())
    assert [m.confidence for m in wrong] == sorted((m.confidence for m in wrong), reverse=True)
    labels = list(trained.loaded.labels)
    shown = torch.softmax(torch.as_tensor(trained.val_logits) / trained.loaded.temperature, 1).numpy()
    for m in wrong:
        i = sources.index(m.source)
        assert (m.true, m.predicted) == (labels[true[i]], labels[guess[i]])
        assert m.true != m.predicted and m.confidence == pytest.approx(float(shown[i].max()), abs=1e-6)

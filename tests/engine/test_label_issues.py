"""Wrong labels: the confident-learning filter against cleanlab's own ``find_label_issues``, the cross-validated head
against scikit-learn's ``LogisticRegression``, and planted mistakes in real MNIST digits found through the model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from convlens.engine.core.errors import ConvLensError
from convlens.engine.core.steps import run_to_end
from convlens.engine.evaluation.label_issues import (
    STRENGTHS,
    confident_learning,
    find_label_issues,
    fit_logistic,
    stratified_folds,
    suspect_cams,
)
from convlens.engine.models.heads import find_classifier
from convlens.engine.runtime.predict import Predictor
from convlens.engine.weights.load import load_weights


def _noisy(seed: int, n: int = 400, k: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """Probabilities that mostly agree with a true label, and given labels of which 15% are flipped."""
    rng = np.random.default_rng(seed)
    true = rng.integers(0, k, n)
    logits = rng.normal(0, 1.2, (n, k))
    logits[np.arange(n), true] += rng.uniform(0.5, 4, n)
    probs = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    given = true.copy()
    flip = rng.random(n) < 0.15
    given[flip] = (true[flip] + rng.integers(1, k, flip.sum())) % k
    return given, probs


@pytest.mark.parametrize("seed", range(6))
def test_the_filter_and_its_ranking_are_cleanlabs(seed: int) -> None:
    cleanlab_filter = pytest.importorskip("cleanlab.filter", reason="cleanlab (the reference) is a dev dependency")
    given, probs = _noisy(seed, k=3 + seed % 3)
    ours, _likely, _thresholds = confident_learning(given, probs)
    theirs = cleanlab_filter.find_label_issues(given, probs, filter_by="confident_learning",
                                               return_indices_ranked_by="self_confidence")
    assert len(ours) > 10
    assert set(ours.tolist()) == set(theirs.tolist())
    # the same order up to ties in self-confidence
    assert np.array_equal(probs[ours, given[ours]], probs[theirs, given[theirs]])


def test_the_head_is_scikit_learns_logistic_regression() -> None:
    linear_model = pytest.importorskip("sklearn.linear_model", reason="scikit-learn (the reference) is a dev dependency")
    rng = np.random.default_rng(1)
    x = rng.normal(size=(150, 20))
    y = (x[:, 0] + 0.5 * x[:, 1] + rng.normal(0, 0.7, 150) > 0).astype(int) + (x[:, 2] > 1).astype(int)
    w, b = fit_logistic(x, y, 3)
    ours = np.exp(x @ w.T + b)
    ours /= ours.sum(1, keepdims=True)
    ref = linear_model.LogisticRegression(C=1.0, tol=1e-10, max_iter=5000).fit(x, y).predict_proba(x)
    assert np.abs(ours - ref).max() < 1e-4


def test_folds_are_stratified() -> None:
    labels = np.array([0] * 23 + [1] * 7 + [2] * 12)
    fold = stratified_folds(labels, 5)
    for c in range(3):
        per = np.bincount(fold[labels == c], minlength=5)
        assert per.max() - per.min() <= 1
    assert np.bincount(fold).max() - np.bincount(fold).min() <= 1


@pytest.fixture(scope="module")
def mobilenet(mobilenet_file: Path) -> Predictor:
    return Predictor(load_weights("mobilenet_v2", str(mobilenet_file)))


def test_planted_mistakes_in_real_digits_come_first(mobilenet: Predictor, mislabelled_digits) -> None:
    root, planted = mislabelled_digits
    steps: list = []
    review = run_to_end(find_label_issues(mobilenet, root), steps.append)
    assert {s.stage for s in steps} == {"features", "folds"} and review.folds == 5
    assert steps[-1].done == steps[-1].total == 5 * len(STRENGTHS) and review.strength in STRENGTHS
    assert review.classes == ("digit_0", "digit_1", "digit_7") and review.images == 181
    found = [s.path for s in review.suspects]
    assert planted <= set(found[:8]), found  # every planted mistake among the first few suspects
    for s in review.suspects:
        if s.path in planted:
            assert review.classes[s.likely] == f"digit_{Path(s.path).name[0]}"  # and its real class named
            assert s.given_probability < 0.1 < s.likely_probability
    assert review.accuracy > 0.85
    # the same suspects as cleanlab finds from the same out-of-sample probabilities
    cleanlab_filter = pytest.importorskip("cleanlab.filter")
    theirs = cleanlab_filter.find_label_issues(np.array(review.labels), review.probabilities,
                                               filter_by="confident_learning")
    assert {review.sources[i] for i in np.flatnonzero(theirs)} == set(found)
    # the 7 filed under digit_0 too is a label conflict, whichever copy the classifier doubts
    pairs = [set(c.paths) for c in review.conflicts]
    assert {str(root / "digit_7" / "7_010.png"), str(root / "digit_0" / "seven_again.png")} in pairs

    name, classifier = find_classifier(mobilenet.model)
    given, likely = suspect_cams(mobilenet, review, review.suspects[0])
    assert given.shape == likely.shape and given.shape[2] == 3 and not np.array_equal(given, likely)
    assert find_classifier(mobilenet.model)[1] is classifier  # the model's own head is back


def test_too_few_images_or_classes_is_a_message(mobilenet: Predictor, mislabelled_digits, tmp_path: Path) -> None:
    import shutil

    root, _ = mislabelled_digits
    (tmp_path / "only").mkdir()
    shutil.copy(root / "digit_0" / "0_010.png", tmp_path / "only")
    with pytest.raises(ConvLensError, match="at least 2 classes"):
        run_to_end(find_label_issues(mobilenet, tmp_path))
    (tmp_path / "other").mkdir()
    shutil.copy(root / "digit_1" / "1_010.png", tmp_path / "other")
    shutil.copy(root / "digit_1" / "1_011.png", tmp_path / "other")
    with pytest.raises(ConvLensError, match="'only' has 1 readable images"):
        run_to_end(find_label_issues(mobilenet, tmp_path))

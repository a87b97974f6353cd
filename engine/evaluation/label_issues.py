"""Wrong labels found for you: confident learning (Northcutt, Jiang & Chuang 2021) on out-of-sample probabilities.

Confident learning needs every image's class probabilities from a model that never saw that image's label
(cleanlab#555: users spend days on the cross-validation). Here the backbone's features (the input of the model's
last layer) are computed once; a multinomial logistic-regression head is then cross-validated on them in k stratified
folds, which takes seconds. The head is scikit-learn's ``LogisticRegression(C)`` on standardised features (the
same objective, solved with L-BFGS in torch), its C chosen among 0.01, 0.1 and 1 by held-out log loss.

The filter is cleanlab's ``find_label_issues(filter_by="confident_learning")``: class j's threshold t_j is the mean
out-of-sample probability of j over the images labelled j; an image counts towards class j when p_j >= t_j (of
several such classes, the most probable); it is a suspect when that class is not its given label, unless the model
still gives its given label the highest probability. Suspects are ranked by self-confidence (the probability of the
given label), lowest first, as cleanlab's ``return_indices_ranked_by="self_confidence"``.

Pictures filed under two classes (the same bytes or a near-identical difference hash, as the health check finds
them) are flagged apart: a label conflict no classifier can settle.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

import numpy as np
import torch

from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.datasets import scan_class_folders
from convlens.engine.data.images import load_image
from convlens.engine.evaluation.embedding import EmbedProgress, folder_features
from convlens.engine.evaluation.health import NEAR_BITS, near_pairs
from convlens.engine.inspect.activations import default_cam_layer, require_inspectable
from convlens.engine.inspect.overlays import cam_picture
from convlens.engine.models.heads import find_classifier

if TYPE_CHECKING:
    from collections.abc import Generator, Iterator

    from convlens.engine.runtime.predict import Predictor

__all__ = ["FOLDS", "STRENGTHS", "calibrated_probabilities", "LabelProgress", "LabelReview", "LabelSuspect", "DuplicateConflict", "confident_learning",
           "cross_validated_probabilities", "fit_logistic", "find_label_issues", "stratified_folds", "suspect_cams"]

FOLDS = 5
T = TypeVar("T")
#: cleanlab's floating-point allowances (cleanlab.internal.constants): thresholds are compared with this slack,
#: floored at twice it, and an image whose given label is within it of the top probability is not a suspect.
_EPS = 1e-6


@dataclass(frozen=True)
class LabelProgress:
    stage: Literal["features", "folds"]
    done: int
    total: int


@dataclass(frozen=True)
class LabelSuspect:
    """An image whose folder is probably the wrong class."""

    path: str
    given: int  # index into the review's classes
    likely: int
    given_probability: float  # out-of-sample p(given class): the self-confidence it is ranked by
    likely_probability: float


@dataclass(frozen=True)
class DuplicateConflict:
    """The same picture (or a near copy) filed under different classes."""

    paths: tuple[str, str]
    classes: tuple[int, int]
    bits: int  # differing bits of the 64-bit difference hash (0: identical hashes)


@dataclass(frozen=True)
class LabelReview:
    root: str
    classes: tuple[str, ...]
    suspects: tuple[LabelSuspect, ...]  # most suspect first
    conflicts: tuple[DuplicateConflict, ...]
    images: int
    folds: int
    accuracy: float  # the cross-validated head's out-of-sample accuracy against the given labels
    strength: float  # the head's C (scikit-learn's inverse regularisation), chosen by held-out log loss
    thresholds: tuple[float, ...]  # per class
    sources: tuple[str, ...]
    labels: tuple[int, ...]
    probabilities: np.ndarray  # (images, classes) out-of-sample
    head_weight: np.ndarray  # (classes, features): a head fitted on every image, on the raw features (for CAMs)
    head_bias: np.ndarray  # (classes,)
    skipped: tuple[tuple[str, str], ...] = ()


# ------------------------------------------------------------------ the head and its cross-validation
def stratified_folds(labels: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    """A fold number (0..k-1) for each example: each class shuffled and dealt round the folds in turn."""
    rng = np.random.default_rng(seed)
    fold = np.empty(len(labels), np.int64)
    offset = 0
    for c in np.unique(labels):
        members = rng.permutation(np.flatnonzero(labels == c))
        fold[members] = (np.arange(len(members)) + offset) % k
        offset += len(members)  # the next class starts where this one stopped: folds stay the same size
    return fold


def fit_logistic(x: np.ndarray, y: np.ndarray, classes: int, c: float = 1.0, max_iter: int = 200,
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression: minimise C * sum(cross-entropy) + ||W||^2 / 2 (scikit-learn's objective,
    the bias not penalised). ``x`` is already standardised. Returns (W (classes, d), b (classes,))."""
    xt = torch.as_tensor(x, dtype=torch.float64)
    yt = torch.as_tensor(y, dtype=torch.int64)
    w = torch.zeros(classes, x.shape[1], dtype=torch.float64, requires_grad=True)
    b = torch.zeros(classes, dtype=torch.float64, requires_grad=True)
    optimiser = torch.optim.LBFGS([w, b], lr=1, max_iter=max_iter, tolerance_grad=1e-9, tolerance_change=1e-12,
                                  history_size=20, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        optimiser.zero_grad()
        loss = c * torch.nn.functional.cross_entropy(xt @ w.T + b, yt, reduction="sum") + 0.5 * (w * w).sum()
        loss.backward()
        return loss

    with torch.enable_grad():
        optimiser.step(closure)
    return w.detach().numpy(), b.detach().numpy()


def _standardise(train: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = train.mean(0)
    std = train.std(0)
    std[std == 0] = 1.0  # a feature constant on the training folds carries nothing (scikit-learn's StandardScaler)
    return mean, std


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def cross_validated_probabilities(features: np.ndarray, labels: np.ndarray, classes: int, k: int = FOLDS,
                                  seed: int = 0, c: float = 1.0, done: int = 0, total: int = 0,
                                  ) -> Generator[LabelProgress, None, np.ndarray]:
    """Out-of-sample class probabilities: each fold predicted by a head fitted on the other folds (standardised on
    them too). Yields after each fold (``done`` / ``total``: where these folds stand among several runs)."""
    fold = stratified_folds(labels, k, seed)
    out = np.zeros((len(labels), classes))
    for f in range(k):
        held, kept = fold == f, fold != f
        mean, std = _standardise(features[kept])
        w, b = fit_logistic((features[kept] - mean) / std, labels[kept], classes, c)
        out[held] = _softmax(((features[held] - mean) / std) @ w.T + b)
        yield LabelProgress("folds", done + f + 1, total or k)
    return out


#: The head's regularisation is chosen among these by out-of-sample log loss: with C = 1 on a backbone's 1280-2048
#: standardised features, a few hundred images are separable and the held-out probabilities saturate at 0 and 1,
#: which says nothing about how sure the head should be and ties the ranking.
STRENGTHS = (0.01, 0.1, 1.0)


def calibrated_probabilities(features: np.ndarray, labels: np.ndarray, classes: int, k: int = FOLDS, seed: int = 0,
                             ) -> Generator[LabelProgress, None, tuple[np.ndarray, float]]:
    """The cross-validated probabilities of the strength in ``STRENGTHS`` whose held-out log loss is lowest."""
    best: tuple[float, np.ndarray, float] | None = None
    for i, c in enumerate(STRENGTHS):
        probs = yield from cross_validated_probabilities(features, labels, classes, k, seed, c, i * k,
                                                         len(STRENGTHS) * k)
        loss = float(-np.log(np.clip(probs[np.arange(len(labels)), labels], 1e-12, None)).mean())
        if best is None or loss < best[0]:
            best = (loss, probs, c)
    assert best is not None
    return best[1], best[2]


# ------------------------------------------------------------------ confident learning (cleanlab's filter)
def confident_learning(labels: np.ndarray, probabilities: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(the suspects, ranked by self-confidence, lowest first; each image's likely class; the class thresholds),
    as cleanlab's ``find_label_issues(labels, pred_probs, filter_by="confident_learning",
    return_indices_ranked_by="self_confidence")``."""
    n, k = probabilities.shape
    present = np.bincount(labels, minlength=k) > 0
    thresholds = np.array([probabilities[labels == j, j].mean() if present[j] else 2.0 for j in range(k)])
    thresholds = np.clip(thresholds, 2 * _EPS, None)
    confident = probabilities >= thresholds - _EPS
    count = confident.sum(axis=1)
    likely = np.where(count > 1, probabilities.argmax(axis=1), confident.argmax(axis=1))
    suspect = (count > 0) & (likely != labels)
    bumped = probabilities.copy()
    bumped[np.arange(n), labels] += _EPS
    suspect &= bumped.argmax(axis=1) != labels  # the model still answers the given label: not a suspect
    self_confidence = probabilities[np.arange(n), labels]
    ranked = np.flatnonzero(suspect)
    ranked = ranked[np.argsort(self_confidence[ranked], kind="stable")]
    likely = np.where(count > 0, likely, probabilities.argmax(axis=1))  # no class confident: the top answer
    return ranked, likely, thresholds


# ------------------------------------------------------------------ the use case
def _as_stage(stage: Literal["features", "folds"], steps: Generator[EmbedProgress, None, T],
              ) -> Generator[LabelProgress, None, T]:
    try:
        while True:
            step = next(steps)
            yield LabelProgress(stage, step.done, step.total)
    except StopIteration as stop:
        return stop.value


def find_label_issues(predictor: Predictor, root: str | Path, folds: int = FOLDS, batch_size: int = 32,
                      seed: int = 0, near_bits: int = NEAR_BITS) -> Generator[LabelProgress, None, LabelReview]:
    """Suspect labels in a folder of class subfolders, most suspect first, and pictures filed under two classes."""
    root = Path(root)
    classes, files = scan_class_folders(root)
    if len(classes) < 2:
        raise ConvLensError("{root} has {n} class folders: finding wrong labels takes at least 2 classes.",
                            root=root, n=len(classes))
    found = yield from _as_stage("features", folder_features(predictor, files, batch_size, hashes=True))
    labels = np.asarray(found.labels, np.int64)
    counts = np.bincount(labels, minlength=len(classes))
    if counts.min() < 2:
        small = classes[int(counts.argmin())]
        raise ConvLensError("Class '{name}' has {n} readable images in {root}: cross-validation takes at least 2 "
                            "per class.", name=small, n=int(counts.min()), root=root)
    k = int(min(folds, counts.min()))
    x = found.matrix.astype(np.float64)
    probabilities, strength = yield from calibrated_probabilities(x, labels, len(classes), k, seed)
    ranked, likely, thresholds = confident_learning(labels, probabilities)
    suspects = tuple(LabelSuspect(found.sources[i], int(labels[i]), int(likely[i]),
                                  float(probabilities[i, labels[i]]), float(probabilities[i, likely[i]]))
                     for i in ranked)
    hashes = np.array(found.hashes, dtype=np.uint64)
    conflicts = [DuplicateConflict((found.sources[i], found.sources[j]), (int(labels[i]), int(labels[j])),
                                   bin(found.hashes[i] ^ found.hashes[j]).count("1"))
                 for i, j in near_pairs(hashes, near_bits) if labels[i] != labels[j]]
    mean, std = _standardise(x)
    w, b = fit_logistic((x - mean) / std, labels, len(classes), strength)
    raw_w = w / std
    raw_b = b - raw_w @ mean
    accuracy = float((probabilities.argmax(axis=1) == labels).mean())
    return LabelReview(str(root), tuple(classes), suspects, tuple(conflicts), len(labels), k, accuracy, strength,
                       tuple(float(t) for t in thresholds), tuple(found.sources), tuple(int(v) for v in labels),
                       probabilities, raw_w.astype(np.float32), raw_b.astype(np.float32), found.skipped)


@contextlib.contextmanager
def _with_review_head(model: torch.nn.Module, review: LabelReview) -> Iterator[torch.nn.Module]:
    """The model with the review's head (the folder's classes) in place of its classifier, restored afterwards."""
    name, old = find_classifier(model)
    device = next(old.parameters()).device
    weight = torch.from_numpy(review.head_weight).to(device)
    bias = torch.from_numpy(review.head_bias).to(device)
    new: torch.nn.Linear | torch.nn.Conv2d
    if isinstance(old, torch.nn.Linear):
        new = torch.nn.Linear(weight.shape[1], weight.shape[0])
        new.weight.data.copy_(weight)
    else:  # a 1x1-conv classifier (SqueezeNet): the same weights as a 1x1 convolution
        new = torch.nn.Conv2d(weight.shape[1], weight.shape[0], kernel_size=1)
        new.weight.data.copy_(weight[:, :, None, None])
    assert new.bias is not None
    new.bias.data.copy_(bias)
    new.to(device).eval()
    model.set_submodule(name, new)
    try:
        yield model
    finally:
        model.set_submodule(name, old)


def suspect_cams(predictor: Predictor, review: LabelReview, suspect: LabelSuspect, side: int = 320,
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Grad-CAM of the suspect's given class and of its likely class, from the review's head on the model's
    backbone (the model's own classes may not be the folder's), as RGB pictures at most ``side`` pixels."""
    model = predictor.model
    require_inspectable(model)
    picture = load_image(suspect.path)
    x = predictor.prepare([picture]).to(predictor.device)
    pre = predictor.preprocess
    with _with_review_head(model, review) as with_head:
        layer = default_cam_layer(with_head, (pre.channels, pre.crop, pre.crop))
        given, _ = cam_picture(with_head, pre, picture, x, layer, suspect.given, side)
        likely, _ = cam_picture(with_head, pre, picture, x, layer, suspect.likely, side)
    return given, likely

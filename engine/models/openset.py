""""Unknown / none of the above": refuse to answer when the model is not sure enough.

A classifier always names one of its classes, even for an empty background in front of the camera. Below a
confidence threshold ConvLens says "unknown" instead. The score is the top-1 probability after temperature scaling
(the maximum-softmax-probability baseline of Hendrycks & Gimpel 2017, "A Baseline for Detecting Misclassified and
Out-of-Distribution Examples").

On held-out data (the validation split after fine-tuning, or a folder the user gives), every example is either
*genuine* (a known class the model gets right) or an *impostor* (a known class it gets wrong, or an image of no
class at all: the ``_unknown`` folder). An answer is accepted when its confidence is above the threshold:

- false-accept rate (FAR) = accepted impostors / impostors: how often a wrong answer is still shown;
- true-accept rate (TAR) = accepted genuine / genuine: how many right answers survive.

The threshold for a target FAR alpha is the conformal quantile of the n impostor scores, the k-th smallest with
k = ceil((n + 1)(1 - alpha)): for a new impostor exchangeable with the held-out ones, P(accepted) <= alpha
(split conformal prediction; Vovk et al. 2005, Angelopoulos & Bates 2021). It needs n >= 1/alpha - 1 impostors.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from convlens.engine.core.choices import UNKNOWN_FOLDER
from convlens.engine.core.errors import ConvLensError

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["DEFAULT_FAR", "UNKNOWN_FOLDER", "UnknownCurve", "UnknownRule", "is_unknown"]

DEFAULT_FAR = 0.05


@dataclass(frozen=True)
class UnknownRule:
    """Answers with top-1 probability <= ``threshold`` are "unknown"."""

    threshold: float
    target_far: float
    far: float  # measured on the held-out data it was tuned on
    tar: float
    impostors: int
    genuine: int
    outside: int  # how many impostors were images of no class

    def to_dict(self) -> dict[str, float | int]:
        return {"threshold": self.threshold, "target_far": self.target_far, "far": self.far, "tar": self.tar,
                "impostors": self.impostors, "genuine": self.genuine, "outside": self.outside}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> UnknownRule | None:
        try:
            rule = cls(float(d["threshold"]), float(d.get("target_far", 0.0)), float(d.get("far", 0.0)),
                       float(d.get("tar", 0.0)), int(d.get("impostors", 0)), int(d.get("genuine", 0)),
                       int(d.get("outside", 0)))
        except (KeyError, TypeError, ValueError):
            return None
        return rule if 0.0 <= rule.threshold < 1.0 else None


@dataclass(frozen=True)
class UnknownCurve:
    """The held-out confidences, split into genuine and impostor; every threshold's FAR and TAR follow."""

    genuine: np.ndarray  # sorted top-1 probabilities of right answers
    impostor: np.ndarray  # sorted top-1 probabilities of wrong answers and of images of no class
    outside: int = 0

    @classmethod
    def from_scores(cls, confidence: Sequence[float] | np.ndarray, correct: Sequence[bool] | np.ndarray,
                    outside_confidence: Sequence[float] | np.ndarray = ()) -> UnknownCurve:
        confidence = np.asarray(confidence, np.float64)
        correct = np.asarray(correct, bool)
        outside = np.asarray(outside_confidence, np.float64)
        return cls(np.sort(confidence[correct]), np.sort(np.concatenate([confidence[~correct], outside])), len(outside))

    @classmethod
    def from_logits(cls, logits: np.ndarray, labels: Sequence[int], temperature: float = 1.0,
                    outside_logits: np.ndarray | None = None) -> UnknownCurve:
        """From raw scores (the calibrated probabilities are softmax(logits / T), as the app shows them)."""
        probs = softmax(np.asarray(logits, np.float64) / temperature)
        outside = softmax(np.asarray(outside_logits, np.float64) / temperature).max(1) if (
            outside_logits is not None and len(outside_logits)) else np.zeros(0)
        return cls.from_scores(probs.max(1), probs.argmax(1) == np.asarray(labels), outside)

    def rates(self, threshold: float) -> tuple[float, float]:
        """(FAR, TAR) when answers above ``threshold`` are accepted."""
        return _above(self.impostor, threshold), _above(self.genuine, threshold)

    def points(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Thresholds (every distinct score, and 0) with their FAR and TAR: the trade-off curve, FAR falling."""
        thresholds = np.unique(np.concatenate([[0.0], self.genuine, self.impostor]))
        far = 1.0 - np.searchsorted(self.impostor, thresholds, side="right") / max(1, len(self.impostor))
        tar = 1.0 - np.searchsorted(self.genuine, thresholds, side="right") / max(1, len(self.genuine))
        return thresholds, far, tar

    def minimum_impostors(self, far: float) -> int:
        return max(1, math.ceil(1.0 / far - 1.0 - 1e-9))

    def rule(self, far: float = DEFAULT_FAR) -> UnknownRule:
        """The threshold for a target false-accept rate (conformal quantile of the impostor scores)."""
        if not 0.0 < far < 1.0:
            raise ConvLensError("The false-accept target must be between 0 and 1 (e.g. 0.05), not {far}.", far=far)
        n = len(self.impostor)
        if n < self.minimum_impostors(far):
            raise ConvLensError(
                "Too few wrong or unknown examples to tune the unknown threshold for a {percent:g}% false-accept "
                "rate: {n} held out, at least {need} needed. Add images of none of the classes (e.g. the empty "
                "background) to a {folder} folder beside the class folders.",
                percent=100 * far, n=n, need=self.minimum_impostors(far), folder=UNKNOWN_FOLDER,
            )
        k = math.ceil((n + 1) * (1.0 - far))  # 1-based rank among the impostor scores
        threshold = float(self.impostor[min(k, n) - 1])
        measured_far, tar = self.rates(threshold)
        return UnknownRule(threshold, far, measured_far, tar, n, len(self.genuine), self.outside)

    def to_dict(self, digits: int = 5) -> dict[str, Any]:
        return {"genuine": np.round(self.genuine, digits).tolist(), "impostor": np.round(self.impostor, digits).tolist(),
                "outside": self.outside}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> UnknownCurve | None:
        if not isinstance(d, Mapping):
            return None
        try:
            return cls(np.sort(np.asarray(d["genuine"], np.float64)), np.sort(np.asarray(d["impostor"], np.float64)),
                       int(d.get("outside", 0)))
        except (KeyError, TypeError, ValueError):
            return None


def _above(sorted_scores: np.ndarray, threshold: float) -> float:
    if not len(sorted_scores):
        return 0.0
    return float(1.0 - np.searchsorted(sorted_scores, threshold, side="right") / len(sorted_scores))


def softmax(z: np.ndarray) -> np.ndarray:
    """Probabilities of raw scores ``z`` (N, C), numerically stable, in numpy: cheap enough for the window's thread
    (no torch); an empty or non-2-D ``z`` gives an empty (0, 1) array."""
    if z.ndim != 2 or not len(z):
        return np.zeros((0, 1))
    e = np.exp(z - z.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def is_unknown(top1_probability: float, threshold: float | None) -> bool:
    return threshold is not None and top1_probability <= threshold

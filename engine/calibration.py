"""Calibration: does "90% sure" come true 90% of the time? Reliability, expected calibration error, temperature.

A fine-tuned network is usually over-confident. Temperature scaling (Guo et al. 2017, "On Calibration of Modern
Neural Networks") divides the logits by one number T fitted on held-out data (the validation split) by minimising
the negative log-likelihood; it changes no prediction, only how sure each one is. The expected calibration error
(ECE) is the gap between confidence and accuracy, averaged over confidence bins weighted by their size.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

__all__ = ["BINS", "Reliability", "expected_calibration_error", "fit_temperature", "reliability"]

BINS = 15  # Guo et al.'s choice


@dataclass(frozen=True)
class Reliability:
    """Per confidence bin (uniform over [0, 1]): mean confidence, accuracy and the number of predictions."""

    edges: np.ndarray  # BINS + 1
    confidence: np.ndarray  # NaN where a bin is empty
    accuracy: np.ndarray
    count: np.ndarray

    @property
    def ece(self) -> float:
        filled = self.count > 0
        total = self.count.sum()
        gaps = np.abs(self.accuracy[filled] - self.confidence[filled]) * self.count[filled]
        return float(gaps.sum() / total) if total else 0.0


def reliability(probabilities: np.ndarray, labels: np.ndarray, bins: int = BINS) -> Reliability:
    """Top-1 confidence against correctness, binned as scikit-learn's ``calibration_curve`` bins (uniform)."""
    probabilities = np.asarray(probabilities, np.float64)
    labels = np.asarray(labels)
    confidence = probabilities.max(axis=1)
    correct = (probabilities.argmax(axis=1) == labels).astype(np.float64)
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.searchsorted(edges[1:-1], confidence)  # the bin of each prediction, as sklearn assigns it
    count = np.bincount(which, minlength=bins).astype(np.int64)
    with np.errstate(invalid="ignore"):
        mean_conf = np.bincount(which, weights=confidence, minlength=bins) / count
        accuracy = np.bincount(which, weights=correct, minlength=bins) / count
    return Reliability(edges, mean_conf, accuracy, count)


def expected_calibration_error(probabilities: np.ndarray, labels: np.ndarray, bins: int = BINS) -> float:
    return reliability(probabilities, labels, bins).ece


def fit_temperature(logits: torch.Tensor | np.ndarray, labels: torch.Tensor | np.ndarray) -> float:
    """The T > 0 that minimises the NLL of softmax(logits / T) on these (held-out) examples."""
    z = torch.as_tensor(np.asarray(logits), dtype=torch.float64)
    y = torch.as_tensor(np.asarray(labels), dtype=torch.long)
    log_t = torch.zeros((), dtype=torch.float64, requires_grad=True)  # T = exp(log_t) stays positive
    optimizer = torch.optim.LBFGS([log_t], lr=0.1, max_iter=200, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(z / log_t.exp(), y)
        loss.backward()
        return loss

    optimizer.step(closure)
    return float(log_t.detach().exp())

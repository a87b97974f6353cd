"""Calibration: does "90% sure" come true 90% of the time? Reliability, expected calibration error, temperature.

A fine-tuned network is usually over-confident. Temperature scaling (Guo et al. 2017, "On Calibration of Modern
Neural Networks") divides the logits by one number T fitted on held-out data (the validation split) by minimising
the negative log-likelihood; it changes no prediction, only how sure each one is. The expected calibration error
(ECE) is the gap between confidence and accuracy, averaged over confidence bins weighted by their size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from convlens.engine.models.openset import softmax

if TYPE_CHECKING:
    from collections.abc import Mapping

    import torch

__all__ = ["BINS", "MIN_ERRORS", "MIN_IMAGES", "T_FLOOR", "Calibration", "calibrate", "expected_calibration_error",
           "fit_temperature", "reliability"]

BINS = 15  # Guo et al.'s choice
#: Fewest validation images a temperature is fitted on. One number fitted by maximum likelihood needs examples in
#: most confidence bins; on a few dozen images the fitted T swings by a factor of several between splits.
MIN_IMAGES = 50
#: Fewest wrong answers among them: with none, the likelihood grows without bound as T -> 0 (every answer "100 %
#: sure"), and with one or two the fit is that one image's confidence, not the model's.
MIN_ERRORS = 3
#: The most a fitted temperature may sharpen (T < 1 makes answers surer). Guo et al.'s fitted temperatures for
#: over-confident modern networks lie between 1.1 and 2.5; a fine-tuned head can be under-confident, but below 0.5
#: (logits doubled) a split of a few hundred images is fitting its noise, so the floor keeps answers from reading
#: more certain than the validation split could ever show.
T_FLOOR = 0.5
T_CEILING = 10.0


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


def reliability_of_logits(logits: np.ndarray, labels: np.ndarray, temperature: float = 1.0,
                          bins: int = BINS) -> Reliability:
    """``reliability`` of raw scores at ``temperature``."""
    return reliability(softmax(np.asarray(logits, np.float64) / temperature), labels, bins)


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
    import torch

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


@dataclass(frozen=True)
class Calibration:
    """What temperature scaling did with a validation split: ``temperature`` (1.0 when none was fitted, with
    ``note`` saying why), how many images (and wrong answers) it rests on, and the expected calibration error
    before and after. ``ece_after`` is cross-fitted: each half of the split is scored with the temperature fitted
    on the other half, so it is not the optimism of scoring a fit on its own data."""

    temperature: float
    images: int
    errors: int
    ece_before: float
    ece_after: float
    fitted: bool
    note: str = ""
    clipped: bool = False  # the fit wanted a sharper T than ``T_FLOOR`` (or a flatter one than the ceiling)

    def to_training(self) -> dict[str, object]:
        return {"temperature": self.temperature, "ece_before": self.ece_before, "ece_after": self.ece_after,
                "calibration_images": self.images, "calibration_errors": self.errors,
                "calibration_fitted": self.fitted, "calibration_clipped": self.clipped,
                # plain data only in a checkpoint: the English words, and the template and values they came from,
                # so a front end in another language can show them in its own (``note_text``)
                "calibration_note": str(self.note),
                "calibration_note_template": str(getattr(self.note, "template", self.note)),
                "calibration_note_values": {k: str(v) if isinstance(v, str) else v
                                            for k, v in getattr(self.note, "values", {}).items()}}


    @classmethod
    def from_training(cls, training: Mapping[str, object]) -> Calibration | None:
        """The calibration ``to_training`` wrote (None where the record has none or it is not usable); records
        older than ``calibration_fitted`` count a temperature other than 1 as fitted."""
        if "calibration_images" not in training:
            return None
        try:
            t = _number(training.get("temperature", 1.0))
            fitted = training.get("calibration_fitted", t != 1.0)
            return cls(t, int(_number(training["calibration_images"])),
                       int(_number(training.get("calibration_errors", 0))),
                       _number(training.get("ece_before", 0.0)), _number(training.get("ece_after", 0.0)),
                       bool(fitted), note_text(training), bool(training.get("calibration_clipped", False)))
        except (TypeError, ValueError):
            return None


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{value!r} is not a number")
    return float(value)


def note_text(training: Mapping[str, object]) -> str:
    """Why no temperature was fitted, as a ``Text`` again when the record kept its template (older records: the
    English string)."""
    from convlens.engine.core.errors import text_from_record

    return text_from_record(training.get("calibration_note_template"), training.get("calibration_note_values"),
                            str(training.get("calibration_note", "")))


def _bounded(t: float) -> tuple[float, bool]:
    bounded = min(max(t, T_FLOOR), T_CEILING)
    return bounded, bounded != t


def calibrate(logits: torch.Tensor | np.ndarray, labels: torch.Tensor | np.ndarray, seed: int = 0) -> Calibration:
    """Temperature scaling on a validation split, only where the split can support it (``MIN_IMAGES`` images,
    ``MIN_ERRORS`` wrong answers) and never sharper than ``T_FLOOR``."""
    import torch

    from convlens.engine.core.errors import Text

    z = torch.as_tensor(np.asarray(logits), dtype=torch.float64)
    y = np.asarray(labels, dtype=np.int64)
    n = len(y)
    probs = z.softmax(1).numpy() if n else np.zeros((0, 1))
    errors = int((probs.argmax(1) != y).sum()) if n else 0
    before = expected_calibration_error(probs, y) if n else 0.0
    if n < MIN_IMAGES or errors < MIN_ERRORS:
        if n < MIN_IMAGES:
            note = Text("No temperature fitted: {n} validation images are too few to calibrate on (it takes at least "
                        "{min}); the probabilities are the model's own.", n=n, min=MIN_IMAGES)
        else:
            note = Text("No temperature fitted: {errors} of {n} validation answers are wrong, too few to learn how "
                        "often the model is wrong when it is sure (it takes at least {min}); the probabilities are "
                        "the model's own.", errors=errors, n=n, min=MIN_ERRORS)
        return Calibration(1.0, n, errors, before, before, False, note)
    t, clipped = _bounded(fit_temperature(z, y))
    # cross-fitted ECE: two halves, each scored with the other's temperature
    order = np.random.default_rng(seed).permutation(n)
    halves = (order[: n // 2], order[n // 2 :])
    scored = np.zeros_like(probs)
    for mine, other in ((halves[0], halves[1]), (halves[1], halves[0])):
        t_other, _ = _bounded(fit_temperature(z[other], y[other]))
        scored[mine] = (z[mine] / t_other).softmax(1).numpy()
    after = expected_calibration_error(scored, y)
    note = Text("Temperature T = {t:.2f} fitted on {n} validation images ({errors} wrong).", t=t, n=n, errors=errors)
    if clipped:
        note = Text("{note} The fit asked for a sharper T; it is held at {floor} so that answers never read surer "
                    "than the split can show.", note=note, floor=T_FLOOR)
    return Calibration(t, n, errors, before, after, True, note, clipped)

"""After training: what went wrong (or right), in terms the study notes use, each with the setting to try.

Seed 003 shows the classic case: 94.7% training accuracy against 88.6% on validation, over-fitting, cured there
with dropout and augmentation. ``diagnose`` looks at a finished run (its curves at the epoch kept, the class counts,
the per-class recall, the settings it ran with) and returns findings as data; the window and the CLI put them into
words (the window in the user's language).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypedDict

import numpy as np

from convlens.engine.core.errors import Text
from convlens.engine.data.datasets import FEW_IMAGES, IMBALANCE_RATIO

if TYPE_CHECKING:
    from convlens.engine.training.loop import TrainResult

__all__ = ["FEW_IMAGES", "IMBALANCE_RATIO", "OVERFIT_GAP", "UNDERFIT_ACCURACY", "WEAK_RECALL", "Finding", "Mistake",
           "diagnose", "mistakes"]

FindingKind = Literal["overfitting", "underfitting", "more_epochs", "imbalance", "few_images", "weak_class", "healthy"]
Setting = Literal["dropout", "augmentation", "more_samples", "more_epochs", "learning_rate", "unfreeze", "hidden",
                  "balance"]

#: Training accuracy this far (or more) above validation accuracy is over-fitting (seed 003: 94.7 vs 88.6).
OVERFIT_GAP = 0.05
#: Training accuracy below this at the epoch kept: the model has not even learnt the training images.
UNDERFIT_ACCURACY = 0.80
#: A class whose validation recall is this far below the overall accuracy is singled out.
WEAK_RECALL = 0.15


#: The numbers behind a finding, by kind (a TypedDict: the front ends read them as a dict, mypy checks the names).
FindingValues = TypedDict("FindingValues", {
    "train_acc": float, "val_acc": float, "epoch": int, "dropout": float, "lr": float,  # over- / under-fitting
    "epochs": int,  # still improving
    "small": str, "small_n": int, "large": str, "large_n": int, "ratio": float,  # imbalance
    "classes": str, "minimum": int,  # few images
    "class": str, "recall": float, "accuracy": float, "confused_with": str,  # a weak class
}, total=False)


@dataclass(frozen=True)
class Finding:
    """One observation: ``kind``, the numbers behind it, and the settings to try (in the order to try them)."""

    kind: FindingKind
    values: FindingValues = field(default_factory=lambda: FindingValues())
    try_settings: tuple[Setting, ...] = ()


def diagnose(result: TrainResult) -> list[Finding]:
    """Findings for a finished run, most important first; ``[Finding("healthy")]`` when nothing stands out."""
    config, classes = result.config, list(result.loaded.labels)
    findings: list[Finding] = []
    kept = next((h for h in result.history if h.epoch == result.best_epoch), result.history[-1])
    gap = kept.train_acc - kept.val_acc
    if gap >= OVERFIT_GAP:
        settings: list[Setting] = []
        if not config.augments:
            settings.append("augmentation")
        settings += ["dropout", "more_samples"]
        findings.append(Finding("overfitting", {"train_acc": kept.train_acc, "val_acc": kept.val_acc,
                                                "epoch": kept.epoch, "dropout": config.dropout}, tuple(settings)))
    elif kept.train_acc < UNDERFIT_ACCURACY:
        settings = ["more_epochs", "learning_rate"]
        if config.freeze_backbone and not config.from_scratch:
            settings.append("unfreeze")
        if not config.hidden:
            settings.append("hidden")
        findings.append(Finding("underfitting", {"train_acc": kept.train_acc, "val_acc": kept.val_acc,
                                                 "epoch": kept.epoch, "lr": config.lr}, tuple(settings)))
    if (not result.stopped_early and result.best_epoch == result.history[-1].epoch and len(result.history) > 1
            and result.history[-1].val_loss < result.history[-2].val_loss):
        findings.append(Finding("more_epochs", {"epochs": len(result.history)}, ("more_epochs",)))
    counts = np.asarray(result.train_counts, dtype=np.int64)
    if len(counts) and counts.min() > 0 and counts.max() / counts.min() >= IMBALANCE_RATIO:
        small, large = int(counts.argmin()), int(counts.argmax())
        findings.append(Finding("imbalance", {"small": classes[small], "small_n": int(counts[small]),
                                              "large": classes[large], "large_n": int(counts[large]),
                                              "ratio": float(counts.max() / counts.min())}, ("balance", "more_samples")))
    few = [(classes[i], int(n)) for i, n in enumerate(counts) if n < FEW_IMAGES]
    if few:
        findings.append(Finding("few_images", {"classes": ", ".join(f"{c} ({n})" for c, n in few),
                                               "minimum": FEW_IMAGES}, ("more_samples", "augmentation")))
    accuracy = result.val_accuracy
    matrix, _ = result.validation.confusion()  # every class of the model: square
    for i, score in enumerate(result.validation.scores()):
        if accuracy - score.recall >= WEAK_RECALL:
            row = matrix[i].copy()
            row[i] = 0
            confused = classes[int(row.argmax())] if row.sum() else ""
            findings.append(Finding("weak_class", {"class": classes[i], "recall": score.recall, "accuracy": accuracy,
                                                   "confused_with": confused}, ("more_samples",)))
    return findings or [Finding("healthy", {"val_acc": accuracy})]


@dataclass(frozen=True)
class Mistake:
    """One wrong answer on held-out images: the file, the true and the predicted class, how sure the model was."""

    source: str
    true: str
    predicted: str
    confidence: float


def mistakes(result: TrainResult) -> list[Mistake]:
    """Every wrong prediction on the validation split, most confident first (the most misleading ones), with the
    confidence the app shows (after temperature scaling)."""
    labels = result.validation.labels
    return [Mistake(v.source, labels[v.true], labels[v.predicted[0]], v.probabilities[0])
            for v in result.validation.misclassified()]


def finding_words(f: Finding) -> tuple[Text, Text]:
    """A finding's title and sentence, written once for both front ends: the window shows them in the user's
    language (``engine_text``), the CLI prints them as they are. The settings to try are each front end's own
    words (the CLI's flags, the window's controls)."""
    v = f.values
    if f.kind == "overfitting":
        return Text("Over-fitting"), Text(
            "{train:.1f}% on the training images against {val:.1f}% on validation (epoch {e}): the model "
            "learnt the training images better than the task.",
            train=100 * float(v["train_acc"]), val=100 * float(v["val_acc"]), e=v["epoch"])
    if f.kind == "underfitting":
        return Text("Under-fitting"), Text(
            "only {train:.1f}% even on the training images (validation {val:.1f}%): the model has not learnt "
            "the task yet.", train=100 * float(v["train_acc"]), val=100 * float(v["val_acc"]))
    if f.kind == "more_epochs":
        return Text("Still improving"), Text(
            "the validation loss was still falling in the last of the {n} epochs.", n=v["epochs"])
    if f.kind == "imbalance":
        return Text("Class imbalance"), Text(
            "{large} has {large_n} training images, {small} only {small_n} ({ratio:.1f}×): the model leans "
            "towards the larger class.", large=v["large"], large_n=v["large_n"], small=v["small"],
            small_n=v["small_n"], ratio=float(v["ratio"]))
    if f.kind == "few_images":
        return Text("Few images"), Text(
            "fewer than {n} training images in {classes}.", n=v["minimum"], classes=v["classes"])
    if f.kind == "weak_class":
        confused = Text(", mostly taken for {other}", other=v["confused_with"]) if v["confused_with"] else ""
        return Text("A weak class"), Text(
            "{c} is found less often: recall {r:.0f}% against {a:.0f}% overall{confused}.",
            c=v["class"], r=100 * float(v["recall"]), a=100 * float(v["accuracy"]), confused=confused)
    return Text("Nothing stands out"), Text(
        "validation accuracy {val:.1f}%, and training and validation agree.", val=100 * float(v["val_acc"]))

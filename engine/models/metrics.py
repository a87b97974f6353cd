"""What a classifier got right and wrong on labelled images: the one report both an evaluation of a folder
(``engine.evaluation.evaluate``) and a training run's validation split (``engine.training``) give back.

Per-class precision / recall / F1 / support follow ``sklearn.metrics.classification_report`` with the evaluated
classes as its ``labels``: a prediction of a class that is not among them counts against recall only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from convlens.engine.models.openset import UnknownCurve, softmax

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["ClassScore", "EvaluationReport", "FileVerdict"]


@dataclass(frozen=True)
class FileVerdict:
    source: str
    true: int  # class index in the model
    predicted: tuple[int, ...]  # top-k class indices, best first
    probabilities: tuple[float, ...]


@dataclass(frozen=True)
class ClassScore:
    index: int
    name: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class EvaluationReport:
    labels: tuple[str, ...]  # the model's class names
    classes: tuple[int, ...]  # the evaluated classes (model indices), in folder order
    verdicts: list[FileVerdict]
    topk: int
    skipped_folders: list[tuple[str, str]] = field(default_factory=list)  # (folder, why)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    outside: list[tuple[str, int, float]] = field(default_factory=list)  # images of no class: (file, top-1, prob)

    @classmethod
    def from_logits(cls, labels: Sequence[str], sources: Sequence[str], true: Sequence[int],
                    logits: np.ndarray | None, temperature: float = 1.0, topk: int = 5,
                    predicted: Sequence[int] | None = None) -> EvaluationReport:
        """The report of raw scores (``logits[i]`` for image ``sources[i]`` of class ``true[i]``), over every class
        of the model, with the probabilities the app shows: softmax(logits / temperature). Without scores (a run
        saved without them) only ``predicted`` is known, and its probability is NaN."""
        topk = max(1, min(topk, len(labels)))
        verdicts = []
        if logits is not None:
            probs = softmax(np.asarray(logits, np.float64) / temperature)
            order = np.argsort(-probs, axis=1, kind="stable")[:, :topk]
            for source, t, row, p in zip(sources, true, order, probs, strict=True):
                verdicts.append(FileVerdict(str(source), int(t), tuple(int(i) for i in row),
                                            tuple(float(p[i]) for i in row)))
        else:
            for source, t, guess in zip(sources, true, predicted or (), strict=True):
                verdicts.append(FileVerdict(str(source), int(t), (int(guess),), (float("nan"),)))
        return cls(tuple(labels), tuple(range(len(labels))), verdicts, topk)

    def unknown_curve(self) -> UnknownCurve:
        """The "unknown" trade-off on this data: right answers against wrong ones and images of no class."""
        return UnknownCurve.from_scores([v.probabilities[0] for v in self.verdicts],
                                        [v.predicted[0] == v.true for v in self.verdicts],
                                        [p for _, _, p in self.outside])

    @property
    def total(self) -> int:
        return len(self.verdicts)

    def accuracy(self, k: int = 1) -> float:
        if not self.verdicts:
            return 0.0
        return sum(1 for v in self.verdicts if v.true in v.predicted[:k]) / len(self.verdicts)

    def scores(self) -> list[ClassScore]:
        y_true = np.array([v.true for v in self.verdicts])
        y_pred = np.array([v.predicted[0] for v in self.verdicts])
        out = []
        for c in self.classes:
            tp = int(np.sum((y_pred == c) & (y_true == c)))
            predicted = int(np.sum(y_pred == c))
            support = int(np.sum(y_true == c))
            precision = tp / predicted if predicted else 0.0
            recall = tp / support if support else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            out.append(ClassScore(c, self.labels[c], precision, recall, f1, support))
        return out

    def averages(self) -> dict[str, tuple[float, float, float, int]]:
        """"macro avg" and "weighted avg" rows of classification_report: (precision, recall, f1, support)."""
        scores = self.scores()
        support = np.array([s.support for s in scores], float)
        rows = {}
        for name, weights in (("macro avg", np.ones_like(support)), ("weighted avg", support)):
            w = weights / weights.sum() if weights.sum() else weights
            rows[name] = (float(sum(s.precision * x for s, x in zip(scores, w, strict=True))),
                          float(sum(s.recall * x for s, x in zip(scores, w, strict=True))),
                          float(sum(s.f1 * x for s, x in zip(scores, w, strict=True))), int(support.sum()))
        return rows

    @property
    def every_class(self) -> bool:
        """Whether the evaluated classes are all the model's (a training run's validation split): then no answer
        can fall outside them and the matrix has no "(other)" column."""
        return len(set(self.classes)) == len(self.labels)

    def confusion(self) -> tuple[np.ndarray, list[str]]:
        """Rows: true class; columns: the evaluated classes, then "(other)" (any other class of the model) unless
        every class of the model is evaluated."""
        where = {c: i for i, c in enumerate(self.classes)}
        other = 0 if self.every_class else 1
        matrix = np.zeros((len(self.classes), len(self.classes) + other), np.int64)
        for v in self.verdicts:
            matrix[where[v.true], where.get(v.predicted[0], len(self.classes))] += 1
        return matrix, [self.labels[c] for c in self.classes] + ["(other)"] * other

    def rows(self) -> list[str]:
        """The matrix's row names: the evaluated classes."""
        return [self.labels[c] for c in self.classes]

    def files_in_cell(self, row: int, column: int) -> list[str]:
        true = self.classes[row]
        other = column >= len(self.classes)
        return [v.source for v in self.verdicts if v.true == true and (
            v.predicted[0] not in self.classes if other else v.predicted[0] == self.classes[column])]

    def misclassified(self) -> list[FileVerdict]:
        """Every wrong top-1 answer, most confident first (the most misleading ones)."""
        return sorted((v for v in self.verdicts if v.predicted[0] != v.true), key=lambda v: -v.probabilities[0])

    def classification_report(self, digits: int = 2) -> str:
        """The table scikit-learn's classification_report prints, for the evaluated classes."""
        scores = self.scores()
        width = max([len("weighted avg"), *(len(s.name) for s in scores)])
        head = " " * width + "".join(f"{h:>10}" for h in ("precision", "recall", "f1-score", "support"))
        lines = [head, ""]
        for s in scores:
            lines.append(f"{s.name:>{width}}" + "".join(f"{v:>10.{digits}f}" for v in (s.precision, s.recall, s.f1))
                         + f"{s.support:>10}")
        lines.append("")
        lines.append(f"{'accuracy':>{width}}" + " " * 20 + f"{self.accuracy(1):>10.{digits}f}{self.total:>10}")
        for name, (p, r, f, n) in self.averages().items():
            lines.append(f"{name:>{width}}" + "".join(f"{v:>10.{digits}f}" for v in (p, r, f)) + f"{n:>10}")
        return "\n".join(lines)

    def to_json(self) -> dict:
        matrix, columns = self.confusion()
        return {
            "images": self.total, "top1_accuracy": self.accuracy(1), f"top{self.topk}_accuracy": self.accuracy(self.topk),
            "classes": [{"index": s.index, "name": s.name, "precision": s.precision, "recall": s.recall,
                         "f1": s.f1, "support": s.support} for s in self.scores()],
            "averages": {k: dict(zip(("precision", "recall", "f1", "support"), v, strict=True))
                         for k, v in self.averages().items()},
            "confusion": {"rows": [self.labels[c] for c in self.classes], "columns": columns,
                          "counts": matrix.tolist()},
            "misclassified": [{"file": v.source, "true": self.labels[v.true], "predicted": self.labels[v.predicted[0]],
                               "probability": v.probabilities[0]} for v in self.misclassified()],
            "skipped_folders": [{"folder": f, "reason": r} for f, r in self.skipped_folders],
            "unreadable": [{"file": f, "reason": r} for f, r in self.unreadable],
            "outside": [{"file": f, "predicted": self.labels[i], "probability": p} for f, i, p in self.outside],
        }

    def csv_rows(self) -> list[list[str]]:
        rows = [["file", "true", "predicted", "probability", "correct", f"top{self.topk}"]]
        for v in self.verdicts:
            rows.append([v.source, self.labels[v.true], self.labels[v.predicted[0]], f"{v.probabilities[0]:.6f}",
                         "1" if v.predicted[0] == v.true else "0",
                         "; ".join(f"{self.labels[i]}:{p:.6f}" for i, p in zip(v.predicted, v.probabilities,
                                                                              strict=True))])
        return rows

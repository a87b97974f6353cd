"""What a reduced precision costs on a labelled folder: the same images evaluated by the f32 model and by the
reduced one (int8), side by side: accuracy of both, how often they agree, and each class's drop."""

from __future__ import annotations

from dataclasses import dataclass

from convlens.engine.models.metrics import EvaluationReport

__all__ = ["ClassDrop", "PrecisionCost", "precision_cost"]


@dataclass(frozen=True)
class ClassDrop:
    name: str
    support: int
    reference_recall: float  # top-1 accuracy on the class's images, f32
    reduced_recall: float

    @property
    def drop(self) -> float:
        return self.reference_recall - self.reduced_recall


@dataclass(frozen=True)
class PrecisionCost:
    precision: str  # of the reduced model: "int8"
    images: int
    reference_top1: float
    reduced_top1: float
    topk: int
    reference_topk: float
    reduced_topk: float
    agree: int  # images whose top-1 answer is the same in both
    classes: tuple[ClassDrop, ...]

    @property
    def agreement(self) -> float:
        return self.agree / self.images if self.images else 0.0

    def lines(self) -> list[str]:
        p = self.precision
        out = [f"f32 vs {p} on the same {self.images} images:",
               f"  top-1 accuracy: f32 {100 * self.reference_top1:.2f}%   {p} {100 * self.reduced_top1:.2f}%   "
               f"(change {100 * (self.reduced_top1 - self.reference_top1):+.2f} points)",
               f"  top-{self.topk} accuracy: f32 {100 * self.reference_topk:.2f}%   {p} {100 * self.reduced_topk:.2f}%",
               f"  top-1 agreement of {p} with f32: {100 * self.agreement:.2f}% ({self.agree} of {self.images})",
               f"  per class, top-1 accuracy f32 -> {p} (largest drop first):"]
        width = max([len(c.name) for c in self.classes] + [5])
        for c in sorted(self.classes, key=lambda c: -c.drop):
            out.append(f"    {c.name:<{width}}  {100 * c.reference_recall:6.1f}% -> {100 * c.reduced_recall:6.1f}%  "
                       f"({100 * -c.drop:+.1f}, {c.support} images)")
        return out

    def to_json(self) -> dict:
        return {"precision": self.precision, "images": self.images, "f32_top1_accuracy": self.reference_top1,
                f"{self.precision}_top1_accuracy": self.reduced_top1, "top1_agreement": self.agreement,
                "classes": [{"name": c.name, "support": c.support, "f32_accuracy": c.reference_recall,
                             f"{self.precision}_accuracy": c.reduced_recall} for c in self.classes]}


def precision_cost(reference: EvaluationReport, reduced: EvaluationReport, precision: str) -> PrecisionCost:
    """``reference`` (f32) and ``reduced`` are evaluations of the same folder; images either could not read are
    left out of both."""
    mine = {v.source: v for v in reduced.verdicts}
    pairs = [(v, mine[v.source]) for v in reference.verdicts if v.source in mine]
    ref = EvaluationReport(reference.labels, reference.classes, [a for a, _ in pairs], reference.topk)
    red = EvaluationReport(reduced.labels, reduced.classes, [b for _, b in pairs], reduced.topk)
    agree = sum(a.predicted[0] == b.predicted[0] for a, b in pairs)
    drops = tuple(ClassDrop(r.name, r.support, r.recall, d.recall)
                  for r, d in zip(ref.scores(), red.scores(), strict=True))
    return PrecisionCost(precision, len(pairs), ref.accuracy(1), red.accuracy(1), ref.topk, ref.accuracy(ref.topk),
                         red.accuracy(red.topk), agree, drops)

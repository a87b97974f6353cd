"""The Teach tab's state, Qt-free: is a training running, the finished run and the engine's diagnosis of it, and
the report the confusion matrix shows (the run's validation split, or a folder the model was evaluated on).

The controller changes it from the engine's answers; ``TeachView`` subscribes to its events and redraws. Nothing
here imports Qt (the import contract in pyproject.toml holds it to that), so it is tested without a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from convlens.gui.observable import Event

if TYPE_CHECKING:  # a run holds its model: torch, which the window's state need not import to exist
    from convlens.engine.models.metrics import EvaluationReport
    from convlens.engine.training.config import TrainResult
    from convlens.engine.training.diagnose import Finding

__all__ = ["Mistake", "TeachState"]


@dataclass(frozen=True)
class Mistake:
    """A wrong answer of the report on show: the image, its class, the model's answer and how sure it was."""

    source: str
    true: str
    predicted: str
    confidence: float


class TeachState:
    """What the Teach tab shows; ``started``, ``run_finished`` and ``report_changed`` say when it changes."""

    def __init__(self) -> None:
        self.running = False
        self.result: TrainResult | None = None
        self.findings: tuple[Finding, ...] = ()  # the engine's diagnosis of ``result``
        self.report: EvaluationReport | None = None  # in the matrix
        self.started: Event[None] = Event()  # a training started: the last run's results go
        self.run_finished: Event[TrainResult] = Event()  # it gave a model (after ``report_changed``)
        self.report_changed: Event[EvaluationReport | None] = Event()

    # ------------------------------------------------------------ changes (the controller's)
    def start(self) -> None:
        self.running, self.result, self.findings = True, None, ()
        self._set_report(None)
        self.started.emit(None)

    def finish(self, result: TrainResult, findings: tuple[Finding, ...]) -> None:
        self.running, self.result, self.findings = False, result, findings
        self._set_report(result.validation)
        self.run_finished.emit(result)

    def end(self) -> None:
        """The training ended without a model (failed or cancelled): the previous model stays."""
        self.running = False

    def evaluated(self, report: EvaluationReport) -> None:
        """A folder was evaluated: its report replaces the one in the matrix (the run stays)."""
        self._set_report(report)

    def _set_report(self, report: EvaluationReport | None) -> None:
        self.report = report
        self.report_changed.emit(report)

    # ------------------------------------------------------------ questions (the view's)
    def files_in_cell(self, true: int, predicted: int) -> list[str]:
        return self.report.files_in_cell(true, predicted) if self.report is not None else []

    def mistakes(self) -> list[Mistake]:
        """Every wrong answer of the report on show, most confident first."""
        if self.report is None:
            return []
        labels = self.report.labels
        return [Mistake(v.source, labels[v.true], labels[v.predicted[0]], v.probabilities[0])
                for v in self.report.misclassified()]

    def mistake_pairs(self) -> dict[str, tuple[str, str]]:
        """image -> (true class, predicted class) of every wrong answer on show."""
        return {m.source: (m.true, m.predicted) for m in self.mistakes()}

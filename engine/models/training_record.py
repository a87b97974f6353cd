"""``TrainingRecord``: what a fine-tune leaves on its model, typed (``LoadedModel.training``).

The settings it ran with, the best epoch and its validation accuracy, the temperature scaling fitted on the
validation split (``engine.models.calibration``), and the "unknown" rule with the held-out curve it was tuned on
(``engine.models.openset``). Checkpoints, projects and exported files keep it as the plain mapping ``to_dict``
writes (the same keys ConvLens has always written); ``from_dict`` reads that back, from files of any version, and
checks each value, since a file is input like any other.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from convlens.engine.core.errors import ConvLensError
from convlens.engine.models.calibration import Calibration
from convlens.engine.models.openset import UnknownCurve, UnknownRule

__all__ = ["TrainingRecord"]

#: Keys the record's own fields are written under; every other key of a stored record is a training setting.
_OWN = frozenset({"best_epoch", "val_accuracy", "temperature", "ece_before", "ece_after", "calibration_images",
                  "calibration_errors", "calibration_fitted", "calibration_clipped", "calibration_note",
                  "calibration_note_template", "calibration_note_values", "unknown", "unknown_curve"})


@dataclass(frozen=True, eq=False)
class TrainingRecord:
    """How a model was trained and what was measured on its held-out images when it was."""

    #: the training settings as plain values (``dataclasses.asdict(TrainConfig)``, plus ``processes`` for a run on
    #: several), kept as written: a file may come from a ConvLens with other settings
    config: dict[str, Any] = field(default_factory=dict)
    best_epoch: int | None = None
    val_accuracy: float | None = None
    temperature: float = 1.0  # softmax(logits / T); 1.0: the model's own probabilities
    calibration: Calibration | None = None  # how ``temperature`` was found, where a fine-tune fitted it
    unknown: UnknownRule | None = None  # answers at or below its threshold are "unknown"
    unknown_curve: UnknownCurve | None = None  # the held-out confidences the rule was (or can be) tuned on

    @classmethod
    def from_dict(cls, stored: Mapping[str, Any]) -> TrainingRecord:
        """The record ``to_dict`` wrote; a temperature that is not a number above 0 is refused (it would change
        every probability), the other measurements are dropped where they do not have their shape."""
        t = stored.get("temperature", 1.0)
        if isinstance(t, bool) or not isinstance(t, int | float) or not math.isfinite(t) or t <= 0:
            raise ConvLensError("its temperature {t!r} is not usable (a number above 0).", t=t)
        best, accuracy = stored.get("best_epoch"), stored.get("val_accuracy")
        unknown = stored.get("unknown")
        return cls(
            config={str(k): v for k, v in stored.items() if k not in _OWN},
            best_epoch=best if isinstance(best, int) and not isinstance(best, bool) else None,
            val_accuracy=float(accuracy) if isinstance(accuracy, int | float) and not isinstance(accuracy, bool)
            else None,
            temperature=float(t),
            calibration=Calibration.from_training(stored),
            unknown=UnknownRule.from_dict(unknown) if isinstance(unknown, Mapping) else None,
            unknown_curve=UnknownCurve.from_dict(stored.get("unknown_curve")),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data for a checkpoint or a project (JSON-able; nothing in it runs code when read)."""
        out: dict[str, Any] = dict(self.config)
        if self.best_epoch is not None:
            out["best_epoch"] = self.best_epoch
        if self.val_accuracy is not None:
            out["val_accuracy"] = self.val_accuracy
        out["temperature"] = self.temperature
        if self.calibration is not None:
            out.update(self.calibration.to_training(), temperature=self.temperature)
        if self.unknown is not None:
            out["unknown"] = self.unknown.to_dict()
        if self.unknown_curve is not None:
            out["unknown_curve"] = self.unknown_curve.to_dict()
        return out

    def with_unknown(self, rule: UnknownRule | None, curve: UnknownCurve | None) -> TrainingRecord:
        """This record with another "unknown" rule (None: none) and, where given, its curve."""
        return replace(self, unknown=rule, unknown_curve=curve if curve is not None else self.unknown_curve)

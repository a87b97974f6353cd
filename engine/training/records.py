"""A training run (``train.TrainResult``) as plain records for a project file, and back.

JSON for the scalars, lists and settings, numpy arrays for the matrices and scores: nothing that runs code when
read. A record that does not have the shape a run has is refused as damaged, naming the field.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import numpy as np

from convlens.engine.core.choices import OPTIMIZERS
from convlens.engine.core.errors import ConvLensError
from convlens.engine.models.metrics import EvaluationReport
from convlens.engine.training.loop import EpochStats, TrainConfig, TrainResult

if TYPE_CHECKING:
    from convlens.engine.models.loaded import LoadedModel

__all__ = ["config_from_dict", "run_from_records", "run_to_records"]

_ARRAYS = ("val_logits", "unknown_logits")


def run_to_records(result: TrainResult) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """(JSON-able record, arrays) of ``result``; its model is saved beside it, not here."""
    record = {
        "history": [dataclasses.asdict(e) for e in result.history],
        "best_epoch": int(result.best_epoch),
        "val_sources": [v.source for v in result.validation.verdicts],
        "val_true": [v.true for v in result.validation.verdicts],
        "val_pred": [v.predicted[0] for v in result.validation.verdicts],
        "cached": bool(result.cached),
        "stopped_early": bool(result.stopped_early),
        "seconds": float(result.seconds),
        "notes": [str(n) for n in result.notes],
        "skipped": [[str(f), str(r)] for f, r in result.skipped],
        "train_counts": [int(c) for c in result.train_counts],
        "config": dataclasses.asdict(result.config),
        "unknown_note": str(result.unknown_note),
    }
    arrays = {name: np.asarray(getattr(result, name)) for name in _ARRAYS if getattr(result, name) is not None}
    # the matrix and the per-class scores too, as the format has always had them (a reader of an older ConvLens)
    matrix, _ = result.validation.confusion()
    scores = result.validation.scores()
    arrays.update(confusion=matrix, precision=np.array([c.precision for c in scores]),
                  recall=np.array([c.recall for c in scores]))
    return record, arrays


def _damaged(what: str) -> ConvLensError:
    return ConvLensError("The training run in this project is damaged ({what}); the model was opened without it.",
                         what=what)


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise _damaged(what)


def config_from_dict(values: Any) -> TrainConfig:
    """``TrainConfig`` from its ``asdict`` form, each value checked against its field's type."""
    _check(isinstance(values, dict), "config is not an object")
    defaults = TrainConfig()
    kept: dict[str, Any] = {}
    for f in dataclasses.fields(TrainConfig):
        if f.name not in values:
            continue
        value, default = values[f.name], getattr(defaults, f.name)
        if isinstance(default, bool):
            _check(isinstance(value, bool), f"config.{f.name}")
        elif isinstance(default, (int, float)):
            _check(isinstance(value, (int, float)) and not isinstance(value, bool), f"config.{f.name}")
            value = type(default)(value)
        elif isinstance(default, str):
            _check(isinstance(value, str), f"config.{f.name}")
            if f.name == "optimizer":
                _check(value in OPTIMIZERS, f"config.optimizer {value!r}")
        kept[f.name] = value
    return TrainConfig(**kept)


def run_from_records(record: dict[str, Any], arrays: dict[str, np.ndarray], loaded: LoadedModel) -> TrainResult:
    """The run ``run_to_records`` wrote, with ``loaded`` (the project's model) as its model."""
    try:
        history = [EpochStats(**{f.name: type_(e[f.name]) for f, type_ in
                                 zip(dataclasses.fields(EpochStats), (int, float, float, float, float, float), strict=True)})
                   for e in record["history"]]
        n = len(loaded.labels)
        val_true, val_pred = [int(v) for v in record["val_true"]], [int(v) for v in record["val_pred"]]
        sources = [str(s) for s in record["val_sources"]]
        _check(len(val_true) == len(val_pred) == len(sources), "validation answers of different lengths")
        _check(all(0 <= v < n for v in (*val_true, *val_pred)), "a class index out of range")
        logits = arrays.get("val_logits")
        _check(logits is None or logits.shape == (len(val_true), n), "validation scores")
        unknown = arrays.get("unknown_logits")
        _check(unknown is None or (unknown.ndim == 2 and unknown.shape[1] == n), "held-out scores")
        logits = None if logits is None else np.asarray(logits, dtype=np.float32)
        validation = EvaluationReport.from_logits(loaded.labels, sources, val_true, logits, loaded.temperature,
                                                  predicted=val_pred)
        return TrainResult(
            loaded=loaded, history=history, best_epoch=int(record["best_epoch"]), validation=validation,
            cached=bool(record["cached"]), stopped_early=bool(record["stopped_early"]),
            seconds=float(record["seconds"]), notes=[str(x) for x in record.get("notes", [])],
            skipped=[(str(f), str(r)) for f, r in record.get("skipped", [])],
            train_counts=[int(c) for c in record.get("train_counts", [])], config=config_from_dict(record.get("config", {})),
            val_logits=logits,
            unknown_logits=None if unknown is None else np.asarray(unknown, dtype=np.float32),
            unknown_note=str(record.get("unknown_note", "")))
    except (KeyError, TypeError, ValueError) as exc:
        raise _damaged(f"{type(exc).__name__}: {exc}") from None

"""Teaching: training from a folder, evaluating, the unknown threshold, the data map and its moves, the
health check, the training bundle for a bigger machine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from convlens.engine.app.tasks.model import _freeze_long_lived_objects
from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.evaluation.embedding import move_files, undo_move
from convlens.engine.evaluation.health import check_folder
from convlens.engine.training.diagnose import diagnose
from convlens.engine.training.loop import SINGLE

if TYPE_CHECKING:
    from collections.abc import Generator, Sequence

    import numpy as np

    from convlens.engine.app.session import EngineSession, ModelInfo
    from convlens.engine.evaluation.embedding import Move
    from convlens.engine.evaluation.health import HealthProgress, HealthReport
    from convlens.engine.evaluation.label_issues import LabelReview, LabelSuspect
    from convlens.engine.models.openset import UnknownCurve, UnknownRule
    from convlens.engine.training.config import Ranks
    from convlens.engine.training.diagnose import Finding
    from convlens.engine.training.loop import EpochStats, TrainConfig, TrainProgress, TrainResult


def write_training_bundle(_session: EngineSession, folder: str, arch: str, weights: str, data: str, val_data: str,
                          config: TrainConfig) -> str:
    """The training set up here, as a bundle to run on a bigger machine (``engine.training.bundle``)."""
    from convlens.engine.training.bundle import TrainingBundle, write_bundle

    if not arch:
        raise ConvLensError("Choose an architecture first.")
    if not data:
        raise ConvLensError("Choose a training folder: one subfolder of images per class.")
    return str(write_bundle(folder, TrainingBundle(arch, weights, data, val_data, 0.2, config)))


def check_data(_session: EngineSession, folder: str, val_folder: str = "") -> Generator[HealthProgress, None,
                                                                                      HealthReport]:
    """The health check of a training folder (``engine.evaluation.health``)."""
    return (yield from check_folder(folder, val_folder or None))



def evaluate(session: EngineSession, folder: str, topk: int = 5):
    """The current model on a folder of class subfolders; returns an ``EvaluationReport``."""
    from convlens.engine.evaluation.evaluate import evaluate_folder

    if session.predictor is None:
        raise ConvLensError("Load a model first: the evaluation measures the current model.")
    # The PyTorch model itself (as `convlens evaluate` by default): a bf16 runtime can move borderline answers.
    return (yield from evaluate_folder(session.torch_predictor or session.predictor, folder, topk))


@dataclass(frozen=True)
class UnknownTuned:
    """The "unknown" trade-off of the current model, the rule now in force (None: off) and why, if none."""

    curve: UnknownCurve | None
    rule: UnknownRule | None
    info: ModelInfo
    note: str = ""


def _apply_far(session: EngineSession, curve: UnknownCurve | None, far: float) -> UnknownTuned:
    if not far or curve is None:
        return UnknownTuned(curve, None, session.set_unknown(None, curve))
    try:
        rule = curve.rule(far)
    except ConvLensError as exc:  # too few impostors: the curve is still worth showing, with why
        return UnknownTuned(curve, None, session.set_unknown(None, curve), exc.text)
    return UnknownTuned(curve, rule, session.set_unknown(rule, curve))


def tune_unknown(session: EngineSession, folder: str, far: float, unknown_dir: str = ""):
    """Tune the current model's "unknown" threshold on a folder of class subfolders (and images of no class in its
    ``_unknown`` subfolder or ``unknown_dir``) for a target false-accept rate. Yields ``BatchProgress``."""
    from convlens.engine.evaluation.evaluate import evaluate_folder

    predictor = session.torch_predictor or session.predictor
    if predictor is None:
        raise ConvLensError("Load a model first: the evaluation measures the current model.")
    report = yield from evaluate_folder(predictor, folder, 1, unknown_dirs=[unknown_dir] if unknown_dir else [])
    return _apply_far(session, report.unknown_curve(), far)


def set_unknown_far(session: EngineSession, far: float) -> UnknownTuned:
    """Re-choose the threshold on the curve the model already has for another false-accept target (0: off)."""
    return _apply_far(session, session.unknown_curve(), far)


def embed(session: EngineSession, folder: str, method: str = "auto"):
    """The data map of a folder of class subfolders with the current (PyTorch) model; returns an ``Embedding``."""
    from convlens.engine.evaluation.embedding import embed_folder

    predictor = session.torch_predictor or session.predictor
    if predictor is None:
        raise ConvLensError("Load a model first: the data map shows what the current model sees.")
    return (yield from embed_folder(predictor, folder, method))


def move_to_class(_session: EngineSession, paths: Sequence[str], root: str, class_name: str) -> Move:
    return move_files(paths, root, class_name)


def undo_moves(_session: EngineSession, move: Move) -> int:
    return undo_move(move)


def find_wrong_labels(session: EngineSession, folder: str):
    """Suspect labels in a folder of class subfolders, with the current (PyTorch) model's features; returns a
    ``LabelReview`` (``engine.evaluation.label_issues``)."""
    from convlens.engine.evaluation.label_issues import find_label_issues

    predictor = session.torch_predictor
    if predictor is None:
        raise ConvLensError("Load a model first: wrong labels are found with the current model's features.")
    return (yield from find_label_issues(predictor, folder))


def label_cams(session: EngineSession, review: LabelReview, suspect: LabelSuspect, side: int = 320,
               ) -> tuple[np.ndarray, np.ndarray]:
    """A suspect's CAM for its given and its likely class (the review's head on the current model's backbone)."""
    from convlens.engine.evaluation.label_issues import suspect_cams

    predictor = session.torch_predictor
    if predictor is None:
        raise ConvLensError("Load a model first: wrong labels are found with the current model's features.")
    return suspect_cams(predictor, review, suspect, side)



# ------------------------------------------------------------------ teaching
@dataclass(frozen=True)
class TrainStatus:
    text: str


@dataclass(frozen=True)
class TrainDataRead(TrainStatus):
    """The training data was read: ``text`` describes it (classes, images per split)."""


@dataclass(frozen=True)
class TrainFinished:
    result: TrainResult
    info: ModelInfo | None  # None for a process of a distributed run (nothing installed)
    findings: tuple[Finding, ...] = ()  # the diagnosis of the run (``engine.training.diagnose``), made here


def train(session: EngineSession, data: str, config: TrainConfig, val_data: str = "",
          val_split: float = 0.2, stream: bool | None = None, ranks: Ranks = SINGLE,
          ) -> Generator[TrainStatus | TrainProgress | EpochStats, None, TrainFinished]:
    """Fine-tune (or train from scratch) the current model on a folder of class subfolders or MNIST's idx files;
    only a finished run replaces it, and it is then run by the session's runtime like any loaded model.

    ``stream``: decode images as training needs them (None: for large folders). ``ranks``: one process of a
    torchrun job (``engine.training.distributed``); the model is then only returned, not installed (no window to show it)."""
    from convlens.engine.data.datasets import is_mnist_folder, load_image_folder, load_mnist
    from convlens.engine.training.loop import fine_tune

    if session.predictor is None:
        raise ConvLensError("Load a model first.")
    yield TrainStatus(Text("Reading images…"))
    if is_mnist_folder(data):
        dataset = load_mnist(data, seed=config.seed)
    else:
        dataset = load_image_folder(data, val_data or None, val_split, seed=config.seed, stream=stream)
    yield TrainDataRead(dataset.describe())
    loaded = session.pytorch_model  # never the faster runtime's copy: it has no gradients
    if config.from_scratch and loaded.arch is not None:
        from convlens.engine.weights.load import load_random

        loaded = load_random(loaded.arch)
    result = yield from fine_tune(loaded, dataset, config, session.device, ranks)
    findings = tuple(diagnose(result))  # here, not on the window's thread
    if ranks.active:
        return TrainFinished(result, None, findings)
    info = session.install_with_runtime(result.loaded)  # classified by the chosen runtime, like a loaded model
    _freeze_long_lived_objects()
    return TrainFinished(result, info, findings)



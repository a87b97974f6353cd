"""Saving and opening a ``.convlens`` project."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from convlens.engine.app.tasks.model import _freeze_long_lived_objects
from convlens.engine.core.errors import ConvLensError, Text

if TYPE_CHECKING:
    from collections.abc import Callable

    from convlens.engine.app.session import EngineSession, ModelInfo
    from convlens.engine.training.diagnose import Finding
    from convlens.engine.training.loop import TrainResult


# ------------------------------------------------------------------ projects
@dataclass(frozen=True)
class ProjectOpened:
    """A project was read and its model installed: what the front end restores its tabs from."""

    path: str
    info: ModelInfo
    state: dict
    model: dict  # the manifest's model entry (kind, arch, path, labels_file, unsaved)
    run: TrainResult | None
    saved: float
    notes: tuple[str, ...] = ()  # what could not be restored as it was (a run that is damaged...)
    findings: tuple[Finding, ...] = ()  # the diagnosis of ``run``


def save_project(session: EngineSession, path: str, model: dict, state: dict, run: TrainResult | None,
                 embed_model: bool) -> str:
    """Write the session as a ``.convlens`` project (atomically): ``model`` names the model; ``embed_model``
    stores its checkpoint too (a model trained here); ``run`` is the training run whose records go with it."""
    from convlens.engine.core.fileio import check_writable
    from convlens.engine.training.records import run_to_records
    from convlens.engine.weights.checkpoints import write_checkpoint
    from convlens.engine.weights.project import Project, write_project

    writer: Callable[[IO[bytes]], None] | None = None
    needs = 0
    if embed_model:
        if session.predictor is None:
            raise ConvLensError("No model to save.")
        trained = session.pytorch_model

        def writer(stream: IO[bytes]) -> None:
            write_checkpoint(stream, trained)

        needs = sum(t.numel() * t.element_size() for t in trained.model.state_dict().values())
    record, arrays = run_to_records(run) if run is not None else (None, {})
    check_writable(path, needs=needs + sum(a.nbytes for a in arrays.values()))
    write_project(path, Project(model=dict(model), state=dict(state), run=record, arrays=arrays), writer)
    return path


def open_project(session: EngineSession, path: str) -> ProjectOpened:
    """Read a project (checked whole first: a damaged one changes nothing) and install its model. A model it names
    that cannot be had now (a file that is gone, pretrained weights offline) is said so in ``notes`` and the bundled
    model answers instead; a damaged training run is left out, with a note."""
    from convlens.engine.training.diagnose import diagnose
    from convlens.engine.training.records import run_from_records
    from convlens.engine.weights.bundled import load_bundled
    from convlens.engine.weights.load import load_project_model
    from convlens.engine.weights.project import read_project

    project = read_project(path)
    notes: list[str] = []
    try:
        loaded = load_project_model(Path(path), None, None, project)
    except ConvLensError as exc:
        if project.has_checkpoint:
            raise  # the project's own model is unreadable: nothing to open
        notes.append(Text("{why} The bundled model is in use instead.", why=str(exc)))
        loaded = load_bundled()
    run = None
    if project.run is not None and project.has_checkpoint:
        try:
            run = run_from_records(project.run, project.arrays, loaded)
        except ConvLensError as exc:
            notes.append(str(exc))
    info = session.install_with_runtime(loaded)
    _freeze_long_lived_objects()
    findings = tuple(diagnose(run)) if run is not None else ()
    return ProjectOpened(str(path), info, project.state, project.model, run, project.saved, tuple(notes), findings)

"""State-dict files (``torch.save`` or safetensors) and ConvLens checkpoints: reading them safely, writing them
atomically.

Safety: ``torch.load(..., weights_only=True)`` only, so a file whose unpickling would run code is refused,
never executed.
"""

from __future__ import annotations

import io
import json
import pickle
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import torch

from convlens.engine.core.errors import ConvLensError
from convlens.engine.core.fileio import atomic_path
from convlens.engine.models.heads import HeadLayout
from convlens.engine.models.preprocess import Preprocess
from convlens.engine.models.training_record import TrainingRecord

if TYPE_CHECKING:
    from convlens.engine.models.loaded import LoadedModel
    from convlens.engine.weights.formats import WeightsFormat

__all__ = ["CHECKPOINT_FORMAT", "StateFile", "checkpoint_bytes", "read_state_file", "save_checkpoint",
           "write_checkpoint"]

CHECKPOINT_FORMAT = "convlens-checkpoint"
#: More class names than any classifier here has (ImageNet-21k has 21,841).
MAX_CLASSES = 100_000


@dataclass
class StateFile:
    """A state dict and what a ConvLens checkpoint (or a safetensors file's metadata) says about it."""

    state: dict[str, torch.Tensor]
    arch: str | None = None
    classes: list[str] | None = None
    preprocess: Preprocess | None = None
    head_layout: HeadLayout | None = None
    build_options: dict[str, Any] = field(default_factory=dict)
    training: TrainingRecord | None = None

    @classmethod
    def from_meta(cls, state: dict[str, torch.Tensor], meta: Mapping[str, Any], name: str = "") -> StateFile:
        """The file's state and metadata; metadata is input like the rest of the file, checked before use."""
        try:
            return cls._from_meta(state, meta)
        except ConvLensError as exc:
            raise ConvLensError("Weights file {name}: {problem}", name=name, problem=str(exc)) from None

    @classmethod
    def _from_meta(cls, state: dict[str, torch.Tensor], meta: Mapping[str, Any]) -> StateFile:
        classes = meta.get("classes")
        options = meta.get("build_options") or {}
        if not isinstance(options, Mapping) or not all(
                isinstance(k, str) and isinstance(v, bool | int | float | str) for k, v in options.items()):
            raise ConvLensError("its build options are not usable (names with plain values expected).")
        training = meta.get("training")
        record = TrainingRecord.from_dict(training) if isinstance(training, Mapping) else None
        if isinstance(classes, list) and len(classes) > MAX_CLASSES:
            raise ConvLensError("it names {n} classes, more than {max}.", n=len(classes), max=MAX_CLASSES)
        return cls(
            state=state,
            arch=str(meta["arch"]) if meta.get("arch") else None,
            classes=[str(c) for c in classes] if isinstance(classes, list) and classes else None,
            preprocess=Preprocess.from_dict(meta["preprocess"]) if isinstance(meta.get("preprocess"), Mapping) else None,
            head_layout=HeadLayout.from_dict(meta.get("head_layout")),
            build_options=dict(options),
            training=record,
        )


def read_state_file(path: Path, fmt: WeightsFormat = "torch", stream: IO[bytes] | None = None) -> StateFile:
    """A state dict (and ConvLens' metadata, where the file has it) from a ``torch.save`` or safetensors file;
    ``stream``: the ``torch.save`` data as an open file (a project's checkpoint), ``path`` then only names it."""
    name = path.name
    if fmt == "safetensors":
        from safetensors import SafetensorError, safe_open

        try:
            with safe_open(str(path), framework="pt") as f:
                state = {k: f.get_tensor(k) for k in f.keys()}
                raw_meta = f.metadata() or {}
        except (SafetensorError, OSError, ValueError) as exc:
            raise ConvLensError("Weights file {name}: not a valid safetensors file ({exc}).", name=name, exc=exc) from None
        meta: dict[str, Any] = {}
        for key in ("classes", "preprocess", "arch"):
            if key in raw_meta:
                try:
                    meta[key] = json.loads(raw_meta[key])
                except json.JSONDecodeError:
                    meta[key] = raw_meta[key]
        return StateFile.from_meta(state, meta, name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "Detected pickle protocol 4..."
            obj = torch.load(stream if stream is not None else path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        # torch's weights-only unpickler names the global it refused: say which code the file would have run
        # (torch 2.6: "Unsupported global: GLOBAL x"; later: "Trying to load unsupported GLOBAL x whose module ...")
        code = re.search(r"\bGLOBAL\s+([\w.]+)", str(exc), re.IGNORECASE) or re.search(
            r"(?:reduce|call)\w* for unrecognized function\s+(\S+)", str(exc), re.IGNORECASE)
        if code:
            raise ConvLensError(
                "Weights file {name}: refused. Loading it would run code from the file ({value}); "
                "only plain state dicts of tensors are accepted. Do not open it unless you trust its "
                "source.",
                name=name, value=code.group(1),
            ) from None
        detail = re.search(r"WeightsUnpickler error:\s*(.+?)\n\n", str(exc), re.S)
        reason = detail.group(1).strip() if detail else "unreadable pickle data"
        raise ConvLensError(
            "Weights file {name}: not a PyTorch weights file ({reason}).",
            name=name, reason=reason[:160],
        ) from None
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ConvLensError(
            "Weights file {name}: not a PyTorch weights file ({first}).",
            name=name, first=first[:160],
        ) from None
    meta = {}
    if isinstance(obj, Mapping) and obj.get("format") == CHECKPOINT_FORMAT:
        meta = dict(obj)
        obj = obj["state_dict"]
    elif isinstance(obj, Mapping):
        for key in ("state_dict", "model_state_dict", "model"):
            if isinstance(obj.get(key), Mapping):
                obj = obj[key]
                break
    if not isinstance(obj, Mapping) or not obj or not all(
        isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in obj.items()
    ):
        raise ConvLensError(
            "Weights file {name}: does not hold a state dict (a mapping of names to tensors).",
            name=name,
        )
    state = dict(obj)
    if all(k.startswith("module.") for k in state):  # saved from DataParallel
        state = {k[len("module."):]: v for k, v in state.items()}
    return StateFile.from_meta(state, meta, name)


def checkpoint_bytes(loaded: LoadedModel) -> bytes:
    """A ConvLens checkpoint of ``loaded`` in memory (what ``save_checkpoint`` writes)."""
    buffer = io.BytesIO()
    write_checkpoint(buffer, loaded)
    return buffer.getvalue()


def write_checkpoint(stream: IO[bytes], loaded: LoadedModel) -> None:
    """A ConvLens checkpoint of ``loaded`` written to an open file (a project's zip member)."""
    torch.save(_payload(loaded), stream)


def save_checkpoint(path: str | Path, loaded: LoadedModel) -> Path:
    """Write a ConvLens checkpoint: state dict + architecture, classes, preprocessing, head layout, training.

    Atomic (``fileio.atomic_path``): a crash leaves the old file or the new one, never half of one.
    """
    path = Path(path)
    payload = _payload(loaded)
    with atomic_path(path) as tmp, open(tmp, "wb") as f:
        torch.save(payload, f)
    return path


def _payload(loaded: LoadedModel) -> dict[str, Any]:
    return {
        "format": CHECKPOINT_FORMAT,
        "arch": loaded.arch.name if loaded.arch else None,
        "classes": list(loaded.labels),
        "preprocess": loaded.preprocess.to_dict(),
        "build_options": dict(loaded.build_options),
        "head_layout": loaded.head_layout.to_dict() if loaded.head_layout else None,
        "training": loaded.training.to_dict() if loaded.training else None,
        "state_dict": {k: v.detach().cpu() for k, v in loaded.model.state_dict().items()},
    }

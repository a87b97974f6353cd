"""ConvLens project files (``.convlens``): a session to close and come back to.

One zip: ``manifest.json`` (the format and its version, which ConvLens wrote it, the model and the front end's
state: open images, folders, training settings...), the model's checkpoint when it was trained here
(``model.pth``, a ConvLens checkpoint), and the training run's records (``run.json`` with ``run.npz``: curves,
confusion matrix, validation answers and scores, so diagnosis, calibration and mistakes come back as they were).
A model that came from elsewhere (bundled, pretrained, a file) is referenced, not copied; image folders too, by path.

Reading is strict and safe: a damaged file (not a zip, truncated, a missing member, bad JSON, CRC errors) or one
from a newer ConvLens is refused with a message naming it, before anything changes; nothing in it is unpickled
(the checkpoint is read with ``weights_only``, the arrays with ``allow_pickle=False``). Writing is atomic.
"""

from __future__ import annotations

import contextlib
import io
import json
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import numpy as np

from convlens.engine import __version__
from convlens.engine.core.errors import ConvLensError
from convlens.engine.core.fileio import atomic_path

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = ["FORMAT", "FORMAT_VERSION", "PROJECT_SUFFIX", "Project", "is_project_file", "read_project",
           "write_project"]

PROJECT_SUFFIX = ".convlens"
FORMAT = "convlens-project"
#: Raised when a change means an older ConvLens could not read the file; it then says to update.
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MODEL = "model.pth"
RUN = "run.json"
RUN_ARRAYS = "run.npz"
#: Larger members are refused unread (a crafted zip that would inflate to fill the memory).
MAX_MEMBER_BYTES = 8 << 30


@dataclass
class Project:
    """What a project file holds. ``model``: {"kind": bundled | pretrained | random | file | trained, "arch",
    "path", "labels_file", "unsaved"}; ``state``: the front end's, as it gave it."""

    model: dict[str, Any]
    state: dict[str, Any] = field(default_factory=dict)
    checkpoint: bytes | None = None  # a ConvLens checkpoint in memory (``checkpoints.checkpoint_bytes``)
    run: dict[str, Any] | None = None  # the training run's records (``runrecord``)
    arrays: dict[str, np.ndarray] = field(default_factory=dict)
    saved: float = 0.0  # when it was written (epoch seconds)
    app_version: str = __version__
    path: str = ""
    stored_checkpoint: bool = False  # read from a file: its checkpoint stays there until ``checkpoint_stream``

    @property
    def has_checkpoint(self) -> bool:
        return self.checkpoint is not None or self.stored_checkpoint

    @contextlib.contextmanager
    def checkpoint_stream(self) -> Iterator[IO[bytes]]:
        """The checkpoint as a file to ``torch.load``: read from the project file as it is needed, never held whole
        in memory besides the model it makes (a VGG16 project is 550 MB)."""
        if self.checkpoint is not None:
            yield io.BytesIO(self.checkpoint)
            return
        if not self.stored_checkpoint:
            raise ConvLensError("Project {name} holds no model of its own.", name=Path(self.path).name)
        try:
            with zipfile.ZipFile(self.path) as zf, zf.open(MODEL) as f:
                yield f
        except (OSError, KeyError, zipfile.BadZipFile) as exc:
            raise _damaged(Path(self.path).name, f"{MODEL}: {exc}") from None


def is_project_file(path: str | Path) -> bool:
    """A ``.convlens`` file, or any zip whose first member is a ConvLens manifest."""
    path = Path(path)
    if path.suffix.lower() == PROJECT_SUFFIX:
        return True
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            return bool(names) and names[0] == MANIFEST
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def write_project(path: str | Path, project: Project, write_checkpoint: Callable[[IO[bytes]], None] | None = None,
                  ) -> Path:
    """Write ``project`` to ``path`` atomically (the old file or the new one survives a crash, never half).
    ``write_checkpoint(stream)`` writes the model's checkpoint straight into the zip (no copy in memory)."""
    path = Path(path)
    manifest = {"format": FORMAT, "version": FORMAT_VERSION, "app_version": __version__,
                "saved": time.time(), "model": project.model, "state": project.state,
                "members": [m for m, present in ((MODEL, project.checkpoint is not None or write_checkpoint is not None),
                                                (RUN, project.run is not None),
                                                (RUN_ARRAYS, bool(project.arrays))) if present]}
    with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))  # first: is_project_file
        if project.checkpoint is not None:
            zf.writestr(zipfile.ZipInfo(MODEL, time.localtime()[:6]), project.checkpoint, zipfile.ZIP_STORED)
        elif write_checkpoint is not None:
            with zf.open(zipfile.ZipInfo(MODEL, time.localtime()[:6]), "w", force_zip64=True) as stream:
                write_checkpoint(stream)
        if project.run is not None:
            zf.writestr(RUN, json.dumps(project.run, ensure_ascii=False))
        if project.arrays:
            buffer = io.BytesIO()
            np.savez(buffer, **project.arrays)  # type: ignore[arg-type]
            zf.writestr(RUN_ARRAYS, buffer.getvalue())
    return path


def _damaged(name: str, why: str) -> ConvLensError:
    return ConvLensError("Project {name} is damaged and was not opened ({why}). Nothing was changed.", name=name,
                         why=why)


def read_project(path: str | Path) -> Project:
    """The project in ``path``, checked whole before it is returned; a ``ConvLensError`` naming the file when
    it is not a ConvLens project, is damaged, or comes from a newer ConvLens."""
    path = Path(path)
    name = path.name
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ConvLensError("Project {file} is not there (moved or deleted?).", file=path) from None
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        raise _damaged(name, f"not a complete zip file: {exc}") from None
    with zf:
        try:
            names = set(zf.namelist())
            if MANIFEST not in names:
                raise _damaged(name, f"it has no {MANIFEST}")
            for info in zf.infolist():
                if info.file_size > MAX_MEMBER_BYTES:
                    raise _damaged(name, f"{info.filename} would inflate to {info.file_size / 1e9:.1f} GB")
            try:
                manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise _damaged(name, f"{MANIFEST} is not valid JSON: {exc}") from None
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise ConvLensError("{name} is not a ConvLens project (its manifest says format {format!r}).",
                                    name=name, format=manifest.get("format") if isinstance(manifest, dict) else None)
            version = manifest.get("version")
            if not isinstance(version, int) or version < 1:
                raise _damaged(name, f"its format version {version!r} is not a number")
            if version > FORMAT_VERSION:
                raise ConvLensError(
                    "Project {name} was saved by a newer ConvLens ({app}, project format {version}); this ConvLens "
                    "({ours}) reads project format {supported}. Update ConvLens to open it.",
                    name=name, app=manifest.get("app_version", "?"), version=version, ours=__version__,
                    supported=FORMAT_VERSION)
            members = manifest.get("members", [])
            model, state = manifest.get("model"), manifest.get("state", {})
            if not isinstance(members, list) or not isinstance(model, dict) or not isinstance(state, dict):
                raise _damaged(name, f"{MANIFEST} lacks its model or state")
            missing = [m for m in members if m not in names]
            if missing:
                raise _damaged(name, f"{', '.join(map(str, missing))} missing")
            bad = zf.testzip()  # every member's CRC: a flipped byte is caught here, not half-way through a restore
            if bad is not None:
                raise _damaged(name, f"{bad} does not match its checksum")
            stored_checkpoint = MODEL in members
            run = None
            if RUN in members:
                try:
                    run = json.loads(zf.read(RUN).decode("utf-8"))
                except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                    raise _damaged(name, f"{RUN} is not valid JSON: {exc}") from None
                if not isinstance(run, dict):
                    raise _damaged(name, f"{RUN} is not an object")
            arrays: dict[str, np.ndarray] = {}
            if RUN_ARRAYS in members:
                try:
                    with np.load(io.BytesIO(zf.read(RUN_ARRAYS)), allow_pickle=False) as npz:
                        arrays = {k: npz[k] for k in npz.files}
                except (ValueError, OSError, zipfile.BadZipFile) as exc:
                    raise _damaged(name, f"{RUN_ARRAYS}: {exc}") from None
        except (OSError, EOFError, zipfile.BadZipFile, RuntimeError) as exc:  # truncated inside a member
            raise _damaged(name, str(exc) or type(exc).__name__) from None
    saved = manifest.get("saved", 0.0)
    return Project(model=model, state=state, stored_checkpoint=stored_checkpoint, run=run, arrays=arrays,
                   saved=float(saved) if isinstance(saved, (int, float)) else 0.0,
                   app_version=str(manifest.get("app_version", "")), path=str(path))

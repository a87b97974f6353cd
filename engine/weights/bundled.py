"""The model that ships inside ConvLens: MobileNetV2 with ImageNet weights (``resources/models``, see its NOTICE),
so the app and every command give real answers offline, the first time they run.

It is the default wherever nothing is named, and what a pretrained choice that is not cached (and cannot be
downloaded) falls back to, with a note.
"""

from __future__ import annotations

import hashlib
import pickle
import zipfile
from functools import cache
from typing import TYPE_CHECKING

from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.core.resources import resources_dir
from convlens.engine.models.labels import imagenet_labels, labels_for
from convlens.engine.models.loaded import LoadedModel
from convlens.engine.models.registry import get_arch

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["BUNDLED", "BUNDLED_ARCH", "BUNDLED_SHA256", "BUNDLED_SOURCE", "bundled_path", "bundled_title",
           "fallback_note", "load_bundled"]

#: The weights string that names it (``--weights bundled``, the Model panel's "Bundled" entry).
BUNDLED = "bundled"
BUNDLED_ARCH = "mobilenet_v2"
BUNDLED_FILE = "mobilenet_v2_imagenet.pth"
BUNDLED_SHA256 = "c145539f8e3b2345cc8e71e222a1a4c18c18b8cb3a853f2e025456859ff9ac7e"
#: How its source reads: the Model panel shows "MobileNetV2 (ImageNet, bundled)".
BUNDLED_SOURCE = "ImageNet, bundled"


def bundled_path() -> Path:
    return resources_dir() / "models" / BUNDLED_FILE


def bundled_title() -> str:
    """"MobileNetV2 (ImageNet, bundled)"."""
    return f"{get_arch(BUNDLED_ARCH).title} ({BUNDLED_SOURCE})"


@cache
def _verified(path: Path, size: int, mtime: float) -> bool:
    """The file's sha256 matches, checked once per process (and again if the file changes)."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest() == BUNDLED_SHA256


def load_bundled(labels_file: str | Path | None = None) -> LoadedModel:
    """The bundled MobileNetV2, checked against its published hash; a clear message when it is missing or
    damaged (an install that lost it), never a half-loaded model."""
    import torch

    path = bundled_path()
    try:
        stat = path.stat()
    except OSError:
        raise ConvLensError(
            "The bundled model {name} is missing from {folder}: this ConvLens installation is incomplete. "
            "Reinstall ConvLens, or load pretrained weights or a weights file.",
            name=BUNDLED_FILE, folder=path.parent,
        ) from None
    if not _verified(path, stat.st_size, stat.st_mtime):
        raise ConvLensError(
            "The bundled model {file} is damaged (its sha256 does not match). Reinstall ConvLens, or load "
            "pretrained weights or a weights file.",
            file=path,
        )
    spec = get_arch(BUNDLED_ARCH)
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
        model = spec.build()
        model.load_state_dict(state, strict=True)
    except (RuntimeError, pickle.UnpicklingError, EOFError, zipfile.BadZipFile) as exc:
        raise ConvLensError("The bundled model {file} cannot be read ({value}). Reinstall ConvLens.",
                            file=path, value=str(exc).splitlines()[0][:160]) from None
    notes: list[str] = []
    labels = labels_for(1000, spec, imagenet_labels(), labels_file, notes)
    return LoadedModel(model.eval(), labels, spec.preprocess, spec, Text("ImageNet, bundled"), notes=notes)


def fallback_note(title: str, why: str) -> str:
    """What a pretrained choice that could not be had says when the bundled model answers instead."""
    return Text("{title}'s pretrained weights are not on this computer and could not be downloaded ({why}). "
                "Using the bundled {bundled} instead.", title=title, why=why, bundled=bundled_title())

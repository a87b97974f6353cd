"""torchvision's pretrained weights: where they are cached, downloading them (progress, hash check, cancel),
and loading them from the cache."""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import torch

from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.models.loaded import LoadedModel
from convlens.engine.models.preprocess import Preprocess

if TYPE_CHECKING:
    from collections.abc import Iterator

    from torchvision.models import WeightsEnum

    from convlens.engine.models.registry import ArchSpec

__all__ = ["DownloadProgress", "DownloadUnavailable", "download_pretrained", "hub_checkpoint_dir", "is_pretrained_cached", "load_pretrained",
           "pretrained_file", "pretrained_weights"]

_HASH_IN_NAME = re.compile(r"-([a-f0-9]*)\.")


class DownloadUnavailable(ConvLensError):
    """The weights are not cached and the network cannot give them (offline, refused, broken off)."""


@dataclass(frozen=True)
class DownloadProgress:
    """Bytes fetched so far of ``total`` (0 when the server does not say)."""

    filename: str
    done: int
    total: int


def hub_checkpoint_dir() -> Path:
    """torch's hub cache (``$TORCH_HOME/hub/checkpoints``), where torchvision looks."""
    return Path(torch.hub.get_dir()) / "checkpoints"


def pretrained_weights(spec: ArchSpec, name: str | None = None) -> WeightsEnum:
    """The torchvision Weights enum member (``DEFAULT`` unless ``name`` is given)."""
    enum = spec.weights_enum
    if enum is None:
        raise ConvLensError(
            "{title} has no pretrained weights to download; use random weights or a weights file.",
            title=spec.title,
        )
    if not name or name in ("pretrained", "DEFAULT"):
        return enum.DEFAULT
    try:
        return enum[name]
    except KeyError:
        options = ", ".join(m.name for m in enum)
        raise ConvLensError(
            "{title} has no pretrained weights '{name}'. Available: {options}.",
            title=spec.title, name=name, options=options,
        ) from None


def pretrained_file(weights: WeightsEnum) -> Path:
    return hub_checkpoint_dir() / os.path.basename(weights.url)


def is_pretrained_cached(spec: ArchSpec, name: str | None = None) -> bool:
    return pretrained_file(pretrained_weights(spec, name)).is_file()


def download_pretrained(weights: WeightsEnum, *, timeout: float = 30.0) -> Iterator[DownloadProgress]:
    """Fetch ``weights`` into the hub cache, yielding progress; checks the hash.

    A generator so the caller can cancel between chunks (the partial file is
    removed). Does nothing when the file is already cached.
    """
    dest = pretrained_file(weights)
    if dest.is_file():
        return
    url = weights.url
    dest.parent.mkdir(parents=True, exist_ok=True)
    expected = _HASH_IN_NAME.search(dest.name)
    tmp = tempfile.NamedTemporaryFile(delete=False, dir=dest.parent, suffix=".partial")
    digest = hashlib.sha256()
    finished = False
    try:
        try:
            response = urllib.request.urlopen(url, timeout=timeout)
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise DownloadUnavailable(
                "{name} is not cached and cannot be downloaded ({reason}). Are you offline? Copy the "
                "file to {parent} and try again, or use random weights or a weights file.",
                name=dest.name, reason=reason, parent=dest.parent,
            ) from None
        with response:
            total = int(response.headers.get("Content-Length") or 0)
            done = 0
            yield DownloadProgress(dest.name, 0, total)
            while True:
                try:
                    chunk = response.read(1 << 16)
                except OSError as exc:
                    raise DownloadUnavailable(
                        "Download of {name} broke off after {done} bytes: {exc}.",
                        name=dest.name, done=done, exc=exc,
                    ) from None
                if not chunk:
                    break
                tmp.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                yield DownloadProgress(dest.name, done, total)
        tmp.close()
        if expected and not digest.hexdigest().startswith(expected.group(1)):
            raise ConvLensError(
                "Downloaded {name} does not match its published hash; the file was discarded. Try "
                "again.",
                name=dest.name,
            )
        os.replace(tmp.name, dest)
        finished = True
    finally:
        tmp.close()
        if not finished:
            Path(tmp.name).unlink(missing_ok=True)


def load_pretrained(spec: ArchSpec, name: str | None = None) -> LoadedModel:
    """torchvision's pretrained weights from the hub cache (no download here)."""
    weights = pretrained_weights(spec, name)
    path = pretrained_file(weights)
    if not path.is_file():
        raise ConvLensError(
            "Pretrained weights for {title} ({name}) are not downloaded yet. Download them, or copy "
            "the file to {parent}.",
            title=spec.title, name=path.name, parent=path.parent,
        )
    from torchvision import models as tvm

    try:
        model = tvm.get_model(spec.name, weights=weights)
    except (RuntimeError, pickle.UnpicklingError, EOFError, zipfile.BadZipFile) as exc:
        raise ConvLensError(
            "{name} in {parent} is damaged ({value}); delete it and download again.",
            name=path.name, parent=path.parent, value=str(exc).splitlines()[0],
        ) from None
    return LoadedModel(
        model=model.eval(),
        labels=tuple(weights.meta["categories"]),
        preprocess=Preprocess.from_torchvision(weights.transforms()),
        arch=spec,
        source=Text("pretrained {name}", name=weights.name),
    )

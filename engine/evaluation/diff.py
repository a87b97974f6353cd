"""Two models compared layer by layer: linear CKA between every layer of one and every layer of the other, on the
same images (``engine.inspect.cka``). Where do ResNet and VGG learn alike; what did fine-tuning change (a model
before and after, ``resnet18:pretrained`` against ``trained.pth``).

One model is in memory at a time: each runs over the images in the same batches and keeps only each layer's Gram
matrix per batch (a few hundred kB), then the HSIC totals are formed from the two sets of Gram matrices.
"""

from __future__ import annotations

import gc
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.data.images import load_image
from convlens.engine.evaluation.compare import CURRENT, parse_model
from convlens.engine.inspect.cka import GramBatches, Layer, grams, representation_layers
from convlens.engine.weights.load import load_weights_steps

if TYPE_CHECKING:
    from collections.abc import Generator, Sequence

    from PIL import Image

    from convlens.engine.models.loaded import LoadedModel
    from convlens.engine.weights.hub import DownloadProgress

__all__ = ["DiffProgress", "LayerDiff", "batches", "diff", "short_name"]

#: Images per batch: each batch's unbiased HSIC needs at least 4; 32 keeps VGG16's activations near 0.5 GB.
BATCH = 32
MIN_IMAGES = 4


@dataclass(frozen=True)
class DiffProgress:
    """Model ``model`` (1 or 2) has run ``done`` of ``total`` images (a download's progress when there is one)."""

    model: int
    spec: str
    done: int
    total: int
    download: DownloadProgress | None = None


@dataclass(frozen=True)
class LayerDiff:
    """``cka[i, j]``: linear CKA between layer i of the first model and layer j of the second, on ``images``."""

    specs: tuple[str, str]
    titles: tuple[str, str]
    layers: tuple[tuple[Layer, ...], tuple[Layer, ...]]
    cka: np.ndarray
    images: tuple[str, ...]
    batch_size: int
    notes: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, str]:
        """The two models as a person names them: ``resnet18:pretrained``, ``mobilenet_v2:rps.pth`` (no folders)."""
        return short_name(self.specs[0]), short_name(self.specs[1])

    def best_match(self, i: int) -> int:
        """The second model's layer most like layer ``i`` of the first (-1 if none could be measured)."""
        row = self.cka[i]
        return -1 if np.all(np.isnan(row)) else int(np.nanargmax(row))

    def to_json(self) -> dict[str, Any]:
        def rounded(v: float) -> float | None:
            return None if math.isnan(v) else round(float(v), 6)

        return {
            "measure": "linear CKA (Kornblith et al. 2019), unbiased HSIC summed over batches (Nguyen et al. 2021)",
            "images": len(self.images), "batch_size": self.batch_size,
            "models": [{"model": spec, "title": str(title),
                        "layers": [{"name": la.name, "shape": list(la.shape)} for la in layers]}
                       for spec, title, layers in zip(self.specs, self.titles, self.layers, strict=True)],
            "cka": [[rounded(v) for v in row] for row in self.cka],
            "notes": [str(n) for n in self.notes],
        }


def short_name(spec: str) -> str:
    arch, sep, weights = spec.rpartition(":") if ":" in spec and not Path(spec).exists() else ("", "", spec)
    return f"{arch}{sep}{Path(weights).name}"


def batches(n: int, size: int = BATCH) -> list[range]:
    """``n`` images in batches of at most ``size``, as even as can be; never one of fewer than 4 (5 images in batches
    of 4 are one batch of 5)."""
    if n < MIN_IMAGES:
        raise ConvLensError("Comparing layers takes at least {min} images (got {n}).", min=MIN_IMAGES, n=n)
    count = max(1, min(math.ceil(n / max(MIN_IMAGES, size)), n // MIN_IMAGES))
    edges = [round(i * n / count) for i in range(count + 1)]
    return [range(a, b) for a, b in zip(edges, edges[1:], strict=False)]


def diff(images: Sequence[str | Path | Image.Image], models: Sequence[str], batch_size: int = BATCH,
         device: str = "cpu", current: LoadedModel | None = None,
         names: Sequence[str] | None = None) -> Generator[DiffProgress, None, LayerDiff]:
    """Linear CKA between every layer of ``models[0]`` and every layer of ``models[1]`` (``ARCH:WEIGHTS`` or a file;
    ``current``: the model in use) on ``images``; yields progress, returns the ``LayerDiff``. Images that cannot be
    read are left out and named in the notes."""
    if len(models) != 2:
        raise ConvLensError("Compare the layers of exactly 2 models (got {n}).", n=len(models))
    if batch_size < MIN_IMAGES:
        raise ConvLensError("--batch-size must be at least {min} (got {n}).", min=MIN_IMAGES, n=batch_size)
    parsed = [parse_model(m) for m in models]  # a mistyped name fails now, not after the first model ran
    notes: list[str] = []
    paths = [p if isinstance(p, (str, Path)) else None for p in images]
    labels = [str(p) if p is not None else (names[i] if names else f"image {i + 1}") for i, p in enumerate(paths)]
    pictures: dict[int, Image.Image] = {i: p for i, p in enumerate(images) if not isinstance(p, (str, Path))}
    readable = list(range(len(images)))
    for i, p in enumerate(paths):  # read once now: a damaged file is named before any model runs
        if p is not None:
            try:
                load_image(p).close()
            except ConvLensError as exc:
                notes.append(Text("left out {name}: {error}", name=Path(p).name, error=str(exc)))
                readable.remove(i)
    groups = batches(len(readable), batch_size)
    per_model: list[list[np.ndarray]] = []
    found_layers: list[tuple[Layer, ...]] = []
    titles: list[str] = []
    for number, (spec, (arch, weights)) in enumerate(zip(models, parsed, strict=True), 1):
        loaded = yield from _load(number, spec, arch, weights, current, notes)
        model = loaded.model.to(device).eval()
        x0 = loaded.preprocess(_picture(readable[0], paths, pictures))
        layers = representation_layers(model, tuple(x0.shape))
        found_layers.append(tuple(layers))
        titles.append(Text("{title} ({source})", title=loaded.arch.title if loaded.arch else loaded.name,
                           source=loaded.source))
        kept = []
        for group in groups:
            x = torch.stack([loaded.preprocess(_picture(readable[i], paths, pictures)) for i in group]).to(device)
            kept.append(grams(model, x, layers))
            yield DiffProgress(number, spec, group.stop, len(readable))
        per_model.append(kept)
        del model, loaded  # one model in memory at a time
        gc.collect()
    totals = GramBatches()
    for k, ell in zip(per_model[0], per_model[1], strict=True):
        totals.add(k, ell)
    return LayerDiff((models[0], models[1]), (titles[0], titles[1]), (found_layers[0], found_layers[1]),
                     totals.cka(), tuple(labels[i] for i in readable), batch_size, tuple(notes))


def _picture(i: int, paths: Sequence[str | Path | None], pictures: dict[int, Image.Image]) -> Image.Image:
    path = paths[i]
    return load_image(path) if path is not None else pictures[i]


def _load(number: int, spec: str, arch: str | None, weights: str, current: LoadedModel | None,
          notes: list[str]) -> Generator[DiffProgress, None, LoadedModel]:
    if weights == CURRENT:
        if current is None:
            raise ConvLensError("There is no model in use to compare.")
        return current
    steps = load_weights_steps(arch, weights)
    try:
        while True:
            yield DiffProgress(number, spec, 0, 0, next(steps))
    except StopIteration as done:
        loaded: LoadedModel = done.value
    # what really loaded: a pretrained choice that fell back to the bundled model (offline) says so
    notes += [Text("{spec}: {note}", spec=spec, note=n) for n in loaded.notes]
    return loaded

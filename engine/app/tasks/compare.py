"""Two to four models on the same images (the Compare tab)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.data.images import iter_image_paths
from convlens.engine.evaluation.compare import compare

if TYPE_CHECKING:
    from collections.abc import Generator, Sequence

    from convlens.engine.app.session import EngineSession
    from convlens.engine.evaluation.compare import CompareProgress, Comparison
    from convlens.engine.evaluation.diff import DiffProgress, LayerDiff

COMPARE_SIDE = 512


def compare_models(session: EngineSession, sources: Sequence[str | bytes | np.ndarray], specs: Sequence[str],
                   topk: int, depth: float, folder: str = "", limit: int = 0, names: Sequence[str] = (),
                   ) -> Generator[CompareProgress, None, Comparison]:
    """The same images through 2-4 models, one at a time, with CAMs and feature maps (``engine.evaluation.compare``).

    ``sources``: files, pasted bytes or RGB frames (a live frame, named by ``names``). ``folder``: its images
    instead, the first ``limit`` of them (0: all); unreadable ones are left out and said so, and photos larger
    than ``COMPARE_SIDE`` on the short side are held at that size (every model sees less than that)."""
    notes: list[str] = []
    if folder:
        if not Path(folder).is_dir():
            raise ConvLensError("{folder} is not a folder (or no longer exists).", folder=folder)
        paths = list(iter_image_paths([folder]))
        if not paths:
            raise ConvLensError("No image files found in {folder}.", folder=folder)
        if limit and len(paths) > limit:
            notes.append(Text("Compared the first {limit} of the {n} images of the folder.", limit=limit, n=len(paths)))
            paths = paths[:limit]
        images, labels, unreadable = [], [], []
        for path in paths:
            try:
                picture = session.open_image(str(path))
            except ConvLensError:
                unreadable.append(path.name)
                continue
            if min(picture.size) > COMPARE_SIDE:  # bounded memory for a folder of large photos
                scale = COMPARE_SIDE / min(picture.size)
                picture = picture.resize((round(picture.width * scale), round(picture.height * scale)),
                                         Image.Resampling.BILINEAR)
            images.append(picture)
            labels.append(str(path))
        if unreadable:
            notes.append(Text("Left out {n} unreadable files: {names}.", n=len(unreadable),
                              names=", ".join(unreadable[:5]) + (", …" if len(unreadable) > 5 else "")))
        if not images:
            raise ConvLensError("None of the images in {folder} could be read.", folder=folder)
    else:
        images = [Image.fromarray(s) if isinstance(s, np.ndarray) else
                  session.open_image(s, None if isinstance(s, str) else "pasted image") for s in sources]
        labels = [names[i] if i < len(names) else str(s) if isinstance(s, str) else f"image {i + 1}"
                  for i, s in enumerate(sources)]
    current = session.pytorch_model if session.predictor is not None else None
    result = yield from compare(images, specs, topk, str(session.device), inspect=True, stage=depth, names=labels,
                                current=current)
    return replace(result, notes=tuple(notes) + result.notes)




#: The window compares layers on at most this many images of a folder (the CLI takes them all).
LAYERS_LIMIT = 128


@dataclass(frozen=True)
class LayersCompared:
    diff: LayerDiff
    picture: np.ndarray  # the CKA heat map, RGB


def compare_layers(session: EngineSession, folder: str, specs: Sequence[str], limit: int = LAYERS_LIMIT,
                   ) -> Generator[DiffProgress, None, LayersCompared]:
    """Linear CKA between every layer of two models on a folder's images (``engine.evaluation.diff``); the model in
    use can be one of them (``current``)."""
    from convlens.engine.evaluation.diff import diff
    from convlens.engine.inspect.render import similarity_picture

    if not Path(folder).is_dir():
        raise ConvLensError("{folder} is not a folder (or no longer exists).", folder=folder)
    paths = list(iter_image_paths([folder]))
    if not paths:
        raise ConvLensError("No image files found in {folder}.", folder=folder)
    notes: list[str] = []
    if len(paths) > limit:
        notes.append(Text("Compared the first {limit} of the {n} images of the folder.", limit=limit, n=len(paths)))
        paths = paths[:limit]
    current = session.pytorch_model if session.predictor is not None else None
    result = yield from diff(paths, list(specs), device=str(session.device), current=current)
    result = replace(result, notes=tuple(notes) + result.notes)
    first, second = result.names
    picture = similarity_picture(result.cka, [la.name for la in result.layers[0]],
                                 [la.name for la in result.layers[1]],
                                 f"Linear CKA on {len(result.images)} images", first, second)
    return LayersCompared(result, picture)

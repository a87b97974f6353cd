"""Class names: from a labels file, from the weights, or ImageNet's."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from convlens.engine.core.errors import ConvLensError, Text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from convlens.engine.models.registry import ArchSpec

__all__ = ["imagenet_labels", "labels_for", "read_labels_file"]


def read_labels_file(path: str | Path) -> tuple[str, ...]:
    """Class names from a text file (one per line) or JSON (list, or Keras' class index)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConvLensError("Labels file {name}: cannot be read ({exc}).", name=path.name, exc=exc) from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConvLensError(
                "Labels file {name}: not valid JSON ({msg}, line {lineno}).",
                name=path.name, msg=exc.msg, lineno=exc.lineno,
            ) from None
        if isinstance(data, list):
            labels = [str(x) for x in data]
        elif isinstance(data, dict):
            try:
                items = sorted(data.items(), key=lambda kv: int(kv[0]))
            except ValueError:
                raise ConvLensError("Labels file {name}: JSON keys must be class indices.", name=path.name) from None
            labels = [str(v[-1]) if isinstance(v, list) else str(v) for _, v in items]
        else:
            raise ConvLensError("Labels file {name}: expected a JSON list or object.", name=path.name)
    else:
        labels = [line.strip() for line in text.splitlines() if line.strip()]
    if not labels:
        raise ConvLensError("Labels file {name}: contains no class names.", name=path.name)
    return tuple(labels)


@cache
def imagenet_labels() -> tuple[str, ...]:
    """ImageNet-1k's 1000 class names, as torchvision's weights publish them (their ``meta["categories"]``)."""
    from torchvision.models import ResNet18_Weights

    return tuple(ResNet18_Weights.IMAGENET1K_V1.meta["categories"])


def labels_for(num_classes: int, spec: ArchSpec | None, from_file: Sequence[str] | None,
               labels_file: str | Path | None, notes: list[str]) -> tuple[str, ...]:
    """The names for a model with ``num_classes`` outputs, first that fits: the user's labels file (which must
    fit), the names stored in the weights file, the architecture's own, ImageNet's; else numbered names and a
    note that says how to name them."""
    if labels_file is not None:
        labels = read_labels_file(labels_file)
        if len(labels) != num_classes:
            raise ConvLensError(
                "Labels file {name} has {n} names but the model has {num_classes} classes.",
                name=Path(labels_file).name, n=len(labels), num_classes=num_classes,
            )
        return labels
    if from_file and len(from_file) == num_classes:
        return tuple(from_file)
    defaults = spec.labels if spec else ()
    if len(defaults) == num_classes:
        return defaults
    if num_classes == 1000:
        return imagenet_labels()
    notes.append(Text(
        "The model has {num_classes} classes and no class names: choose a labels file to name them.",
        num_classes=num_classes,
    ))
    return tuple(f"class {i}" for i in range(num_classes))

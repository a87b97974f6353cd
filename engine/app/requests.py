"""What the front ends ask the engine to load (plain data: no torch, so the app's window can make one before torch
has loaded)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from convlens.engine.core.choices import WeightsKind


@dataclass(frozen=True)
class WeightsRequest:
    """Which weights to load: ``kind`` is pretrained | random | file."""

    arch: str | None
    kind: WeightsKind
    path: str | None = None
    labels_file: str | None = None
    pretrained_name: str | None = None
    preset: str | None = None  # preprocessing preset for an ONNX file without its own

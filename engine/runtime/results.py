"""What classifying gives: the top-k answer for an image, and a folder's progress (plain data: no torch, so the
app's window can be built before torch has loaded)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Prediction:
    """One class of a top-k answer."""

    index: int
    label: str
    probability: float


@dataclass(frozen=True)
class ImageResult:
    """The top-k answer for one image (``error`` set instead when it could not be read)."""

    source: str
    predictions: tuple[Prediction, ...] = ()
    error: str | None = None
    unknown: bool = False  # the top-1 probability is at or below the model's unknown threshold
    precision: str = "f32"  # the runtime's: "bf16" when a reduced precision the user chose made the answer

    @property
    def top1(self) -> Prediction | None:
        return self.predictions[0] if self.predictions else None


@dataclass(frozen=True)
class BatchProgress:
    """Folder classification progress: ``done`` of ``total`` images, results so far in this batch."""

    done: int
    total: int
    results: tuple[ImageResult, ...]
    elapsed: float

"""Classification: a Predictor owns a model, its device, labels and preprocessing."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import torch
from PIL import Image

from engine.device import select_device
from engine.errors import ConvLensError
from engine.images import load_image
from engine.weights import LoadedModel


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


class Predictor:
    """Runs a loaded model on images. Not thread-safe: one thread drives it."""

    def __init__(self, loaded: LoadedModel, device: str | torch.device = "auto") -> None:
        self.loaded = loaded
        self.device = device if isinstance(device, torch.device) else select_device(device)
        self.model = loaded.model.to(self.device).eval()
        self.labels = loaded.labels
        self.preprocess = loaded.preprocess
        # TorchScript mobile models are often traced for batch 1 only.
        self.max_batch = getattr(loaded.model, "max_batch", None) or (1 if loaded.scripted else 64)
        self.last_forward_seconds = 0.0

    def prepare(self, images: Sequence[Image.Image]) -> torch.Tensor:
        """Preprocess PIL images into one batch tensor (on the CPU)."""
        return torch.stack([self.preprocess(img) for img in images])

    @torch.inference_mode()
    def predict_tensor(self, x: torch.Tensor, topk: int = 5) -> list[tuple[Prediction, ...]]:
        """Top-k per row of an already preprocessed batch."""
        k = max(1, min(topk, len(self.labels)))
        start = time.perf_counter()
        chunks = []
        for i in range(0, x.shape[0], self.max_batch):
            logits = self.model(x[i : i + self.max_batch].to(self.device, non_blocking=True))
            chunks.append(logits)
        logits = torch.cat(chunks) if len(chunks) > 1 else chunks[0]
        probs, idx = logits.float().softmax(dim=1).topk(k, dim=1)
        probs, idx = probs.cpu().tolist(), idx.cpu().tolist()
        self.last_forward_seconds = time.perf_counter() - start
        return [
            tuple(Prediction(i, self.labels[i], p) for i, p in zip(row_i, row_p, strict=True))
            for row_i, row_p in zip(idx, probs, strict=True)
        ]

    def predict(self, images: Sequence[Image.Image], topk: int = 5) -> list[tuple[Prediction, ...]]:
        """Top-k (best first) for each PIL image."""
        if not images:
            return []
        return self.predict_tensor(self.prepare(images), topk)

    def classify_files(self, paths: Sequence[str | Path], topk: int = 5,
                       batch_size: int = 16) -> Iterator[BatchProgress]:
        """Classify many files in batches, yielding after each batch (cancellable).

        Unreadable files become results with ``error`` set; the rest go on.
        """
        total = len(paths)
        start = time.perf_counter()
        done = 0
        for b in range(0, total, batch_size):
            chunk = paths[b : b + batch_size]
            good: list[tuple[str, Image.Image]] = []
            results: dict[str, ImageResult] = {}
            for p in chunk:
                try:
                    good.append((str(p), load_image(p)))
                except ConvLensError as exc:
                    results[str(p)] = ImageResult(str(p), error=str(exc))
            if good:
                preds = self.predict([img for _, img in good], topk)
                for (src, _), pred in zip(good, preds, strict=True):
                    results[src] = ImageResult(src, pred)
            done += len(chunk)
            ordered = tuple(results[str(p)] for p in chunk)
            yield BatchProgress(done, total, ordered, time.perf_counter() - start)

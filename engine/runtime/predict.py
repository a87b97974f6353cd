"""Classification: a Predictor owns a model, its device, labels and preprocessing."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import torch

from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.data.images import load_image
from convlens.engine.models.openset import is_unknown
from convlens.engine.runtime.device import select_device
from convlens.engine.runtime.results import BatchProgress, ImageResult, Prediction

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from pathlib import Path

    from PIL import Image

    from convlens.engine.models.loaded import LoadedModel


#: Images of the user's own on which a reduced-precision runtime is also run in PyTorch f32 to measure agreement.
AGREEMENT_IMAGES = 32


@dataclass
class Agreement:
    """How a reduced-precision runtime agrees with PyTorch f32 on the user's own images (the first
    ``AGREEMENT_IMAGES`` it classified): top-1 agreement and the largest probability difference."""

    precision: str
    runtime: str
    images: int = 0
    top1_agree: int = 0
    max_diff: float = 0.0

    def text(self) -> Text:
        if not self.images:
            return Text("{runtime} {precision}, reduced precision: not the model's f32 numbers",
                        runtime=self.runtime, precision=self.precision)
        return Text("{runtime} {precision}, reduced precision: top-1 agrees with PyTorch f32 on {agree} of {n} of your "
                    "images, probabilities within {diff:.4f}", runtime=self.runtime, precision=self.precision,
                    agree=self.top1_agree, n=self.images, diff=self.max_diff)


class Predictor:
    """Runs a loaded model on images. Not thread-safe: one thread drives it."""

    def __init__(self, loaded: LoadedModel, device: str | torch.device = "auto") -> None:
        self.loaded = loaded
        self.device = device if isinstance(device, torch.device) else select_device(device)
        self.model = loaded.model.to(self.device).eval()
        # channels_last: the CPU convolution kernels' own layout (measured here: MobileNetV2 batch 32 0.68x,
        # ResNet-50 batch 32 0.73x, batch 1 0.79x / 0.94x the time). Only for PyTorch modules.
        self.channels_last = isinstance(self.model, torch.nn.Module) and not loaded.scripted
        if self.channels_last:
            self.model = self.model.to(memory_format=torch.channels_last)
        self.labels = loaded.labels
        self.preprocess = loaded.preprocess
        self.temperature = loaded.temperature  # calibrated probabilities (1.0: the model's own)
        rule = loaded.unknown
        self.unknown_threshold = rule.threshold if rule is not None else None  # engine.models.openset
        # TorchScript mobile models are often traced for batch 1 only.
        self.max_batch = getattr(loaded.model, "max_batch", None) or (1 if loaded.scripted else 64)
        self.last_forward_seconds = 0.0
        self.last_check_seconds = 0.0  # of the last call: the PyTorch f32 run that measured the agreement
        self.reference = loaded.reference.to(self.device).eval() if loaded.reference is not None else None
        if isinstance(self.reference, torch.nn.Module):  # channels_last, as the model itself (above)
            self.reference = self.reference.to(memory_format=torch.channels_last)
        self.agreement = (Agreement(loaded.precision, "OpenVINO" if loaded.runtime == "openvino" else loaded.runtime)
                          if loaded.precision != "f32" else None)

    def _measure_agreement(self, x: torch.Tensor, probs: torch.Tensor) -> None:
        """Run the first rows of a batch in PyTorch f32 too, until ``AGREEMENT_IMAGES`` were compared."""
        if self.reference is None or self.agreement is None or self.agreement.images >= AGREEMENT_IMAGES:
            return
        start = time.perf_counter()
        n = min(x.shape[0], AGREEMENT_IMAGES - self.agreement.images)
        # in rows of 8, channels_last: ResNet-50's 32 rows took 2.6 s instead of 4.1-5.2 s, and a quarter of the
        # activations' memory
        logits = torch.cat([self.reference(r) for r in self._rows(x[:n], 8, channels_last=True)])
        ref = (logits.float() / self.temperature).softmax(dim=1)
        got = probs[:n]
        a = self.agreement
        a.images += n
        a.top1_agree += int((ref.argmax(1) == got.argmax(1)).sum())
        a.max_diff = max(a.max_diff, float((ref - got).abs().max()))
        self.last_check_seconds = time.perf_counter() - start

    def _rows(self, x: torch.Tensor, size: int, channels_last: bool) -> Iterator[torch.Tensor]:
        """``x`` in rows of ``size`` on the device; channels_last when asked (4-D inputs only)."""
        for i in range(0, x.shape[0], size):
            xb = x[i : i + size].to(self.device, non_blocking=True)
            yield xb.contiguous(memory_format=torch.channels_last) if channels_last and xb.dim() == 4 else xb

    def prepare(self, images: Sequence[Image.Image]) -> torch.Tensor:
        """Preprocess PIL images into one batch tensor (on the CPU)."""
        return torch.stack([self.preprocess(img) for img in images])

    @torch.inference_mode()
    def predict_tensor(self, x: torch.Tensor, topk: int = 5) -> list[tuple[Prediction, ...]]:
        """Top-k per row of an already preprocessed batch."""
        k = max(1, min(topk, len(self.labels)))
        start = time.perf_counter()
        chunks = [self.model(xb) for xb in self._rows(x, self.max_batch, self.channels_last)]
        logits = torch.cat(chunks) if len(chunks) > 1 else chunks[0]
        full = self._probabilities(logits)
        self.last_forward_seconds = time.perf_counter() - start
        self.last_check_seconds = 0.0
        self._measure_agreement(x, full)
        return self._top(full, k)

    def _probabilities(self, logits: torch.Tensor) -> torch.Tensor:
        full = (logits.float() / self.temperature).softmax(dim=1)
        if not bool(torch.isfinite(full).all()):
            raise ConvLensError("The model's output is not a number (NaN or infinity) for this input: its weights "
                                "are broken (a diverged training run?), so it has no answer to show.")
        return full

    @torch.inference_mode()
    def predictions_of(self, logits: torch.Tensor, topk: int = 5) -> list[tuple[Prediction, ...]]:
        """Top-k per row of logits this model computed in a pass of its own (live CAM's): as ``predict_tensor``."""
        return self._top(self._probabilities(logits.detach()), max(1, min(topk, len(self.labels))))

    def _top(self, full: torch.Tensor, k: int) -> list[tuple[Prediction, ...]]:
        top = full.topk(k, dim=1)
        probs, idx = top.values.cpu().tolist(), top.indices.cpu().tolist()
        return [
            tuple(Prediction(i, self.labels[i], p) for i, p in zip(row_i, row_p, strict=True))
            for row_i, row_p in zip(idx, probs, strict=True)
        ]

    def is_unknown(self, predictions: Sequence[Prediction]) -> bool:
        """Whether this answer is "unknown / none of the above" under the model's threshold."""
        return bool(predictions) and is_unknown(predictions[0].probability, self.unknown_threshold)

    def predict(self, images: Sequence[Image.Image], topk: int = 5) -> list[tuple[Prediction, ...]]:
        """Top-k (best first) for each PIL image."""
        if not images:
            return []
        return self.predict_tensor(self.prepare(images), topk)

    def classify_files(self, paths: Sequence[str | Path], topk: int = 5,
                       batch_size: int = 16, decoders: int = 2) -> Iterator[BatchProgress]:
        """Classify many files in batches, yielding after each batch (cancellable).

        Decoding and preprocessing run in a small thread pool, one batch ahead of the model, so the
        model never waits for the disk or the JPEG decoder (PIL releases the GIL while decoding). At most two
        batches of images are in memory. Unreadable files become results with ``error`` set.
        """
        from concurrent.futures import ThreadPoolExecutor

        total = len(paths)
        start = time.perf_counter()
        # The same decode and preprocessing as one image opened on its own (no reduced-scale JPEG decoding):
        # a photo gets the same probabilities in a folder as in the Images tab and in the user's own script.
        def prepare(path: str | Path) -> torch.Tensor | str:
            try:
                return self.preprocess(load_image(path))
            except ConvLensError as exc:
                return exc.text  # a str that remembers its template: the window shows it translated

        chunks = [paths[b : b + batch_size] for b in range(0, total, batch_size)]
        pool = ThreadPoolExecutor(max_workers=max(1, decoders), thread_name_prefix="ConvLensDecode")
        try:
            pending = [pool.submit(prepare, p) for p in chunks[0]] if chunks else []
            done = 0
            for i, chunk in enumerate(chunks):
                ready = [f.result() for f in pending]
                pending = [pool.submit(prepare, p) for p in chunks[i + 1]] if i + 1 < len(chunks) else []
                good = [(str(p), t) for p, t in zip(chunk, ready, strict=True) if isinstance(t, torch.Tensor)]
                results = {str(p): ImageResult(str(p), error=t) for p, t in zip(chunk, ready, strict=True)
                           if isinstance(t, str)}
                if good:
                    preds = self.predict_tensor(torch.stack([t for _, t in good]), topk)
                    for (src, _), pred in zip(good, preds, strict=True):
                        results[src] = ImageResult(src, pred, unknown=self.is_unknown(pred),
                                                   precision=self.loaded.precision)
                done += len(chunk)
                yield BatchProgress(done, total, tuple(results[str(p)] for p in chunk), time.perf_counter() - start)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)  # a cancelled job leaves no decoder running

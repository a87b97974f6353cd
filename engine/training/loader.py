"""Feeding the training loop: images decoded batch by batch (in worker processes when asked), and the frozen
backbone's feature cache, in memory or, past a budget, in a memory-mapped file.

Nothing here holds a whole data set: a batch is decoded when the loop asks for it (``DataLoader`` keeps at most
``prefetch_factor`` batches per worker ahead), and the feature cache is the only thing that grows with the number
of images, bounded by ``CACHE_BUDGET`` in memory before it spills to disk.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch.utils.data import DataLoader
from torch.utils.data import Dataset as TorchDataset

from convlens.engine.core.errors import ConvLensError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from torch import nn

    from convlens.engine.data.datasets import Split
    from convlens.engine.models.preprocess import Preprocess

__all__ = ["CACHE_BUDGET", "Batches", "FeatureStore", "ImageSet", "loader"]

#: Cached backbone features kept in memory (bytes); past it they go to a memory-mapped file.
CACHE_BUDGET = 1 << 30


class ImageSet(TorchDataset):
    """A split as model inputs: item ``i`` is (tensor, i, error). An unreadable image gives a zero tensor and
    its error, so one bad file found while streaming is skipped, not fatal (and every rank keeps in step)."""

    def __init__(self, split: Split, preprocess: Preprocess, augment: nn.Module | None = None) -> None:
        self.split, self.preprocess, self.augment = split, preprocess, augment

    def __len__(self) -> int:
        return len(self.split)

    def __getitem__(self, i: int) -> tuple[torch.Tensor, int, str]:
        try:
            image = self.split.images[int(i)]
        except ConvLensError as exc:
            p = self.preprocess
            return torch.zeros(p.channels, p.crop, p.crop), int(i), str(exc)
        if self.augment is not None:
            t = self.augment(torch.from_numpy(np.array(image)).permute(2, 0, 1))  # a writable copy
            image = t.permute(1, 2, 0).numpy()
        return self.preprocess(image), int(i), ""

    def batch(self, idx: Sequence[int]) -> tuple[torch.Tensor, list[int], list[str]]:
        """The items ``idx`` decoded here, in this process (small batches, probes)."""
        return _collate([self[i] for i in idx])


class Batches:
    """The batches of the current epoch, set before each pass (a persistent ``DataLoader`` asks for them anew)."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []

    def __iter__(self) -> Iterator[list[int]]:
        return iter(self.batches)

    def __len__(self) -> int:
        return len(self.batches)


def _collate(items: list[tuple[torch.Tensor, int, str]]) -> tuple[torch.Tensor, list[int], list[str]]:
    return torch.stack([x for x, _, _ in items]), [i for _, i, _ in items], [e for _, _, e in items]


def _die_with_trainer(trainer: int, _worker_id: int) -> None:
    """A loader worker ends when the training process does, even on SIGKILL.

    A worker's parent is the fork server, and every worker holds the fork server's "alive" pipe, so neither sees the
    trainer go (both lingered for minutes, 1.7 GB): the worker watches the trainer itself, through a pidfd where
    Linux has one (woken the moment it exits), else by polling its pid once a second."""
    import os
    import threading

    def watch() -> None:
        try:
            fd = os.pidfd_open(trainer)
        except (AttributeError, OSError):
            fd = -1
        if fd >= 0:
            import select

            select.select([fd], [], [])
            os._exit(1)
        while True:
            try:
                os.kill(trainer, 0)
            except ProcessLookupError:
                os._exit(1)
            except OSError:
                pass
            threading.Event().wait(1.0)

    threading.Thread(target=watch, name="ConvLensTrainerWatch", daemon=True).start()


def loader(images: ImageSet, batches: Batches, workers: int, device: torch.device) -> DataLoader:
    """Batches of ``images`` in the order ``batches`` gives, decoded by ``workers`` processes (0: here).

    Workers start from a fork server on Linux and are spawned elsewhere, never forked from the training process:
    by then it runs OpenMP, oneDNN and runtime thread pools, which a plain fork copies half-alive (a forked
    worker crashed a parent process here). They receive ``images`` pickled, so only streamed splits (file lists,
    nothing decoded) should be given to workers."""
    options: dict = {}
    if workers > 0:
        method = "forkserver" if sys.platform.startswith("linux") else "spawn"
        options = {"num_workers": workers, "persistent_workers": True, "prefetch_factor": 2,
                   "multiprocessing_context": multiprocessing.get_context(method),
                   "worker_init_fn": functools.partial(_die_with_trainer, os.getpid())}
    return DataLoader(images, batch_sampler=batches, collate_fn=_collate, pin_memory=device.type == "cuda", **options)


class FeatureStore:
    """Per-image feature tensors of one shape, row ``r`` for the ``r``-th image cached: in memory while
    ``rows * size`` fits ``budget`` bytes, else in a memory-mapped float32 file (removed by ``close``)."""

    def __init__(self, rows: int, budget: int = CACHE_BUDGET, folder: str | None = None) -> None:
        self.rows, self.budget, self.folder = rows, budget, folder
        self.array: np.ndarray | None = None
        self._tmp: str | None = None

    @property
    def on_disk(self) -> bool:
        return isinstance(self.array, np.memmap)

    def put(self, rows: Sequence[int], features: torch.Tensor) -> None:
        values = features.detach().float().cpu().numpy()
        if self.array is None:
            shape = (self.rows, *values.shape[1:])
            size = int(np.prod(shape)) * 4
            if size <= self.budget:
                self.array = np.zeros(shape, np.float32)
            else:
                try:
                    self._tmp = tempfile.mkdtemp(prefix="convlens-features-", dir=self.folder)
                    self.array = np.memmap(Path(self._tmp) / "features.f32", np.float32, "w+", shape=shape)
                except OSError as exc:
                    raise ConvLensError("Cannot write the feature cache ({gb:.1f} GB) to {folder}: {reason}",
                                        gb=size / 1e9, folder=self.folder or tempfile.gettempdir(),
                                        reason=exc.strerror or exc) from None
        self.array[list(rows)] = values

    def __getitem__(self, rows: Sequence[int] | torch.Tensor) -> torch.Tensor:
        assert self.array is not None
        picks = np.asarray(rows, dtype=np.int64)
        return torch.from_numpy(np.asarray(self.array[picks], dtype=np.float32))  # a copy: fancy indexing

    def close(self) -> None:
        self.array = None
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

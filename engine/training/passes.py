"""The passes over images a training run makes besides its steps: caching the frozen backbone's features once,
evaluating on the validation split, the raw scores of unlabelled images. Each rank of a torchrun does its share and
the sums are exchanged, so every rank sees the same numbers."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, cast

import torch
from torch import nn

from convlens.engine.inspect.hooks import watch
from convlens.engine.training.config import TrainProgress
from convlens.engine.training.distributed import merge_all, shard, sum_all
from convlens.engine.training.loader import CACHE_BUDGET, Batches, FeatureStore, ImageSet, loader

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Sequence

    from torch.utils.data import Dataset as TorchDataset

    from convlens.engine.data.datasets import Split
    from convlens.engine.models.preprocess import Preprocess
    from convlens.engine.training.config import Ranks, TrainConfig


def indices(n: int) -> TorchDataset[int]:
    """What a DistributedSampler deals: the numbers of the images (it only needs their count)."""
    return cast("TorchDataset[int]", range(n))


def parallel(module: nn.Module, ranks: Ranks, device: torch.device, find_unused: bool) -> nn.Module:
    """``module`` as DistributedDataParallel when several processes train (rank 0's weights broadcast at once)."""
    if not ranks.active:
        return module
    from torch.nn.parallel import DistributedDataParallel

    return DistributedDataParallel(module, device_ids=[device] if device.type == "cuda" else None,
                                   find_unused_parameters=find_unused)


def note_unreadable(bad: dict[str, str], sources: Sequence[str], idx: Sequence[int], errors: Sequence[str]) -> None:
    """Remember the images of a batch that could not be read (source -> reason)."""
    for i, e in zip(idx, errors, strict=True):
        if e:
            bad[sources[i]] = e


def cache_features(model: nn.Module, head: nn.Module, images: ImageSet, rows: list[int], batch: int, cfg: TrainConfig,
           workers: int, device: torch.device, start: float, bad: dict[str, str],
           ) -> Generator[TrainProgress, None, FeatureStore]:
    """The head's input for images ``rows`` (this rank's share), computed once: store row ``r`` is ``rows[r]``."""
    store = FeatureStore(len(rows), cfg.cache_budget or CACHE_BUDGET, cfg.cache_dir or None)
    batches = Batches()
    batches.batches = [rows[i : i + batch] for i in range(0, len(rows), batch)]
    feed = loader(images, batches, workers, device)
    done = 0
    try:
        for step, (xb, idx, errors) in enumerate(feed):
            kept: list[torch.Tensor] = []

            def keep(_key: str, args: Any, kept: list[torch.Tensor] = kept) -> None:
                kept.append(args[0].detach())

            # the head's input is the backbone's feature (hooks only around the forward: a cancelled training
            # leaves none behind)
            with watch([("head", head)], keep, pre=True), torch.inference_mode():
                model(xb.to(device))
            store.put(range(done, done + len(idx)), kept[0])
            done += len(idx)
            note_unreadable(bad, images.split.sources, idx, errors)
            yield TrainProgress("cache", 0, step + 1, len(batches), 0.0, time.perf_counter() - start, 0.0)
    except BaseException:
        store.close()
        raise
    finally:
        del feed
    return store


def unlabelled_logits(model: nn.Module, split: Split, preprocess: Preprocess, batch: int, device: torch.device,
            ranks: Ranks) -> torch.Tensor:
    """The whole model's raw scores on images that have no label (eval mode, each rank its share, gathered);
    unreadable ones are left out."""
    images = ImageSet(split, preprocess)
    rows = shard(len(split), ranks)
    was = model.training
    model.eval()
    found: dict[int, torch.Tensor] = {}
    with torch.inference_mode():
        for i in range(0, len(rows), batch):
            xb, idx, errors = images.batch(rows[i : i + batch])
            out = model(xb.to(device))
            out = (out[0] if isinstance(out, tuple) else out).float().cpu()
            found.update({j: o for j, o, e in zip(idx, out, errors, strict=True) if not e})
    model.train(was)
    merged = merge_all(found, ranks)
    return torch.stack([merged[i] for i in sorted(merged)]) if merged else torch.zeros(0, 1)


def evaluate_split(forward: Callable[[torch.Tensor], torch.Tensor], module: nn.Module, x: FeatureStore | ImageSet, rows: list[int], y: torch.Tensor,
              batch: int, device: torch.device, ranks: Ranks, bad: dict[str, str], sources: Sequence[str]) -> tuple[float, float, dict[int, torch.Tensor]]:
    """(mean loss, accuracy, logits by validation index) over every rank's share of the validation images.

    ``x`` is the cached features (row ``r`` = image ``rows[r]``) or the images themselves."""
    was = module.training
    module.eval()
    total = correct = count = 0.0
    kept: dict[int, torch.Tensor] = {}
    with torch.inference_mode():
        for r in range(0, len(rows), batch):
            if isinstance(x, FeatureStore):
                picks = list(range(r, min(r + batch, len(rows))))
                idx = [rows[p] for p in picks]
                xb, errors = x[picks], [bad.get(sources[i], "") for i in idx]
            else:
                xb, idx, errors = x.batch(rows[r : r + batch])
            valid = [j for j, e in enumerate(errors) if not e]
            note_unreadable(bad, sources, idx, errors)
            if not valid:
                continue
            logits = forward(xb[valid].to(device)).float()
            yb = y[[idx[j] for j in valid]].to(device)
            total += float(nn.functional.cross_entropy(logits, yb, reduction="sum"))
            correct += float((logits.argmax(1) == yb).sum())
            count += len(valid)
            kept.update({idx[j]: row.cpu() for j, row in zip(valid, logits, strict=True)})
    module.train(was)
    total, correct, count = sum_all([total, correct, count], ranks, device)
    return total / max(1.0, count), correct / max(1.0, count), merge_all(kept, ranks)

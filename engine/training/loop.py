"""Teaching a model: fine-tune a new head on a frozen backbone, or train from scratch.

``fine_tune`` is a generator: it yields ``TrainProgress`` at least once per
batch (so the caller can show progress and cancel between yields) and an
``EpochStats`` after each epoch, and returns a ``TrainResult``. It trains a
copy: the model it was given is never touched, so cancelling leaves the
previous model in use.

With the backbone frozen and no augmentation, what the backbone computes for
each image never changes, so it is computed once and cached; epochs then only
run the new head.

The run is a ``Trainer`` with named steps, after ultralytics' ``BaseTrainer``: ``check_inputs``, ``setup``,
``cache_features``, ``build_optimizer``, ``train_epoch``, ``validate``, ``stop_early``, ``keep_best`` and
``finish`` (calibration, the unknown rule, the metrics and the resulting model).
"""

from __future__ import annotations

import copy
import time
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

import numpy as np
import torch
from torch import nn
from torch.utils.data import DistributedSampler

from convlens.engine.core.choices import OPTIMIZERS
from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.models.calibration import calibrate
from convlens.engine.models.loaded import LoadedModel
from convlens.engine.models.metrics import EvaluationReport
from convlens.engine.models.openset import UnknownCurve
from convlens.engine.models.training_record import TrainingRecord
from convlens.engine.training.config import SINGLE, EpochStats, TrainConfig, TrainProgress, TrainResult
from convlens.engine.training.distributed import merge_all, shard, sum_all
from convlens.engine.training.loader import Batches, ImageSet, loader
from convlens.engine.training.passes import (
    cache_features,
    evaluate_split,
    indices,
    note_unreadable,
    parallel,
    unlabelled_logits,
)
from convlens.engine.training.student import augmenter, build_student, head_is_output, set_train_mode, training_preprocess

if TYPE_CHECKING:
    from collections.abc import Generator

    from convlens.engine.data.datasets import Dataset
    from convlens.engine.training.config import Ranks
    from convlens.engine.training.loader import FeatureStore

__all__ = ["SINGLE", "EpochStats", "TrainConfig", "TrainProgress", "TrainResult", "Trainer", "build_student",
           "fine_tune", "training_preprocess"]


def fine_tune(loaded: LoadedModel, data: Dataset, cfg: TrainConfig, device: torch.device | str = "cpu",
              ranks: Ranks = SINGLE) -> Generator[TrainProgress | EpochStats, None, TrainResult]:
    """Train on ``data`` (see module doc). Yields progress per batch and stats per epoch.

    Under ``torchrun`` (``ranks`` from ``distributed.join``) each process trains a DistributedDataParallel copy:
    ``cfg.batch_size`` is the global batch (each rank takes its share), a DistributedSampler deals the images,
    losses and counts are summed over the ranks so early stopping is decided identically everywhere, and the
    frozen backbone's feature cache is sharded (each rank runs the backbone on, and keeps, only its own share).
    Every rank returns the same result."""
    return (yield from Trainer(loaded, data, cfg, device, ranks).run())


class Trainer:
    """One training run (see the module doc for its steps)."""

    def __init__(self, loaded: LoadedModel, data: Dataset, cfg: TrainConfig, device: torch.device | str = "cpu",
                 ranks: Ranks = SINGLE) -> None:
        self.loaded, self.data, self.cfg, self.ranks = loaded, data, cfg, ranks
        self.device = torch.device(device)
        self.history: list[EpochStats] = []
        self.epoch_times: list[float] = []
        self.best_loss, self.best_epoch, self.waited = float("inf"), 0, 0
        self.best_state: dict[str, Any] | None = None
        self.stopped_early = False
        self.bad: dict[str, str] = {}  # unreadable files met while streaming: source -> reason
        self.stores: list[FeatureStore] = []

    def run(self) -> Generator[TrainProgress | EpochStats, None, TrainResult]:
        self.check_inputs()
        self.start = time.perf_counter()
        self.setup()
        try:
            yield from self.cache_features()
            self.model_ddp = parallel(self.trainable, self.ranks, self.device, find_unused=not self.use_cache)
            self.opt = self.build_optimizer()
            for epoch in range(1, self.cfg.epochs + 1):
                stats = yield from self.train_epoch(epoch)
                self.epoch_times.append(stats.seconds)
                self.history.append(stats)
                yield stats
                if self.stop_early(stats):
                    break
            kept = self.keep_best()
        finally:
            self.close()
        return self.finish(kept)

    # ------------------------------------------------------------- steps
    def check_inputs(self) -> None:
        cfg, data = self.cfg, self.data
        if cfg.optimizer not in OPTIMIZERS:
            raise ConvLensError(
                "Unknown optimizer '{optimizer}': use {value}.",
                optimizer=cfg.optimizer, value=', '.join(OPTIMIZERS),
            )
        if cfg.epochs < 1 or cfg.batch_size < 1 or cfg.lr <= 0 or cfg.workers < 0:
            raise ConvLensError("Epochs and batch size must be at least 1, the learning rate above 0 and the number of "
                                "loader workers 0 or more.")
        if len(data.train) == 0 or len(data.val) == 0:
            raise ConvLensError("Training needs images for both training and validation.")
        if len(data.train) < self.ranks.world:
            raise ConvLensError("{n} training images cannot be shared by {world} processes.", n=len(data.train),
                                world=self.ranks.world)

    def setup(self) -> None:
        """The student model, the image sets, and whether the frozen backbone's features can be cached."""
        cfg, data, ranks, device = self.cfg, self.data, self.ranks, self.device
        self.num_classes = len(data.classes)
        self.model, self.head, self.layout, self.build_options = build_student(self.loaded, self.num_classes, cfg)
        self.preprocess = training_preprocess(self.loaded.preprocess, cfg)
        self.model.to(device)
        augment = augmenter(cfg)
        self.local_batch = -(-cfg.batch_size // ranks.world)  # the global batch, shared by the ranks
        self.train_set, self.val_set = ImageSet(data.train, self.preprocess, augment), ImageSet(data.val, self.preprocess)
        self.y_train = torch.tensor(data.train.labels)
        self.y_val = torch.tensor(data.val.labels)
        self.val_rows = shard(len(data.val), ranks)  # each rank evaluates its share; the sums are exchanged
        # worker processes decode a streamed set; a small one is decoded in memory already (and would be pickled)
        self.workers = cfg.workers if data.streamed else 0
        head_params = {id(p) for p in self.head.parameters()}
        frozen = not any(p.requires_grad for p in self.model.parameters() if id(p) not in head_params)
        probe = self.val_set.batch([0])[0].to(device)
        self.use_cache = frozen and augment is None and cfg.cache and head_is_output(self.model, self.head, probe)
        self.trainable: nn.Module = self.head if self.use_cache else self.model
        self.batches = Batches()
        self.feed = None if self.use_cache else loader(self.train_set, self.batches, self.workers, device)
        self.sampler: DistributedSampler[int] = DistributedSampler(indices(len(data.train)), ranks.world, ranks.rank,
                                                                   shuffle=True, seed=cfg.seed)
        self.x_val: FeatureStore | ImageSet = self.val_set

    def cache_features(self) -> Generator[TrainProgress, None, None]:
        """With the backbone frozen and nothing varying between epochs: its features, computed once (this rank's
        share of the images, a DistributedSampler's without shuffling: equal shares, padded)."""
        if not self.use_cache:
            return
        data, ranks = self.data, self.ranks
        self.train_rows: list[int] = list(DistributedSampler(indices(len(data.train)), ranks.world, ranks.rank,
                                                             shuffle=False))
        args = (self.local_batch, self.cfg, self.workers, self.device, self.start, self.bad)
        self.train_store = yield from cache_features(self.model, self.head, self.train_set, self.train_rows, *args)
        self.stores.append(self.train_store)  # no augmentation when caching: train_set is plain
        val_store = yield from cache_features(self.model, self.head, self.val_set, self.val_rows, *args)
        self.stores.append(val_store)
        self.x_val = val_store

    def build_optimizer(self) -> torch.optim.Optimizer:
        cfg = self.cfg
        params = [p for p in self.trainable.parameters() if p.requires_grad]
        if cfg.optimizer == "adam":
            return torch.optim.Adam(params, lr=cfg.lr)
        if cfg.optimizer == "sgd":
            return torch.optim.SGD(params, lr=cfg.lr, momentum=0.9)
        return torch.optim.RMSprop(params, lr=cfg.lr)

    def forward(self, xb: torch.Tensor, module: nn.Module | None = None) -> torch.Tensor:
        out = (module or self.model_ddp)(xb)
        return out[0] if isinstance(out, tuple) else out

    def train_epoch(self, epoch: int) -> Generator[TrainProgress, None, EpochStats]:
        """One pass over the training images (progress per batch), then ``validate``."""
        cfg, data, device = self.cfg, self.data, self.device
        t0 = time.perf_counter()
        if self.use_cache:
            self.head.train()
            # the rank's own share, shuffled anew each epoch (the same order on one process as the sampler's)
            order = torch.randperm(len(self.train_rows), generator=torch.Generator().manual_seed(cfg.seed + epoch))
            local = order.tolist()
        else:
            set_train_mode(self.model, self.head)
            self.sampler.set_epoch(epoch)
            local = list(self.sampler)
        self.batches.batches = [local[i : i + self.local_batch] for i in range(0, len(local), self.local_batch)]
        steps = len(self.batches.batches)
        stream = iter(self.feed) if self.feed is not None else None
        total_loss = correct = seen = 0.0
        for step in range(steps):
            rows = self.batches.batches[step]
            if stream is not None:
                xb, idx, errors = next(stream)
            else:  # a file found unreadable while caching has zeros for features: it is left out
                idx = [self.train_rows[r] for r in rows]
                xb, errors = self.train_store[rows], [self.bad.get(data.train.sources[i], "") for i in idx]
            valid = torch.tensor([not e for e in errors], device=device)
            note_unreadable(self.bad, data.train.sources, idx, errors)
            xb, yb = xb.to(device), self.y_train[idx].to(device)
            self.opt.zero_grad(set_to_none=True)
            logits = self.forward(xb)
            per_image = nn.functional.cross_entropy(logits, yb, reduction="none") * valid
            loss = per_image.sum() / valid.sum().clamp(min=1)  # every rank steps, even on a batch of bad files
            loss.backward()
            self.opt.step()
            total_loss += float(per_image.detach().sum())
            correct += float(((logits.argmax(1) == yb) & valid).sum())
            seen += float(valid.sum())
            yield TrainProgress("train", epoch, step + 1, steps, float(loss.detach()), time.perf_counter() - self.start,
                                self._eta(epoch, step, steps, t0))
        total_loss, correct, seen = sum_all([total_loss, correct, seen], self.ranks, device)
        val_loss, val_acc, _ = self.validate()
        return EpochStats(epoch, total_loss / max(1.0, seen), correct / max(1.0, seen), val_loss, val_acc,
                          time.perf_counter() - t0)

    def _eta(self, epoch: int, step: int, steps: int, t0: float) -> float:
        done_epochs = (epoch - 1) + (step + 1) / steps
        times = self.epoch_times
        per_epoch = (sum(times) / len(times)) if times else (time.perf_counter() - t0) / ((step + 1) / steps)
        return per_epoch * (self.cfg.epochs - done_epochs)

    def validate(self, module: nn.Module | None = None) -> tuple[float, float, dict[int, torch.Tensor]]:
        """(mean loss, accuracy, logits by validation index) on the validation split, every rank's share."""
        trainable = module or self.trainable
        forward = self.forward if module is None else (lambda xb: self.forward(xb, trainable))
        return evaluate_split(forward, trainable, self.x_val, self.val_rows, self.y_val, self.local_batch,
                              self.device, self.ranks, self.bad, self.data.val.sources)

    def stop_early(self, stats: EpochStats) -> bool:
        """Remember the best epoch (lowest validation loss); True when ``patience`` epochs brought nothing better."""
        if stats.val_loss < self.best_loss - 1e-6:  # the same numbers on every rank: the same decision
            self.best_loss, self.best_epoch, self.waited = stats.val_loss, stats.epoch, 0
            self.best_state = copy.deepcopy(self.trainable.state_dict())
            return False
        self.waited += 1
        self.stopped_early = bool(self.cfg.patience and self.waited >= self.cfg.patience)
        return self.stopped_early

    def keep_best(self) -> dict[int, torch.Tensor]:
        """The best epoch's weights back (``restore_best``), and their logits on the validation split."""
        if self.cfg.restore_best and self.best_state is not None:
            self.trainable.load_state_dict(self.best_state)
        return self.validate(self.trainable)[2]

    def close(self) -> None:
        for store in self.stores:
            store.close()
        self.feed = None

    def finish(self, kept: dict[int, torch.Tensor]) -> TrainResult:
        """Calibration, the unknown rule and the metrics on the validation split; the trained model."""
        cfg, data, ranks, num_classes = self.cfg, self.data, self.ranks, self.num_classes
        model, best_epoch = self.model, self.best_epoch
        val_index = sorted(kept)  # the validation images that could be read, in order
        val_logits = torch.stack([kept[i] for i in val_index]) if val_index else torch.zeros(0, num_classes)
        y_kept = self.y_val[val_index]
        # calibration on the validation split: temperature scaling (no prediction changes, only how sure it is)
        # (only where the split can support a fit: engine.models.calibration.calibrate says why not, otherwise)
        calibration = calibrate(val_logits, y_kept.numpy(), cfg.seed)
        temperature = calibration.temperature
        # "unknown / none of the above": the threshold meeting the false-accept target on the held-out images
        unknown_logits = (unlabelled_logits(model, data.unknown, self.preprocess, self.local_batch, self.device, ranks)
                          if data.unknown else None)
        curve = UnknownCurve.from_logits(val_logits.numpy(), y_kept.tolist(), temperature,
                                         unknown_logits.numpy() if unknown_logits is not None else None)
        rule, unknown_note = None, ""
        if cfg.far:
            try:
                rule = curve.rule(cfg.far)
            except ConvLensError as exc:
                unknown_note = exc.text
        validation = EvaluationReport.from_logits(data.classes, [data.val.sources[i] for i in val_index],
                                                  y_kept.tolist(), val_logits.numpy(), temperature)
        for p in model.parameters():
            p.requires_grad_(True)  # the finished model is an ordinary model again (CAM, export)
        model.eval()
        config = {**asdict(cfg), "processes": ranks.world} if ranks.active else asdict(cfg)
        new = LoadedModel(model, tuple(data.classes), self.preprocess, self.loaded.arch,
                          Text(
                              "fine-tuned ({n} images, best epoch {best_epoch})",
                              n=len(data.train), best_epoch=best_epoch,
                          ),
                          build_options=self.build_options, head_layout=self.layout,
                          training=TrainingRecord(config, best_epoch, validation.accuracy(1), temperature,
                                                  calibration, rule, curve))
        skipped = list(data.skipped) + list(merge_all(self.bad, ranks).items())
        return TrainResult(new, self.history, best_epoch, validation, self.use_cache,
                           self.stopped_early, time.perf_counter() - self.start, skipped=skipped,
                           train_counts=np.bincount(np.asarray(data.train.labels, dtype=np.int64),
                                                    minlength=num_classes).tolist(),
                           config=cfg, val_logits=val_logits.numpy(),
                           unknown_logits=unknown_logits.numpy() if unknown_logits is not None else None,
                           unknown_note=unknown_note)

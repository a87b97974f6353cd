"""Teaching a model: fine-tune a new head on a frozen backbone, or train from scratch.

``fine_tune`` is a generator: it yields ``TrainProgress`` at least once per
batch (so the caller can show progress and cancel between yields) and an
``EpochStats`` after each epoch, and returns a ``TrainResult``. It trains a
copy: the model it was given is never touched, so cancelling leaves the
previous model in use.

With the backbone frozen and no augmentation, what the backbone computes for
each image never changes, so it is computed once and cached; epochs then only
run the new head.
"""

from __future__ import annotations

import copy
import dataclasses
import time
from collections.abc import Generator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple, cast

import numpy as np
import torch
from torch import nn
from torch.utils.data import Dataset as TorchDataset
from torch.utils.data import DistributedSampler

from convlens.engine.core.choices import OPTIMIZERS, Optimizer, TrainPhase
from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.data.datasets import Dataset, Split
from convlens.engine.inspect.hooks import watch
from convlens.engine.models.calibration import calibrate
from convlens.engine.models.heads import HeadLayout, cut_model, find_classifier, replace_head
from convlens.engine.models.loaded import LoadedModel
from convlens.engine.models.openset import DEFAULT_FAR, UnknownCurve
from convlens.engine.models.preprocess import Preprocess
from convlens.engine.training.distributed import Ranks, merge_all, shard, sum_all
from convlens.engine.training.loader import CACHE_BUDGET, Batches, FeatureStore, ImageSet, loader

SINGLE = Ranks()


@dataclass(frozen=True)
class TrainConfig:
    """Training choices with sensible defaults for a short fine-tune."""

    epochs: int = 10
    lr: float = 1e-3
    batch_size: int = 32
    optimizer: Optimizer = "adam"  # adam | sgd (momentum 0.9) | rmsprop
    rotation: float = 0.0  # degrees, +-
    shift: float = 0.0  # fraction of the size, +-
    shear: float = 0.0  # degrees, +-
    zoom: float = 0.0  # fraction, +-
    hflip: bool = False
    patience: int = 3  # epochs without a better validation loss before stopping
    restore_best: bool = True
    hidden: int = 0  # 0: dropout + linear head; >0: dense(hidden)-ReLU-dropout + linear
    dropout: float = 0.2
    freeze_backbone: bool = True
    freeze_until: str = ""  # freeze only the layers up to and including this one ("" = the whole backbone)
    cut_at: str = ""  # cut the backbone after this layer and put the head on its output (seed 003)
    image_size: int = 0  # train at this input size (0 = the weights' own), e.g. 150 for seed 003
    from_scratch: bool = False  # random init, every layer trained, the architecture's own head
    batch_norm: bool = False  # LeNet-5 from scratch: add BatchNorm (seed 001)
    cache: bool = True  # cache frozen-backbone features when nothing varies between epochs
    seed: int = 0
    far: float = DEFAULT_FAR  # "unknown" below the threshold meeting this false-accept rate on held-out data (0: off)
    workers: int = 0  # processes decoding images for the loop (0: the training process itself)
    cache_budget: int = 0  # bytes of cached features kept in memory before they spill to a file (0: CACHE_BUDGET)
    cache_dir: str = ""  # where that file goes ("": the system's temporary folder)

    @property
    def augments(self) -> bool:
        return bool(self.rotation or self.shift or self.shear or self.zoom or self.hflip)


@dataclass(frozen=True)
class TrainProgress:
    """``phase`` is "cache" (computing backbone features once), "train" or "val"."""

    phase: TrainPhase
    epoch: int
    step: int
    steps: int
    loss: float
    elapsed: float
    eta: float


@dataclass(frozen=True)
class EpochStats:
    epoch: int
    train_loss: float
    train_acc: float
    val_loss: float
    val_acc: float
    seconds: float


@dataclass
class TrainResult:
    loaded: LoadedModel
    history: list[EpochStats]
    best_epoch: int
    confusion: np.ndarray  # [true, predicted] counts on the validation set
    precision: np.ndarray
    recall: np.ndarray
    val_sources: list[str]
    val_true: list[int]
    val_pred: list[int]
    cached: bool
    stopped_early: bool
    seconds: float
    notes: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # unreadable files: (file, reason)
    train_counts: list[int] = field(default_factory=list)  # training images per class
    config: TrainConfig = field(default_factory=TrainConfig)  # the settings it ran with
    val_logits: np.ndarray | None = None  # the kept model's raw scores on the validation split (calibration)
    unknown_logits: np.ndarray | None = None  # its raw scores on the held-out images of no class (``_unknown``)
    unknown_note: str = ""  # why there is no unknown threshold, when there is none

    @property
    def val_accuracy(self) -> float:
        total = self.confusion.sum()
        return float(np.trace(self.confusion) / total) if total else 0.0


def _augmenter(cfg: TrainConfig) -> nn.Module | None:
    if not cfg.augments:
        return None
    from torchvision.transforms import v2

    ops: list[nn.Module] = []
    if cfg.rotation or cfg.shift or cfg.shear or cfg.zoom:
        ops.append(v2.RandomAffine(degrees=cfg.rotation, translate=(cfg.shift, cfg.shift) if cfg.shift else None,
                                   shear=cfg.shear or None, scale=(1 - cfg.zoom, 1 + cfg.zoom) if cfg.zoom else None))
    if cfg.hflip:
        ops.append(v2.RandomHorizontalFlip())
    return v2.Compose(ops)


class Student(NamedTuple):
    """The model to train (a copy), its new head, and what a checkpoint records to rebuild it."""

    model: nn.Module
    head: nn.Module
    layout: HeadLayout
    build_options: dict[str, Any]


def build_student(loaded: LoadedModel, num_classes: int, cfg: TrainConfig) -> Student:
    """The model to train (a copy) and its new head; plus the head layout a checkpoint records."""
    if loaded.scripted or loaded.arch is None:
        raise ConvLensError("A TorchScript model cannot be fine-tuned: load the architecture with a state-dict file.")
    if cfg.from_scratch:
        options = {"batch_norm": True, "dropout": 0.25} if cfg.batch_norm and loaded.arch.name == "lenet5" else {}
        torch.manual_seed(cfg.seed)
        model = loaded.arch.build(num_classes=num_classes, **options)
        return Student(model, find_classifier(model)[1], HeadLayout("scratch"), options)
    model = copy.deepcopy(loaded.model).cpu()
    torch.manual_seed(cfg.seed)
    options = dict(loaded.build_options or {})
    if cfg.cut_at:
        pre = training_preprocess(loaded.preprocess, cfg)
        hidden = cfg.hidden or 1024
        model = cut_model(model, cfg.cut_at, num_classes, (pre.channels, pre.crop, pre.crop), hidden, cfg.dropout)
        head: nn.Module = model.head
        layout = HeadLayout("cut", hidden, cfg.dropout, cfg.cut_at, (pre.channels, pre.crop, pre.crop))
        prefix = "backbone."
    else:
        name = replace_head(model, num_classes, cfg.hidden, cfg.dropout)
        head = model.get_submodule(name)
        layout = HeadLayout("replace", cfg.hidden, cfg.dropout)
        prefix = ""
    if cfg.freeze_backbone:
        _freeze(model, head, prefix + cfg.freeze_until if cfg.freeze_until else "")
    return Student(model, head, layout, options)


def _freeze(model: nn.Module, head: nn.Module, until: str) -> None:
    """Freeze everything but the head, or (``until``) only the layers up to and including that one."""
    head_params = {id(p) for p in head.parameters()}
    if not until:
        for p in model.parameters():
            p.requires_grad_(id(p) in head_params)
        return
    names = [n for n, _ in model.named_modules()]
    if until not in names:
        raise ConvLensError(
            "No layer '{until}' to freeze up to; `convlens summary ARCH --all` lists the layers.",
            until=until,
        )
    frozen = True
    for name, module in model.named_modules():
        if frozen and name and not (name == until or name.startswith(until + ".")) and names.index(name) > names.index(
                until):
            frozen = False
        for p in module.parameters(recurse=False):
            p.requires_grad_(not frozen or id(p) in head_params)


def training_preprocess(preprocess: Preprocess, cfg: TrainConfig) -> Preprocess:
    """The weights' preprocessing, at ``cfg.image_size`` when one is asked for (same resize/crop ratio)."""
    if not cfg.image_size or cfg.image_size == preprocess.crop:
        return preprocess
    resize = round(cfg.image_size * preprocess.resize / preprocess.crop) if preprocess.resize else 0
    return dataclasses.replace(preprocess, resize=resize, crop=cfg.image_size)


def _head_is_output(model: nn.Module, head: nn.Module, x: torch.Tensor) -> bool:
    seen: dict[str, torch.Tensor] = {}
    with watch([("head", head)], lambda _key, out: seen.setdefault("out", out)), torch.inference_mode():
        out = model(x)
    return "out" in seen and seen["out"] is out


def _set_train_mode(model: nn.Module, head: nn.Module) -> None:
    """Train mode where something is trained; frozen BatchNorm keeps its statistics."""
    model.train()
    for m in model.modules():
        if isinstance(m, nn.modules.batchnorm._BatchNorm) and not any(p.requires_grad for p in m.parameters()):
            m.eval()
    head.train()


def fine_tune(loaded: LoadedModel, data: Dataset, cfg: TrainConfig, device: torch.device | str = "cpu",
              ranks: Ranks = SINGLE) -> Generator[TrainProgress | EpochStats, None, TrainResult]:
    """Train on ``data`` (see module doc). Yields progress per batch and stats per epoch.

    Under ``torchrun`` (``ranks`` from ``distributed.join``) each process trains a DistributedDataParallel copy:
    ``cfg.batch_size`` is the global batch (each rank takes its share), a DistributedSampler deals the images,
    losses and counts are summed over the ranks so early stopping is decided identically everywhere, and the
    frozen backbone's feature cache is sharded (each rank runs the backbone on, and keeps, only its own share).
    Every rank returns the same result."""
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
    if len(data.train) < ranks.world:
        raise ConvLensError("{n} training images cannot be shared by {world} processes.", n=len(data.train),
                            world=ranks.world)
    device = torch.device(device)
    start = time.perf_counter()
    num_classes = len(data.classes)
    model, head, layout, build_options = build_student(loaded, num_classes, cfg)
    preprocess = training_preprocess(loaded.preprocess, cfg)
    model.to(device)
    augment = _augmenter(cfg)
    local_batch = -(-cfg.batch_size // ranks.world)  # the global batch, shared by the ranks
    train_set, val_set = ImageSet(data.train, preprocess, augment), ImageSet(data.val, preprocess)
    y_train = torch.tensor(data.train.labels)
    y_val = torch.tensor(data.val.labels)
    val_rows = shard(len(data.val), ranks)  # each rank evaluates its share; the sums are exchanged
    bad: dict[str, str] = {}  # unreadable files met while streaming: source -> reason
    # worker processes decode a streamed set; a small one is decoded in memory already (and would be pickled)
    workers = cfg.workers if data.streamed else 0

    head_params = {id(p) for p in head.parameters()}
    frozen = not any(p.requires_grad for p in model.parameters() if id(p) not in head_params)
    probe = val_set.batch([0])[0].to(device)
    use_cache = frozen and augment is None and cfg.cache and _head_is_output(model, head, probe)
    trainable = head if use_cache else model
    stores: list[FeatureStore] = []
    batches = Batches()
    feed = None if use_cache else loader(train_set, batches, workers, device)
    try:
        if use_cache:
            # this rank's share of the images (a DistributedSampler without shuffling: equal shares, padded)
            train_rows: list[int] = list(DistributedSampler(_indices(len(data.train)), ranks.world, ranks.rank,
                                                            shuffle=False))
            train_store = yield from _cache(model, head, train_set, train_rows, local_batch, cfg, workers, device,
                                            start, bad)  # no augmentation when caching: train_set is plain
            stores.append(train_store)
            val_store = yield from _cache(model, head, val_set, val_rows, local_batch, cfg, workers, device, start,
                                          bad)
            stores.append(val_store)
            x_val: FeatureStore | ImageSet = val_store
        else:
            x_val = val_set
        model_ddp = _parallel(trainable, ranks, device, find_unused=not use_cache)

        params = [p for p in trainable.parameters() if p.requires_grad]
        if cfg.optimizer == "adam":
            opt: torch.optim.Optimizer = torch.optim.Adam(params, lr=cfg.lr)
        elif cfg.optimizer == "sgd":
            opt = torch.optim.SGD(params, lr=cfg.lr, momentum=0.9)
        else:
            opt = torch.optim.RMSprop(params, lr=cfg.lr)
        history: list[EpochStats] = []
        best_loss, best_epoch, best_state, waited = float("inf"), 0, None, 0
        stopped_early = False
        epoch_times: list[float] = []
        sampler: DistributedSampler[int] = DistributedSampler(_indices(len(data.train)), ranks.world, ranks.rank,
                                                              shuffle=True, seed=cfg.seed)

        def forward(xb: torch.Tensor, module: nn.Module = model_ddp) -> torch.Tensor:
            out = module(xb)
            return out[0] if isinstance(out, tuple) else out

        for epoch in range(1, cfg.epochs + 1):
            t0 = time.perf_counter()
            if use_cache:
                head.train()
                # the rank's own share, shuffled anew each epoch (the same order on one process as the sampler's)
                order = torch.randperm(len(train_rows), generator=torch.Generator().manual_seed(cfg.seed + epoch))
                local = order.tolist()
            else:
                _set_train_mode(model, head)
                sampler.set_epoch(epoch)
                local = list(sampler)
            batches.batches = [local[i : i + local_batch] for i in range(0, len(local), local_batch)]
            steps = len(batches.batches)
            stream = iter(feed) if feed is not None else None
            total_loss = correct = seen = 0.0
            for step in range(steps):
                rows = batches.batches[step]
                if stream is not None:
                    xb, idx, errors = next(stream)
                else:  # a file found unreadable while caching has zeros for features: it is left out
                    idx = [train_rows[r] for r in rows]
                    xb, errors = train_store[rows], [bad.get(data.train.sources[i], "") for i in idx]
                valid = torch.tensor([not e for e in errors], device=device)
                _note_unreadable(bad, data.train.sources, idx, errors)
                xb, yb = xb.to(device), y_train[idx].to(device)
                opt.zero_grad(set_to_none=True)
                logits = forward(xb)
                per_image = nn.functional.cross_entropy(logits, yb, reduction="none") * valid
                loss = per_image.sum() / valid.sum().clamp(min=1)  # every rank steps, even on a batch of bad files
                loss.backward()
                opt.step()
                total_loss += float(per_image.detach().sum())
                correct += float(((logits.argmax(1) == yb) & valid).sum())
                seen += float(valid.sum())
                done_epochs = (epoch - 1) + (step + 1) / steps
                elapsed = time.perf_counter() - start
                per_epoch = (sum(epoch_times) / len(epoch_times)) if epoch_times else (time.perf_counter() - t0) / (
                    (step + 1) / steps)
                eta = per_epoch * (cfg.epochs - done_epochs)
                yield TrainProgress("train", epoch, step + 1, steps, float(loss.detach()), elapsed, eta)
            total_loss, correct, seen = sum_all([total_loss, correct, seen], ranks, device)
            val_loss, val_acc, _ = _evaluate(forward, trainable, x_val, val_rows, y_val, local_batch, device, ranks,
                                             bad, data.val.sources)
            stats = EpochStats(epoch, total_loss / max(1.0, seen), correct / max(1.0, seen), val_loss, val_acc,
                               time.perf_counter() - t0)
            epoch_times.append(stats.seconds)
            history.append(stats)
            yield stats
            if val_loss < best_loss - 1e-6:  # the same numbers on every rank: the same decision
                best_loss, best_epoch, waited = val_loss, epoch, 0
                best_state = copy.deepcopy(trainable.state_dict())
            else:
                waited += 1
                if cfg.patience and waited >= cfg.patience:
                    stopped_early = True
                    break
        if cfg.restore_best and best_state is not None:
            trainable.load_state_dict(best_state)
        _, _, kept = _evaluate(lambda xb: forward(xb, trainable), trainable, x_val, val_rows, y_val, local_batch,
                               device, ranks, bad, data.val.sources)
    finally:
        for store in stores:
            store.close()
        del feed
    val_index = sorted(kept)  # the validation images that could be read, in order
    val_logits = torch.stack([kept[i] for i in val_index]) if val_index else torch.zeros(0, num_classes)
    y_kept = y_val[val_index]
    val_pred = val_logits.argmax(1)
    # calibration on the validation split: temperature scaling (no prediction changes, only how sure it is)
    # (only where the split can support a fit: engine.models.calibration.calibrate says why not, otherwise)
    calibration = calibrate(val_logits, y_kept.numpy(), cfg.seed)
    temperature = calibration.temperature
    # "unknown / none of the above": the threshold meeting the false-accept target on the held-out images
    unknown_logits = _logits(model, data.unknown, preprocess, local_batch, device, ranks) if data.unknown else None
    curve = UnknownCurve.from_logits(val_logits.numpy(), y_kept.tolist(), temperature,
                                     unknown_logits.numpy() if unknown_logits is not None else None)
    unknown: dict[str, Any] = {"unknown_curve": curve.to_dict()}
    unknown_note = ""
    if cfg.far:
        try:
            unknown["unknown"] = curve.rule(cfg.far).to_dict()
        except ConvLensError as exc:
            unknown_note = exc.text
    confusion = np.zeros((num_classes, num_classes), np.int64)
    for t, p in zip(y_kept.tolist(), val_pred.tolist(), strict=True):
        confusion[t, p] += 1
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.nan_to_num(np.diag(confusion) / confusion.sum(axis=0))
        recall = np.nan_to_num(np.diag(confusion) / confusion.sum(axis=1))
    for p in model.parameters():
        p.requires_grad_(True)  # the finished model is an ordinary model again (CAM, export)
    model.eval()
    config = {**asdict(cfg), "processes": ranks.world} if ranks.active else asdict(cfg)
    new = LoadedModel(model, tuple(data.classes), preprocess, loaded.arch,
                      Text(
                          "fine-tuned ({n} images, best epoch {best_epoch})",
                          n=len(data.train), best_epoch=best_epoch,
                      ),
                      build_options=build_options, head_layout=layout,
                      training={**config, "best_epoch": best_epoch,
                                "val_accuracy": float(np.trace(confusion) / max(1, confusion.sum())),
                                **calibration.to_training(),
                                **unknown})
    skipped = list(data.skipped) + list(merge_all(bad, ranks).items())
    return TrainResult(new, history, best_epoch, confusion, precision, recall,
                       [data.val.sources[i] for i in val_index], y_kept.tolist(), val_pred.tolist(), use_cache,
                       stopped_early, time.perf_counter() - start, skipped=skipped,
                       train_counts=np.bincount(np.asarray(data.train.labels, dtype=np.int64),
                                                minlength=num_classes).tolist(),
                       config=cfg, val_logits=val_logits.numpy(),
                       unknown_logits=unknown_logits.numpy() if unknown_logits is not None else None,
                       unknown_note=unknown_note)


def _indices(n: int) -> TorchDataset[int]:
    """What a DistributedSampler deals: the numbers of the images (it only needs their count)."""
    return cast("TorchDataset[int]", range(n))


def _parallel(module: nn.Module, ranks: Ranks, device: torch.device, find_unused: bool) -> nn.Module:
    """``module`` as DistributedDataParallel when several processes train (rank 0's weights broadcast at once)."""
    if not ranks.active:
        return module
    from torch.nn.parallel import DistributedDataParallel

    return DistributedDataParallel(module, device_ids=[device] if device.type == "cuda" else None,
                                   find_unused_parameters=find_unused)


def _note_unreadable(bad: dict[str, str], sources: Sequence[str], idx: Sequence[int], errors: Sequence[str]) -> None:
    """Remember the images of a batch that could not be read (source -> reason)."""
    for i, e in zip(idx, errors, strict=True):
        if e:
            bad[sources[i]] = e


def _cache(model: nn.Module, head: nn.Module, images: ImageSet, rows: list[int], batch: int, cfg: TrainConfig,
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
            _note_unreadable(bad, images.split.sources, idx, errors)
            yield TrainProgress("cache", 0, step + 1, len(batches), 0.0, time.perf_counter() - start, 0.0)
    except BaseException:
        store.close()
        raise
    finally:
        del feed
    return store


def _logits(model: nn.Module, split: Split, preprocess: Preprocess, batch: int, device: torch.device,
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


def _evaluate(forward, module: nn.Module, x: FeatureStore | ImageSet, rows: list[int], y: torch.Tensor,  # noqa: ANN001
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
            _note_unreadable(bad, sources, idx, errors)
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

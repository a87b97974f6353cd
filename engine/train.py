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
from collections.abc import Generator
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

import numpy as np
import torch
from torch import nn

from convlens.engine.calibration import expected_calibration_error, fit_temperature
from convlens.engine.choices import OPTIMIZERS, Optimizer, TrainPhase
from convlens.engine.data import Dataset, Split
from convlens.engine.errors import ConvLensError, Text
from convlens.engine.heads import HeadLayout, cut_model, find_classifier, replace_head
from convlens.engine.hooks import watch
from convlens.engine.loaded import LoadedModel
from convlens.engine.openset import DEFAULT_FAR, UnknownCurve
from convlens.engine.preprocess import Preprocess


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


def _tensors(split: Split, preprocess: Preprocess, augment: nn.Module | None = None,
             idx: np.ndarray | None = None) -> torch.Tensor:
    picks = range(len(split)) if idx is None else idx
    out = []
    for i in picks:
        image = split.images[int(i)]
        if augment is not None:
            t = augment(torch.from_numpy(np.array(image)).permute(2, 0, 1))  # a writable copy
            image = t.permute(1, 2, 0).numpy()
        out.append(preprocess(image))
    return torch.stack(out)


class _Inputs:
    """A split's model inputs, made batch by batch: never the whole split as one tensor (memory stays flat)."""

    def __init__(self, split: Split, preprocess: Preprocess) -> None:
        self.split, self.preprocess = split, preprocess

    def __len__(self) -> int:
        return len(self.split)

    def __getitem__(self, key: slice | torch.Tensor | np.ndarray) -> torch.Tensor:
        idx = np.arange(len(self))[key] if isinstance(key, slice) else np.asarray(key)
        return _tensors(self.split, self.preprocess, None, idx)


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


def fine_tune(loaded: LoadedModel, data: Dataset, cfg: TrainConfig,
              device: torch.device | str = "cpu") -> Generator[TrainProgress | EpochStats, None, TrainResult]:
    """Train on ``data`` (see module doc). Yields progress per batch and stats per epoch."""
    if cfg.optimizer not in OPTIMIZERS:
        raise ConvLensError(
            "Unknown optimizer '{optimizer}': use {value}.",
            optimizer=cfg.optimizer, value=', '.join(OPTIMIZERS),
        )
    if cfg.epochs < 1 or cfg.batch_size < 1 or cfg.lr <= 0:
        raise ConvLensError("Epochs and batch size must be at least 1, and the learning rate above 0.")
    if len(data.train) == 0 or len(data.val) == 0:
        raise ConvLensError("Training needs images for both training and validation.")
    device = torch.device(device)
    start = time.perf_counter()
    num_classes = len(data.classes)
    model, head, layout, build_options = build_student(loaded, num_classes, cfg)
    preprocess = training_preprocess(loaded.preprocess, cfg)
    model.to(device)
    augment = _augmenter(cfg)
    g = torch.Generator().manual_seed(cfg.seed)

    x_val: _Inputs | torch.Tensor = _Inputs(data.val, preprocess)
    y_val = torch.tensor(data.val.labels)
    y_train = torch.tensor(data.train.labels)
    x_train: _Inputs | torch.Tensor | None = None if augment is not None else _Inputs(data.train, preprocess)

    head_params = {id(p) for p in head.parameters()}
    frozen = not any(p.requires_grad for p in model.parameters() if id(p) not in head_params)
    use_cache = frozen and augment is None and cfg.cache and _head_is_output(model, head, x_val[:1].to(device))
    trainable = head if use_cache else model
    if use_cache:
        feats = {}
        for split_name, xs in (("train", x_train), ("val", x_val)):
            assert xs is not None  # no augmentation when caching: the training inputs are fixed
            kept: list[torch.Tensor] = []
            steps = -(-len(xs) // cfg.batch_size)
            for i in range(steps):
                # the head's input is the backbone's feature: kept per batch (hooks only around the forward, so
                # a cancelled training leaves none behind)
                def keep(_key: str, args: Any, kept: list[torch.Tensor] = kept) -> None:
                    kept.append(args[0].detach())

                with watch([("head", head)], keep, pre=True), torch.inference_mode():
                    model(xs[i * cfg.batch_size : (i + 1) * cfg.batch_size].to(device))
                yield TrainProgress("cache", 0, i + 1, steps, 0.0, time.perf_counter() - start, 0.0)
            feats[split_name] = torch.cat(kept).clone()  # out of inference mode for training
        x_train, x_val = feats["train"], feats["val"]

    params = [p for p in trainable.parameters() if p.requires_grad]
    if cfg.optimizer == "adam":
        opt: torch.optim.Optimizer = torch.optim.Adam(params, lr=cfg.lr)
    elif cfg.optimizer == "sgd":
        opt = torch.optim.SGD(params, lr=cfg.lr, momentum=0.9)
    else:
        opt = torch.optim.RMSprop(params, lr=cfg.lr)
    loss_fn = nn.CrossEntropyLoss()
    history: list[EpochStats] = []
    best_loss, best_epoch, best_state, waited = float("inf"), 0, None, 0
    steps = -(-len(y_train) // cfg.batch_size)
    stopped_early = False
    epoch_times: list[float] = []

    def forward(xb: torch.Tensor) -> torch.Tensor:
        out = trainable(xb)
        return out[0] if isinstance(out, tuple) else out

    for epoch in range(1, cfg.epochs + 1):
        t0 = time.perf_counter()
        if use_cache:
            head.train()
        else:
            _set_train_mode(model, head)
        order = torch.randperm(len(y_train), generator=g)
        total_loss, correct = 0.0, 0
        for step in range(steps):
            idx = order[step * cfg.batch_size : (step + 1) * cfg.batch_size]
            if x_train is not None:
                xb = x_train[idx]
            else:
                xb = _tensors(data.train, preprocess, augment, idx.numpy())
            xb, yb = xb.to(device), y_train[idx].to(device)
            opt.zero_grad(set_to_none=True)
            logits = forward(xb)
            loss = loss_fn(logits, yb)
            loss.backward()
            opt.step()
            total_loss += float(loss.detach()) * len(idx)
            correct += int((logits.argmax(1) == yb).sum())
            done_epochs = (epoch - 1) + (step + 1) / steps
            elapsed = time.perf_counter() - start
            per_epoch = (sum(epoch_times) / len(epoch_times)) if epoch_times else (time.perf_counter() - t0) / (
                (step + 1) / steps)
            eta = per_epoch * (cfg.epochs - done_epochs)
            yield TrainProgress("train", epoch, step + 1, steps, float(loss.detach()), elapsed, eta)
        val_loss, val_pred = _evaluate(forward, trainable, x_val, y_val, cfg.batch_size, device)
        val_acc = float((val_pred == y_val).float().mean())
        stats = EpochStats(epoch, total_loss / len(y_train), correct / len(y_train), val_loss, val_acc,
                           time.perf_counter() - t0)
        epoch_times.append(stats.seconds)
        history.append(stats)
        yield stats
        if val_loss < best_loss - 1e-6:
            best_loss, best_epoch, waited = val_loss, epoch, 0
            best_state = copy.deepcopy(trainable.state_dict())
        else:
            waited += 1
            if cfg.patience and waited >= cfg.patience:
                stopped_early = True
                break
    if cfg.restore_best and best_state is not None:
        trainable.load_state_dict(best_state)
    _, val_pred, val_logits = _evaluate(forward, trainable, x_val, y_val, cfg.batch_size, device, keep_logits=True)
    # calibration on the validation split: temperature scaling (no prediction changes, only how sure it is)
    temperature = fit_temperature(val_logits, y_val)
    ece_before = expected_calibration_error(val_logits.softmax(1).numpy(), y_val.numpy())
    ece_after = expected_calibration_error((val_logits / temperature).softmax(1).numpy(), y_val.numpy())
    # "unknown / none of the above": the threshold meeting the false-accept target on the held-out images
    unknown_logits = _logits(model, _Inputs(data.unknown, preprocess), cfg.batch_size, device) if data.unknown else None
    curve = UnknownCurve.from_logits(val_logits.numpy(), y_val.tolist(), temperature,
                                     unknown_logits.numpy() if unknown_logits is not None else None)
    unknown: dict[str, Any] = {"unknown_curve": curve.to_dict()}
    unknown_note = ""
    if cfg.far:
        try:
            unknown["unknown"] = curve.rule(cfg.far).to_dict()
        except ConvLensError as exc:
            unknown_note = exc.text
    confusion = np.zeros((num_classes, num_classes), np.int64)
    for t, p in zip(y_val.tolist(), val_pred.tolist(), strict=True):
        confusion[t, p] += 1
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.nan_to_num(np.diag(confusion) / confusion.sum(axis=0))
        recall = np.nan_to_num(np.diag(confusion) / confusion.sum(axis=1))
    for p in model.parameters():
        p.requires_grad_(True)  # the finished model is an ordinary model again (CAM, export)
    model.eval()
    new = LoadedModel(model, tuple(data.classes), preprocess, loaded.arch,
                      Text(
                          "fine-tuned ({n} images, best epoch {best_epoch})",
                          n=len(data.train), best_epoch=best_epoch,
                      ),
                      build_options=build_options, head_layout=layout,
                      training={**asdict(cfg), "best_epoch": best_epoch,
                                "val_accuracy": float(np.trace(confusion) / max(1, confusion.sum())),
                                "temperature": temperature, "ece_before": ece_before, "ece_after": ece_after,
                                **unknown})
    return TrainResult(new, history, best_epoch, confusion, precision, recall, list(data.val.sources),
                       y_val.tolist(), val_pred.tolist(), use_cache, stopped_early, time.perf_counter() - start,
                       skipped=list(data.skipped),
                       train_counts=np.bincount(np.asarray(data.train.labels, dtype=np.int64),
                                                minlength=num_classes).tolist(),
                       config=cfg, val_logits=val_logits.numpy(),
                       unknown_logits=unknown_logits.numpy() if unknown_logits is not None else None,
                       unknown_note=unknown_note)


def _logits(model: nn.Module, x: _Inputs, batch: int, device: torch.device) -> torch.Tensor:
    """The whole model's raw scores on inputs that have no label (eval mode, batch by batch)."""
    was = model.training
    model.eval()
    with torch.inference_mode():
        outs = [model(x[i : i + batch].to(device)) for i in range(0, len(x), batch)]
        out = torch.cat([(o[0] if isinstance(o, tuple) else o).float().cpu() for o in outs])
    model.train(was)
    return out


def _evaluate(forward, module: nn.Module, x: _Inputs | torch.Tensor, y: torch.Tensor, batch: int,  # noqa: ANN001
              device: torch.device, keep_logits: bool = False) -> Any:
    was = module.training
    module.eval()
    total, preds, kept = 0.0, [], []
    with torch.inference_mode():
        for i in range(0, len(y), batch):
            logits = forward(x[i : i + batch].to(device))
            total += float(nn.functional.cross_entropy(logits, y[i : i + batch].to(device), reduction="sum"))
            preds.append(logits.argmax(1).cpu())
            if keep_logits:
                kept.append(logits.float().cpu())
    module.train(was)
    if keep_logits:
        return total / len(y), torch.cat(preds), torch.cat(kept)
    return total / len(y), torch.cat(preds)

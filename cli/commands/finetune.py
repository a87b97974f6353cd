"""``convlens finetune``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from convlens.cli.args import BATCH, input_size, integer, number
from convlens.cli.common import (
    Kept,
    load_model_weights,
    outputs_first,
    train_progress_bar,
    unknown_text,
)
from convlens.engine.core.errors import ConvLensError

if TYPE_CHECKING:
    import argparse

    from convlens.engine.training.config import Ranks, TrainConfig


def add_parser(sub: argparse._SubParsersAction) -> None:
    from convlens.engine.core.choices import OPTIMIZERS
    from convlens.engine.training.config import TrainConfig

    D = TrainConfig()

    p = sub.add_parser("finetune", help="teach a model new classes from a folder (or train LeNet-5 on MNIST)")
    p.add_argument("data", help="folder of class subfolders (ImageFolder layout), or a folder of MNIST idx files")
    p.add_argument("--arch", help="architecture name (see `convlens models`; default: the bundled MobileNetV2)")
    p.add_argument("--weights",
                   help="bundled | pretrained | FILE: fine-tune a new head on it; random: train from scratch "
                        "(default: the bundled MobileNetV2, or ARCH's pretrained weights)")
    p.add_argument("--out", required=True, help="checkpoint to write (.pth)")
    p.add_argument("--val-dir", help="separate validation folder with the same class subfolders")
    p.add_argument("--val-split", type=number(0, 0.9, "a fraction"), default=0.2, help="validation fraction per class (default 0.2)")
    p.add_argument("--epochs", type=integer(1, 100_000, "an epoch count"), default=D.epochs)
    p.add_argument("--lr", type=number(0, 10, "a learning rate", low_open=True), default=D.lr)
    p.add_argument("--batch-size", type=BATCH, default=D.batch_size)
    p.add_argument("--optimizer", choices=OPTIMIZERS, default=D.optimizer)
    p.add_argument("--hidden", type=integer(0, 65536, "a layer size"), default=D.hidden, help="hidden dense layer size in the new head (0: none)")
    p.add_argument("--dropout", type=number(0, 1, "a dropout rate", high_open=True), default=D.dropout)
    p.add_argument("--patience", type=integer(0, 100_000, "epochs"), default=D.patience, help="early stopping on validation loss (0: off)")
    p.add_argument("--unfreeze", action="store_true", help="train the backbone too, not only the new head")
    p.add_argument("--cut", metavar="LAYER", default="",
                   help="put the new head on this layer's output, dropping what follows (seed 003: Mixed_6e, "
                        "or Keras' name mixed7); `convlens summary ARCH --all` lists the layers")
    p.add_argument("--freeze-until", metavar="LAYER", default="",
                   help="freeze only the layers up to and including LAYER (Keras names accepted)")
    p.add_argument("--input-size", type=input_size, default=0,
                   help="train at N x N pixels (seed 003: 150; default: the weights' own size)")
    p.add_argument("--rotation", type=number(0, 180, "degrees"), default=0.0, help="augmentation: rotate up to +-DEGREES")
    p.add_argument("--shift", type=number(0, 1, "a fraction", high_open=True), default=0.0, help="augmentation: shift up to +-FRACTION")
    p.add_argument("--shear", type=number(0, 90, "degrees", high_open=True), default=0.0, help="augmentation: shear up to +-DEGREES")
    p.add_argument("--zoom", type=number(0, 1, "a fraction", high_open=True), default=0.0, help="augmentation: zoom by up to +-FRACTION")
    p.add_argument("--hflip", action="store_true", help="augmentation: random horizontal flips")
    p.add_argument("--no-cache", action="store_true", help="do not cache frozen-backbone features")
    p.add_argument("--seed", type=integer(0, 2**32 - 1, "a seed"), default=D.seed)
    p.add_argument("--far", type=number(0, 1, "a false-accept rate", high_open=True), default=D.far, metavar="RATE",
                   help="'unknown' threshold: at most this false-accept rate on the held-out images (the "
                        f"validation split and DATA/_unknown, images of no class); 0: off (default {D.far})")
    p.add_argument("--device", default="auto", help="auto | cpu | cuda | mps (default auto)")
    p.add_argument("--workers", type=integer(0, 64, "a process count"), default=None, metavar="N",
                   help="processes decoding a streamed data set while the model trains (default: one per spare core, "
                        "up to 4)")
    p.add_argument("--stream", action="store_true",
                   help="decode images from disk as training needs them, never all at once (default: for folders "
                        "of more than 500 images)")
    p.add_argument("--cache-memory", type=number(0, 1e6, "gigabytes"), default=0, metavar="GB",
                   help="cached backbone features kept in memory before they spill to a memory-mapped file "
                        "(default 1 GB)")
    p.add_argument("--cache-dir", default="", metavar="DIR", help="where that file goes (default: the temp folder)")


def _save_trained(out: Path, loaded: object) -> Path:
    """Write the trained model to ``out``; if that fails now (the disk filled during training), keep it in the user's
    data folder instead and say where: a trained model is never lost."""
    from convlens.engine.weights import checkpoints

    save = checkpoints.save_checkpoint
    try:
        save(out, loaded)  # type: ignore[arg-type]
        return out
    except ConvLensError as exc:
        import time

        from platformdirs import user_data_dir

        keep = Path(user_data_dir("ConvLens", appauthor=False)) / "unsaved" / f"{out.stem}-{time.strftime('%Y%m%d-%H%M%S')}.pth"
        try:
            keep.parent.mkdir(parents=True, exist_ok=True)
            save(keep, loaded)  # type: ignore[arg-type]
        except (ConvLensError, OSError):
            raise ConvLensError(f"{exc} The trained model could not be kept anywhere else either (is the disk "
                                "full?).") from None
        print(f"error: {exc}", file=sys.stderr)
        print(f"the trained model is kept in {keep}: copy it where you want it", file=sys.stderr)
        raise Kept(keep) from None


def _default_workers() -> int:
    """One decoding process per core this process can spare (cores shared among torchrun's local processes)."""
    local = int(os.environ.get("LOCAL_WORLD_SIZE", "1"))
    return max(0, min(4, (os.cpu_count() or 1) // max(1, local) - 1))


def finetune_config(args: argparse.Namespace) -> TrainConfig:
    """The training settings ``convlens finetune`` was given (Keras layer names resolved)."""
    from convlens.engine.training.config import TrainConfig
    from convlens.engine.weights.keras import resolve_layer_alias

    scratch = args.weights == "random"
    cut = resolve_layer_alias(args.arch, args.cut) if args.cut else ""
    freeze_until = resolve_layer_alias(args.arch, args.freeze_until) if args.freeze_until else ""
    return TrainConfig(epochs=args.epochs, lr=args.lr, batch_size=args.batch_size, optimizer=args.optimizer,
                       rotation=args.rotation, shift=args.shift, shear=args.shear, zoom=args.zoom, hflip=args.hflip,
                       patience=args.patience, hidden=args.hidden, dropout=args.dropout,
                       freeze_backbone=not (args.unfreeze or scratch), freeze_until=freeze_until, cut_at=cut,
                       image_size=args.input_size, from_scratch=scratch,
                       batch_norm=scratch and args.arch == "lenet5", cache=not args.no_cache, seed=args.seed,
                       far=args.far, workers=_default_workers() if args.workers is None else args.workers,
                       cache_budget=int(args.cache_memory * 1e9), cache_dir=args.cache_dir)


def run(args: argparse.Namespace) -> int:
    from convlens.engine.runtime.device import select_device
    from convlens.engine.training.distributed import join, leave

    ranks, device = join(select_device(args.device))  # under torchrun: this process's rank and device
    try:
        return _finetune(args, ranks, device)
    finally:
        leave(ranks)


def _finetune(args: argparse.Namespace, ranks: Ranks, device: object) -> int:
    from convlens.engine.app.session import EngineSession
    from convlens.engine.app.tasks import TrainDataRead, train
    from convlens.engine.core.fileio import check_writable
    from convlens.engine.core.steps import run_to_end
    from convlens.engine.training.distributed import main_first
    from convlens.engine.training.loop import EpochStats, TrainProgress

    out = Path(args.out)
    if ranks.main:  # before any training: a run is never lost to an --out that cannot be written
        outputs_first({"--out": args.out}, [args.weights, args.data, args.val_dir])
    scratch = args.weights == "random"
    session = EngineSession(str(device))
    with main_first(ranks):  # a download happens once, on rank 0; the others then read the file
        session.install(load_model_weights(args.arch, args.weights, quiet=not ranks.main))
    args.arch = session.pytorch_model.name  # the backbone actually loaded: named, bundled, or a fallback
    if ranks.main:  # room for the checkpoint (about the model's size), before any training
        model = session.pytorch_model.model
        check_writable(out, "--out", needs=sum(t.numel() * t.element_size() for t in model.state_dict().values()))
    cfg = finetune_config(args)
    if cfg.cut_at and cfg.cut_at != args.cut and ranks.main:
        print(f"--cut {args.cut}: Keras' {args.cut} is {cfg.cut_at} here")
    what = "training from scratch" if scratch else (
        "fine-tuning a new head on a frozen backbone" if cfg.freeze_backbone else "fine-tuning every layer")

    def show(step: object) -> None:
        if not ranks.main:  # rank 0 alone reports
            return
        if isinstance(step, TrainDataRead):
            print(f"data: {step.text}")
            print(f"{what}: {args.arch}, up to {cfg.epochs} epochs")
            if ranks.active:
                print(f"distributed: {ranks.world} processes ({ranks.backend}), a global batch of {cfg.batch_size} "
                      f"({-(-cfg.batch_size // ranks.world)} per process)")
            if cfg.augments and cfg.freeze_backbone:
                print("augmentation is on: backbone features change every epoch, so they cannot be cached (slower)")
        elif isinstance(step, EpochStats):
            print(f"\repoch {step.epoch}: train loss {step.train_loss:.4f} acc {100 * step.train_acc:.1f}%  "
                  f"val loss {step.val_loss:.4f} acc {100 * step.val_acc:.1f}%  ({step.seconds:.1f} s)" + " " * 20)
        elif isinstance(step, TrainProgress):
            train_progress_bar(step)

    finished = run_to_end(train(session, args.data, cfg, args.val_dir or "", args.val_split,
                                True if args.stream else None, ranks), show)
    result = finished.result
    if not ranks.main:
        return 0  # rank 0 writes the checkpoint and the report
    for _source, reason in result.skipped:
        print(f"skipped: {reason}", file=sys.stderr)
    _save_trained(out, result.loaded)
    classes = result.loaded.labels
    print(f"validation accuracy: {100 * result.val_accuracy:.2f}% (best epoch {result.best_epoch}"
          f"{', stopped early' if result.stopped_early else ''}; {result.seconds:.1f} s"
          f"{', backbone features cached' if result.cached else ''})")
    width = max(8, *(len(c) for c in classes))
    print("confusion matrix (rows: true, columns: predicted):")
    print(" " * (width + 2) + " ".join(f"{c[:6]:>6}" for c in classes))
    matrix, _ = result.validation.confusion()
    for name, row in zip(classes, matrix, strict=True):
        print(f"{name:>{width}}  " + " ".join(f"{n:>6}" for n in row))
    for score in result.validation.scores():
        print(f"{score.name:>{width}}  precision {100 * score.precision:5.1f}%  recall {100 * score.recall:5.1f}%")
    training = result.loaded.training
    calibration = training.calibration if training else None
    if training is not None and calibration is not None:
        rests = f", {calibration.images} images, {calibration.errors} wrong"
        if not calibration.fitted:
            print(f"calibration (validation{rests}): expected calibration error {100 * calibration.ece_before:.1f}%. "
                  f"{calibration.note}")
        else:
            print(f"calibration (validation{rests}): expected calibration error {100 * calibration.ece_before:.1f}% -> "
                  f"{100 * calibration.ece_after:.1f}% (cross-fitted) with temperature T = "
                  f"{training.temperature:.3f} (stored in the checkpoint)")
    if result.loaded.unknown is not None:
        print(f"unknown: answers at or below {unknown_text(result.loaded.unknown)} are 'unknown' (stored in the "
              "checkpoint)")
    elif result.unknown_note:
        print(f"unknown: no threshold. {result.unknown_note}")
    from convlens.cli.diagnosis_text import finding_lines
    from convlens.engine.training.diagnose import diagnose

    print("\n".join(finding_lines(diagnose(result))))
    print(f"saved {out}")
    return 0

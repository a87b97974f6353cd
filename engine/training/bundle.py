"""A training bundle: everything a bigger machine needs to run the fine-tune set up in the app, and nothing else.

A folder with ``bundle.json`` (data path, settings, the command line), ``run.sh`` (``torchrun`` with one process
per GPU on one machine, or across machines given a rendezvous endpoint), ``README.txt`` and, when the model
started from a local weights file, a copy of that file under ``weights/``. The images stay where they are (the
bigger machine is given their path, or the folder on its own disk as ``./run.sh DATA``); the checkpoint that
comes back (``model.pth``) opens in the app like any weights file.
"""

from __future__ import annotations

import json
import shlex
import shutil
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from convlens.engine import __version__
from convlens.engine.core.errors import ConvLensError
from convlens.engine.core.fileio import write_atomic
from convlens.engine.training.loop import TrainConfig

__all__ = ["BUNDLE_FORMAT", "TrainingBundle", "finetune_arguments", "read_bundle", "write_bundle"]

BUNDLE_FORMAT = "convlens-training-bundle/1"
OUTPUT = "model.pth"

#: TrainConfig fields -> ``convlens finetune`` flags (the others are implied or belong to the machine).
_VALUE_FLAGS = {"epochs": "--epochs", "lr": "--lr", "batch_size": "--batch-size", "optimizer": "--optimizer",
                "rotation": "--rotation", "shift": "--shift", "shear": "--shear", "zoom": "--zoom",
                "patience": "--patience", "hidden": "--hidden", "dropout": "--dropout", "freeze_until": "--freeze-until",
                "cut_at": "--cut", "image_size": "--input-size", "seed": "--seed", "far": "--far"}
_MACHINE = ("workers", "cache_budget", "cache_dir")  # each machine's own: its defaults apply there


@dataclass(frozen=True)
class TrainingBundle:
    arch: str
    weights: str  # "pretrained", "random", or a file inside the bundle ("weights/x.pth")
    data: str  # the training folder, as an absolute path on the machine that made the bundle
    val_data: str
    val_split: float
    config: TrainConfig


def finetune_arguments(bundle: TrainingBundle, data: str | None = None, out: str = OUTPUT) -> list[str]:
    """The ``convlens finetune`` arguments that run ``bundle`` (on ``data``, default the bundle's own path)."""
    cfg = bundle.config
    defaults = TrainConfig()
    weights = "random" if cfg.from_scratch else bundle.weights
    args = ["finetune", data if data is not None else bundle.data, "--arch", bundle.arch, "--weights", weights,
            "--out", out]
    if bundle.val_data:
        args += ["--val-dir", bundle.val_data]
    elif bundle.val_split != 0.2:
        args += ["--val-split", repr(bundle.val_split)]
    for name, flag in _VALUE_FLAGS.items():
        value = getattr(cfg, name)
        if value != getattr(defaults, name):
            args += [flag, repr(value) if isinstance(value, float) else str(value)]
    if cfg.hflip:
        args.append("--hflip")
    if not cfg.freeze_backbone and not cfg.from_scratch:
        args.append("--unfreeze")
    if not cfg.cache:
        args.append("--no-cache")
    return args


def _script(bundle: TrainingBundle) -> str:
    args = finetune_arguments(bundle, data="DATA_PLACEHOLDER")
    command = " ".join('"$DATA"' if a == "DATA_PLACEHOLDER" else shlex.quote(a) for a in args)
    return f"""#!/bin/sh
# ConvLens training bundle: {bundle.arch} on {bundle.data}
# Usage: ./run.sh [DATA_FOLDER]      (default: the folder it was made from)
#   NPROC=4 ./run.sh                  processes on this machine (default: one per GPU, or 1)
#   NNODES=2 RDZV_ENDPOINT=host:29500 ./run.sh    on each of several machines (see README.txt)
# Writes model.pth here: open it in ConvLens (Teach -> Load trained model, or File -> Open weights).
set -e
DATA="${{1:-{shlex.quote(bundle.data)}}}"
case "$DATA" in /*) ;; *) DATA="$PWD/$DATA" ;; esac
cd "$(dirname "$0")"
if [ -z "$NPROC" ]; then
  NPROC=$(nvidia-smi -L 2>/dev/null | wc -l)
  [ "$NPROC" -ge 1 ] 2>/dev/null || NPROC=1
fi
if [ -n "$RDZV_ENDPOINT" ]; then
  set -- --nnodes="${{NNODES:-2}}" --rdzv-backend=c10d --rdzv-endpoint="$RDZV_ENDPOINT" --rdzv-id="${{RDZV_ID:-convlens}}"
else
  set -- --standalone
fi
if command -v torchrun >/dev/null 2>&1; then RUN=torchrun; else RUN="${{PYTHON:-python3}} -m torch.distributed.run"; fi
exec $RUN "$@" --nproc-per-node="$NPROC" -m convlens.cli {command}
"""


def _readme(bundle: TrainingBundle) -> str:
    plain = " ".join(shlex.quote(a) for a in finetune_arguments(bundle))
    return f"""ConvLens training bundle ({BUNDLE_FORMAT}), made by ConvLens {__version__} on {time.strftime("%Y-%m-%d %H:%M")}

What it trains: {bundle.arch}, starting from {bundle.weights}, on {bundle.data}
(settings in bundle.json). The images are not in the bundle: copy the folder to the bigger machine (or use
the same path on a shared disk) and give its path to run.sh.

1. On the bigger machine: Python 3.11+, then `pip install convlens` (or `pip install .` from its source), which
   brings PyTorch; for NVIDIA GPUs install the CUDA build of PyTorch first (see pytorch.org).
2. One machine, all its GPUs:       ./run.sh /path/to/images
   (NPROC=N ./run.sh ... to choose the number of processes; on a CPU-only machine one process is the default)
3. Several machines (each with the same data path), run on every one of them:
       NNODES=2 RDZV_ENDPOINT=first-machine:29500 ./run.sh /path/to/images
   torchrun's c10d rendezvous assigns the ranks; the first machine to arrive hosts it.
4. Bring model.pth back and open it in ConvLens: Teach -> Load trained model (or File -> Open weights).

The same training in one process, without torchrun:
    convlens {plain}

The global batch ({bundle.config.batch_size}) is shared by the processes; the result matches one process within
rounding when nothing random or batch-dependent runs in training (no dropout, augmentation or BatchNorm in
training mode), and closely otherwise.
"""


def write_bundle(folder: str | Path, bundle: TrainingBundle) -> Path:
    """Write ``bundle`` into ``folder`` (created; an existing bundle there is replaced, nothing else touched).
    A local weights file is copied into ``weights/``."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()) and not (folder / "bundle.json").is_file():
        raise ConvLensError("{folder} is not empty: choose a new or empty folder for the training bundle.",
                            folder=folder)
    if not Path(bundle.data).is_dir():
        raise ConvLensError("Data folder {root} not found.", root=bundle.data)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        weights = bundle.weights
        if weights not in ("pretrained", "random") and not bundle.config.from_scratch:
            source = Path(weights)
            if not source.is_file():
                raise ConvLensError("The weights file {path} is gone: load it again before making the bundle.",
                                    path=source)
            (folder / "weights").mkdir(exist_ok=True)
            shutil.copy2(source, folder / "weights" / source.name)
            weights = f"weights/{source.name}"
        bundle = TrainingBundle(bundle.arch, weights, str(Path(bundle.data).resolve()),
                                str(Path(bundle.val_data).resolve()) if bundle.val_data else "", bundle.val_split,
                                bundle.config)
        config = {k: v for k, v in asdict(bundle.config).items() if k not in _MACHINE}
        manifest = {"format": BUNDLE_FORMAT, "convlens": __version__, "arch": bundle.arch, "weights": weights,
                    "data": bundle.data, "val_data": bundle.val_data, "val_split": bundle.val_split,
                    "config": config, "command": ["convlens", *finetune_arguments(bundle)]}
        write_atomic(folder / "bundle.json", json.dumps(manifest, indent=2).encode("utf-8"))
        write_atomic(folder / "run.sh", _script(bundle).encode("utf-8"))
        (folder / "run.sh").chmod(0o755)
        write_atomic(folder / "README.txt", _readme(bundle).encode("utf-8"))
    except OSError as exc:
        raise ConvLensError("Cannot write the training bundle to {folder}: {reason}", folder=folder,
                            reason=exc.strerror or exc) from None
    return folder


def read_bundle(folder: str | Path) -> TrainingBundle:
    """A bundle written by ``write_bundle`` (its weights path made absolute)."""
    folder = Path(folder)
    try:
        manifest: dict[str, Any] = json.loads((folder / "bundle.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ConvLensError("{folder} holds no readable training bundle (bundle.json).", folder=folder) from None
    if manifest.get("format") != BUNDLE_FORMAT:
        raise ConvLensError("{folder}: not a ConvLens training bundle.", folder=folder)
    known = {f.name for f in fields(TrainConfig)}
    config = TrainConfig(**{k: v for k, v in manifest["config"].items() if k in known})
    weights = manifest["weights"]
    if weights.startswith("weights/"):
        weights = str(folder / weights)
    return TrainingBundle(manifest["arch"], weights, manifest["data"], manifest["val_data"], manifest["val_split"],
                          config)

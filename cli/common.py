"""What the subcommands share: loading the model they were given, checking outputs before any work, writing
files whole or not at all, progress on standard error."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from convlens.engine.core.errors import ConvLensError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from convlens.engine.training.loop import TrainProgress
    from convlens.engine.weights.hub import DownloadProgress


def download_progress(step: DownloadProgress) -> None:
    done, total, name = step.done, step.total, step.filename
    pct = f"{100 * done / total:5.1f}%" if total else f"{done / 1e6:.1f} MB"
    print(f"\rDownloading {name}: {pct}", end="" if done < total or not total else "\n", file=sys.stderr)


def outputs_first(outputs: dict[str, str | None], inputs: list[str | None]) -> None:
    """Before any work: every output can be written and none of them is an input (nothing the user made is
    destroyed, and no run is lost to an output that cannot be written)."""
    from convlens.engine.core.fileio import check_writable, refuse_overwriting
    from convlens.engine.data.images import IMAGE_SUFFIXES

    given: list[str | Path] = [i for i in inputs if i and i not in ("bundled", "pretrained", "random")]
    for flag, out in outputs.items():
        if out:
            refuse_overwriting(out, given, flag, IMAGE_SUFFIXES)
            check_writable(out, flag)


def load_for_image(args: argparse.Namespace):  # -> (EngineSession, image)
    from convlens.engine.app.session import EngineSession

    outputs_first({"--out": args.out, "--overlay": getattr(args, "overlay", None)},
                   [args.image, args.weights, args.labels])
    if getattr(args, "overlay", None) and Path(args.overlay).resolve() == Path(args.out).resolve():
        raise ConvLensError(f"--overlay {args.overlay} is the --out file: give them different names.")

    session = EngineSession(args.device)
    image = session.open_image(args.image)
    loaded = load_model_weights(args.arch, args.weights, args.labels)
    session.install(loaded)
    return session, image


def write_png(path: str, array: object) -> None:
    """A PNG written whole or not at all (encoded in memory, then ``write_atomic``: no 0-byte file on a full disk)."""
    import io

    from PIL import Image

    from convlens.engine.core.fileio import write_atomic

    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, format="PNG")  # type: ignore[arg-type]
    write_atomic(path, buffer.getvalue())


def train_progress_bar(step: TrainProgress) -> None:
    width = 24
    filled = round(width * step.step / step.steps)
    label = "caching features" if step.phase == "cache" else f"epoch {step.epoch}"
    eta = f" ETA {int(step.eta) // 60}:{int(step.eta) % 60:02d}" if step.phase == "train" else ""
    loss = f" loss {step.loss:.4f}" if step.phase == "train" else ""
    print(f"\r{label} [{'#' * filled}{'-' * (width - filled)}] {step.step}/{step.steps}{loss}{eta}   ",
          end="", file=sys.stderr, flush=True)


def print_notes(notes: Sequence[str]) -> None:
    """How the weights were read (a fallback to the bundled model, a rebuilt head...), on stderr."""
    for note in notes:
        print(f"note: {note}", file=sys.stderr)


def load_model_weights(arch: str | None, weights: str | None, labels: str | None = None, quiet: bool = False,
                  notes: bool = True):
    """``engine.weights.load.load_weights`` with download progress and its notes (a fallback to the bundled model, a
    rebuilt head...) on stderr; ``weights`` None is the default (the bundled model, or ARCH's pretrained)."""
    from convlens.engine.weights.load import load_weights

    loaded = load_weights(arch, weights, labels, progress=None if quiet else download_progress)
    if notes and not quiet:
        print_notes(loaded.notes)
    return loaded


def load_for_runtime(args: argparse.Namespace, images: float = 1):  # -> EngineSession
    """A session with the weights as asked, run by the chosen runtime (``CurrentModel.load_named``, as the window loads them); ``images``:
    how much work the model is loaded for (``auto`` converts only when that repays it)."""
    from convlens.engine.app.session import EngineSession
    from convlens.engine.runtime.runtimes import TITLES

    onnx = str(args.weights).lower().endswith(".onnx")
    if args.preprocess and not onnx:
        raise ConvLensError("--preprocess is for ONNX files that do not carry their preprocessing.")
    session = EngineSession(getattr(args, "device", "auto"))
    session.runtime = args.runtime
    if getattr(args, "precision", "f32") == "int8":
        session.model.int8_calibration = args.calibration
    info = session.model.load_named(args.arch, args.weights, args.labels, images, args.preprocess, download_progress)
    if not onnx:
        print_notes(session.pytorch_model.notes)
    if info.precision == "int8":
        print(f"runtime: {info.runtime_reason} (reduced precision: results are not the model's f32 numbers)",
              file=sys.stderr)
    elif args.runtime == "auto" and info.runtime_reason:
        print(f"runtime: {info.runtime_reason}", file=sys.stderr)
    elif args.runtime != "torch" and session.torch_loaded is not None:
        reduced = ", reduced precision: results are not the model's f32 numbers" if info.reduced_precision else ""
        print(f"runtime: {TITLES[args.runtime]} {info.precision}{reduced}", file=sys.stderr)
    return session


def unknown_text(rule) -> str:
    return (f"{100 * rule.threshold:.2f}% (false-accept rate {100 * rule.far:.1f}% on {rule.impostors} held-out "
            f"wrong or unknown examples, target {100 * rule.target_far:g}%; {100 * rule.tar:.0f}% of right answers "
            "kept)")


def batch_progress(step: object) -> None:
    done, total = getattr(step, "done", 0), getattr(step, "total", 0)
    print(f"\rclassifying {done}/{total}", end="", file=sys.stderr, flush=True)


class Kept(Exception):
    """The run's output could not be written where asked; it was kept elsewhere (already said): exit 1."""

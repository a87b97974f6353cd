"""The command line: ``convlens models | summary | classify | cam | features | live | finetune | evaluate | export``.

A front end like the window: it parses arguments, calls the engine (its use cases in ``engine.app.tasks``) and
prints; it never imports Qt. Errors a user can cause print one line on stderr and exit 1, no traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from convlens.engine.core.choices import default_runtime
from convlens.engine.core.errors import ConvLensError

if TYPE_CHECKING:
    from convlens.engine.training.distributed import Ranks
    from convlens.engine.training.loop import TrainConfig, TrainProgress

WEIGHTS_HELP = (
    "bundled | pretrained | random | FILE (a weights file, checkpoint or .convlens project). Default: the bundled "
    "MobileNetV2 (ImageNet) when no --arch is named, else ARCH's pretrained weights; pretrained weights that are not "
    "cached and cannot be downloaded fall back to the bundled model, with a note")
RUNTIME_HELP = (
    "auto (default): PyTorch's own f32 numbers from the fastest runtime here that gives them (PyTorch, ONNX Runtime "
    "or OpenVINO f32, probabilities within 1e-4). Speed depends on the architecture and input size, not the weights: "
    "the runtimes are timed once per architecture, input size and computer, new weights only get a parity check, "
    "and the model is converted only when the work repays it (never for one image: the first answer comes as fast "
    "as PyTorch's). | torch | onnxruntime | openvino (f32) | fast (OpenVINO at reduced precision, bf16 where the "
    "CPU has it: every result says so, with its measured agreement with f32 on your images)")

SUBCOMMANDS = ("models", "summary", "classify", "compare", "evaluate", "cam", "features", "live", "finetune", "check",
               "export")


def _integer(low: int, high: int | None = None, what: str = "") -> object:
    """An argparse type: a whole number from ``low`` to ``high``; argparse names the flag in its message."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if value < low or (high is not None and value > high):
            span = f"from {low} to {high}" if high is not None else f"at least {low}"
            raise argparse.ArgumentTypeError(f"{value}: give {what or 'a number'} {span}")
        return value

    return parse


def _number(low: float, high: float, what: str = "", low_open: bool = False, high_open: bool = False) -> object:
    """An argparse type: a finite number in [low, high] (an open end where asked)."""
    import math

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
        if not math.isfinite(value) or value < low or value > high or (low_open and value == low) or (
                high_open and value == high):
            span = f"{'above' if low_open else 'from'} {low:g} {'to below' if high_open else 'to'} {high:g}"
            raise argparse.ArgumentTypeError(f"{text}: give {what or 'a number'} {span}")
        return value

    return parse


TOPK = _integer(1, 1000, "how many classes")


def _input_size(text: str) -> int:
    """--input-size: 0 (the weights' own size) or a side from 16 to 2048 pixels."""
    value = _integer(0, 2048, "a side in pixels")(text)  # type: ignore[operator]
    if 0 < value < 16:
        raise argparse.ArgumentTypeError(f"{value}: give the side in pixels (at least 16), or 0 for the weights' own")
    return int(value)


BATCH = _integer(1, 4096, "a batch size")


def _parser() -> argparse.ArgumentParser:
    from convlens.engine.core.choices import CAM_METHODS, EXPORT_FORMATS, NORMALISATIONS, OPTIMIZERS, RUNTIME_CHOICES
    from convlens.engine.models.preprocess import PRESETS
    from convlens.engine.training.loop import TrainConfig

    D = TrainConfig()
    parser = argparse.ArgumentParser(
        prog="convlens",
        description="ConvLens: see inside and teach convolutional networks. "
        "Without a subcommand, opens the desktop app.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("models", help="list the architectures ConvLens offers")

    p = sub.add_parser("summary", help="layer table of an architecture: output shapes, parameters, FLOPs")
    p.add_argument("arch", help="architecture name (see `convlens models`)")
    p.add_argument("--weights", default="random", help="bundled | pretrained | random | FILE (default: random)")
    p.add_argument("--all", action="store_true", help="show container modules too, indented")
    p.add_argument("--size", type=_integer(8, 2048, "an input side in pixels"), help="input size (default: the architecture's)")
    p.add_argument("--explain", action="store_true",
                   help="the arithmetic of every conv, pooling and FC layer (output size, parameters, "
                        "multiplications, receptive field) and of Inception, residual and SE blocks")

    p = sub.add_parser("classify", help="top-k classes of images")
    p.add_argument("images", nargs="+", help="image files or folders (searched recursively)")
    p.add_argument("--arch", help="architecture name (not needed for a TorchScript file or a ConvLens checkpoint)")
    p.add_argument("--weights", help=WEIGHTS_HELP)
    p.add_argument("--labels", help="class names: text file (one per line) or JSON")
    p.add_argument("--topk", type=TOPK, default=5, help="how many classes per image (default 5)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--device", default="auto", help="auto | cpu | cuda | mps (default auto)")
    p.add_argument("--batch-size", type=BATCH, default=16)
    p.add_argument("--runtime", choices=RUNTIME_CHOICES, default=default_runtime(),
                   help=RUNTIME_HELP)
    p.add_argument("--preprocess", choices=tuple(PRESETS),
                   help="preprocessing for an ONNX file that does not carry its own")

    def model_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("image", help="image file")
        p.add_argument("--arch", help="architecture name (see `convlens models`)")
        p.add_argument("--weights", help=WEIGHTS_HELP)
        p.add_argument("--labels", help="class names: text file (one per line) or JSON")
        p.add_argument("--device", default="auto", help="auto | cpu | cuda | mps (default auto)")

    p = sub.add_parser("cam", help="class activation map (Grad-CAM) of an image, as a PNG the image's size")
    model_args(p)
    p.add_argument("--class", dest="class_", metavar="NAME|INDEX", help="class to explain (default: the top-1)")
    p.add_argument("--layer", help="layer name from `convlens summary ARCH --all` (default: the last conv block); "
                                    "auto: the most faithful of the last block at each of the last 3 resolutions")
    p.add_argument("--method", choices=CAM_METHODS, default=CAM_METHODS[0])
    p.add_argument("--out", required=True, help="heatmap PNG: 8-bit grayscale, 255 = most important")
    p.add_argument("--overlay", help="also write the heatmap blended over the image here")
    p.add_argument("--alpha", type=_number(0, 1, "an opacity"), default=0.5, help="overlay opacity of the heatmap (default 0.5)")

    p = sub.add_parser("features", help="feature maps of one layer as a grid PNG (most active channel first)")
    model_args(p)
    p.add_argument("--layer", required=True, help="layer name from `convlens summary ARCH --all`")
    p.add_argument("--out", required=True, help="grid PNG")
    p.add_argument("--max-channels", type=_integer(1, 4096, "a channel count"), default=64, help="show at most this many channels (default 64)")
    p.add_argument("--normalise", choices=NORMALISATIONS, default=NORMALISATIONS[0])
    p.add_argument("--cmap", default="viridis", help="viridis | inferno | magma | jet | turbo | gray")

    p = sub.add_parser("live", help="classify a camera, video file or stream without a window")
    p.add_argument("source", help="camera index (0, 1, ...), video file, or stream URL (rtsp://, http://)")
    p.add_argument("--arch", help="architecture name (see `convlens models`)")
    p.add_argument("--weights", help=WEIGHTS_HELP)
    p.add_argument("--labels", help="class names: text file (one per line) or JSON")
    p.add_argument("--runtime", choices=RUNTIME_CHOICES, default=default_runtime(),
                   help=RUNTIME_HELP)
    p.add_argument("--preprocess", choices=tuple(PRESETS),
                   help="preprocessing for an ONNX file that does not carry its own")
    p.add_argument("--device", default="auto", help="auto | cpu | cuda | mps (default auto)")
    p.add_argument("--max-frames", type=_integer(1, None, "a frame count"), help="stop after this many inferences (default: until the source ends)")
    p.add_argument("--topk", type=TOPK, default=1, help="classes kept per inference (the line shows the top-1)")
    p.add_argument("--no-realtime", action="store_true",
                   help="read a video file as fast as it decodes instead of at its own frame rate")
    p.add_argument("--mirror", action="store_true", help="mirror frames horizontally (as a selfie camera)")
    p.add_argument("--no-crop", action="store_true", help="give the model the whole frame, not its centre square")

    p = sub.add_parser("finetune", help="teach a model new classes from a folder (or train LeNet-5 on MNIST)")
    p.add_argument("data", help="folder of class subfolders (ImageFolder layout), or a folder of MNIST idx files")
    p.add_argument("--arch", help="architecture name (see `convlens models`; default: the bundled MobileNetV2)")
    p.add_argument("--weights",
                   help="bundled | pretrained | FILE: fine-tune a new head on it; random: train from scratch "
                        "(default: the bundled MobileNetV2, or ARCH's pretrained weights)")
    p.add_argument("--out", required=True, help="checkpoint to write (.pth)")
    p.add_argument("--val-dir", help="separate validation folder with the same class subfolders")
    p.add_argument("--val-split", type=_number(0, 0.9, "a fraction"), default=0.2, help="validation fraction per class (default 0.2)")
    p.add_argument("--epochs", type=_integer(1, 100_000, "an epoch count"), default=D.epochs)
    p.add_argument("--lr", type=_number(0, 10, "a learning rate", low_open=True), default=D.lr)
    p.add_argument("--batch-size", type=BATCH, default=D.batch_size)
    p.add_argument("--optimizer", choices=OPTIMIZERS, default=D.optimizer)
    p.add_argument("--hidden", type=_integer(0, 65536, "a layer size"), default=D.hidden, help="hidden dense layer size in the new head (0: none)")
    p.add_argument("--dropout", type=_number(0, 1, "a dropout rate", high_open=True), default=D.dropout)
    p.add_argument("--patience", type=_integer(0, 100_000, "epochs"), default=D.patience, help="early stopping on validation loss (0: off)")
    p.add_argument("--unfreeze", action="store_true", help="train the backbone too, not only the new head")
    p.add_argument("--cut", metavar="LAYER", default="",
                   help="put the new head on this layer's output, dropping what follows (seed 003: Mixed_6e, "
                        "or Keras' name mixed7); `convlens summary ARCH --all` lists the layers")
    p.add_argument("--freeze-until", metavar="LAYER", default="",
                   help="freeze only the layers up to and including LAYER (Keras names accepted)")
    p.add_argument("--input-size", type=_input_size, default=0,
                   help="train at N x N pixels (seed 003: 150; default: the weights' own size)")
    p.add_argument("--rotation", type=_number(0, 180, "degrees"), default=0.0, help="augmentation: rotate up to +-DEGREES")
    p.add_argument("--shift", type=_number(0, 1, "a fraction", high_open=True), default=0.0, help="augmentation: shift up to +-FRACTION")
    p.add_argument("--shear", type=_number(0, 90, "degrees", high_open=True), default=0.0, help="augmentation: shear up to +-DEGREES")
    p.add_argument("--zoom", type=_number(0, 1, "a fraction", high_open=True), default=0.0, help="augmentation: zoom by up to +-FRACTION")
    p.add_argument("--hflip", action="store_true", help="augmentation: random horizontal flips")
    p.add_argument("--no-cache", action="store_true", help="do not cache frozen-backbone features")
    p.add_argument("--seed", type=_integer(0, 2**32 - 1, "a seed"), default=D.seed)
    p.add_argument("--far", type=_number(0, 1, "a false-accept rate", high_open=True), default=D.far, metavar="RATE",
                   help="'unknown' threshold: at most this false-accept rate on the held-out images (the "
                        f"validation split and DATA/_unknown, images of no class); 0: off (default {D.far})")
    p.add_argument("--device", default="auto", help="auto | cpu | cuda | mps (default auto)")
    p.add_argument("--workers", type=_integer(0, 64, "a process count"), default=None, metavar="N",
                   help="processes decoding a streamed data set while the model trains (default: one per spare core, "
                        "up to 4)")
    p.add_argument("--stream", action="store_true",
                   help="decode images from disk as training needs them, never all at once (default: for folders "
                        "of more than 500 images)")
    p.add_argument("--cache-memory", type=_number(0, 1e6, "gigabytes"), default=0, metavar="GB",
                   help="cached backbone features kept in memory before they spill to a memory-mapped file "
                        "(default 1 GB)")
    p.add_argument("--cache-dir", default="", metavar="DIR", help="where that file goes (default: the temp folder)")

    p = sub.add_parser("evaluate", help="accuracy (top-1, top-k), per-class report and confusion matrix on a "
                                        "folder of class subfolders")
    p.add_argument("data", help="folder of class subfolders named after the model's classes (or see --map)")
    p.add_argument("--arch", help="architecture name (not needed for a TorchScript file or a ConvLens checkpoint)")
    p.add_argument("--weights", help=WEIGHTS_HELP)
    p.add_argument("--labels", help="class names: text file (one per line) or JSON")
    p.add_argument("--map", help="JSON file: subfolder name -> class name or number of the model")
    p.add_argument("--topk", type=TOPK, default=5, help="also report top-K accuracy (default 5)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--out", help="also write one row per image to this CSV file")
    p.add_argument("--unknown-dir", action="append", default=[], metavar="DIR",
                   help="images of none of the classes (DATA/_unknown is read too): what 'unknown' must refuse")
    p.add_argument("--far", type=_number(0, 1, "a false-accept rate", low_open=True, high_open=True), metavar="RATE",
                   help="tune the 'unknown' threshold for this false-accept rate (e.g. 0.05) and print the trade-off")
    p.add_argument("--save", metavar="CHECKPOINT",
                   help="with --far: write the model with its new threshold as a ConvLens checkpoint")
    p.add_argument("--device", default="auto", help="auto | cpu | cuda | mps (default auto)")
    p.add_argument("--batch-size", type=BATCH, default=16)
    p.add_argument("--runtime", choices=RUNTIME_CHOICES, default=default_runtime(), help=RUNTIME_HELP)
    p.add_argument("--preprocess", choices=tuple(PRESETS),
                   help="preprocessing for an ONNX file that does not carry its own")

    p = sub.add_parser("compare", help="the same images through 2-4 models side by side: top-k, parameters, latency")
    p.add_argument("images", nargs="*", help="image files or folders (searched recursively; before or after --models)")
    p.add_argument("--models", nargs="+", required=True, metavar="ARCH:WEIGHTS",
                   help="2-4 models, e.g. lenet5:random alexnet:pretrained resnet18:pretrained "
                        "mobilenet_v2:weights.pth (or a checkpoint or ONNX file on its own)")
    p.add_argument("--topk", type=TOPK, default=3, help="classes per image and model (default 3)")
    p.add_argument("--device", default="cpu", help="auto | cpu | cuda | mps (default cpu, for comparable times)")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = sub.add_parser("check", help="health check of a training folder: counts, imbalance, duplicates, "
                                     "unreadable and tiny images, with what to do about each")
    p.add_argument("data", help="folder of class subfolders")
    p.add_argument("--val-dir", help="a separate validation folder (checked for duplicates of training images)")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = sub.add_parser("embed", help="data map: every image's penultimate features projected to 2-D (CSV)")
    p.add_argument("data", help="folder of class subfolders (and _unknown)")
    p.add_argument("--arch", help="architecture name (not needed for a ConvLens checkpoint)")
    p.add_argument("--weights", help=WEIGHTS_HELP)
    p.add_argument("--labels", help="class names: text file (one per line) or JSON")
    p.add_argument("--method", choices=("auto", "pca", "tsne", "umap"), default="auto",
                   help="projection (auto: UMAP if installed, else t-SNE if scikit-learn is, else PCA)")
    p.add_argument("--out", required=True, help="CSV: file, folder class, predicted, probability, correct, x, y")
    p.add_argument("--device", default="auto", help="auto | cpu | cuda | mps (default auto)")
    p.add_argument("--runtime", choices=("torch",), default="torch", help=argparse.SUPPRESS)
    p.add_argument("--preprocess", choices=tuple(PRESETS), help=argparse.SUPPRESS)

    p = sub.add_parser("export", help="export to ONNX or TorchScript, with a parity check on real images")
    p.add_argument("--arch", help="architecture name (not needed for a ConvLens checkpoint)")
    p.add_argument("--weights", help=WEIGHTS_HELP)
    p.add_argument("--labels", help="class names: text file (one per line) or JSON")
    p.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    p.add_argument("--out", required=True, help="file to write")
    p.add_argument("--images", nargs="*", default=[], help="images for the parity check (default: built-in set)")
    return parser


def _progress_to_stderr(step: object) -> None:
    done, total, name = step.done, step.total, step.filename  # type: ignore[attr-defined]
    pct = f"{100 * done / total:5.1f}%" if total else f"{done / 1e6:.1f} MB"
    print(f"\rDownloading {name}: {pct}", end="" if done < total or not total else "\n", file=sys.stderr)


def _cmd_models() -> int:
    from convlens.engine.models.registry import FAMILIES, list_architectures

    for family in FAMILIES:
        print(f"{family}:")
        for spec in list_architectures(family):
            size = f"{spec.channels}x{spec.input_size}x{spec.input_size}"
            print(f"  {spec.name:<20} {size:<11} {spec.description}")
    return 0


def _cmd_summary(args: argparse.Namespace) -> int:
    from convlens.engine.inspect.summary import format_summary, summarize

    loaded = _load_weights(args.arch, args.weights, notes=False)  # a layer table: random weights are the point
    size = args.size or loaded.preprocess.crop
    shape = (loaded.preprocess.channels, size, size)
    if args.explain:
        from convlens.cli.explain_text import format_explanation
        from convlens.engine.inspect.explain import explain_model

        print(format_explanation(explain_model(loaded.model, shape)))
        return 0
    summary = summarize(loaded.model, shape, args.arch)
    print(format_summary(summary, all_layers=args.all))
    hint = "" if args.all else " (add --all to list blocks such as layer4 too)"
    print(f"`convlens cam/features --layer NAME` accept the layer names above{hint}.")
    return 0


def _cmd_classify(args: argparse.Namespace) -> int:
    from convlens.engine.data.images import iter_image_paths
    from convlens.engine.runtime.predict import Predictor

    paths = list(iter_image_paths(args.images))
    if not paths:
        raise ConvLensError("No image files found in " + ", ".join(args.images) + ".")
    loaded = _load_for_runtime(args, len(paths))
    predictor = Predictor(loaded, args.device)
    if loaded.unknown is not None and not args.json:
        print(f"note: answers at or below {unknown_text(loaded.unknown)} are 'unknown'", file=sys.stderr)
    results = []
    for step in predictor.classify_files(paths, args.topk, args.batch_size):
        results.extend(step.results)
    failed = [r for r in results if r.error]
    if args.json:
        out = [
            {"file": r.source, "error": r.error} if r.error else
            {"file": r.source, "predictions": [
                {"index": p.index, "label": p.label, "probability": round(p.probability, 6)} for p in r.predictions
            ], **({"unknown": r.unknown} if predictor.unknown_threshold is not None else {}),
               **({"precision": loaded.precision} if loaded.precision != "f32" else {})}
            for r in results
        ]
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        for r in results:
            print(r.source)
            if r.error:
                print(f"  error: {r.error}")
            if r.unknown:
                print(f"  unknown: none of the model's classes (top-1 at or below {100 * predictor.unknown_threshold:.2f}%)")
            for rank, p in enumerate(r.predictions, 1):
                print(f"  {rank}. {p.label:<30} {100 * p.probability:6.2f}%  (class {p.index})")
    if predictor.agreement is not None:
        print(f"note: {predictor.agreement.text()}", file=sys.stderr)
    for r in failed:
        print(f"error: {r.error}", file=sys.stderr)
    return 1 if failed else 0


def _outputs_first(outputs: dict[str, str | None], inputs: list[str | None]) -> None:
    """Before any work: every output can be written and none of them is an input (nothing the user made is
    destroyed, and no run is lost to an output that cannot be written)."""
    from convlens.engine.core.fileio import check_writable, refuse_overwriting
    from convlens.engine.data.images import IMAGE_SUFFIXES

    given: list[str | Path] = [i for i in inputs if i and i not in ("bundled", "pretrained", "random")]
    for flag, out in outputs.items():
        if out:
            refuse_overwriting(out, given, flag, IMAGE_SUFFIXES)
            check_writable(out, flag)


def _load_for_image(args: argparse.Namespace):  # -> (EngineSession, image)
    from convlens.engine.app.session import EngineSession

    _outputs_first({"--out": args.out, "--overlay": getattr(args, "overlay", None)},
                   [args.image, args.weights, args.labels])
    if getattr(args, "overlay", None) and Path(args.overlay).resolve() == Path(args.out).resolve():
        raise ConvLensError(f"--overlay {args.overlay} is the --out file: give them different names.")

    session = EngineSession(args.device)
    image = session.open_image(args.image)
    loaded = _load_weights(args.arch, args.weights, args.labels)
    session.install(loaded)
    return session, image


def _write_png(path: str, array: object) -> None:
    """A PNG written whole or not at all (encoded in memory, then ``write_atomic``: no 0-byte file on a full disk)."""
    import io

    from PIL import Image

    from convlens.engine.core.fileio import write_atomic

    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, format="PNG")  # type: ignore[arg-type]
    write_atomic(path, buffer.getvalue())


def _write_csv(path: str, rows: object) -> None:
    """A CSV written whole or not at all."""
    import csv
    import io

    from convlens.engine.core.fileio import write_atomic

    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)  # type: ignore[arg-type]
    write_atomic(path, buffer.getvalue().encode("utf-8"))


def _cmd_cam(args: argparse.Namespace) -> int:
    import numpy as np

    from convlens.engine.inspect.activations import resolve_class
    from convlens.engine.inspect.render import heatmap_png, overlay

    session, image = _load_for_image(args)
    top = session.classify_image(image, args.image, 1)
    index = resolve_class(session.predictor.labels, args.class_)
    result = session.cam(args.layer, index, args.method, faithful=True)
    _write_png(args.out, heatmap_png(result.heatmap))
    if args.overlay:
        _write_png(args.overlay, overlay(np.asarray(image.convert("RGB")), result.heatmap, args.alpha, box=result.box))
    h, w = result.heatmap.shape
    print(f"{args.image}: {args.method} for '{result.label}' (class {result.class_index}) at layer "
          f"{result.layer}; top-1 '{top.predictions[0].label}' ({100 * top.predictions[0].probability:.1f}%)")
    for name, faith in result.layer_scores:  # --layer auto: every candidate, the chosen one marked
        mark = "  <- chosen" if name == result.layer else ""
        print(f"  candidate {name}: insertion - deletion {faith.score:+.3f}{mark}")
    f = result.faith
    assert f is not None
    print(f"faithfulness: deletion AUC {f.deletion_auc:.3f} (lower is better), insertion AUC {f.insertion_auc:.3f} "
          f"(higher is better), average drop {100 * f.average_drop:.1f}% (p {f.probability:.3f} -> "
          f"{f.masked_probability:.3f} on the image times the map)")
    print(f"wrote {args.out} ({w}x{h})" + (f" and {args.overlay}" if args.overlay else ""))
    return 0


def _cmd_features(args: argparse.Namespace) -> int:
    session, image = _load_for_image(args)
    session.classify_image(image, args.image, 1, inspect=True)
    view = session.feature_view(args.layer, 0, args.max_channels, args.normalise, args.cmap)
    _write_png(args.out, view.grid)
    fm = view.maps
    print(f"{args.image}: layer {args.layer} {fm.shape}, {len(view.channels)} of {fm.channels} channels "
          f"(most active first: {', '.join(str(c) for c in view.channels[:8])}...)")
    print(f"wrote {args.out} ({view.grid.shape[1]}x{view.grid.shape[0]})")
    return 0


def _cmd_live(args: argparse.Namespace) -> int:
    from convlens.engine.app.live import LiveResult
    from convlens.engine.app.session import EngineSession
    from convlens.engine.app.tasks import LiveControl, LiveOptions, LiveStarted, live
    from convlens.engine.core.steps import run_to_end

    session = EngineSession(args.device)
    from convlens.engine.runtime.runtimes import OPEN_ENDED

    session.install(_load_for_runtime(args, OPEN_ENDED))
    precision = session.info.precision if session.info else "f32"  # named on every line when reduced
    control = LiveControl(LiveOptions(mirror=args.mirror, crop=not args.no_crop, topk=max(1, args.topk)))
    started_at = 0.0

    def show(step: object) -> None:
        nonlocal started_at
        if isinstance(step, LiveStarted):
            started_at = step.started_at
        elif isinstance(step, LiveResult):
            top = step.predictions[0]
            print(f"frame={step.frame.index} t={step.frame.time - started_at:.3f} top1={top.label} "
                  f"p={top.probability:.4f} fps={step.infer_fps:.1f}" + (" unknown" if step.unknown else "")
                  + (f" precision={precision}" if precision != "f32" else ""), flush=True)

    # raises (exit 1) when the source cannot be opened
    summary = run_to_end(live(session, args.source, control, realtime=not args.no_realtime,
                              max_frames=args.max_frames), show)
    for line in summary.lines():
        print(line)
    if summary.error:
        print(f"error: {summary.error}", file=sys.stderr)
        return 1
    return 0


def _progress_bar(step: TrainProgress) -> None:
    width = 24
    filled = round(width * step.step / step.steps)
    label = "caching features" if step.phase == "cache" else f"epoch {step.epoch}"
    eta = f" ETA {int(step.eta) // 60}:{int(step.eta) % 60:02d}" if step.phase == "train" else ""
    loss = f" loss {step.loss:.4f}" if step.phase == "train" else ""
    print(f"\r{label} [{'#' * filled}{'-' * (width - filled)}] {step.step}/{step.steps}{loss}{eta}   ",
          end="", file=sys.stderr, flush=True)


def _load_weights(arch: str | None, weights: str | None, labels: str | None = None, quiet: bool = False,
                  notes: bool = True):
    """``engine.weights.load.load_weights`` with download progress and its notes (a fallback to the bundled model, a
    rebuilt head...) on stderr; ``weights`` None is the default (the bundled model, or ARCH's pretrained)."""
    from convlens.engine.weights.load import load_weights

    loaded = load_weights(arch, weights, labels, progress=None if quiet else _progress_to_stderr)
    if notes and not quiet:
        for note in loaded.notes:
            print(f"note: {note}", file=sys.stderr)
    return loaded


def _load_for_runtime(args: argparse.Namespace, images: float = 1):  # -> LoadedModel
    """Weights as asked, run by the chosen runtime (ONNX files always by ONNX Runtime); ``images``: how much work
    the model is loaded for (``auto`` converts only when that repays it)."""

    if str(args.weights).lower().endswith(".onnx"):
        from convlens.engine.weights.onnx import load_onnx

        return load_onnx(args.weights, args.preprocess, args.labels)
    if args.preprocess:
        raise ConvLensError("--preprocess is for ONNX files that do not carry their preprocessing.")
    loaded = _load_weights(args.arch, args.weights, args.labels)
    if loaded.runtime != "torch" or loaded.scripted:
        return loaded  # a TorchScript file runs in torch as it is
    from convlens.engine.runtime.runtimes import TITLES, choose_runtime, convert

    if args.runtime == "auto":
        from convlens.engine.runtime.device import select_device

        chosen, choice = choose_runtime(loaded, select_device(getattr(args, "device", "auto")), images)
        print(f"runtime: {choice.reason}", file=sys.stderr)
        return chosen
    if args.runtime != "torch":
        chosen = convert(loaded, args.runtime)
        reduced = ", reduced precision: results are not the model's f32 numbers" if chosen.precision != "f32" else ""
        print(f"runtime: {TITLES[args.runtime]} {chosen.precision}{reduced}", file=sys.stderr)
        return chosen
    return loaded


def _cmd_check(args: argparse.Namespace) -> int:
    from convlens.cli.diagnosis_text import health_lines
    from convlens.engine.core.steps import run_to_end
    from convlens.engine.evaluation.health import HealthProgress, check_folder

    def show(step: HealthProgress) -> None:
        if not args.json:
            print(f"\rreading {step.done}/{step.total}", end="", file=sys.stderr, flush=True)

    report = run_to_end(check_folder(args.data, args.val_dir), show)
    if not args.json:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps({"root": report.root, "files": report.files,
                          "classes": dict(zip(report.classes, report.counts, strict=True)),
                          "issues": [{"kind": i.kind, **i.values, "files": [list(g) for g in i.groups]}
                                     for i in report.issues]}, indent=2))
        return 0
    print("\n".join(health_lines(report)))
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    from convlens.engine.core.steps import run_to_end
    from convlens.engine.data.images import is_image_path, iter_image_paths
    from convlens.engine.evaluation.compare import CompareProgress, compare

    # `compare --models A B IMG` (the order the usage line shows): --models takes every word after it, so the
    # images at its end are moved back; a model is ARCH:WEIGHTS or a weights file, never a folder or an image
    while args.models and (Path(args.models[-1]).is_dir() or is_image_path(Path(args.models[-1]))):
        args.images.insert(0, args.models.pop())
    if not args.images:
        raise ConvLensError("compare: give the images (files or folders) to compare the models on.")
    paths = list(iter_image_paths(args.images))
    if not paths:
        raise ConvLensError("No image files found in " + ", ".join(args.images) + ".")

    def show(step: CompareProgress) -> None:
        if step.download is not None:
            _progress_to_stderr(step.download)
        elif not args.json:
            print(f"[{step.model}/{step.total}] {step.spec}", file=sys.stderr)

    result = run_to_end(compare(paths, args.models, args.topk, args.device), show)
    if args.json:
        print(json.dumps({"images": list(result.images), "agreement": result.agreement(), "models": [
            {"model": c.spec, "title": str(c.title), "parameters": c.params, "latency_ms": round(c.latency_ms, 3),
             "predictions": [[{"label": p.label, "index": p.index, "probability": round(p.probability, 6)}
                              for p in answer] for answer in c.predictions]} for c in result.columns]}, indent=2))
        return 0
    names = [Path(p).name for p in result.images]
    first = max([len("latency ms/image"), *(len(n) for n in names)])
    cells = [[f"{a[0].label} {100 * a[0].probability:.1f}%" for a in c.predictions] for c in result.columns]
    widths = [max(len(c.spec), *(len(x) for x in col), 14) for c, col in zip(result.columns, cells, strict=True)]
    print(f"{'image':<{first}}  " + "  ".join(f"{c.spec:<{w}}" for c, w in zip(result.columns, widths, strict=True)))
    for i, name in enumerate(names):
        print(f"{name:<{first}}  " + "  ".join(f"{col[i]:<{w}}" for col, w in zip(cells, widths, strict=True)))
    print(f"{'parameters':<{first}}  " + "  ".join(f"{c.params:<{w},}" for c, w in zip(result.columns, widths, strict=True)))
    print(f"{'latency ms/image':<{first}}  "
          + "  ".join(f"{c.latency_ms:<{w}.1f}" for c, w in zip(result.columns, widths, strict=True)))
    agree = round(result.agreement() * len(names))
    print(f"all models agree on the top-1 class of {agree} of {len(names)} images")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from convlens.engine.core.steps import run_to_end
    from convlens.engine.data.images import iter_image_paths
    from convlens.engine.evaluation.evaluate import evaluate_folder
    from convlens.engine.runtime.predict import Predictor

    _outputs_first({"--out": args.out, "--save": args.save},
                   [args.data, args.weights, args.labels, *args.unknown_dir])
    loaded = _load_for_runtime(args, sum(1 for _ in iter_image_paths([args.data])))
    predictor = Predictor(loaded, args.device)
    if args.save and args.far is None:
        raise ConvLensError("--save writes the model with a tuned 'unknown' threshold: give --far too.")
    report = run_to_end(evaluate_folder(predictor, args.data, args.topk, args.map, args.batch_size,
                                        args.unknown_dir),
                        None if args.json else _progress_bar_batches)
    if not args.json:
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    for folder, why in report.skipped_folders:
        print(f"skipped folder {folder}: {why}", file=sys.stderr)
    for _file, why in report.unreadable:
        print(f"skipped: {why}", file=sys.stderr)
    if args.out:
        _write_csv(args.out, report.csv_rows())
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
        return 0
    title = loaded.arch.title if loaded.arch else "model"
    print(f"{title} ({loaded.source}) on {report.total} images of {len(report.classes)} classes in {args.data}")
    if predictor.agreement is not None:  # a reduced precision the user chose: every figure below is its
        print(f"runtime: {predictor.agreement.text()}")
    print(f"top-1 accuracy: {100 * report.accuracy(1):.2f}%   (top-1 error {100 * (1 - report.accuracy(1)):.2f}%)")
    print(f"top-{report.topk} accuracy: {100 * report.accuracy(report.topk):.2f}%   "
          f"(top-{report.topk} error {100 * (1 - report.accuracy(report.topk)):.2f}%)")
    print()
    print(report.classification_report())
    matrix, columns = report.confusion()
    names = [c[:12] for c in columns]
    width = max(len(n) for n in names)
    print()
    print("confusion matrix (rows: true class, columns: predicted):")
    print(" " * (width + 2) + " ".join(f"{n:>{width}}" for n in names))
    for name, row in zip(names, matrix, strict=False):
        print(f"{name:>{width}}  " + " ".join(f"{v:>{width}}" for v in row))
    wrong = report.misclassified()
    if wrong:
        print()
        print(f"misclassified ({len(wrong)}):")
        for v in wrong:
            print(f"  {v.source}: {report.labels[v.true]} taken for {report.labels[v.predicted[0]]} "
                  f"({100 * v.probabilities[0]:.1f}%)")
    if args.out:
        print(f"per-image results: {args.out}")
    if args.far is not None:
        return _tune_unknown(report, loaded, args)
    return 0


def _tune_unknown(report, loaded, args: argparse.Namespace) -> int:
    from dataclasses import replace

    from convlens.engine.weights.checkpoints import save_checkpoint

    curve = report.unknown_curve()
    print()
    print(f"unknown: {len(curve.genuine)} right answers; {len(curve.impostor)} to refuse "
          f"({len(curve.impostor) - curve.outside} wrong answers, {curve.outside} images of no class)")
    print(f"{'threshold':>10} {'false accepts':>14} {'right kept':>11}")
    for target in sorted({0.01, 0.02, 0.05, 0.1, 0.2, args.far}):
        try:
            rule = curve.rule(target)
        except ConvLensError:
            continue
        mark = "  <- --far" if target == args.far else ""
        print(f"{100 * rule.threshold:>9.2f}% {100 * rule.far:>13.2f}% {100 * rule.tar:>10.1f}%{mark}")
    rule = curve.rule(args.far)  # a clear error (exit 1) when there are too few examples to refuse
    print(f"chosen: answers at or below {unknown_text(rule)} are 'unknown'")
    if args.save:
        tuned = replace(loaded, training={**(loaded.training or {}), "unknown": rule.to_dict(),
                                          "unknown_curve": curve.to_dict()})
        save_checkpoint(Path(args.save), tuned)
        print(f"saved {args.save}")
    return 0


def unknown_text(rule) -> str:
    return (f"{100 * rule.threshold:.2f}% (false-accept rate {100 * rule.far:.1f}% on {rule.impostors} held-out "
            f"wrong or unknown examples, target {100 * rule.target_far:g}%; {100 * rule.tar:.0f}% of right answers "
            "kept)")


def _cmd_embed(args: argparse.Namespace) -> int:
    from convlens.engine.core.steps import run_to_end
    from convlens.engine.evaluation.embedding import embed_folder
    from convlens.engine.runtime.predict import Predictor

    _outputs_first({"--out": args.out}, [args.data, args.weights, args.labels])
    predictor = Predictor(_load_for_runtime(args), args.device)
    emb = run_to_end(embed_folder(predictor, args.data, args.method), _progress_bar_batches)
    print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    for _file, why in emb.skipped:
        print(f"skipped: {why}", file=sys.stderr)
    rows = [["file", "folder_class", "predicted", "probability", "correct", "x", "y"]]
    for i, source in enumerate(emb.sources):
        folder = emb.classes[emb.folder_class[i]] if emb.folder_class[i] >= 0 else "_unknown"
        ok = emb.correct()[i]
        rows.append([source, folder, emb.labels[emb.predicted[i]], f"{emb.probability[i]:.6f}",
                     "" if ok is None else str(int(ok)), f"{emb.points[i, 0]:.6g}", f"{emb.points[i, 1]:.6g}"])
    _write_csv(args.out, rows)
    print(f"{len(emb.sources)} images, {emb.features} features each -> 2-D by {emb.method}: {emb.reason}")
    if emb.explained:
        print(f"PCA axes explain {100 * emb.explained[0]:.1f}% and {100 * emb.explained[1]:.1f}% of the variance")
    print(f"wrote {args.out}")
    return 0


def _progress_bar_batches(step: object) -> None:
    done, total = getattr(step, "done", 0), getattr(step, "total", 0)
    print(f"\rclassifying {done}/{total}", end="", file=sys.stderr, flush=True)


def _cmd_export(args: argparse.Namespace) -> int:
    from convlens.engine.app.session import EngineSession
    from convlens.engine.app.tasks import export_model
    from convlens.engine.core.steps import run_to_end

    _outputs_first({"--out": args.out}, [args.weights, args.labels, *args.images])
    loaded = _load_weights(args.arch, args.weights, args.labels)
    session = EngineSession("cpu")
    session.install(loaded)
    report = run_to_end(export_model(session, args.out, args.format, args.images))
    print(f"wrote {args.out} ({args.format}, {loaded.arch.title if loaded.arch else ''} {len(loaded.labels)} classes)")
    print(report.summary())
    print(f"parity report: {args.out}.parity.json")
    if not report.ok:
        print(f"error: the exported model disagrees with the torch model ({report.summary()})", file=sys.stderr)
        return 1
    return 0


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
        raise _Kept(keep) from None


class _Kept(Exception):
    """The run's output could not be written where asked; it was kept elsewhere (already said): exit 1."""


def _default_workers() -> int:
    """One decoding process per core this process can spare (cores shared among torchrun's local processes)."""
    local = int(os.environ.get("LOCAL_WORLD_SIZE", "1"))
    return max(0, min(4, (os.cpu_count() or 1) // max(1, local) - 1))


def finetune_config(args: argparse.Namespace) -> TrainConfig:
    """The training settings ``convlens finetune`` was given (Keras layer names resolved)."""
    from convlens.engine.training.loop import TrainConfig
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


def _cmd_finetune(args: argparse.Namespace) -> int:
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
        _outputs_first({"--out": args.out}, [args.weights, args.data, args.val_dir])
    scratch = args.weights == "random"
    session = EngineSession(str(device))
    with main_first(ranks):  # a download happens once, on rank 0; the others then read the file
        session.install(_load_weights(args.arch, args.weights, quiet=not ranks.main))
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
            _progress_bar(step)

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
    for name, row in zip(classes, result.confusion, strict=True):
        print(f"{name:>{width}}  " + " ".join(f"{n:>6}" for n in row))
    for name, p, r in zip(classes, result.precision, result.recall, strict=True):
        print(f"{name:>{width}}  precision {100 * p:5.1f}%  recall {100 * r:5.1f}%")
    training = result.loaded.training or {}
    if "temperature" in training:
        images = training.get("calibration_images")
        rests = f", {images} images, {training.get('calibration_errors', 0)} wrong" if images is not None else ""
        if float(training["temperature"]) == 1.0 and training.get("calibration_note"):
            print(f"calibration (validation{rests}): expected calibration error {100 * training['ece_before']:.1f}%. "
                  f"{training['calibration_note']}")
        else:
            print(f"calibration (validation{rests}): expected calibration error {100 * training['ece_before']:.1f}% -> "
                  f"{100 * training['ece_after']:.1f}% (cross-fitted) with temperature T = "
                  f"{training['temperature']:.3f} (stored in the checkpoint)")
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


class _Stderr:
    """Standard error that knows whether a progress line (``\r...`` without a newline) is open, so an error
    message starts on a line of its own instead of on the progress bar's."""

    def __init__(self, stream: object) -> None:
        self.stream = stream
        self.line_open = False

    def write(self, text: str) -> int:
        if text:
            self.line_open = not text.endswith(("\n", "\r"))
        return self.stream.write(text)  # type: ignore[attr-defined, no-any-return]

    def error(self, message: str) -> None:
        if self.line_open:
            self.write("\n")
        self.write(f"error: {message}\n")
        self.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


class _OutputFailed(Exception):
    """Standard output cannot be written (``> full/out.json`` on a full disk)."""


class _Stdout:
    """Standard output whose write errors (other than a reader that has gone) end the command with a message."""

    def __init__(self, stream: object) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)  # type: ignore[attr-defined, no-any-return]
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputFailed(exc.strerror or str(exc)) from None

    def flush(self) -> None:
        try:
            self.stream.flush()  # type: ignore[attr-defined]
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputFailed(exc.strerror or str(exc)) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


class _Terminated(BaseException):  # not an Exception: no `except Exception` on the way may swallow it
    """SIGTERM: unwound like Ctrl-C, so loader workers, the fork server and temporary files are cleaned up."""


def _on_sigterm(_signum: int, _frame: object) -> None:
    raise _Terminated


def main(argv: Sequence[str] | None = None) -> int:
    import signal

    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    stderr = _Stderr(sys.stderr)
    sys.stderr = stderr  # type: ignore[assignment]
    stdout = sys.stdout
    sys.stdout = _Stdout(stdout)  # type: ignore[assignment]
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if _main_thread() else None
    try:
        code = _dispatch(args)
        sys.stdout.flush()  # `convlens classify ... > full/out.json`: a full disk is an error here, not at exit
        return code
    except ConvLensError as exc:
        stderr.error(str(exc))
        return 1
    except _Kept:
        return 1  # said where the model is
    except KeyboardInterrupt:
        print("\ninterrupted" if stderr.line_open else "interrupted", file=sys.stderr)
        return 130
    except _Terminated:
        print("\nterminated" if stderr.line_open else "terminated", file=sys.stderr)
        return 143
    except BrokenPipeError:  # `convlens summary ... | head`: the reader has gone, which is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        return 0
    except _OutputFailed as exc:
        os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())  # no second error when Python flushes at exit
        stderr.error(f"cannot write the output (standard output): {exc}.")
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        sys.stderr = stderr.stream  # type: ignore[assignment]
        sys.stdout = stdout


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _dispatch(args: argparse.Namespace) -> int:
    commands = {"models": lambda: _cmd_models(), "summary": lambda: _cmd_summary(args),
                "classify": lambda: _cmd_classify(args), "evaluate": lambda: _cmd_evaluate(args),
                "cam": lambda: _cmd_cam(args), "features": lambda: _cmd_features(args),
                "live": lambda: _cmd_live(args), "finetune": lambda: _cmd_finetune(args),
                "export": lambda: _cmd_export(args), "compare": lambda: _cmd_compare(args),
                "check": lambda: _cmd_check(args), "embed": lambda: _cmd_embed(args)}
    if args.command not in commands:
        raise ConvLensError(f"unknown command {args.command}")
    return commands[args.command]()


if __name__ == "__main__":
    sys.exit(main())

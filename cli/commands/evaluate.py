"""``convlens evaluate``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from convlens.cli.args import BATCH, RUNTIME_HELP, TOPK, WEIGHTS_HELP, add_precision, number
from convlens.cli.common import (
    batch_progress,
    load_for_runtime,
    outputs_first,
    unknown_text,
)
from convlens.engine.core.choices import default_runtime
from convlens.engine.core.errors import ConvLensError
from convlens.engine.core.fileio import write_csv

if TYPE_CHECKING:
    import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    from convlens.engine.core.choices import RUNTIME_CHOICES
    from convlens.engine.models.preprocess import PRESETS

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
    p.add_argument("--far", type=number(0, 1, "a false-accept rate", low_open=True, high_open=True), metavar="RATE",
                   help="tune the 'unknown' threshold for this false-accept rate (e.g. 0.05) and print the trade-off")
    p.add_argument("--save", metavar="CHECKPOINT",
                   help="with --far: write the model with its new threshold as a ConvLens checkpoint")
    p.add_argument("--device", default="auto", help="auto | cpu | cuda | mps (default auto)")
    p.add_argument("--batch-size", type=BATCH, default=16)
    p.add_argument("--runtime", choices=RUNTIME_CHOICES, default=default_runtime(), help=RUNTIME_HELP)
    add_precision(p)
    p.add_argument("--preprocess", choices=tuple(PRESETS),
                   help="preprocessing for an ONNX file that does not carry its own")


def run(args: argparse.Namespace) -> int:
    from convlens.engine.core.steps import run_to_end
    from convlens.engine.data.images import iter_image_paths
    from convlens.engine.evaluation.evaluate import evaluate_folder

    outputs_first({"--out": args.out, "--save": args.save},
                   [args.data, args.weights, args.labels, *args.unknown_dir])
    session = load_for_runtime(args, sum(1 for _ in iter_image_paths([args.data])))
    predictor = session.model.require()
    loaded = predictor.loaded
    if args.save and args.far is None:
        raise ConvLensError("--save writes the model with a tuned 'unknown' threshold: give --far too.")
    report = run_to_end(evaluate_folder(predictor, args.data, args.topk, args.map, args.batch_size,
                                        args.unknown_dir),
                        None if args.json else batch_progress)
    cost = None
    if loaded.precision == "int8":  # the same folder by the f32 model too: what int8 costs, side by side
        from convlens.engine.evaluation.precision_cost import precision_cost

        reference = run_to_end(evaluate_folder(session.model.torch_predictor, args.data, args.topk, args.map,
                                               args.batch_size, args.unknown_dir),
                               None if args.json else batch_progress)
        cost = precision_cost(reference, report, "int8")
    if not args.json:
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    for folder, why in report.skipped_folders:
        print(f"skipped folder {folder}: {why}", file=sys.stderr)
    for _file, why in report.unreadable:
        print(f"skipped: {why}", file=sys.stderr)
    if args.out:
        write_csv(args.out, report.csv_rows())
    if args.json:
        out = report.to_json()
        if cost is not None:
            out["precision_cost"] = cost.to_json()
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    title = loaded.arch.title if loaded.arch else "model"
    print(f"{title} ({loaded.source}) on {report.total} images of {len(report.classes)} classes in {args.data}")
    if predictor.agreement is not None:  # a reduced precision the user chose: every figure below is its
        print(f"runtime: {predictor.agreement.text()}")
    if cost is not None:
        for line in cost.lines():
            print(line)
        print()
        print("the int8 model's own report:")
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
        return _tune_unknown(report, session, args)
    return 0


def _tune_unknown(report, session, args: argparse.Namespace) -> int:
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
    session.set_unknown(rule, curve)  # as the window's Teach tab sets it
    if args.save:
        save_checkpoint(Path(args.save), session.pytorch_model)
        print(f"saved {args.save}")
    return 0

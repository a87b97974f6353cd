"""``convlens classify``."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

from convlens.cli.args import BATCH, RUNTIME_HELP, TOPK, WEIGHTS_HELP, add_precision
from convlens.cli.common import (
    load_for_runtime,
    unknown_text,
)
from convlens.engine.core.choices import default_runtime
from convlens.engine.core.errors import ConvLensError

if TYPE_CHECKING:
    import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    from convlens.engine.core.choices import RUNTIME_CHOICES
    from convlens.engine.models.preprocess import PRESETS

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
    add_precision(p)
    p.add_argument("--preprocess", choices=tuple(PRESETS),
                   help="preprocessing for an ONNX file that does not carry its own")


def run(args: argparse.Namespace) -> int:
    from convlens.engine.data.images import iter_image_paths

    paths = list(iter_image_paths(args.images))
    if not paths:
        raise ConvLensError("No image files found in " + ", ".join(args.images) + ".")
    predictor = load_for_runtime(args, len(paths)).model.require()
    loaded = predictor.loaded
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

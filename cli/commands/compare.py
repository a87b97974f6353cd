"""``convlens compare``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from convlens.cli.args import TOPK, add_precision
from convlens.cli.common import (
    download_progress,
)
from convlens.engine.core.errors import ConvLensError

if TYPE_CHECKING:
    import argparse

    from convlens.engine.evaluation.compare import CompareProgress


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compare", help="the same images through 2-4 models side by side: top-k, parameters, latency")
    p.add_argument("images", nargs="*", help="image files or folders (searched recursively; before or after --models)")
    p.add_argument("--models", nargs="+", required=True, metavar="ARCH:WEIGHTS",
                   help="2-4 models, e.g. lenet5:random alexnet:pretrained resnet18:pretrained "
                        "mobilenet_v2:weights.pth (or a checkpoint or ONNX file on its own)")
    p.add_argument("--topk", type=TOPK, default=3, help="classes per image and model (default 3)")
    p.add_argument("--device", default="cpu", help="auto | cpu | cuda | mps (default cpu, for comparable times)")
    add_precision(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    from convlens.engine.core.steps import run_to_end
    from convlens.engine.data.images import is_image_path, iter_image_paths
    from convlens.engine.evaluation.compare import compare

    # `compare --models A B IMG` (the order the usage line shows): --models takes every word after it, so the
    # images at its end are moved back; a model is ARCH:WEIGHTS or a weights file, never a folder or an image
    while args.models and (Path(args.models[-1]).is_dir() or is_image_path(Path(args.models[-1]))):
        args.images.insert(0, args.models.pop())
    if not args.images:
        raise ConvLensError("compare: give the images (files or folders) to compare the models on.")
    paths = list(iter_image_paths(args.images))
    if not paths:
        raise ConvLensError("No image files found in " + ", ".join(args.images) + ".")

    shown: set[int] = set()

    def show(step: CompareProgress) -> None:
        if step.download is not None:
            download_progress(step.download)
        elif not args.json and step.model not in shown:  # once per model (int8 quantizing steps say nothing new)
            shown.add(step.model)
            print(f"[{step.model}/{step.total}] {step.spec}", file=sys.stderr)

    result = run_to_end(compare(paths, args.models, args.topk, args.device, calibration=args.calibration), show)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    if args.json:
        print(json.dumps({"images": list(result.images), "agreement": result.agreement(), "models": [
            {"model": c.spec, "title": str(c.title), "precision": c.precision, "parameters": c.params, "latency_ms": round(c.latency_ms, 3),
             "predictions": [[{"label": p.label, "index": p.index, "probability": round(p.probability, 6)}
                              for p in answer] for answer in c.predictions]} for c in result.columns]}, indent=2))
        return 0
    names = [Path(p).name for p in result.images]
    # a reduced precision the user chose: its column says so
    specs = [c.spec if c.precision == "f32" else f"{c.spec} [{c.precision}]" for c in result.columns]
    first = max([len("latency ms/image"), *(len(n) for n in names)])
    cells = [[f"{a[0].label} {100 * a[0].probability:.1f}%" for a in c.predictions] for c in result.columns]
    widths = [max(len(spec), *(len(x) for x in col), 14) for spec, col in zip(specs, cells, strict=True)]
    print(f"{'image':<{first}}  " + "  ".join(f"{spec:<{w}}" for spec, w in zip(specs, widths, strict=True)))
    for i, name in enumerate(names):
        print(f"{name:<{first}}  " + "  ".join(f"{col[i]:<{w}}" for col, w in zip(cells, widths, strict=True)))
    print(f"{'parameters':<{first}}  " + "  ".join(f"{c.params:<{w},}" for c, w in zip(result.columns, widths, strict=True)))
    print(f"{'latency ms/image':<{first}}  "
          + "  ".join(f"{c.latency_ms:<{w}.1f}" for c, w in zip(result.columns, widths, strict=True)))
    agree = round(result.agreement() * len(names))
    print(f"all models agree on the top-1 class of {agree} of {len(names)} images")
    return 0

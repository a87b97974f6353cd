"""``convlens export``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from convlens.cli.args import WEIGHTS_HELP
from convlens.cli.common import (
    load_model_weights,
    outputs_first,
)

if TYPE_CHECKING:
    import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    from convlens.engine.core.choices import EXPORT_FORMATS

    p = sub.add_parser("export", help="export to ONNX or TorchScript (parity checked on real images), or to int8 "
                                      "OpenVINO / ONNX calibrated on your images")
    p.add_argument("--arch", help="architecture name (not needed for a ConvLens checkpoint)")
    p.add_argument("--weights", help=WEIGHTS_HELP)
    p.add_argument("--labels", help="class names: text file (one per line) or JSON")
    p.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    p.add_argument("--out", required=True, help="file to write")
    p.add_argument("--images", nargs="*", default=[], help="images for the parity check (default: built-in set)")
    p.add_argument("--calibration", metavar="DIR",
                   help="for openvino-int8 (a .xml and its .bin) and onnx-int8: a folder of your own images to set the "
                        "int8 ranges on (up to 300 are used); the agreement with f32 is measured on them")


def run(args: argparse.Namespace) -> int:
    int8 = args.format.endswith("-int8")
    if int8 and not args.calibration:
        print(f"convlens export: error: --format {args.format} needs --calibration DIR: a folder of your own images "
              "to set the int8 ranges on", file=sys.stderr)
        return 2
    if args.calibration and not int8:
        print("convlens export: error: --calibration is for --format openvino-int8 or onnx-int8", file=sys.stderr)
        return 2
    from convlens.engine.app.session import EngineSession  # after the usage checks: a usage error is instant
    from convlens.engine.app.tasks import export_model
    from convlens.engine.core.steps import run_to_end

    outputs_first({"--out": args.out}, [args.weights, args.labels, *args.images])
    loaded = load_model_weights(args.arch, args.weights, args.labels)
    session = EngineSession("cpu")
    session.install(loaded)
    report = run_to_end(export_model(session, args.out, args.format, args.images, args.calibration))
    also = f" and {Path(args.out).with_suffix('.bin')}" if args.format == "openvino-int8" else ""
    print(f"wrote {args.out}{also} ({args.format}, {loaded.arch.title if loaded.arch else ''} {len(loaded.labels)} "
          "classes)")
    print(report.summary())
    print(f"parity report: {args.out}.parity.json")
    if not report.ok:
        print(f"error: the exported model disagrees with the torch model ({report.summary()})", file=sys.stderr)
        return 1
    return 0

"""``convlens export``."""

from __future__ import annotations

import sys
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

    p = sub.add_parser("export", help="export to ONNX or TorchScript, with a parity check on real images")
    p.add_argument("--arch", help="architecture name (not needed for a ConvLens checkpoint)")
    p.add_argument("--weights", help=WEIGHTS_HELP)
    p.add_argument("--labels", help="class names: text file (one per line) or JSON")
    p.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    p.add_argument("--out", required=True, help="file to write")
    p.add_argument("--images", nargs="*", default=[], help="images for the parity check (default: built-in set)")


def run(args: argparse.Namespace) -> int:
    from convlens.engine.app.session import EngineSession
    from convlens.engine.app.tasks import export_model
    from convlens.engine.core.steps import run_to_end

    outputs_first({"--out": args.out}, [args.weights, args.labels, *args.images])
    loaded = load_model_weights(args.arch, args.weights, args.labels)
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

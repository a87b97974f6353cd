"""``convlens summary``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from convlens.cli.args import integer
from convlens.cli.common import (
    load_model_weights,
)

if TYPE_CHECKING:
    import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("summary", help="layer table of an architecture: output shapes, parameters, FLOPs")
    p.add_argument("arch", help="architecture name (see `convlens models`)")
    p.add_argument("--weights", default="random", help="bundled | pretrained | random | FILE (default: random)")
    p.add_argument("--all", action="store_true", help="show container modules too, indented")
    p.add_argument("--size", type=integer(8, 2048, "an input side in pixels"), help="input size (default: the architecture's)")
    p.add_argument("--explain", action="store_true",
                   help="the arithmetic of every conv, pooling and FC layer (output size, parameters, "
                        "multiplications, receptive field) and of Inception, residual and SE blocks")


def run(args: argparse.Namespace) -> int:
    from convlens.engine.inspect.summary import format_summary, summarize

    loaded = load_model_weights(args.arch, args.weights, notes=False)  # a layer table: random weights are the point
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

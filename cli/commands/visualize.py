"""``convlens visualize``: what a channel wants (activation maximisation) and the images that excite it most."""

from __future__ import annotations

import argparse
import sys

from convlens.cli.args import WEIGHTS_HELP
from convlens.cli.common import load_for_runtime, outputs_first, write_png


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "visualize",
        help="what a channel wants: an image optimised to excite it, and (--examples) the images that excite it most",
        description="Activation maximisation as Lucid/Lucent do it (a decorrelated Fourier image, jitter, scale and "
        "rotation robustness; a pixel mode for small-input models such as LeNet-5), and DeepVis' dataset examples: "
        "the 9 images of a folder that raise the channel most, with its map over each.",
    )
    p.add_argument("--arch", help="architecture (default: the bundled MobileNetV2)")
    p.add_argument("--weights", help=WEIGHTS_HELP)
    p.add_argument("--labels", help=argparse.SUPPRESS)
    p.add_argument("--layer", required=True, help="a convolutional layer from `convlens summary ARCH --all`")
    p.add_argument("--channel", type=int, required=True, help="the channel of that layer (0-based)")
    p.add_argument("--out", required=True, help="PNG: the made image (with --examples: beside the 9 examples)")
    p.add_argument("--steps", type=int, default=256, help="optimisation steps (default 256)")
    p.add_argument("--size", type=int, help="side of the made image (default 128; a small-input model: its input size)")
    p.add_argument("--examples", metavar="FOLDER", help="also find the 9 images under FOLDER that excite it most")
    p.add_argument("--seed", type=int, default=0, help="random seed of the starting image (default 0)")
    p.add_argument("--device", default="auto", help="auto | cpu | cuda | mps (default auto)")
    p.add_argument("--runtime", choices=("torch",), default="torch", help=argparse.SUPPRESS)
    p.add_argument("--preprocess", help=argparse.SUPPRESS)


def _progress(step) -> None:
    print(f"\rstep {step.step}/{step.steps}: mean activation {step.activation:.3f}   ", end="", file=sys.stderr,
          flush=True)


def _examples_progress(step) -> None:
    print(f"\rreading examples {step.step}/{step.steps}   ", end="", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from convlens.engine.core.errors import ConvLensError
    from convlens.engine.core.steps import run_to_end
    from convlens.engine.inspect.visualize import example_tile, top_examples, visualize_channel, wanted_picture

    if args.steps < 1:
        raise ConvLensError("--steps must be at least {min} (got {n}).", min=1, n=args.steps)
    if args.channel < 0:
        raise ConvLensError("--channel must be 0 or more (got {n}).", n=args.channel)
    outputs_first({"--out": args.out}, [args.weights, args.examples])
    predictor = load_for_runtime(args).model.require_torch()
    model, pre = predictor.model, predictor.preprocess
    examples: tuple = ()
    if args.examples:
        examples = run_to_end(top_examples(model, pre, args.layer, args.channel, args.examples), _examples_progress)
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    wanted = run_to_end(visualize_channel(model, pre, args.layer, args.channel, args.steps, args.size,
                                          seed=args.seed), _progress)
    print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    write_png(args.out, wanted_picture(wanted, [example_tile(e, pre) for e in examples]))
    print(f"{args.layer} channel {args.channel}: the made image ({wanted.image.shape[1]}x{wanted.image.shape[0]}, "
          f"{wanted.steps} steps, {wanted.mode} mode) raises its mean activation to {wanted.activation:.4g}")
    if examples:
        best = examples[0].activation
        ratio = f"{wanted.activation / best:.1f} times" if best > 0 else "above"
        print(f"the {len(examples)} images of {args.examples} that excite it most (made image: {ratio} the best):")
        for e in examples:
            print(f"  {e.activation:10.4g}  {e.path}")
    print(f"wrote {args.out}")
    return 0

"""``convlens cam``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from convlens.cli.args import image_model_args, number
from convlens.cli.common import (
    load_for_image,
    write_png,
)

if TYPE_CHECKING:
    import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    from convlens.engine.core.choices import CAM_METHODS

    p = sub.add_parser("cam", help="class activation map (Grad-CAM) of an image, as a PNG the image's size")
    image_model_args(p)
    p.add_argument("--class", dest="class_", metavar="NAME|INDEX", help="class to explain (default: the top-1)")
    p.add_argument("--layer", help="layer name from `convlens summary ARCH --all` (default: the last conv block); "
                                    "auto: the most faithful of the last block at each of the last 3 resolutions")
    p.add_argument("--method", choices=CAM_METHODS, default=CAM_METHODS[0])
    p.add_argument("--out", required=True, help="heatmap PNG: 8-bit grayscale, 255 = most important")
    p.add_argument("--overlay", help="also write the heatmap blended over the image here")
    p.add_argument("--alpha", type=number(0, 1, "an opacity"), default=0.5, help="overlay opacity of the heatmap (default 0.5)")


def run(args: argparse.Namespace) -> int:
    import numpy as np

    from convlens.engine.inspect.activations import resolve_class
    from convlens.engine.inspect.render import heatmap_png, overlay

    session, image = load_for_image(args)
    top = session.classify_image(image, args.image, 1)
    index = resolve_class(session.predictor.labels, args.class_)
    result = session.cam(args.layer, index, args.method, faithful=True)
    write_png(args.out, heatmap_png(result.heatmap))
    if args.overlay:
        write_png(args.overlay, overlay(np.asarray(image.convert("RGB")), result.heatmap, args.alpha, box=result.box))
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

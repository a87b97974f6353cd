"""``convlens features``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from convlens.cli.args import image_model_args, integer
from convlens.cli.common import (
    load_for_image,
    write_png,
)

if TYPE_CHECKING:
    import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    from convlens.engine.core.choices import NORMALISATIONS

    p = sub.add_parser("features", help="feature maps of one layer as a grid PNG (most active channel first)")
    image_model_args(p)
    p.add_argument("--layer", required=True, help="layer name from `convlens summary ARCH --all`")
    p.add_argument("--out", required=True, help="grid PNG")
    p.add_argument("--max-channels", type=integer(1, 4096, "a channel count"), default=64, help="show at most this many channels (default 64)")
    p.add_argument("--normalise", choices=NORMALISATIONS, default=NORMALISATIONS[0])
    p.add_argument("--cmap", default="viridis", help="viridis | inferno | magma | jet | turbo | gray")


def run(args: argparse.Namespace) -> int:
    session, image = load_for_image(args)
    session.classify_image(image, args.image, 1, inspect=True)
    view = session.feature_view(args.layer, 0, args.max_channels, args.normalise, args.cmap)
    write_png(args.out, view.grid)
    fm = view.maps
    print(f"{args.image}: layer {args.layer} {fm.shape}, {len(view.channels)} of {fm.channels} channels "
          f"(most active first: {', '.join(str(c) for c in view.channels[:8])}...)")
    print(f"wrote {args.out} ({view.grid.shape[1]}x{view.grid.shape[0]})")
    return 0

"""``convlens diff``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from convlens.cli.args import integer
from convlens.cli.common import download_progress, outputs_first, write_png
from convlens.engine.core.errors import ConvLensError

if TYPE_CHECKING:
    import argparse

    from convlens.engine.evaluation.diff import DiffProgress, LayerDiff


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("diff", help="two models layer by layer: linear CKA between every pair of their layers")
    p.add_argument("images", nargs="*", help="image files or folders (searched recursively), at least 4 images")
    p.add_argument("--models", nargs="+", required=True, metavar="ARCH:WEIGHTS",
                   help="the 2 models, e.g. resnet18:pretrained vgg16:pretrained, or a model before and after "
                        "fine-tuning: resnet18:pretrained trained.pth")
    p.add_argument("--out", help="PNG: the CKA heat map (rows: the first model's layers, columns: the second's)")
    p.add_argument("--batch-size", type=integer(4, 512, "images per batch"), default=32,
                   help="images per batch (default 32); CKA sums each batch's unbiased HSIC")
    p.add_argument("--device", default="cpu", help="auto | cpu | cuda | mps (default cpu)")
    p.add_argument("--json", action="store_true", help="machine-readable output: layers, shapes and the CKA matrix")


def run(args: argparse.Namespace) -> int:
    from convlens.engine.core.steps import run_to_end
    from convlens.engine.data.images import is_image_path, iter_image_paths
    from convlens.engine.evaluation.diff import diff
    from convlens.engine.runtime.device import select_device

    # `diff --models A B IMAGES`: --models takes every word after it, so images and folders at its end move back
    while args.models and (Path(args.models[-1]).is_dir() or is_image_path(Path(args.models[-1]))):
        args.images.insert(0, args.models.pop())
    if len(args.models) != 2:
        raise ConvLensError(f"diff: give exactly 2 models to --models (got {len(args.models)}).")
    if not args.images:
        raise ConvLensError("diff: give the images (files or folders) to compare the layers on.")
    outputs_first({"--out": args.out}, [*args.images, *args.models])
    paths = list(iter_image_paths(args.images))
    if not paths:
        raise ConvLensError("No image files found in " + ", ".join(args.images) + ".")

    def show(step: DiffProgress) -> None:
        if step.download is not None:
            download_progress(step.download)
        elif not args.json and step.total:
            end = "\n" if step.done == step.total else ""
            print(f"\r[{step.model}/2] {step.spec}: {step.done}/{step.total} images", end=end, file=sys.stderr)

    result = run_to_end(diff(paths, args.models, args.batch_size, str(select_device(args.device))), show)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    if args.out:
        write_png(args.out, picture(result))
    if args.json:
        print(json.dumps(result.to_json(), indent=2))
        return 0
    print_table(result)
    if args.out:
        print(f"wrote {args.out}")
    return 0


def picture(result: LayerDiff):  # -> np.ndarray
    from convlens.engine.inspect.render import similarity_picture

    return similarity_picture(result.cka, [la.name for la in result.layers[0]], [la.name for la in result.layers[1]],
                              f"Linear CKA on {len(result.images)} images", *result.names)


def print_table(result: LayerDiff) -> None:
    a, b = result.layers
    first, second = result.names
    print(f"linear CKA on {len(result.images)} images (unbiased HSIC over batches of at most {result.batch_size})")
    print(f"{first}: {result.titles[0]}, {len(a)} layers")
    print(f"{second}: {result.titles[1]}, {len(b)} layers")
    width = max(len(la.name) for la in a)
    print(f"{'layer of ' + first:<{width + 18}}  most alike in {second}")
    for i, layer in enumerate(a):
        j = result.best_match(i)
        shape = "x".join(map(str, layer.shape))
        match = f"{b[j].name:<{max(len(x.name) for x in b)}}  CKA {result.cka[i, j]:.3f}" if j >= 0 else "(constant)"
        print(f"{layer.name:<{width}}  {shape:<16}  {match}")

"""``convlens label-issues``: images probably filed under the wrong class, most suspect first."""

from __future__ import annotations

import argparse
import json
import sys

from convlens.cli.args import WEIGHTS_HELP
from convlens.cli.common import load_for_runtime


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "label-issues",
        help="wrong labels: confident learning on cross-validated probabilities of a head on the model's features",
        description="Finds images filed under the wrong class of a folder of class subfolders. The model's features "
        "(the input of its last layer) are computed once; a logistic-regression head is cross-validated on them "
        "(k stratified folds), and confident learning (cleanlab's filter_by='confident_learning') flags the images "
        "whose out-of-sample probabilities confidently name another class. Also lists pictures filed under two "
        "classes. Files are only read, never moved.",
    )
    p.add_argument("data", help="folder of class subfolders")
    p.add_argument("--arch", help="architecture whose features are used (default: the bundled MobileNetV2)")
    p.add_argument("--weights", help=WEIGHTS_HELP)
    p.add_argument("--labels", help=argparse.SUPPRESS)
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5; fewer if a class is small)")
    p.add_argument("--json", action="store_true", help="print the suspects and conflicts as JSON")
    p.add_argument("--device", default="auto", help="auto | cpu | cuda | mps (default auto)")
    p.add_argument("--runtime", choices=("torch",), default="torch", help=argparse.SUPPRESS)
    p.add_argument("--preprocess", help=argparse.SUPPRESS)


def _progress(step) -> None:
    what = "reading images" if step.stage == "features" else "cross-validating the head, fold"
    print(f"\r{what} {step.done}/{step.total}   ", end="", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from convlens.engine.core.errors import ConvLensError
    from convlens.engine.core.steps import run_to_end
    from convlens.engine.evaluation.label_issues import find_label_issues

    if args.folds < 2:
        raise ConvLensError("--folds must be at least {min} (got {n}).", min=2, n=args.folds)
    predictor = load_for_runtime(args).model.require_torch()
    review = run_to_end(find_label_issues(predictor, args.data, args.folds), None if args.json else _progress)
    if not args.json:
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    for file, why in review.skipped:
        print(f"skipped {file}: {why}", file=sys.stderr)
    names = review.classes
    if args.json:
        print(json.dumps({
            "data": review.root, "classes": list(names), "images": review.images, "folds": review.folds,
            "cross_validated_accuracy": review.accuracy, "head_c": review.strength,
            "thresholds": dict(zip(names, review.thresholds, strict=True)),
            "suspects": [{"file": s.path, "given": names[s.given], "likely": names[s.likely],
                          "given_probability": s.given_probability, "likely_probability": s.likely_probability}
                         for s in review.suspects],
            "conflicts": [{"files": list(c.paths), "classes": [names[i] for i in c.classes], "hash_bits": c.bits}
                          for c in review.conflicts],
            "skipped": [{"file": f, "error": why} for f, why in review.skipped],
        }, indent=2, ensure_ascii=False))
        return 0
    print(f"{review.images} images in {len(names)} classes; a head cross-validated in {review.folds} folds on the "
          f"model's features (C = {review.strength:g}, chosen by held-out log loss) answers "
          f"{100 * review.accuracy:.1f}% of them as filed.")
    if not review.suspects:
        print("No suspect labels: every confidently answered image agrees with its folder.")
    else:
        print(f"{len(review.suspects)} suspect labels, most suspect first:")
        width = max(len(n) for n in names)
        for rank, s in enumerate(review.suspects, 1):
            print(f"{rank:4d}. {names[s.given]:<{width}} -> {names[s.likely]:<{width}}  "
                  f"p(given) {s.given_probability:.3f}  p(likely) {s.likely_probability:.3f}  {s.path}")
    if review.conflicts:
        print(f"{len(review.conflicts)} pictures filed under two classes (the same image, or a near copy):")
        for c in review.conflicts:
            print(f"  {names[c.classes[0]]}: {c.paths[0]}\n  {names[c.classes[1]]}: {c.paths[1]}")
    return 0

"""``convlens embed``."""

from __future__ import annotations

import argparse
import sys

from convlens.cli.args import WEIGHTS_HELP
from convlens.cli.common import (
    batch_progress,
    load_for_runtime,
    outputs_first,
)
from convlens.engine.core.fileio import write_csv


def add_parser(sub: argparse._SubParsersAction) -> None:
    from convlens.engine.models.preprocess import PRESETS

    p = sub.add_parser("embed", help="data map: every image's penultimate features projected to 2-D (CSV)")
    p.add_argument("data", help="folder of class subfolders (and _unknown)")
    p.add_argument("--arch", help="architecture name (not needed for a ConvLens checkpoint)")
    p.add_argument("--weights", help=WEIGHTS_HELP)
    p.add_argument("--labels", help="class names: text file (one per line) or JSON")
    p.add_argument("--method", choices=("auto", "pca", "tsne", "umap"), default="auto",
                   help="projection (auto: UMAP if installed, else t-SNE if scikit-learn is, else PCA)")
    p.add_argument("--out", required=True, help="CSV: file, folder class, predicted, probability, correct, x, y")
    p.add_argument("--device", default="auto", help="auto | cpu | cuda | mps (default auto)")
    p.add_argument("--runtime", choices=("torch",), default="torch", help=argparse.SUPPRESS)
    p.add_argument("--preprocess", choices=tuple(PRESETS), help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from convlens.engine.core.steps import run_to_end
    from convlens.engine.evaluation.embedding import embed_folder

    outputs_first({"--out": args.out}, [args.data, args.weights, args.labels])
    predictor = load_for_runtime(args).model.require()
    emb = run_to_end(embed_folder(predictor, args.data, args.method), batch_progress)
    print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    for _file, why in emb.skipped:
        print(f"skipped: {why}", file=sys.stderr)
    rows = [["file", "folder_class", "predicted", "probability", "correct", "x", "y"]]
    for i, source in enumerate(emb.sources):
        folder = emb.classes[emb.folder_class[i]] if emb.folder_class[i] >= 0 else "_unknown"
        ok = emb.correct()[i]
        rows.append([source, folder, emb.labels[emb.predicted[i]], f"{emb.probability[i]:.6f}",
                     "" if ok is None else str(int(ok)), f"{emb.points[i, 0]:.6g}", f"{emb.points[i, 1]:.6g}"])
    write_csv(args.out, rows)
    print(f"{len(emb.sources)} images, {emb.features} features each -> 2-D by {emb.method}: {emb.reason}")
    if emb.explained:
        print(f"PCA axes explain {100 * emb.explained[0]:.1f}% and {100 * emb.explained[1]:.1f}% of the variance")
    print(f"wrote {args.out}")
    return 0

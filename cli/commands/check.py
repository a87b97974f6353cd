"""``convlens check``."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from convlens.engine.evaluation.health import HealthProgress


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="health check of a training folder: counts, imbalance, duplicates, "
                                     "unreadable and tiny images, with what to do about each")
    p.add_argument("data", help="folder of class subfolders")
    p.add_argument("--val-dir", help="a separate validation folder (checked for duplicates of training images)")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    from convlens.cli.diagnosis_text import health_lines
    from convlens.engine.core.steps import run_to_end
    from convlens.engine.evaluation.health import check_folder

    def show(step: HealthProgress) -> None:
        if not args.json:
            print(f"\rreading {step.done}/{step.total}", end="", file=sys.stderr, flush=True)

    report = run_to_end(check_folder(args.data, args.val_dir), show)
    if not args.json:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps({"root": report.root, "files": report.files,
                          "classes": dict(zip(report.classes, report.counts, strict=True)),
                          "issues": [{"kind": i.kind, **i.values, "files": [list(g) for g in i.groups]}
                                     for i in report.issues]}, indent=2))
        return 0
    print("\n".join(health_lines(report)))
    return 0

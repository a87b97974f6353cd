"""Timing helper shared by the benchmarks."""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable


def median_seconds(fn: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``fn`` over ``repeats`` calls, after one warm-up call."""
    fn()
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def add_quick(parser: argparse.ArgumentParser) -> None:
    """``--quick``: tiny inputs and one repeat, a few seconds, so the test suite can run every bench and a bench
    that no longer runs fails CI; its figures mean nothing (``make bench`` runs the full ones)."""
    parser.add_argument("--quick", action="store_true",
                        help="tiny inputs, a few seconds: proves the bench runs (the figures mean nothing)")

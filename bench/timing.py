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


def paired_seconds(a: Callable[[], object], b: Callable[[], object], repeats: int) -> tuple[float, float, float]:
    """(median of ``a``, median of ``b``, median of the ratio a/b call by call): ``a`` and ``b`` run in turns, after
    one warm-up call each, so a drift in the machine's speed (this 2-core VM's moved by 40 % within a minute) falls
    on both sides of each ratio instead of on whichever ran later."""
    a()
    b()
    ta, tb = [], []
    for _ in range(repeats):
        for fn, times in ((a, ta), (b, tb)):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
    return statistics.median(ta), statistics.median(tb), statistics.median(x / y for x, y in zip(ta, tb, strict=True))


def add_quick(parser: argparse.ArgumentParser) -> None:
    """``--quick``: tiny inputs and one repeat, a few seconds, so the test suite can run every bench and a bench
    that no longer runs fails CI; its figures mean nothing (``make bench`` runs the full ones)."""
    parser.add_argument("--quick", action="store_true",
                        help="tiny inputs, a few seconds: proves the bench runs (the figures mean nothing)")

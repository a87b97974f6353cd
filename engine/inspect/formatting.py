"""How shapes, FLOPs and kernel sizes are written, in the CLI and the app alike (no torch here: the app's window
shows them before torch has loaded)."""

from __future__ import annotations

Pair = tuple[int, int]


def format_shape(shape: tuple[int, ...] | None) -> str:
    """Keras' convention, as the notes print it: (None, H, W, C) for a map stored C, H, W here; the Learn panel's
    H×W×C reads in the same order."""
    if shape is None:
        return "-"
    if len(shape) == 3:
        shape = (shape[1], shape[2], shape[0])
    return "(None, " + ", ".join(str(s) for s in shape) + ")"


def format_flops(flops: int) -> str:
    for unit, scale in (("GFLOPs", 1e9), ("MFLOPs", 1e6), ("KFLOPs", 1e3)):
        if flops >= scale:
            return f"{flops / scale:.2f} {unit}"
    return f"{flops} FLOPs"


def pair_text(pair: Pair, times: str = "x", square: bool = False) -> str:
    """``224x224`` (or ``224×224`` with ``times="×"``); with ``square``, one number when both are equal (``3``)."""
    return str(pair[0]) if square and pair[0] == pair[1] else f"{pair[0]}{times}{pair[1]}"

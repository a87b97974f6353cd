"""Keep Python's cyclic garbage collector from freezing the window while the engine loads and works.

A full (generation 2) collection walks every object the collector tracks and holds the GIL while it does, so the UI
thread waits for as long. Importing torch, torchvision and the engine makes some 300,000 such objects, and the
collections the imports themselves set off were measured here on the engine thread at 37, 65 and 90 ms, one after
another, while the window was already up; the modules a first classification imported (torchvision.transforms.v2,
PIL's decoders) set off two more of 22 and 47 ms after the model had loaded, and a CI run saw one of 117 ms.

So: no collections while the engine loads (``loading``), everything then loaded is put in the permanent generation
the collector skips (``gc.freeze``), and what a first call would import is imported while loading. Objects that
were frozen are still freed by reference counting; only a reference cycle that was already garbage at the freeze
stays until the process ends.

Set ``CONVLENS_GC=plain`` to leave the collector alone.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager


def _plain() -> bool:
    return os.environ.get("CONVLENS_GC", "").lower() == "plain"


def freeze_loaded_objects() -> int:
    """Exempt every object alive now from later collections; how many are exempt (0 when turned off)."""
    if _plain():
        return 0
    gc.freeze()
    return gc.get_freeze_count()


@contextmanager
def loading() -> Iterator[None]:
    """No collections inside (imports only make long-lived objects); everything alive at the end is frozen."""
    if _plain():
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()

"""Keep freed memory for the next batch instead of handing it back to the system (glibc's malloc, Linux).

PyTorch's CPU tensors come straight from ``malloc``. glibc serves every block over its mmap threshold (at most 32 MB)
with a fresh ``mmap`` and returns it with ``munmap`` when the tensor is freed, so each forward pass over a batch
faults in all of its activation memory again, page by page, zeroed by the kernel: MobileNetV2 at batch 64 took
670,000 page faults a pass here and ran at 40 images/s (16: 51/s) — the "larger batch is much slower" cliff. With
mmap off and the heap trimmed only past 1 GB, the same memory is reused: 94 images/s at 64, 78 at 16, and ResNet-50
20 at 64 against 12.5, no page faults after the first pass (``bench/bench_batch.py``). Peak memory is unchanged;
what the process has used stays with it (up to the trim threshold) for its next batch.

Set ``CONVLENS_MALLOC=system`` to keep glibc's defaults. Other C libraries and systems are left alone.
"""

from __future__ import annotations

import ctypes
import logging
import os
import platform

log = logging.getLogger("convlens.allocator")

#: mallopt parameters (malloc.h)
M_TRIM_THRESHOLD, M_MMAP_MAX = -1, -4
#: Free memory at the top of the heap beyond this goes back to the system.
TRIM_THRESHOLD = 1 << 30

_done = False


def reuse_freed_memory() -> bool:
    """Tune glibc's malloc once per process (True if it was tuned now or before)."""
    global _done
    if _done:
        return True
    if os.environ.get("CONVLENS_MALLOC", "").lower() == "system" or platform.libc_ver()[0] != "glibc":
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        ok = bool(libc.mallopt(M_MMAP_MAX, 0)) and bool(libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))
    except (OSError, AttributeError):
        return False
    if ok:
        log.info("malloc: large blocks reused, not mapped and unmapped at every batch (CONVLENS_MALLOC=system: "
                 "glibc's defaults)")
    _done = ok
    return ok

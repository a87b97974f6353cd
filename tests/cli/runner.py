"""``convlens ...`` as a user runs it: a subprocess of this Python, from the checkout, its output captured."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys

from tests.conftest import ROOT


def run_convlens(*args: str, limit: int | None = None, stdout: object = subprocess.PIPE,
                 timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """``convlens ARGS``; ``limit``: the most bytes it may write to any one file (RLIMIT_FSIZE), a full disk as the
    process sees one (a write past it fails with an OSError, EFBIG instead of ENOSPC)."""
    def full_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "convlens.gui.main", *args], cwd=ROOT, stdout=stdout,
                          stderr=subprocess.PIPE, text=True, timeout=timeout, preexec_fn=full_disk if limit else None)

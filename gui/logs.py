"""Where unexpected errors and hard crashes leave a trace: a log file in the user's log folder."""

from __future__ import annotations

import faulthandler
import logging
import sys
from pathlib import Path
from typing import TextIO

_crash_file: TextIO | None = None


def log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("ConvLens", appauthor=False))


def setup_logging() -> Path:
    """Log warnings and errors (with tracebacks) to ``convlens.log``; faulthandler writes hard crashes there too."""
    global _crash_file
    folder = log_dir()
    path = folder / "convlens.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:  # a read-only home: still log to stderr
        handler = logging.StreamHandler(sys.stderr)
        path = Path("")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("convlens")
    root.setLevel(logging.INFO)
    if not any(getattr(h, "baseFilename", None) == getattr(handler, "baseFilename", 0) for h in root.handlers):
        root.addHandler(handler)
    if path != Path("") and _crash_file is None:
        _crash_file = open(path, "a", encoding="utf-8")
        faulthandler.enable(_crash_file, all_threads=True)
    return path

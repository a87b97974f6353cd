"""Writing files so that a crash leaves the old file or the new one, never half of one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from convlens.engine.errors import ConvLensError

__all__ = ["atomic_path", "write_atomic"]


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; on success it is flushed to disk and renamed over ``path``.

    If the body raises, the temporary file is removed and ``path`` is untouched. A missing folder or an
    operating-system error becomes a ``ConvLensError`` that names the file.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise ConvLensError(
            "Cannot write {name}: the folder {parent} does not exist.",
            name=path.name, parent=path.parent,
        )
    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        raise ConvLensError("Cannot write {path}: {value}.", path=path, value=exc.strerror or exc) from None
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path: str | Path, data: bytes) -> Path:
    """``data`` to ``path`` through ``atomic_path``."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)

"""Writing files so that a crash leaves the old file or the new one, never half of one."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from convlens.engine.core.errors import ConvLensError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

__all__ = ["atomic_path", "check_writable", "refuse_overwriting", "write_atomic"]


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _remove_stale_partials(path: Path) -> None:
    """``.name.PID.partial`` files beside ``path`` left by a process that was killed while writing."""
    try:
        candidates = list(path.parent.glob(f".{path.name}.*.partial"))
    except OSError:
        return
    for old in candidates:
        pid = old.name[len(path.name) + 2 : -len(".partial")]
        if pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid)):
            try:
                old.unlink()
            except OSError:
                pass


def _unlink_quietly(path: Path) -> None:
    # a read-only file system refuses even the removal of a file that was never made (EROFS, not ENOENT): the
    # real error is the one already being raised, never this one
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


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
    if path.is_dir():
        raise ConvLensError("Cannot write {path}: it is a folder.", path=path)
    _remove_stale_partials(path)
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
        _unlink_quietly(tmp)


def write_atomic(path: str | Path, data: bytes) -> Path:
    """``data`` to ``path`` through ``atomic_path``."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_csv(path: str | Path, rows: Iterable[Sequence[object]]) -> Path:
    """Rows as a CSV file (UTF-8), written whole or not at all (``write_atomic``): every CSV ConvLens writes, from
    the window or the command line."""
    import csv
    import io

    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return write_atomic(path, buffer.getvalue().encode("utf-8"))


def check_writable(path: str | Path, flag: str = "", needs: int = 0) -> Path:
    """Fail now, before long work, if ``path`` cannot be written: its folder is missing or read-only, it is a
    folder, or the disk has less than ``needs`` bytes free. ``flag`` names the option in the message."""
    path = Path(path)
    what = f"{flag} {path}" if flag else str(path)
    parent = path.resolve().parent
    if path.is_dir():
        raise ConvLensError("Cannot write {what}: it is a folder.", what=what)
    if not parent.is_dir():
        raise ConvLensError("Cannot write {what}: the folder {parent} does not exist.", what=what, parent=parent)
    probe = parent / f".{path.name}.{os.getpid()}.probe"
    try:
        with open(probe, "wb") as f:
            f.write(b"0")
    except OSError as exc:
        raise ConvLensError("Cannot write {what}: {value}.", what=what, value=exc.strerror or exc) from None
    finally:
        _unlink_quietly(probe)
    if needs:
        import shutil

        free = shutil.disk_usage(parent).free
        if free < needs:
            raise ConvLensError("Cannot write {what}: it needs about {need:.1f} MB and the disk has {free:.1f} MB free.",
                                what=what, need=needs / 1e6, free=free / 1e6)
    return path


def refuse_overwriting(out: str | Path, inputs: list[str | Path], flag: str = "--out",
                       protected_suffixes: frozenset[str] = frozenset()) -> None:
    """An output that would replace one of the inputs (``cam X --out X``, ``export --weights W --out W``, a CSV onto
    an image of the data folder) destroys what the user made: refused, naming both. Inside an input folder, files
    ending in ``protected_suffixes`` (its images) are inputs too."""
    target = Path(out)
    try:
        target_resolved = target.resolve()
    except OSError:
        return
    for given in inputs:
        source = Path(given)
        try:
            same = target.exists() and source.exists() and os.path.samefile(target, source)
        except OSError:
            same = False
        if same or target_resolved == source.resolve():
            raise ConvLensError("{flag} {out} is the input file {input}: writing it would destroy the input. Choose "
                                "another file name.", flag=flag, out=out, input=given)
        if source.is_dir() and target.is_file() and source.resolve() in target_resolved.parents:
            if target.suffix.lower() in protected_suffixes:
                raise ConvLensError("{flag} {out} is an image in the data folder {input}: writing it would destroy "
                                    "that image. Choose another file name.", flag=flag, out=out, input=given)

"""Faults the engine's own writers and readers meet below the CLI: a read-only target, the partial files of
killed writers, a link back into the data folder (the CLI's side, full disks and odd flags, is in tests/cli)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def test_a_read_only_target_keeps_its_real_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a read-only file system even removing the never-made temporary file fails (EROFS): that must not
    replace the real error with a traceback from the clean-up."""
    import errno

    from convlens.engine.core import fileio
    from convlens.engine.core.errors import ConvLensError

    real_unlink = Path.unlink

    def erofs(self: Path, missing_ok: bool = False) -> None:
        if self.name.endswith(".partial"):
            raise OSError(errno.EROFS, "Read-only file system")
        real_unlink(self, missing_ok=missing_ok)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "unlink", erofs)
    monkeypatch.setattr(Path, "write_bytes", refuse)
    with pytest.raises(ConvLensError, match="Read-only file system"):
        fileio.write_atomic(tmp_path / "x.csv", b"data")


def test_partial_files_of_killed_writers_are_cleared(tmp_path: Path) -> None:
    from convlens.engine.core.fileio import write_atomic

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    stale = tmp_path / f".m.pth.{dead}.partial"
    stale.write_bytes(b"x" * 1000)
    write_atomic(tmp_path / "m.pth", b"new")
    assert not stale.exists() and (tmp_path / "m.pth").read_bytes() == b"new"


def test_a_link_back_into_the_data_folder_is_refused(tmp_path: Path, photos: Path) -> None:
    from convlens.engine.core.errors import ConvLensError
    from convlens.engine.data.datasets import load_image_folder

    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        for i in range(3):
            (tmp_path / name / f"{i}.png").write_bytes((photos / "fish.png").read_bytes())
    (tmp_path / "loop").symlink_to(".")
    with pytest.raises(ConvLensError, match="Class folder loop .* is a link to"):
        load_image_folder(tmp_path, None, 0.34)



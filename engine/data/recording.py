"""Recording samples into an ImageFolder-style dataset: ``<dataset>/<class>/NNNNN.jpg``."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import cv2

from convlens.engine.core.errors import ConvLensError

if TYPE_CHECKING:
    import numpy as np

_NAME = re.compile(r"^\d{5,}\.jpg$")
_BAD_CLASS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def check_class_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ConvLensError("Type a class name first (for example: rock).")
    if _BAD_CLASS.search(name) or name in (".", ".."):
        raise ConvLensError('Class name \'{name}\' cannot be a folder name: avoid / \\ : * ? " < > |.', name=name)
    return name


class DatasetRecorder:
    """Writes frames as JPEG files, numbered on from what the class folder already holds. Thread-safe."""

    def __init__(self, root: str | Path, quality: int = 92) -> None:
        self.root = Path(root)
        self.quality = quality
        self._lock = threading.Lock()

    def class_dir(self, name: str) -> Path:
        return self.root / check_class_name(name)

    def _files(self, folder: Path) -> list[Path]:
        return sorted(p for p in folder.glob("*.jpg") if _NAME.match(p.name)) if folder.is_dir() else []

    def save(self, class_name: str, frame_rgb: np.ndarray) -> Path:
        folder = self.class_dir(class_name)
        with self._lock:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ConvLensError("Cannot create {folder}: {value}.", folder=folder, value=exc.strerror or exc) from None
            existing = self._files(folder)
            number = int(existing[-1].stem) + 1 if existing else 0
            path = folder / f"{number:05d}.jpg"
            ok, data = cv2.imencode(".jpg", cv2.cvtColor(frame_rgb, cv2.COLOR_RGB2BGR),
                                    [cv2.IMWRITE_JPEG_QUALITY, self.quality])
            if not ok:
                raise ConvLensError("Could not encode a frame as JPEG for {path}.", path=path)
            try:
                path.write_bytes(data.tobytes())
            except OSError as exc:
                raise ConvLensError("Cannot write {path}: {value}.", path=path, value=exc.strerror or exc) from None
            return path

    def counts(self) -> dict[str, int]:
        """Images per class folder (recorded or not, any image file)."""
        if not self.root.is_dir():
            return {}
        from convlens.engine.data.images import is_image_path

        return {
            d.name: sum(1 for p in d.iterdir() if p.is_file() and is_image_path(p))
            for d in sorted(self.root.iterdir())
            if d.is_dir() and not d.name.startswith(".")
        }

    def delete_last(self, class_name: str, n: int) -> int:
        """Remove the ``n`` most recent recorded files of a class; returns how many went."""
        with self._lock:
            files = self._files(self.class_dir(class_name))
            gone = files[-n:] if n > 0 else []
            for p in gone:
                p.unlink(missing_ok=True)
            folder = self.class_dir(class_name)
            if gone and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()  # an empty class folder would break training
            return len(gone)

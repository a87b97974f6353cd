"""Test videos made from the shared real photos (written with cv2.VideoWriter)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from convlens.engine.data.images import load_image


def letterbox(photo: Path, size: tuple[int, int] = (640, 480)) -> np.ndarray:
    """The photo fitted into a black frame of ``size``, as BGR for OpenCV."""
    image = load_image(photo).convert("RGB")
    image.thumbnail(size)
    canvas = Image.new("RGB", size)
    canvas.paste(image, ((size[0] - image.width) // 2, (size[1] - image.height) // 2))
    return cv2.cvtColor(np.asarray(canvas), cv2.COLOR_RGB2BGR)


def write_video(path: Path, photos: list[Path], seconds_each: float = 2.0, fps: float = 30.0,
                size: tuple[int, int] = (640, 480)) -> Path:
    """An MJPG AVI showing each photo for ``seconds_each`` seconds."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, size)
    assert writer.isOpened(), "OpenCV cannot write MJPG AVI files here"
    try:
        for photo in photos:
            frame = letterbox(photo, size)
            for _ in range(round(seconds_each * fps)):
                writer.write(frame)
    finally:
        writer.release()
    return path


def truncate(path: Path, out: Path, fraction: float = 0.5) -> Path:
    """A copy of a video cut off part-way, as a broken download or a pulled cable leaves it."""
    data = path.read_bytes()
    out.write_bytes(data[: int(len(data) * fraction)])
    return out

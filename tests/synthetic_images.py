"""Class folders of generated images, as many as a memory test needs (tens of thousands in seconds).

Class ``k`` of ``classes`` shows a bright bar at its own height over noise, so a model can learn it; every file is
a real PNG that PIL decodes like any photo."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image


def write_class_folders(root: Path, count: int, classes: int = 4, side: int = 32, seed: int = 0) -> Path:
    """``count`` PNG files of ``side`` x ``side`` RGB pixels in ``root/class_k``, dealt round the classes."""
    rng = np.random.default_rng(seed)
    folders = [root / f"class_{k}" for k in range(classes)]
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    band = max(1, side // (2 * classes))
    for i in range(count):
        k = i % classes
        pixels = rng.integers(0, 96, (side, side, 3), dtype=np.uint8)
        top = (2 * k) * band + rng.integers(0, band)
        pixels[top : top + band] = 255
        Image.fromarray(pixels).save(folders[k] / f"{i:06d}.png", compress_level=1)
    return root

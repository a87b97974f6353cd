"""The ``convlens`` command's side of features (the engine's is in tests/engine/test_features.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from tests.cli.runner import run_convlens as _cli


def test_cli_cam_writes_a_grayscale_png_of_the_image_size(mobilenet_file: Path, photos: Path, tmp_path: Path) -> None:
    image = photos / "metal_car-2.jpg"
    heat, over = tmp_path / "heat.png", tmp_path / "over.png"
    run = _cli("cam", str(image), "--arch", "mobilenet_v2", "--weights", str(mobilenet_file),
               "--class", "sports car", "--out", str(heat), "--overlay", str(over))
    assert run.returncode == 0, run.stderr
    with Image.open(image) as src, Image.open(heat) as h, Image.open(over) as o:
        assert h.mode == "L" and h.size == src.size and o.size == src.size
        assert np.asarray(h).max() == 255
    run = _cli("cam", str(image), "--arch", "mobilenet_v2", "--weights", str(mobilenet_file),
               "--class", "817", "--layer", "features.16", "--out", str(heat))
    assert run.returncode == 0 and "class 817" in run.stdout
    run = _cli("cam", str(image), "--arch", "mobilenet_v2", "--weights", str(mobilenet_file),
               "--class", "not a class", "--out", str(heat))
    assert run.returncode == 1 and "No class named 'not a class'" in run.stderr and "Traceback" not in run.stderr


def test_cli_features_grid(mobilenet_file: Path, photos: Path, tmp_path: Path) -> None:
    out = tmp_path / "grid.png"
    run = _cli("features", str(photos / "fish.png"), "--arch", "mobilenet_v2", "--weights", str(mobilenet_file),
               "--layer", "features.1", "--out", str(out))
    assert run.returncode == 0, run.stderr
    with Image.open(out) as grid:
        assert grid.mode == "RGB" and grid.width > 100
    run = _cli("features", str(photos / "fish.png"), "--arch", "mobilenet_v2", "--weights", str(mobilenet_file),
               "--layer", "nope", "--out", str(out))
    assert run.returncode == 1 and "No layer 'nope'" in run.stderr

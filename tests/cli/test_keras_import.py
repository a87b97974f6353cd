"""The ``convlens`` command's side of keras import (the engine's is in tests/engine/test_keras_import.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import torch

from convlens.engine.models.registry import get_arch
from tests.conftest import ROOT
from tests.keras_h5 import write_keras_vgg_h5


def test_cli_classify_with_a_keras_file(tmp_path: Path, photos: Path) -> None:
    torch.manual_seed(0)
    h5 = write_keras_vgg_h5(get_arch("vgg16").build(), "vgg16", tmp_path / "vgg16.h5")
    run = subprocess.run([sys.executable, "-m", "convlens.gui.main", "classify", str(photos / "fish.png"), "--arch", "vgg16",
                          "--weights", str(h5), "--topk", "2"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert len([line for line in run.stdout.splitlines() if line.strip().startswith(("1.", "2."))]) == 2

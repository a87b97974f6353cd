"""``--precision int8 --calibration DIR`` on classify, evaluate and live."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from tests.cli.runner import run_convlens
from tests.conftest import CONFIDENT_PHOTOS
from tests.photo_views import views

# find_spec, not an import: NNCF imported before the engine's import_openvino would start OpenVINO's telemetry
pytestmark = pytest.mark.skipif(importlib.util.find_spec("nncf") is None,
                                reason="int8 needs NNCF (a dependency of the app: pip install -e .)")


def test_int8_without_a_calibration_folder_is_a_usage_error(mobilenet_file: Path, photos: Path) -> None:
    run = run_convlens("classify", str(photos), "--weights", str(mobilenet_file), "--precision", "int8")
    assert run.returncode == 2 and "--precision int8 needs --calibration DIR" in run.stderr
    run = run_convlens("classify", str(photos), "--calibration", str(photos))
    assert run.returncode == 2 and "--calibration is for --precision int8" in run.stderr
    run = run_convlens("live", "0", "--precision", "int8", "--calibration", str(photos), "--runtime", "torch")
    assert run.returncode == 2 and "runs in OpenVINO" in run.stderr


def test_evaluate_int8_prints_f32_and_int8_side_by_side(mobilenet_file: Path, photos: Path, tmp_path: Path) -> None:
    data = tmp_path / "labelled"
    for name, label in CONFIDENT_PHOTOS.items():
        (data / label).mkdir(parents=True, exist_ok=True)
        shutil.copy(photos / name, data / label / name)
    calibration = views(photos, tmp_path / "calibration", 40, seed=3)
    run = run_convlens("evaluate", str(data), "--arch", "mobilenet_v2", "--weights", str(mobilenet_file),
                       "--precision", "int8", "--calibration", str(calibration))
    assert run.returncode == 0, run.stderr
    assert "OpenVINO int8, calibrated on 40 images of calibration" in run.stderr
    lines = run.stdout.splitlines()
    head = lines.index("f32 vs int8 on the same 12 images:")
    assert lines[head + 1].startswith("  top-1 accuracy: f32 100.00%   int8 ")  # the photos f32 is sure about
    assert lines[head + 3].startswith("  top-1 agreement of int8 with f32: ")
    assert any(line.strip().startswith("Samoyed") and "100.0% ->" in line for line in lines[head + 5:])
    assert "the int8 model's own report:" in run.stdout

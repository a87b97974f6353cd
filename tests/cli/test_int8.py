"""``--precision int8 --calibration DIR`` on classify, evaluate, live and compare."""

from __future__ import annotations

import importlib.util
import json
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
    assert "CUDA_HOME" not in run.stderr  # torch's warning when NNCF imports its extension builder: not ours to show
    lines = run.stdout.splitlines()
    head = lines.index("f32 vs int8 on the same 12 images:")
    assert lines[head + 1].startswith("  top-1 accuracy: f32 100.00%   int8 ")  # the photos f32 is sure about
    assert lines[head + 3].startswith("  top-1 agreement of int8 with f32: ")
    assert any(line.strip().startswith("Samoyed") and "100.0% ->" in line for line in lines[head + 5:])
    assert "the int8 model's own report:" in run.stdout


def test_compare_int8_runs_every_model_quantized_and_says_so(mobilenet_file: Path, photos: Path,
                                                             tmp_path: Path) -> None:
    calibration = views(photos, tmp_path / "calibration", 20, seed=5)
    confident = sorted(CONFIDENT_PHOTOS)[:4]
    run = run_convlens("compare", *(str(photos / name) for name in confident), "--models",
                       f"mobilenet_v2:{mobilenet_file}", "lenet5:random", "--json", "--precision", "int8",
                       "--calibration", str(calibration))
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert [m["precision"] for m in result["models"]] == ["int8", "int8"]
    assert run.stderr.count("OpenVINO int8, calibrated on 20 images of calibration") == 2
    # MobileNetV2 f32 is sure of these photos: int8 keeps its answers
    assert [a[0]["label"] for a in result["models"][0]["predictions"]] == [CONFIDENT_PHOTOS[n] for n in confident]


def test_export_int8_writes_files_that_the_bare_runtimes_run(mobilenet_file: Path, photos: Path, tmp_path: Path) -> None:
    """Export -> OpenVINO int8 / ONNX int8: checked with OpenVINO and ONNX Runtime themselves, not our loaders."""
    import numpy as np
    import onnx
    import onnxruntime as ort

    from convlens.engine.data.images import load_image
    from convlens.engine.models.preprocess import Preprocess
    from convlens.engine.runtime.runtimes import import_openvino

    calibration = views(photos, tmp_path / "calibration", 20, seed=7)
    base = ["export", "--arch", "mobilenet_v2", "--weights", str(mobilenet_file)]
    run = run_convlens(*base, "--format", "onnx-int8", "--out", str(tmp_path / "no.onnx"))
    assert run.returncode == 2 and "--format onnx-int8 needs --calibration DIR" in run.stderr
    run = run_convlens(*base, "--format", "onnx", "--out", str(tmp_path / "no.onnx"), "--calibration", str(calibration))
    assert run.returncode == 2 and "--calibration is for --format openvino-int8 or onnx-int8" in run.stderr
    run = run_convlens(*base, "--format", "openvino-int8", "--out", str(tmp_path / "m.onnx"), "--calibration",
                       str(calibration))
    assert run.returncode == 1 and "An openvino-int8 export is a .xml file, not m.onnx." in run.stderr
    assert not (tmp_path / "m.onnx").exists()

    x = Preprocess().__call__(load_image(photos / "dog_samoyed.jpg")).unsqueeze(0).numpy()  # ImageNet weights' input
    for fmt, name in (("openvino-int8", "m.xml"), ("onnx-int8", "q.onnx")):
        out = tmp_path / name
        run = run_convlens(*base, "--format", fmt, "--out", str(out), "--calibration", str(calibration))
        assert run.returncode == 0, run.stderr
        assert "int8: top-1 agrees with PyTorch f32 on " in run.stdout and "/20 calibration images" in run.stdout
        report = json.loads(Path(f"{out}.parity.json").read_text())
        assert report["precision"] == "int8" and report["images"] == 20 and report["top1_agree"] >= 16
        if fmt == "openvino-int8":
            ov = import_openvino()
            model = ov.Core().read_model(str(out))
            assert json.loads(model.get_rt_info(["convlens", "convlens.classes"]).astype(str))[258] == "Samoyed"
            logits = next(iter(ov.Core().compile_model(model, "CPU")({0: x}).values()))
        else:
            proto = onnx.load(str(out))
            assert sum(n.op_type == "QuantizeLinear" for n in proto.graph.node) > 10  # QDQ int8, not f32
            assert any(p.key == "convlens.classes" for p in proto.metadata_props)
            session = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
            logits = session.run(None, {session.get_inputs()[0].name: x})[0]
        assert int(np.argmax(logits)) == 258  # Samoyed, as in f32
    run = run_convlens("classify", str(photos / "dog_samoyed.jpg"), "--weights", str(tmp_path / "q.onnx"))
    assert run.returncode == 0 and "Samoyed" in run.stdout  # its class names and preprocessing came with it

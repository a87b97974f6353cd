"""The ``convlens`` command's side of export (the engine's is in tests/engine/test_export.py)."""

from __future__ import annotations

from pathlib import Path

from tests.cli.runner import run_convlens as _cli


def test_cli_export_and_classify_with_onnxruntime(mobilenet_file: Path, photos: Path, shared_data: Path,
                                                 tmp_path: Path) -> None:
    out = tmp_path / "m.onnx"
    run = _cli("export", "--arch", "mobilenet_v2", "--weights", str(mobilenet_file), "--format", "onnx",
               "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert "parity: 5/5 top-1 agree" in run.stdout
    run = _cli("classify", str(photos / "dog_samoyed.jpg"), "--weights", str(out), "--topk", "1")
    assert run.returncode == 0 and "Samoyed" in run.stdout
    run = _cli("classify", str(photos / "fish.png"), "--weights", str(shared_data / "models" /
               "squeezenet1_1_fp16.onnx"), "--preprocess", "bgr255", "--topk", "1")
    assert run.returncode == 0 and "tench" in run.stdout
    run = _cli("classify", str(photos / "fish.png"), "--weights", str(shared_data / "models" /
               "squeezenet1_1_fp16.onnx"))
    assert run.returncode == 1 and "--preprocess" in run.stderr and "Traceback" not in run.stderr
    run = _cli("classify", str(photos / "metal_animal-3.jpg"), "--arch", "mobilenet_v2", "--weights",
               str(mobilenet_file), "--runtime", "onnxruntime", "--topk", "1")
    assert run.returncode == 0 and "lion" in run.stdout

"""A timm architecture through the CLI's whole path: fine-tuned, saved, exported to ONNX with its parity check, and
its checkpoint classifying again (random weights: nothing is downloaded)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from convlens.cli import main as cli_main


def test_timm_finetune_export_and_classify(digit_folder: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "digits"
    for name in ("digit_0", "digit_1"):
        (data / name).mkdir(parents=True)
        for f in sorted((digit_folder / name).iterdir())[:10]:
            shutil.copy(f, data / name / f.name)
    model = tmp_path / "t.pth"
    assert cli_main(["finetune", str(data), "--arch", "timm:resnet10t", "--weights", "random", "--epochs", "1",
                     "--out", str(model)]) == 0
    assert model.is_file()
    onnx = tmp_path / "t.onnx"
    assert cli_main(["export", "--weights", str(model), "--format", "onnx", "--out", str(onnx)]) == 0
    out = capsys.readouterr().out
    assert "resnet10t (timm) 2 classes" in out and "(ok)" in out
    assert cli_main(["classify", str(data / "digit_1"), "--weights", str(model), "--topk", "2"]) == 0
    assert "digit_" in capsys.readouterr().out

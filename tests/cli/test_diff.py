"""``convlens diff``: the CKA heat map and its JSON (the numbers are held to the reference in
tests/engine/test_cka.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from convlens.cli import main as cli_main


def test_cli_diff_json_table_and_picture(photos: Path, mobilenet_file: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cka.png"
    assert cli_main(["diff", "--models", f"mobilenet_v2:{mobilenet_file}", "resnet18:random", str(photos),
                     "--out", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["images"] == 15 and [m["model"] for m in data["models"]][1] == "resnet18:random"
    rows, cols = len(data["models"][0]["layers"]), len(data["models"][1]["layers"])
    assert len(data["cka"]) == rows and all(len(r) == cols for r in data["cka"])
    assert all(v is None or -0.5 < v <= 1.0 + 1e-6 for r in data["cka"] for v in r)
    picture = Image.open(out)
    assert picture.width > 300 and picture.height > 300
    assert cli_main(["diff", str(photos), "--models", "lenet5:random", "lenet5:random"]) == 0
    table = capsys.readouterr().out
    assert "most alike in lenet5:random" in table and "output" in table


def test_cli_diff_bad_input_is_one_clear_line(photos: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["diff", str(photos), "--models", "lenet5:random"]) == 1
    assert "exactly 2 models" in capsys.readouterr().err
    assert cli_main(["diff", str(photos / "fish.png"), "--models", "lenet5:random", "lenet5:random"]) == 1
    assert "at least 4 images" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        cli_main(["diff", str(photos), "--models", "lenet5:random", "lenet5:random", "--batch-size", "2"])
    assert stop.value.code == 2 and "--batch-size" in capsys.readouterr().err

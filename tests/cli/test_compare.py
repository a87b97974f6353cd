"""The ``convlens`` command's side of compare (the engine's is in tests/engine/test_compare.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convlens.cli import main as cli_main


def test_cli_compare_table_and_json(photos: Path, mobilenet_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["compare", str(photos / "dog_samoyed.jpg"), str(photos / "fish.png"), "--models",
            f"mobilenet_v2:{mobilenet_file}", "lenet5:random"]
    assert cli_main(args) == 0
    out = capsys.readouterr().out
    assert "dog_samoyed.jpg" in out and "Samoyed" in out and "parameters" in out and "ms/image" in out
    assert "3,504,872" in out
    assert cli_main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["model"] for m in data["models"]] == [f"mobilenet_v2:{mobilenet_file}", "lenet5:random"]
    assert data["models"][0]["predictions"][0][0]["label"] == "Samoyed"
    assert cli_main(["compare", str(photos / "fish.png"), "--models", "lenet5:random"]) == 1
    assert "Compare 2 to 4 models" in capsys.readouterr().err

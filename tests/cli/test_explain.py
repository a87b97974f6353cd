"""The ``convlens`` command's side of explain (the engine's is in tests/engine/test_explain.py)."""

from __future__ import annotations

import pytest

from convlens.cli import main as cli_main


def test_cli_summary_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["summary", "lenet5", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "features.0: Conv2d 28x28x1 -> 28x28x6, F=5 P=2 S=1" in out
    assert "H out = (28 + 2x2 - 5) / 1 + 1 = 28" in out
    assert "parameters 5x5x1x6 + 6 = 156" in out
    assert "160,563,200" in out and "43,352,064" in out and "3.7x fewer" in out


def test_a_size_the_model_cannot_take_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """VGG16's five poolings need at least 32 pixels: an 8x8 input is refused with the reason, no traceback."""
    for extra in (["--explain"], []):
        assert cli_main(["summary", "vgg16", "--size", "8", *extra]) == 1
        err = capsys.readouterr().err
        assert err.startswith("error: The model cannot run on a 8x8 input (") and "Traceback" not in err
    with pytest.raises(SystemExit) as refused:  # a flag out of range is refused when parsed, naming the flag
        cli_main(["summary", "lenet5", "--size", "-3"])
    assert refused.value.code == 2 and "argument --size: -3: give an input side in pixels" in capsys.readouterr().err

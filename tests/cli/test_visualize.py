"""``convlens visualize``: the made image and the examples as one PNG, the ratio printed; bad flags one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from convlens.cli import main as cli_main


def test_cli_visualize_with_examples(photos: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "wants.png"
    assert cli_main(["visualize", "--layer", "features.4", "--channel", "3", "--steps", "40", "--size", "64",
                     "--examples", str(photos), "--out", str(out)]) == 0  # the bundled MobileNetV2
    text = capsys.readouterr().out
    assert "features.4 channel 3: the made image (64x64, 40 steps, fourier mode)" in text
    assert "the 9 images of" in text and "times the best" in text
    rows = [line for line in text.splitlines() if line.startswith("  ") and str(photos) in line]
    values = [float(line.split()[0]) for line in rows]
    assert len(rows) == 9 and values == sorted(values, reverse=True)
    picture = Image.open(out)
    assert picture.width > picture.height >= 3 * 160  # the made image beside the 3x3 examples

    alone = tmp_path / "alone.png"
    assert cli_main(["visualize", "--arch", "lenet5", "--weights", "random", "--layer", "features.0",
                     "--channel", "1", "--steps", "20", "--out", str(alone)]) == 0
    assert Image.open(alone).size == (28, 28) and "pixels mode" in capsys.readouterr().out


def test_cli_visualize_bad_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "x.png")
    assert cli_main(["visualize", "--layer", "features.4", "--channel", "500", "--steps", "2", "--out", out]) == 1
    assert "no channel 500" in capsys.readouterr().err
    assert cli_main(["visualize", "--layer", "nope", "--channel", "0", "--steps", "2", "--out", out]) == 1
    assert "No layer 'nope'" in capsys.readouterr().err
    assert cli_main(["visualize", "--layer", "features.4", "--channel", "0", "--steps", "0", "--out", out]) == 1
    assert "--steps must be at least 1" in capsys.readouterr().err
    assert not Path(out).exists()

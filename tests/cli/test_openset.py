"""The ``convlens`` command's side of openset (the engine's is in tests/engine/test_openset.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from convlens.engine.data.datasets import load_mnist
from convlens.engine.weights.load import load_weights


@pytest.mark.serial  # its live run counts frames: run alone (make test)
def test_cli_tunes_on_a_folder_saves_and_live_says_unknown(shared_data: Path, photos: Path, tmp_path: Path) -> None:
    """`convlens evaluate --far --save` on real photos and 40 handwritten digits of no ImageNet class, then
    `convlens classify` and `convlens live` with the saved model: a digit is "unknown", a lion is a lion."""
    import shutil
    import subprocess
    import sys

    from PIL import Image

    from tests.conftest import ROOT
    from tests.live_video import write_video

    root = tmp_path / "held out"
    for folder, files in {"Samoyed": ["dog_samoyed.jpg"], "tabby": ["kitten_224.png", "kitten_seg.jpg"],
                          "sports car": ["metal_car-1.jpg", "metal_car-2.jpg", "metal_car-3.jpg"]}.items():
        (root / folder).mkdir(parents=True)
        for f in files:
            shutil.copy(photos / f, root / folder / f)
    (root / "_unknown").mkdir()
    open_set_digits = load_mnist(shared_data / "mnist")
    for i in range(41):
        Image.fromarray(open_set_digits.val.images[i][:, :, 0]).convert("RGB").save(root / "_unknown" / f"{i:02d}.png")
    weights = shared_data / "models" / "mobilenet_v2_imagenet.pth"

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "convlens.gui.main", *args], capture_output=True, text=True,
                              cwd=ROOT, timeout=300)

    saved = tmp_path / "with unknown.pt"
    run = cli("evaluate", str(root), "--arch", "mobilenet_v2", "--weights", str(weights), "--far", "0.1",
              "--save", str(saved), "--runtime", "torch")
    assert run.returncode == 0, run.stderr
    assert "41 images of no class" in run.stdout and "<- --far" in run.stdout and saved.is_file()
    rule = load_weights(None, str(saved)).unknown
    assert rule is not None and rule.far <= 0.1 and rule.outside == 41
    run = cli("classify", str(root / "_unknown" / "40.png"), str(photos / "metal_animal-3.jpg"), "--weights",
              str(saved), "--json", "--runtime", "torch")
    assert run.returncode == 0, run.stderr
    import json

    verdicts = [r["unknown"] for r in json.loads(run.stdout)]
    assert verdicts == [True, False]
    video = write_video(tmp_path / "lion_then_digit.avi", [photos / "metal_animal-3.jpg", root / "_unknown" / "40.png"],
                        seconds_each=1.5)
    run = cli("live", str(video), "--weights", str(saved), "--runtime", "torch")
    assert run.returncode == 0, run.stderr
    frames = [line for line in run.stdout.splitlines() if line.startswith("frame=")]
    lion = [line for line in frames if "top1=lion" in line]
    assert lion and not any(line.endswith(" unknown") for line in lion)
    assert sum(line.endswith(" unknown") for line in frames) >= len(frames) - len(lion) - 2 > 5
    # bad targets are a message, not a traceback
    run = cli("evaluate", str(root), "--arch", "mobilenet_v2", "--weights", str(weights), "--far", "0.001")
    assert run.returncode == 1 and "at least 999 needed" in run.stderr and "Traceback" not in run.stderr

"""The ``convlens`` command's side of faithfulness (the engine's is in tests/engine/test_faithfulness.py)."""

from __future__ import annotations

from pathlib import Path


def test_cli_cam_prints_the_scores_and_auto_chooses(mobilenet_file: Path, photos: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    run = subprocess.run([sys.executable, "-m", "convlens.gui.main", "cam", str(photos / "dog_samoyed.jpg"),
                          "--arch", "mobilenet_v2", "--weights", str(mobilenet_file), "--layer", "auto",
                          "--out", str(tmp_path / "cam.png")], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "at layer features;" in run.stdout and "<- chosen" in run.stdout
    assert "deletion AUC" in run.stdout and "insertion AUC" in run.stdout and (tmp_path / "cam.png").is_file()

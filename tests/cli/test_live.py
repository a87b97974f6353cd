"""The ``convlens`` command's side of live (the engine's is in tests/engine/test_live.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli.runner import run_convlens as _cli
from tests.live_video import truncate

pytestmark = pytest.mark.serial  # live rates: run alone (make test)


def test_cli_live_lines_summary_and_exit_codes(video: Path, mobilenet_file: Path, tmp_path: Path) -> None:
    run = _cli("live", str(video), "--arch", "mobilenet_v2", "--weights", str(mobilenet_file), "--max-frames", "5")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    frames = [line for line in lines if line.startswith("frame=")]
    assert len(frames) == 5
    pattern = re.compile(r"^frame=(\d+) t=(\d+\.\d+) top1=(.+) p=(0\.\d+|1\.0+) fps=(\d+\.\d)$")
    parsed = [pattern.match(line) for line in frames]
    assert all(parsed), frames
    assert parsed[0].group(3) == "Samoyed"
    assert any(line.startswith("capture FPS:") for line in lines)
    assert any(line.startswith("inference FPS:") for line in lines)
    assert any(line.startswith("latency p50:") and "p95:" in line for line in lines)

    run = _cli("live", "9", "--arch", "mobilenet_v2", "--weights", str(mobilenet_file))
    assert run.returncode == 1 and "Camera 9 cannot be opened" in run.stderr and "Traceback" not in run.stderr
    broken = truncate(video, tmp_path / "cut.avi", 0.3)
    run = _cli("live", str(broken), "--arch", "mobilenet_v2", "--weights", str(mobilenet_file), "--no-realtime")
    assert run.returncode == 1 and "cut.avi stopped after frame" in run.stderr

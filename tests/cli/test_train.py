"""The ``convlens`` command's side of train (the engine's is in tests/engine/test_train.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def test_cli_finetune_then_classify_with_the_checkpoint(digit_folder: Path, mobilenet_file: Path,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "digits.pth"
    run_ = subprocess.run([sys.executable, "-m", "convlens.gui.main", "finetune", str(digit_folder), "--arch", "mobilenet_v2",
                           "--weights", str(mobilenet_file), "--epochs", "8", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run_.returncode == 0, run_.stderr
    assert "validation accuracy:" in run_.stdout and "confusion matrix" in run_.stdout
    assert "digit_7" in run_.stdout and out.is_file()
    assert "calibration (validation, 36 images, " in run_.stdout and "too few to calibrate on" in run_.stdout
    assert "diagnosis:" in run_.stdout
    sample = sorted((digit_folder / "digit_7").iterdir())[0]
    run_ = subprocess.run([sys.executable, "-m", "convlens.gui.main", "classify", str(sample), "--weights", str(out),
                           "--topk", "3"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run_.returncode == 0, run_.stderr
    labels = [line.split()[1] for line in run_.stdout.splitlines()[1:4]]
    assert sorted(labels) == ["digit_0", "digit_1", "digit_7"]
    bad = subprocess.run([sys.executable, "-m", "convlens.gui.main", "finetune", str(tmp_path / "nowhere"), "--arch",
                          "lenet5", "--weights", "random", "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1 and "not found" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGKILL"])
def test_a_killed_streamed_finetune_leaves_no_process_behind(digit_folder: Path, tmp_path: Path,
                                                            signal_name: str) -> None:
    """SIGTERM unwinds like Ctrl-C; on SIGKILL the loader workers see the trainer go (they used to keep the fork
    server, the resource tracker and themselves alive for minutes, 1.7 GB)."""
    import os
    import signal
    import time

    proc = subprocess.Popen([sys.executable, "-m", "convlens.gui.main", "finetune", str(digit_folder), "--arch",
                             "lenet5", "--weights", "random", "--stream", "--workers", "2", "--epochs", "500",
                             "--hflip", "--out", str(tmp_path / "m.pth")], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True, text=True)

    def session_pids() -> list[int]:
        out = subprocess.run(["ps", "-eo", "pid=,sid="], capture_output=True, text=True).stdout.split("\n")
        return [int(p) for p, s in (line.split() for line in out if line.strip()) if int(s) == proc.pid]

    try:
        deadline = time.monotonic() + 120
        while len(session_pids()) < 4 and time.monotonic() < deadline:  # trainer, fork server, 2 workers (+tracker)
            time.sleep(0.5)
        assert len(session_pids()) >= 4, "the loader workers never started"
        time.sleep(2)
        os.kill(proc.pid, getattr(signal, signal_name))
        proc.wait(timeout=60)
        deadline = time.monotonic() + 15
        while session_pids() and time.monotonic() < deadline:
            time.sleep(0.5)
        left = session_pids()
    finally:
        for pid in session_pids():
            os.kill(pid, signal.SIGKILL)
    assert not left, f"{signal_name} left {len(left)} processes running"
    if signal_name == "SIGTERM":
        assert proc.returncode == 143 and "terminated" in (proc.stdout.read() if proc.stdout else "")
    assert not list(tmp_path.glob(".m.pth.*.partial"))

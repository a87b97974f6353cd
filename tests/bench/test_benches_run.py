"""Every benchmark still runs: each ``bench/bench_*.py`` in its ``--quick`` mode (tiny inputs, one repeat).

The figures of a quick run mean nothing and are not checked (``make bench`` runs the full ones); what fails here
is a bench that no longer starts, crashes, or stops printing the goal its ratio is held against. A new bench is
picked up by the glob, so none can be left out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BENCHES = sorted((ROOT / "bench").glob("bench_*.py"))


def test_the_benches_are_found() -> None:
    assert len(BENCHES) >= 10, BENCHES


@pytest.mark.parametrize("bench", BENCHES, ids=lambda p: p.stem)
def test_the_bench_runs_in_its_quick_mode(bench: Path, shared_data: Path, tmp_path: Path) -> None:
    env = {**os.environ, "CONVLENS_TEST_DATA": str(shared_data), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "TORCH_HOME": str(tmp_path / "torch")}
    run = subprocess.run([sys.executable, str(bench), "--quick"], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "goal" in run.stdout, run.stdout  # each bench says what its figure is held against
    assert "Traceback" not in run.stderr, run.stderr

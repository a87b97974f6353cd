"""Cold start: seconds from launching `convlens` to the main window, to the engine loaded, to the first model in use.

Runs the app offscreen (CONVLENS_STARTUP_REPORT=1 makes it print each step and quit once the model is in use). The
main window is built and shown before torch is imported; goal: up within 3 s. The first run after a cache drop is
the cold one where the OS allows dropping caches (root).

    python bench/bench_cold_start.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def one_run(env: dict[str, str]) -> tuple[float, float, float, bool]:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "convlens.gui.main"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    marks = {}
    assert proc.stdout is not None
    torch_before_window = True
    for line in proc.stdout:
        mark, _, detail = line.strip().partition(" ")
        marks[mark] = time.perf_counter() - start
        if mark == "main-window":
            torch_before_window = not detail.startswith("torch-imported=False")
        if mark == "model-ready":
            break
    proc.wait(timeout=120)
    nan = float("nan")
    return marks.get("main-window", nan), marks.get("engine-ready", nan), marks.get("model-ready", nan), torch_before_window


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="one run, no cache drop: proves the bench runs")
    args = parser.parse_args()
    if args.quick:
        args.runs = 1
    tmp = Path(tempfile.mkdtemp())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CONVLENS_STARTUP_REPORT": "1",
           "XDG_CONFIG_HOME": str(tmp / "config"), "XDG_STATE_HOME": str(tmp / "state"),
           "XDG_CACHE_HOME": str(tmp / "cache")}
    dropped = False
    try:
        if args.quick:
            raise OSError("no cache drop in a quick run")
        subprocess.run(["sync"], check=False)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        dropped = True
    except OSError:
        pass
    for i in range(args.runs):
        window, engine, model, torch_first = one_run(env)
        label = "cold (page cache dropped)" if i == 0 and dropped else "warm"
        print(f"run {i + 1} {label:<26} main window after {window:5.2f} s (goal <= 3 s; torch imported before it: "
              f"{'yes' if torch_first else 'no'}), engine loaded after {engine:5.2f} s, first model in use after "
              f"{model:5.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

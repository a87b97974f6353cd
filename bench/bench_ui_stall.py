"""UI-thread stalls while the engine is busy (goal: p99 <= 50 ms).

Opens the real window offscreen, loads VGG16 (random weights: the heaviest
classic model), classifies a folder of photos on the engine thread and
measures the gaps between the ticks of a 10 ms QTimer on the UI thread.
Prints p50 / p99 / max of the gaps and the p99 against the goal.

    QT_QPA_PLATFORM=offscreen python bench/bench_ui_stall.py [--arch vgg16] [--copies 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402

from convlens.gui.app import make_application  # noqa: E402
from convlens.gui.stall_meter import StallMeter  # noqa: E402

PHOTOS = Path(os.environ.get("CONVLENS_TEST_DATA", ROOT.parent / "shared" / "data")) / "images"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arch", default="vgg16")
    parser.add_argument("--copies", type=int, default=2, help="copies of each photo in the folder")
    parser.add_argument("--quick", action="store_true", help="MobileNetV3-small, one copy: proves the bench runs")
    args = parser.parse_args()
    if args.quick:
        args.arch, args.copies = "mobilenet_v3_small", 1
    if not PHOTOS.is_dir():
        print(f"no photos at {PHOTOS}", file=sys.stderr)
        return 1
    app = make_application()
    from convlens.gui.main_window import MainWindow

    tmp = Path(tempfile.mkdtemp())
    folder = tmp / "photos"
    folder.mkdir()
    for i in range(args.copies):
        for p in PHOTOS.iterdir():
            shutil.copy(p, folder / f"{i}_{p.name}")
    window = MainWindow(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    window.show()
    window.model_panel.set_choice(args.arch, "random")
    while window.model_info is None or window.inside.layer_tree.summary is None:
        app.processEvents()
        time.sleep(0.01)

    meter = StallMeter(10)
    start = time.perf_counter()
    meter.start()
    window.open_paths([str(folder)])
    while window.folder.view.running:
        app.processEvents()
        time.sleep(0.001)
    meter.stop()
    elapsed = time.perf_counter() - start
    n = len(window.folder.view.results)
    p99 = meter.percentile_ms(0.99)
    print(f"{args.arch}: {n} images in {elapsed:.1f} s on the engine thread; {len(meter.gaps)} UI ticks (10 ms timer)")
    print(f"UI gap p50 {meter.percentile_ms(0.5):.1f} ms, p99 {p99:.1f} ms, max {meter.percentile_ms(1.0):.1f} ms")
    print(f"p99 / goal(50 ms) = {p99 / 50:.2f}  (<= 1.00 meets the goal)")
    window.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

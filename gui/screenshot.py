"""Render the window with a real prediction to a PNG (offscreen).

    QT_QPA_PLATFORM=offscreen python -m gui.screenshot --weights FILE --arch mobilenet_v2 \
        --out docs/screenshot.png IMAGE [IMAGE...]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.app import make_application  # noqa: E402


def _wait(app: QApplication, condition: object, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("images", nargs="+")
    parser.add_argument("--arch", default="mobilenet_v2")
    parser.add_argument("--weights", required=True, help="weights file")
    parser.add_argument("--out", default="docs/screenshot.png")
    parser.add_argument("--size", default="1280x800", help="WIDTHxHEIGHT")
    parser.add_argument("--tab", type=int, default=0, help="0 images, 1 folder results, 2 layers")
    args = parser.parse_args(argv)
    app = make_application()
    from gui.main_window import MainWindow

    settings = QSettings(os.path.join(tempfile.mkdtemp(), "shot.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    window.model_panel.set_choice(args.arch, "file", args.weights)
    if not _wait(app, lambda: window.model_info is not None, 120):
        print("the model did not load:", window.banner.text(), file=sys.stderr)
        return 1
    window.open_paths(args.images)
    ok = _wait(app, lambda: window.predictions.top_text() or window.folder_view.results and
               not window.folder_view.running, 120)
    _wait(app, lambda: window.layer_tree.summary is not None, 60)
    _wait(app, lambda: False, 0.5)  # thumbnails
    window.tabs.setCurrentIndex(args.tab)
    _wait(app, lambda: False, 0.2)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    window.grab().save(args.out)
    print(f"{args.out}: {width}x{height}, top-1 {window.predictions.top_text()!r}")
    window.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

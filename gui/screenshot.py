"""Render the window with a real prediction to a PNG (offscreen).

    QT_QPA_PLATFORM=offscreen python -m convlens.gui.screenshot --weights FILE --arch mobilenet_v2 \
        --out docs/screenshot.png IMAGE [IMAGE...]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from convlens.gui.app import make_application
from convlens.gui.i18n import LANGUAGES, install_language


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
    parser.add_argument("images", nargs="*")
    parser.add_argument("--arch", default="mobilenet_v2")
    parser.add_argument("--weights", required=True, help="weights file")
    parser.add_argument("--out", default="docs/screenshot.png")
    parser.add_argument("--size", default="1280x800", help="WIDTHxHEIGHT")
    parser.add_argument("--tab", choices=("images", "folder", "inside", "live", "teach"), default="images",
                        help="the tab shown in the screenshot")
    parser.add_argument("--layer", help="select this layer in the tree (feature maps)")
    parser.add_argument("--cam", action="store_true", help="turn the CAM overlay on")
    parser.add_argument("--filters", action="store_true", help="show the first-layer filters tab")
    parser.add_argument("--live", help="run live mode on this source (camera index, video file, URL) first")
    parser.add_argument("--live-seconds", type=float, default=2.0)
    parser.add_argument("--teach", help="fine-tune on this folder of class subfolders, show the Teach tab")
    parser.add_argument("--lang", default="en", choices=sorted(LANGUAGES), help="the UI language")
    args = parser.parse_args(argv)
    app = make_application()
    install_language(app, args.lang)
    from convlens.gui.main_window import MainWindow

    settings = QSettings(os.path.join(tempfile.mkdtemp(), "shot.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    window.model_panel.set_choice(args.arch, "file", args.weights)
    if not _wait(app, lambda: window.model_info is not None, 120):
        print("the model did not load:", window.banner.text(), file=sys.stderr)
        return 1
    if args.teach:
        window.tabs.setCurrentWidget(window.teach.view)
        window.teach.view.data_edit.setText(args.teach)
        window.teach.view.epochs.setValue(12)
        window.teach.view.train_button.click()
        ok = _wait(app, lambda: window.teach.view.result is not None or not window.teach.view.running, 300)
        window.teach.view.confusion.setCurrentCell(1, 2)
        window.teach.view.show_cell(1, 2)
        _wait(app, lambda: False, 0.3)
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        window.grab().save(args.out)
        r = window.teach.view.result
        print(f"{args.out}: teach, accuracy {r.val_accuracy if r else None}, {window.teach.view.status.text()}")
        window.ask_unsaved = lambda: "discard"  # type: ignore[method-assign]  # the model trained for the picture
        window.close()
        return 0 if r else 1
    if args.live:
        window.tabs.setCurrentWidget(window.live.view)
        window.live.view.cam.setChecked(args.cam)
        window.live.view.source.setEditText(args.live)
        window.live.view.start_button.click()
        _wait(app, lambda: window.live.view.last_result is not None, 60)
        _wait(app, lambda: False, args.live_seconds)
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        window.grab().save(args.out)
        top = window.live.view.last_result.predictions[0].label if window.live.view.last_result else ""
        print(f"{args.out}: live, top-1 {top!r}, {window.live.view.canvas.stats}")
        window.close()
        return 0 if top else 1
    window.open_paths(args.images)
    ok = _wait(app, lambda: window.images.predictions.top_text() or window.folder.view.results and
               not window.folder.view.running, 120)
    _wait(app, lambda: window.inside.layer_tree.summary is not None, 60)
    if args.layer:
        window.tabs.setCurrentWidget(window.inside.widget)
        item = window.inside.layer_tree.item_for(args.layer)
        if item is None:
            print(f"no layer {args.layer}", file=sys.stderr)
            return 1
        window.inside.layer_tree.tree.setCurrentItem(item)
        window.inside.layer_tree.tree.scrollToItem(item)
        _wait(app, lambda: window.inside.feature_view.view is not None, 60)
    if args.filters:
        window.inside.inside_tabs.setCurrentWidget(window.inside.filters_view)
        _wait(app, lambda: bool(window.inside.filters_view.layer), 60)
    if args.cam:
        window.images.cam_controls.turn_on()
        _wait(app, lambda: window.images.image_view.has_overlay(), 60)
    _wait(app, lambda: False, 0.5)  # thumbnails
    pages = {"images": window.images.widget, "folder": window.folder.view, "inside": window.inside.widget,
             "live": window.live.view, "teach": window.teach.view}
    window.tabs.setCurrentWidget(pages[args.tab])
    _wait(app, lambda: False, 0.2)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    window.grab().save(args.out)
    print(f"{args.out}: {width}x{height}, top-1 {window.images.predictions.top_text()!r}")
    window.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

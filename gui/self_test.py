"""``ConvLens --self-test``: prove the (frozen or not) app works, offscreen, in a few seconds.

Starts the window as a new user meets it: the bundled MobileNetV2 (ImageNet,
no download) loads by itself; classifies the bundled kitten photo through the
real engine thread and checks the answer is a real one (tabby), renders the
feature maps of a layer, draws the window offscreen, loads the Korean translations (ConvLens' and Qt's own),
and prints one line. Exit
0 when every step worked, 1 with what failed.
"""

from __future__ import annotations

import os
import sys
import time


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    step = "start"
    try:
        step = "import Qt"
        from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer

        from convlens.gui.app import make_application

        app = make_application()
        step = "import torch"
        import torch
        import torchvision

        step = "find resources"
        from convlens.engine.core.resources import resources_dir

        samples = sorted((resources_dir() / "samples").glob("*.jpg"))
        icon = resources_dir() / "icons" / "convlens.svg"
        if not samples or not icon.is_file():
            raise RuntimeError(f"resources missing in {resources_dir()}")

        step = "open the window"
        import tempfile

        from convlens.gui.main_window import MainWindow

        settings = QSettings(os.path.join(tempfile.mkdtemp(), "self-test.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.show()

        def wait(condition: object, seconds: float) -> bool:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
                if condition():  # type: ignore[operator]
                    return True
                time.sleep(0.01)
            return False

        step = "load the bundled model on the engine thread"
        window.ask_recover = lambda _when: False  # type: ignore[method-assign, assignment]  # a fresh settings file: nothing to recover, no dialog
        window.start()
        if not wait(lambda: window.model_info is not None, 120):
            raise RuntimeError(window.banner.text() or "the model did not load")
        info = window.model_info
        assert info is not None  # waited for above
        if info.source != "ImageNet, bundled":
            raise RuntimeError(f"started with {info.title} ({info.source}), not the bundled model")

        step = "classify a sample photo"
        kitten = resources_dir() / "samples" / "kitten.jpg"
        window.open_paths([str(kitten)])
        if not wait(lambda: window.images.predictions.top_text() != "", 60):
            raise RuntimeError(window.banner.text() or "no prediction")
        if window.images.predictions.top_text() != "tabby":
            raise RuntimeError(f"kitten.jpg is '{window.images.predictions.top_text()}', not 'tabby'")

        step = "feature maps"
        if not wait(lambda: window.inside.layer_tree.summary is not None, 60):
            raise RuntimeError("no layer table")
        window.tabs.setCurrentWidget(window.inside.widget)
        item = window.inside.layer_tree.item_for("features.1")
        if item is None:
            raise RuntimeError("no layer features.1 in the tree")
        window.inside.layer_tree.tree.setCurrentItem(item)
        if not wait(lambda: window.inside.feature_view.view is not None, 60):
            raise RuntimeError(window.inside.feature_view.title.text())
        shown = window.inside.feature_view.view
        assert shown is not None  # waited for above
        channels = shown.maps.channels

        step = "choose the fastest runtime (auto)"
        combo = window.model_panel.runtime_combo
        combo.setCurrentIndex(combo.findData("auto"))  # the engine starts on PyTorch; this is the user's switch
        if not wait(lambda: window.model_info is not None and bool(window.model_info.runtime_reason), 180):
            raise RuntimeError(window.banner.text() or "auto chose no runtime")
        info = window.model_info
        assert info is not None
        runtime = f"{info.runtime_title}; {info.runtime_reason}"

        step = "render the window"
        if window.grab().isNull():
            raise RuntimeError("the window could not be drawn")
        step = "load the Korean translations"  # ours and Qt's own (its file dialogs), from the bundle too
        from convlens.gui.i18n import install_language

        languages = install_language(app, "ko")
        qt_words = ("QFileDialog", "Look in:")  # Qt's words (qtbase_ko), not ours: kept out of our catalogue
        look_in = QCoreApplication.translate(*qt_words)
        install_language(app, "en")
        if languages != ["convlens_ko", "qtbase_ko"] or look_in == qt_words[1]:
            raise RuntimeError(f"Korean loaded {languages}, Qt's file dialog says {look_in!r}")
        window.close()
        QTimer.singleShot(0, QCoreApplication.quit)
        frozen = "frozen" if getattr(sys, "frozen", False) else "source"
        print(f"self-test ok ({frozen}): torch {torch.__version__}, torchvision {torchvision.__version__}, "
              f"{info.device}; {kitten.name} -> top-1 '{window.images.predictions.top_text()}' "
              f"(bundled MobileNetV2); features.1: {channels} channels; {runtime}; Korean: {look_in}; "
              f"{time.perf_counter() - started:.1f} s")
        return 0
    except Exception as exc:
        print(f"self-test FAILED at '{step}': {type(exc).__name__}: {exc}", file=sys.stderr)
        opened = locals().get("window")
        if opened is not None:
            opened.close()  # the engine thread is stopped in order: a failed self-test still exits cleanly
        return 1

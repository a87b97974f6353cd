from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSettings

from convlens.engine.data.datasets import load_mnist
from convlens.gui.app import make_application
from convlens.gui.main_window import MainWindow


@pytest.fixture()
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "convlens.ini"), QSettings.Format.IniFormat)


@pytest.fixture()
def window(qtbot: object, settings: QSettings) -> Iterator[MainWindow]:
    make_application()
    win = MainWindow(settings)
    win.ask_unsaved = lambda: "discard"  # type: ignore[method-assign]  # no modal dialog on close in tests
    win.ask_recover = lambda _when: False  # type: ignore[method-assign]
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.resize(1280, 800)
    win.show()
    win.start()  # as the app does: the remembered (here: default) runtime and model, from a fresh settings file
    # the default model (the bundled MobileNetV2) is in use before a test chooses another: no load races it
    qtbot.waitUntil(lambda: win.model_info is not None, timeout=60_000)  # type: ignore[attr-defined]
    yield win
    win.close()
    # no dangling engine thread
    assert not win.client.engine_thread.isRunning(), "the engine thread outlived its window"




@pytest.fixture(scope="module")
def small_folder(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real MNIST digits 3 / 8, 30 each, saved as PNG into class folders."""
    root = tmp_path_factory.mktemp("teach")
    data = load_mnist(shared_data / "mnist")
    counts = {3: 0, 8: 0}
    for image, label in zip(data.train.images, data.train.labels, strict=True):
        if label in counts and counts[label] < 30:
            (root / f"digit {label}").mkdir(exist_ok=True)
            Image.fromarray(image[:, :, 0]).save(root / f"digit {label}" / f"{counts[label]:02d}.png")
            counts[label] += 1
    return root

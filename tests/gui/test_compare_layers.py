"""Compare -> Compare layers…: linear CKA between the model in use (the bundled MobileNetV2, the app's default) and a
random ResNet-18 on a folder, as a heat map and a table of most alike layers (offscreen)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from convlens.gui.main_window import MainWindow

SHOTS = os.environ.get("CONVLENS_SCREENSHOTS")


def test_compare_layers_in_the_window(qtbot, window: MainWindow, photos: Path) -> None:
    compare = window.compare
    window.tabs.setCurrentWidget(compare.view)
    job = compare.compare_layers(["mobilenet_v2:current", "mobilenet_v2:bundled"], str(photos))
    qtbot.waitUntil(lambda: compare.layers_dialog is not None, timeout=120_000)
    assert job is not None
    dialog = compare.layers_dialog
    diff = dialog.compared.diff
    assert len(diff.images) == 15 and diff.cka.shape == (len(diff.layers[0]), len(diff.layers[1]))
    # the model in use against the same weights loaded again: every layer is most like itself, CKA 1
    assert np.allclose(np.diag(diff.cka), 1.0, atol=1e-4)
    table = dialog.table
    assert table.rowCount() == len(diff.layers[0])
    assert all(table.item(i, 0).text() == table.item(i, 1).text() for i in range(table.rowCount()))
    assert not dialog.picture.pixmap().isNull() and "compared on 15 images" in compare.view.status.text()
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "compare_layers.png"))

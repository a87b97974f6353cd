"""Inside the model -> a channel -> What it wants, on the app's defaults (the bundled MobileNetV2): the made image
and the current image's folder's best examples, then the whole layer's grid, cancelled part-way (offscreen)."""

from __future__ import annotations

import os
from pathlib import Path

from convlens.gui.main_window import MainWindow
from tests.gui.helpers import drop_files

SHOTS = os.environ.get("CONVLENS_SCREENSHOTS")


def test_what_a_channel_wants_in_the_window(qtbot, window: MainWindow, photos: Path) -> None:
    drop_files(window, [photos / "metal_animal-3.jpg"])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "lion", timeout=30_000)
    inside = window.inside
    window.tabs.setCurrentWidget(inside.widget)
    qtbot.waitUntil(lambda: inside.layer_tree.summary is not None, timeout=30_000)
    inside.layer_tree.tree.setCurrentItem(inside.layer_tree.item_for("features.4"))
    qtbot.waitUntil(lambda: inside.feature_view.view is not None, timeout=20_000)
    view = inside.feature_view
    assert view.wants_button.isEnabled()
    channel = view.selected_channel
    view.wants_button.click()
    dialog = inside.wants_dialog
    assert dialog is not None and dialog.channel == channel and dialog.folder.text() == str(photos)
    qtbot.waitUntil(lambda: dialog.wanted is not None, timeout=120_000)
    assert dialog.wanted.steps == 256 and dialog.wanted.image.shape == (128, 128, 3)
    qtbot.waitUntil(lambda: dialog.examples is not None, timeout=60_000)  # the current image's folder, at once
    assert len(dialog.examples.examples) == 9 and not dialog.tiles.pixmap().isNull()
    best = dialog.examples.examples[0].activation
    assert dialog.wanted.activation > 3 * best
    assert "times that" in dialog.made_caption.text()
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "what_it_wants.png"))
    # the whole layer: channels arrive one by one; cancel stops it with the grid so far. The button is enabled when
    # the examples job has finished, an event after the one that showed its examples: a click before is ignored
    qtbot.waitUntil(dialog.whole_layer.isEnabled, timeout=30_000)
    dialog.whole_layer.click()
    qtbot.waitUntil(lambda: len(dialog.layer_images) >= 2, timeout=120_000)
    dialog.cancel.click()
    qtbot.waitUntil(lambda: dialog.whole_layer.isEnabled(), timeout=60_000)
    assert 2 <= len(dialog.layer_images) < 32 and dialog.grid_scroll.isVisible()
    # the channel made first is cached: asking again answers at once
    first = inside.show_wants("features.4", channel)
    qtbot.waitUntil(lambda: first.wanted is not None, timeout=5_000)

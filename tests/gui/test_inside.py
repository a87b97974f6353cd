"""Feature maps, filters and the CAM overlay in the window (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint

from convlens.gui.main_window import MainWindow
from tests.gui.helpers import drop_files, load


def test_selecting_a_layer_renders_its_feature_grid(qtbot, window: MainWindow, mobilenet_file: Path,
                                                    photos: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    drop_files(window, [photos / "metal_animal-3.jpg"])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "lion", timeout=20_000)
    qtbot.waitUntil(lambda: window.inside.layer_tree.summary is not None, timeout=30_000)
    window.tabs.setCurrentWidget(window.inside.widget)
    item = window.inside.layer_tree.item_for("features.3")
    window.inside.layer_tree.tree.setCurrentItem(item)
    qtbot.waitUntil(lambda: window.inside.feature_view.view is not None, timeout=20_000)
    view = window.inside.feature_view.view
    assert view.maps.layer == "features.3" and view.maps.shape == (24, 56, 56)
    assert not window.inside.feature_view.grid.pixmap().isNull()
    assert "24 channels of 56×56" in window.inside.feature_view.title.text()
    # clicking the second tile shows that channel large with its range
    th, tw = view.tile_size
    window.inside.feature_view.grid.clicked.emit(QPoint(view.gap + tw + view.gap + tw // 2, view.gap + th // 2))
    assert window.inside.feature_view.selected_channel == view.channels[1]
    assert "rank 2 of 24" in window.inside.feature_view.detail_text.text()

    # a 1280-channel layer is paged, 64 at a time
    window.inside.layer_tree.tree.setCurrentItem(window.inside.layer_tree.item_for("features.18"))
    qtbot.waitUntil(lambda: window.inside.feature_view.view is not None and window.inside.feature_view.view.maps.layer == "features.18",
                    timeout=20_000)
    assert window.inside.feature_view.view.pages == 20 and len(window.inside.feature_view.view.channels) == 64
    window.inside.feature_view.next_button.click()
    qtbot.waitUntil(lambda: window.inside.feature_view.view.page == 1, timeout=20_000)

    # the first convolution's filters
    qtbot.waitUntil(lambda: window.inside.filters_view.layer == "features.0.0", timeout=20_000)
    assert "32 kernels of 3×3" in window.inside.filters_view.title.text()


def test_cam_overlay_toggles(qtbot, window: MainWindow, mobilenet_file: Path, photos: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    drop_files(window, [photos / "dog_samoyed.jpg"])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "Samoyed", timeout=20_000)
    assert not window.images.image_view.has_overlay()
    window.images.cam_controls.enabled.setChecked(True)
    qtbot.waitUntil(window.images.image_view.has_overlay, timeout=30_000)
    info = window.images.cam_controls.info
    assert info.text().startswith("Samoyed @ features · MobileNetV2")
    # the map's faithfulness follows, scored by the engine (the same numbers as engine.inspect.faithfulness gives)
    qtbot.waitUntil(lambda: "faithfulness" in info.text(), timeout=30_000)
    from convlens.engine.data.images import load_image
    from convlens.engine.inspect.activations import class_activation_map
    from convlens.engine.inspect.faithfulness import faithfulness
    from convlens.engine.weights.load import load_weights

    loaded = load_weights("mobilenet_v2", str(mobilenet_file))
    x = loaded.preprocess(load_image(photos / "dog_samoyed.jpg"))[None]
    cam, index, _ = class_activation_map(loaded.model.eval(), x, "features")
    expected = faithfulness(loaded.model, x, cam, index)
    assert f"deletion {expected.deletion_auc:.2f}↓ insertion {expected.insertion_auc:.2f}↑" in info.text()
    # auto: the most faithful of the candidate layers, scored
    controls = window.images.cam_controls
    controls.layer_combo.setCurrentIndex(1)
    controls.layer_combo.activated.emit(1)
    qtbot.waitUntil(lambda: info.text().startswith("Samoyed @ features ·") and "faithfulness" in info.text(),
                    timeout=60_000)
    controls.layer_combo.setCurrentIndex(0)
    # explain the second class instead
    window.images.cam_controls.class_combo.setCurrentIndex(2)
    window.images.cam_controls.class_combo.activated.emit(2)
    qtbot.waitUntil(lambda: window.images.cam_controls.info.text().startswith("Pomeranian"), timeout=30_000)
    window.images.cam_controls.opacity.setValue(80)
    assert window.images.image_view.overlay_opacity == 0.8
    window.images.cam_controls.enabled.setChecked(False)
    assert not window.images.image_view.has_overlay()


def test_torchscript_model_says_the_inside_needs_the_torch_model(qtbot, window: MainWindow, shared_data: Path,
                                                                 photos: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(shared_data / "models" / "mobilenet_v2_quantized_torchscript.pt"))
    drop_files(window, [photos / "metal_animal-3.jpg"])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "lion", timeout=20_000)
    window.images.cam_controls.enabled.setChecked(True)
    qtbot.waitUntil(lambda: "TorchScript" in window.banner.text(), timeout=20_000)
    qtbot.waitUntil(lambda: "TorchScript" in window.inside.filters_view.title.text(), timeout=20_000)


def test_learn_panel_works_out_the_selected_layer(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """GoogLeNet: an Inception module shows its 1x1 bottlenecks with their real widths and seed 004's example; a
    convolution inside it shows the output-size formula and the counts; the numbers are the engine's."""
    load(qtbot, window, "googlenet", "random")
    window.tabs.setCurrentWidget(window.inside.widget)
    qtbot.waitUntil(lambda: window.inside.explanation is not None and window.inside.layer_tree.summary is not None,
                    timeout=60_000)
    tree = window.inside.layer_tree
    tree.tree.setCurrentItem(tree.item_for("inception3a"))
    text = window.inside.learn.text()
    assert "inception3a — Inception module" in text
    assert "branch1 (64), branch2 (128), branch3 (32), branch4 (32) = 256 channels" in text
    assert "28×28×96 × 1×1×192 = 14,450,688" in text  # branch2's 1x1 reduction to 96
    assert "160,563,200" in text and "43,352,064" in text  # seed 004, counted right
    assert "3×3 convolution in the branch the paper draws as 5×5" in text

    tree.tree.setCurrentItem(tree.item_for("inception3a.branch2.1"))  # a BasicConv2d: its conv is explained
    text = window.inside.learn.text()
    conv = window.inside.explanation.layers["inception3a.branch2.1.conv"]
    assert "(H + 2P − F) / S + 1 = (28 + 2×1 − 3) / 1 + 1 = 28" in text
    assert f"3×3×96×128 = {conv.formula_params():,}" in text
    assert f"{conv.mults:,}" in text and "inception3a — Inception module" in text  # and its block below
    window.grab().save(str(tmp_path / "learn.png"))

"""What the window shows must be true: the model in use, messages that do not move things, odd files."""

from __future__ import annotations

from pathlib import Path

import pytest

from convlens.gui.main_window import MainWindow
from tests.gui.helpers import drop_files, load
from tests.odd_corpus import build_corpus


def test_a_banner_never_moves_the_layout(qtbot, window: MainWindow) -> None:
    before = window.tabs.geometry()
    window.show_error("A long message " * 30)
    assert window.banner.isVisible() and window.tabs.geometry() == before
    assert window.banner.geometry().bottom() < window.banner.parentWidget().height()
    window.banner.hide()
    assert window.tabs.geometry() == before


def test_title_about_and_random_weights_say_what_they_are(qtbot, window: MainWindow) -> None:
    from convlens.engine import __version__

    assert f"ConvLens {__version__}" in window.about_text()
    load(qtbot, window, "resnet18", "random")
    assert window.windowTitle() == "ResNet-18 (random)"  # Qt adds " — ConvLens" once, itself
    assert "random (untrained) weights" in window.banner.text() and window.banner.kind == "info"
    assert window.model_panel.in_use.toolTip() == "ResNet-18 (random)"


def test_the_panel_names_the_model_in_use_after_an_arch_change_and_a_failed_load(
        qtbot, window: MainWindow, mobilenet_file: Path, tmp_path: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    panel = window.model_panel
    assert panel.in_use.toolTip() == "MobileNetV2 (file mobilenet_v2_imagenet.pth)"
    # another architecture while "From a file": its file is not tried on ResNet-18
    with qtbot.assertNotEmitted(panel.load_requested, wait=300):
        panel.arch_combo.setCurrentIndex(panel.arch_index("resnet18"))
    assert panel.weights_kind == panel.KIND_PRETRAINED and panel.download_button.isVisible()
    assert window.model_info.arch == "mobilenet_v2" and panel.in_use.toolTip().startswith("MobileNetV2")
    # a file that fails: the choice goes back to the model still running
    garbage = tmp_path / "garbage.pth"
    garbage.write_bytes(b"not a checkpoint" * 10)
    panel.set_weights_file(str(garbage))
    qtbot.waitUntil(lambda: "garbage.pth" in window.banner.text(), timeout=20_000)
    assert "stays in use: MobileNetV2" in window.banner.text()
    assert panel.arch == "mobilenet_v2" and panel.weights_file == str(mobilenet_file)
    assert panel.in_use.toolTip().startswith("MobileNetV2")


@pytest.mark.slow
def test_the_odd_corpus_dropped_on_the_window_gives_results_or_messages(
        qtbot, window: MainWindow, mobilenet_file: Path, photos: Path, tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    expected = build_corpus(folder, photos / "dog_samoyed.jpg")
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    drop_files(window, [folder])
    listed = [n for n in expected if (folder / n).is_file()]
    qtbot.waitUntil(lambda: not window.folder.view.running and len(window.folder.view.results) == len(listed),
                    timeout=240_000)
    by_name = {Path(r.source).name: r for r in window.folder.view.results}
    for name in listed:
        assert bool(by_name[name].error) == (expected[name] is not None), (name, by_name[name].error)
    assert window.width() <= 1280 + 1  # a long skipped list never widens the window
    window.folder.view.only_skipped.setChecked(True)
    assert window.folder.view.proxy.rowCount() == sum(1 for n in listed if expected[n] is not None)
    # the extreme shapes one by one in the gallery: each classified
    extremes = ["line_100000x1.png", "strip_2x50000.png", "big_100mp.png", "animated.gif"]
    drop_files(window, [folder / n for n in extremes])
    for row, name in enumerate(extremes):
        window.images.thumbnails.setCurrentRow(row)
        qtbot.waitUntil(lambda name=name: window.images.image_view.caption.startswith(name) and
                        window.images.predictions.top_text() != "", timeout=60_000)
    assert "only the first is used" in window.banner.text()

"""The Compare tab: the current photo through several models, in aligned columns, cancellable, errors as messages."""

from __future__ import annotations

from pathlib import Path

from convlens.gui.main_window import MainWindow
from tests.gui.conftest import load
from tests.gui.test_main_window import drop_files


def test_compare_columns_on_the_current_photo(qtbot, window: MainWindow, mobilenet_file: Path, photos: Path,
                                              tmp_path: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    drop_files(window, [photos / "dog_samoyed.jpg"])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "Samoyed", timeout=30_000)
    view = window.compare.view
    window.tabs.setCurrentWidget(view)
    first, second, third, fourth = view.slots
    first.arch.setCurrentIndex(first.arch.findData("mobilenet_v2"))
    first.set_file(str(mobilenet_file))
    second.arch.setCurrentIndex(second.arch.findData("lenet5"))
    second.weights.setCurrentIndex(second.weights.findData("random"))
    third.use.setChecked(False)
    fourth.use.setChecked(False)
    assert view.specs() == [f"mobilenet_v2:{mobilenet_file}", "lenet5:random"]
    view.compare_button.click()
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=120_000)
    texts = view.column_texts()
    assert len(texts) == 2 and "3,504,872 parameters" in texts[0] and texts[0].endswith(
        ", ".join(f"{p.label} {100 * p.probability:.1f}%" for p in view.comparison.columns[0].predictions[0]))
    assert view.comparison.columns[0].predictions[0][0].label == "Samoyed"
    assert view.comparison.columns[0].cam_layer == "features" and view.comparison.columns[1].cam_layer
    assert view.compare_button.isEnabled() and not view.cancel_button.isEnabled()
    window.grab().save(str(tmp_path / "compare.png"))


def test_compare_says_what_is_wrong(qtbot, window: MainWindow, photos: Path) -> None:
    view = window.compare.view
    window.tabs.setCurrentWidget(view)
    view.compare_button.click()  # no image yet
    assert "Open an image first" in window.banner.text()
    window.images.current_source = lambda: b"not an image"  # type: ignore[method-assign]  # a broken paste
    view.compare_button.click()
    qtbot.waitUntil(lambda: view.compare_button.isEnabled(), timeout=30_000)
    assert view.status.text() == "pasted image: not an image file, or a format that cannot be read."
    for slot in view.slots[1:]:
        slot.use.setChecked(False)
    window.images.current_source = lambda: str(photos / "fish.png")  # type: ignore[method-assign]
    view.compare_button.click()  # one model only: the engine refuses, the view resets
    qtbot.waitUntil(lambda: view.compare_button.isEnabled(), timeout=30_000)
    assert view.status.text() == "Compare 2 to 4 models (got 1)."

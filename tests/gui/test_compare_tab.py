"""The Compare tab: the current photo through several models, in aligned columns, cancellable, errors as messages."""

from __future__ import annotations

from pathlib import Path

from convlens.gui.main_window import MainWindow
from tests.gui.helpers import drop_files, load, two_models


def test_compare_columns_on_the_current_photo(qtbot, window: MainWindow, mobilenet_file: Path, photos: Path,
                                              tmp_path: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    drop_files(window, [photos / "dog_samoyed.jpg"])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "Samoyed", timeout=30_000)
    view = window.compare.view
    window.tabs.setCurrentWidget(view)
    two_models(view, mobilenet_file)
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


def test_compare_on_the_live_frame(qtbot, window: MainWindow, mobilenet_file: Path, photos: Path,
                                   tmp_path: Path) -> None:
    from tests.live_video import write_video

    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    view = window.compare.view
    two_models(view, mobilenet_file)
    view.source.setCurrentIndex(view.source.findData("live"))
    view.compare_button.click()  # no live frame yet: said, nothing runs
    assert "Start the Live tab first" in window.banner.text() and view.comparison is None
    video = write_video(tmp_path / "samoyed.avi", [photos / "dog_samoyed.jpg"] * 3)
    lv = window.live.view
    window.tabs.setCurrentWidget(lv)
    lv.source.setEditText(str(video))
    lv.start_button.click()
    qtbot.waitUntil(lambda: lv.last_result is not None, timeout=20_000)
    lv.pause_button.click()
    qtbot.waitUntil(lambda: lv.paused_on is not None, timeout=10_000)
    frame = lv.last_result.frame.index
    window.tabs.setCurrentWidget(view)
    view.compare_button.click()
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=120_000)
    assert view.comparison.images == (f"live frame {frame}",)
    assert view.comparison.columns[0].predictions[0][0].label == lv.last_result.predictions[0].label == "Samoyed"
    assert abs(view.comparison.columns[0].predictions[0][0].probability
               - lv.last_result.predictions[0].probability) < 0.02  # the same pixels the live model saw
    assert not view.image_choice.isVisible()
    assert view.status.text() == "The models give different answers." and window.banner.text() == ""
    qtbot.wait(100)
    window.grab().save(str(tmp_path / "compare-live.png"))
    lv.start_button.click()  # stop
    qtbot.waitUntil(lambda: not lv.running, timeout=20_000)


def test_compare_on_a_folder_picks_the_image_shown(qtbot, window: MainWindow, mobilenet_file: Path, photos: Path,
                                                   tmp_path: Path, monkeypatch) -> None:
    import shutil

    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "few"
    folder.mkdir()
    for name in ("dog_samoyed.jpg", "kitten_224.png"):
        shutil.copy(photos / name, folder / name)
    (folder / "broken.jpg").write_bytes(b"not a jpeg")
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    view = window.compare.view
    window.tabs.setCurrentWidget(view)
    two_models(view, mobilenet_file)
    view.source.setCurrentIndex(view.source.findData("folder"))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    view.compare_button.click()
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=120_000)
    c = view.comparison
    assert [Path(p).name for p in c.images] == ["dog_samoyed.jpg", "kitten_224.png"]
    assert [a[0].label for a in c.columns[0].predictions] == ["Samoyed", "tabby"]
    assert "Left out 1 unreadable files: broken.jpg." in view.status.text()
    assert view.image_choice.count() == 2 and view.image_choice.isVisibleTo(view)
    assert view.column_texts()[0].split("ms per image ")[1].startswith("Samoyed")
    view.image_choice.setCurrentIndex(1)
    assert view.column_texts()[0].split("ms per image ")[1].startswith("tabby")
    assert "kitten_224.png" in view.image_choice.currentText()
    qtbot.wait(200)
    window.grab().save(str(tmp_path / "compare-folder.png"))


def test_the_model_in_use_can_be_a_slot_and_slots_are_remembered(qtbot, window, settings, photos) -> None:
    """Issue 26: the current (trained, unsaved) model could not be compared; the slots were forgotten."""
    from convlens.gui.main_window import MainWindow

    window.images.set_gallery([str(photos / "dog_samoyed.jpg")])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "Samoyed", timeout=30_000)
    slots = window.compare.view.slots
    slots[0].restore({"use": True, "arch": "lenet5", "weights": "current"})
    for slot in slots[2:]:
        slot.use.setChecked(False)
    assert slots[0].spec() == "current" and not slots[0].arch.isEnabled()
    window.tabs.setCurrentWidget(window.compare.view)
    window.compare.start([s for s in (slot.spec() for slot in slots) if s], 0.5)
    qtbot.waitUntil(lambda: window.compare.job is not None and not window.compare.job.is_running, timeout=180_000)
    comparison = window.compare.view.comparison
    assert comparison is not None, window.banner.text()
    assert str(comparison.columns[0].title) == "MobileNetV2 (ImageNet, bundled)"
    assert comparison.columns[0].predictions[0][0].label == "Samoyed"
    window.close()
    again = MainWindow(settings)
    again.ask_recover = lambda _when: False
    qtbot.addWidget(again)
    assert again.compare.view.slots[0].spec() == "current"
    assert [s.use.isChecked() for s in again.compare.view.slots] == [True, True, False, False]
    again.close()

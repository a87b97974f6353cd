"""Live mode in the window, on video made from the shared photos (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest

from convlens.gui.jobs import wait_for
from convlens.gui.main_window import MainWindow
from tests.gui.helpers import load
from tests.live_video import truncate, write_video

pytestmark = pytest.mark.serial  # live rates: run alone (make test)


@pytest.fixture(scope="module")
def video(photos: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("video")
    return write_video(folder / "samoyed_then_tabby.avi", [photos / "dog_samoyed.jpg", photos / "kitten_224.png"])


def start(window: MainWindow, source: str) -> None:
    window.tabs.setCurrentWidget(window.live.view)
    window.live.view.source.setEditText(source)
    window.live.view.start_button.click()


def test_live_prediction_switches_from_samoyed_to_tabby(qtbot, window: MainWindow, mobilenet_file: Path,
                                                        video: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    start(window, str(video))
    lv = window.live.view
    qtbot.waitUntil(lambda: lv.last_result is not None, timeout=20_000)
    assert lv.last_result.predictions[0].label == "Samoyed"
    assert lv.running and lv.start_button.text() == "Stop"
    qtbot.waitUntil(lambda: lv.last_result.predictions[0].label == "tabby", timeout=20_000)
    assert lv.frames_shown > 30 and lv.canvas.frame is not None
    assert "capture" in lv.canvas.stats and "inference" in lv.canvas.stats
    qtbot.waitUntil(lambda: not lv.running, timeout=20_000)  # the file ended
    assert lv.start_button.text() == "Start" and "stopped" in lv.canvas.stats
    assert window.banner.text() == ""


def test_pause_freezes_the_frame_and_feature_maps_use_it(qtbot, window: MainWindow, mobilenet_file: Path,
                                                         video: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    start(window, str(video))
    lv = window.live.view
    qtbot.waitUntil(lambda: lv.last_result is not None, timeout=20_000)
    lv.pause_button.click()
    assert lv.paused
    def frozen_on_the_engines_frame() -> bool:  # the engine's current image is the frame the view froze on
        key = wait_for(window.client.submit(lambda session: session.current_key, name="probe"), timeout=10)
        return lv.last_result is not None and key == f"live frame {lv.last_result.frame.index}"

    qtbot.waitUntil(lambda: lv.paused_on is not None, timeout=10_000)  # the engine confirmed where it stopped
    frozen = lv.last_result
    assert frozen is lv.paused_on and frozen_on_the_engines_frame()
    qtbot.wait(300)
    assert lv.last_result is frozen and frozen_on_the_engines_frame()  # nothing new while paused
    qtbot.waitUntil(lambda: window.inside.layer_tree.summary is not None, timeout=30_000)
    window.tabs.setCurrentWidget(window.inside.widget)
    window.inside.layer_tree.tree.setCurrentItem(window.inside.layer_tree.item_for("features.2"))
    qtbot.waitUntil(lambda: window.inside.feature_view.view is not None, timeout=20_000)
    assert window.inside.feature_view.view.maps.shape == (24, 56, 56)
    out = Path(window.settings.store.fileName()).parent / "snap.png"
    assert lv.save_snapshot(str(out))
    qtbot.waitUntil(lambda: out.is_file() and out.stat().st_size > 1000, timeout=10_000)
    lv.pause_button.click()
    qtbot.waitUntil(lambda: lv.last_result is not frozen, timeout=20_000)
    lv.start_button.click()  # stop
    qtbot.waitUntil(lambda: not lv.running, timeout=20_000)


def test_failing_source_stops_with_a_message_and_reconnect_works(qtbot, window: MainWindow, mobilenet_file: Path,
                                                                 video: Path, tmp_path: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    broken = truncate(video, tmp_path / "unplugged.avi", 0.3)
    start(window, str(broken))
    lv = window.live.view
    qtbot.waitUntil(lambda: "unplugged.avi stopped after frame" in window.banner.text(), timeout=30_000)
    assert not lv.running and lv.start_button.text() == "Reconnect"
    # a camera that is not there
    start(window, "7")
    qtbot.waitUntil(lambda: "Camera 7 cannot be opened" in window.banner.text(), timeout=30_000)
    assert not lv.running
    # reconnect to a working source
    start(window, str(video))
    qtbot.waitUntil(lambda: lv.running and lv.last_result is not None, timeout=20_000)
    lv.start_button.click()
    qtbot.waitUntil(lambda: not lv.running, timeout=20_000)


def test_hold_to_record_writes_class_folders(qtbot, window: MainWindow, mobilenet_file: Path, video: Path,
                                             tmp_path: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    lv = window.live.view
    lv.set_dataset(str(tmp_path / "rps"))
    lv.rate.setValue(20)
    start(window, str(video))
    qtbot.waitUntil(lambda: lv.running and lv.record_button.isEnabled(), timeout=20_000)
    for name in ("rock", "paper"):
        lv.class_name.setText(name)
        lv.record_button.pressed.emit()
        qtbot.waitUntil(lambda name=name: len(list((tmp_path / "rps" / name).glob("*.jpg"))) >= 5, timeout=10_000)
        lv.record_button.released.emit()
    def shown() -> dict[str, str]:
        return dict(item.split(": ") for item in (lv.counts.item(i).text() for i in range(lv.counts.count())))

    # the list refreshes while recording and once more after the release (the capture thread may write one
    # more frame): wait for that final count rather than reading whichever refresh came first
    qtbot.waitUntil(lambda: set(shown()) == {"paper", "rock"} and all(int(n) >= 5 for n in shown().values()),
                    timeout=5_000)
    counts = shown()
    assert set(counts) == {"paper", "rock"} and all(int(n) >= 5 for n in counts.values())
    assert len(list((tmp_path / "rps" / "rock").glob("*.jpg"))) == int(counts["rock"])
    lv.start_button.click()
    qtbot.waitUntil(lambda: not lv.running, timeout=20_000)


def test_r_records_anywhere_but_while_typing_and_delete_asks_first(qtbot, window: MainWindow, mobilenet_file: Path,
                                                                  video: Path, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    lv = window.live.view
    lv.set_dataset(str(tmp_path / "rps"))
    lv.rate.setValue(20)
    start(window, str(video))
    qtbot.waitUntil(lambda: lv.running and lv.record_button.isEnabled(), timeout=20_000)
    # typing an R into the class field types it, and Enter hands the keyboard back
    lv.class_name.setFocus()
    QApplication.processEvents()
    qtbot.keyClicks(lv.class_name, "rock")
    assert lv.class_name.text() == "rock" and lv.recording_class is None
    qtbot.keyClick(lv.class_name, Qt.Key.Key_Return)
    assert not lv.class_name.hasFocus()
    # with the focus on a button elsewhere, holding R records
    lv.mirror.setFocus()
    qtbot.keyPress(lv.mirror, Qt.Key.Key_R)
    assert lv.recording_class == "rock"
    qtbot.waitUntil(lambda: len(list((tmp_path / "rps" / "rock").glob("*.jpg"))) >= 3, timeout=10_000)
    qtbot.keyRelease(lv.mirror, Qt.Key.Key_R)
    assert lv.recording_class is None
    qtbot.wait(400)  # the capture thread may write one more after the release
    recorded = len(list((tmp_path / "rps" / "rock").glob("*.jpg")))
    assert recorded >= 3
    lv.refresh_counts()
    qtbot.waitUntil(lambda: lv.counts.count() == 1 and lv.counts.item(0).text() == f"rock: {recorded}",
                    timeout=5_000)
    # delete asks first, for what exists ("last 1000" of 7 asks about 7); "no" deletes nothing, "yes" deletes,
    # says so as success, and removes the empty folder
    asked: list[int] = []
    lv.confirm_delete = lambda name, n: asked.append(n) or False
    lv.delete_n.setValue(1000)
    lv.delete_button.click()  # "no": nothing is submitted, so nothing can have happened by now
    assert asked == [recorded] and len(list((tmp_path / "rps" / "rock").glob("*.jpg"))) == recorded
    lv.confirm_delete = lambda name, n: True
    lv.delete_button.click()
    qtbot.waitUntil(lambda: "Deleted" in window.banner.text(), timeout=5_000)
    assert window.banner.kind == "info" and f"Deleted {recorded} samples of rock" in window.banner.text()
    assert not (tmp_path / "rps" / "rock").exists()  # no empty class folder left to break training
    lv.start_button.click()
    qtbot.waitUntil(lambda: not lv.running, timeout=20_000)


def test_pause_holds_a_file_source_where_it_is(qtbot, window: MainWindow, mobilenet_file: Path, video: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    start(window, str(video))
    lv = window.live.view
    qtbot.waitUntil(lambda: lv.last_result is not None, timeout=20_000)
    lv.pause_button.click()
    qtbot.waitUntil(lambda: lv.paused_on is not None, timeout=10_000)
    frozen = lv.paused_on.frame.index
    qtbot.wait(1500)  # a file source would have moved on by ~45 frames at 30 fps
    lv.pause_button.click()
    qtbot.waitUntil(lambda: lv.last_result is not None and lv.last_result.frame.index != frozen, timeout=10_000)
    assert lv.last_result.frame.index - frozen < 20  # resumed where it stopped, not 1.5 s later
    lv.start_button.click()
    qtbot.waitUntil(lambda: not lv.running, timeout=20_000)


def test_snapshot_keeps_the_frame_shown_at_the_click(qtbot, window: MainWindow, mobilenet_file: Path, video: Path,
                                                     tmp_path: Path) -> None:
    import cv2
    import numpy as np
    from PIL import Image

    moving = tmp_path / "moving.avi"  # every frame differs: a bar moves across
    writer = cv2.VideoWriter(str(moving), cv2.VideoWriter_fourcc(*"MJPG"), 30.0, (320, 240))
    for i in range(150):
        frame = np.zeros((240, 320, 3), np.uint8)
        frame[:, (2 * i) % 320 : (2 * i) % 320 + 20] = 255
        writer.write(frame)
    writer.release()
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    start(window, str(moving))
    lv = window.live.view
    qtbot.waitUntil(lambda: lv.frames_shown > 5, timeout=20_000)
    at_click: list[np.ndarray] = []
    out = tmp_path / "snap.png"

    def slow_dialog() -> str:  # the user takes a second to choose the file; the video moves on meanwhile
        at_click.append(lv.snapshot_image())
        qtbot.wait(1000)
        return str(out)

    lv.ask_snapshot_path = slow_dialog
    before = lv.snapshot_image()
    lv.snapshot.click()
    qtbot.waitUntil(out.is_file, timeout=10_000)
    saved = np.asarray(Image.open(out).convert("RGB"))
    assert np.array_equal(saved, before)  # the frame of the click, not of the dialog's end
    assert not np.array_equal(lv.snapshot_image(), before)  # (the video did move on meanwhile)
    lv.start_button.click()
    qtbot.waitUntil(lambda: not lv.running, timeout=20_000)


def test_live_cam_overlays_the_frame_it_explains(qtbot, window: MainWindow, mobilenet_file: Path, video: Path) -> None:
    """CAM on in the window: the map comes with the answer of the same pass and is painted over that frame."""
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    lv = window.live.view
    lv.cam.setChecked(True)
    start(window, str(video))
    qtbot.waitUntil(lambda: lv.canvas.cam is not None and lv.last_result is not None, timeout=20_000)
    shown = lv.frames_shown
    qtbot.waitUntil(lambda: lv.frames_shown >= shown + 12, timeout=20_000)
    assert "inference 0.0 fps" not in lv.canvas.stats  # the figures follow the CAM's frames (they stood still)
    assert lv.canvas.result is not None and lv.canvas.result.predictions[0].label in ("Samoyed", "tabby")
    picture = lv.grab()
    assert not picture.isNull() and picture.width() > 300
    lv.start_button.click()  # stop
    qtbot.waitUntil(lambda: not lv.running, timeout=20_000)

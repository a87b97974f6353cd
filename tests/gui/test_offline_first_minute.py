"""The first minute, offline (issue 25): the app opens with the bundled model, *Try a sample* shows a real
prediction, CAM and feature maps, and the webcam idea works end to end with no network: record rock / paper /
scissors in Live (a video file as the camera), train in Teach on the bundled backbone, see it classify live.

Every socket connection fails during these tests, so nothing here can lean on a download."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from convlens.engine.core.resources import resources_dir
from convlens.gui.main_window import MainWindow
from tests.live_video import write_video

pytestmark = pytest.mark.serial  # records and classifies live: run alone (make test)

SAMPLES = resources_dir() / "samples"
CLASSES = {"rock": "lion.jpg", "paper": "sports_car.jpg", "scissors": "kitten.jpg"}


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(101, "Network is unreachable (test: offline)")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture(scope="module")
def class_videos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("rps-video")
    return {name: write_video(folder / f"{name}.avi", [SAMPLES / photo], seconds_each=6.0)
            for name, photo in CLASSES.items()}


def _start_live(qtbot, window: MainWindow, source: Path) -> None:
    lv = window.live.view
    window.tabs.setCurrentWidget(lv)
    lv.source.setEditText(str(source))
    lv.start_button.click()
    qtbot.waitUntil(lambda: lv.running and lv.last_result is not None, timeout=60_000)


def _stop_live(qtbot, window: MainWindow) -> None:
    lv = window.live.view
    if lv.running:
        lv.start_button.click()
    qtbot.waitUntil(lambda: not lv.running, timeout=20_000)


def test_the_app_opens_with_the_bundled_model_and_a_sample_is_one_click_away(qtbot, window: MainWindow) -> None:
    info = window.model_info
    assert (info.arch, info.source, len(info.labels)) == ("mobilenet_v2", "ImageNet, bundled", 1000)
    assert window.model_panel.in_use.text().replace("\u200b", "") == "MobileNetV2 (ImageNet, bundled)"
    button = window.images.image_view.sample_button
    assert button.isVisible() and button.text() == "Try a sample"
    button.click()
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "tabby", timeout=30_000)  # kitten.jpg, first
    assert not button.isVisible() and len(window.images.gallery_paths()) == len(list(SAMPLES.glob("*.jpg")))
    window.images.cam_controls.enabled.setChecked(True)
    qtbot.waitUntil(window.images.image_view.has_overlay, timeout=30_000)
    window.tabs.setCurrentWidget(window.inside.widget)
    qtbot.waitUntil(lambda: window.inside.layer_tree.item_for("features.17") is not None, timeout=30_000)
    window.inside.layer_tree.tree.setCurrentItem(window.inside.layer_tree.item_for("features.17"))
    fv = window.inside.feature_view
    qtbot.waitUntil(lambda: fv.view is not None and fv.view.maps.layer == "features.17", timeout=30_000)
    assert "320 channels of 7×7" in fv.title.text() and not fv.grid.pixmap().isNull()


def test_record_train_and_classify_live_with_no_network(qtbot, window: MainWindow, class_videos: dict[str, Path],
                                                        tmp_path: Path) -> None:
    lv = window.live.view
    lv.set_dataset(str(tmp_path / "rps"))
    for name, video in class_videos.items():  # each class in front of the "camera" in turn
        _start_live(qtbot, window, video)
        lv.class_name.setText(name)
        lv.record_button.pressed.emit()
        qtbot.waitUntil(lambda name=name: len(list((tmp_path / "rps" / name).glob("*.jpg"))) >= 15, timeout=30_000)
        lv.record_button.released.emit()
        _stop_live(qtbot, window)

    teach = window.teach.view
    window.tabs.setCurrentWidget(teach)
    teach.use_recorded.click()  # the folder the Live tab recorded into
    assert teach.data_edit.text() == str(tmp_path / "rps")
    teach.train_button.click()  # the Teach tab's own defaults, on the bundled backbone
    qtbot.waitUntil(lambda: teach.result is not None or not teach.running, timeout=300_000)
    assert teach.result is not None, window.banner.text()
    assert set(window.model_info.labels) == set(CLASSES) and window.unsaved_model
    assert teach.result.val_accuracy >= 0.9

    for name in ("scissors", "rock"):  # and it classifies live
        _start_live(qtbot, window, class_videos[name])
        qtbot.waitUntil(lambda name=name: lv.last_result is not None and lv.last_result.predictions[0].label == name,
                        timeout=30_000)
        _stop_live(qtbot, window)
    assert "download" not in window.banner.text().lower()

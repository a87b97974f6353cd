"""Project files and autosave (issue 25): a session saved after training reopens with every tab as it was; a damaged
or newer project is refused and changes nothing; a kill during training is offered back at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from convlens.engine.weights.project import FORMAT_VERSION, read_project
from convlens.gui.app import make_application
from convlens.gui.main_window import MainWindow
from convlens.gui.projects import autosave_dir


def _tabs(window: MainWindow) -> dict:
    """What a person sees in each tab, as text and numbers."""
    teach = window.teach.view
    confusion = [[teach.confusion.item(r, c).text() for c in range(teach.confusion.columnCount())]
                 for r in range(teach.confusion.rowCount())]
    return {
        "model": window.model_info.title, "labels": window.model_info.labels,
        "unknown": window.model_info.unknown,
        "gallery": window.images.gallery_paths(), "current": window.images.current_key,
        "top": window.images.predictions.top_text(), "layer": window.inside.selected_layer,
        "data": teach.data_edit.text(), "epochs": teach.epochs.value(), "lr": teach.lr.value(),
        "hflip": teach.hflip.isChecked(), "far": teach.far_spin.value(),
        "curves": [(e.epoch, round(e.val_acc, 6), round(e.train_loss, 6)) for e in teach.curves.history],
        "confusion": confusion, "per_class": teach.per_class.text(), "diagnosis": teach.diagnosis.toPlainText()
        if hasattr(teach.diagnosis, "toPlainText") else teach.diagnosis.text(),
        "calibration": teach.reliability.caption.text(), "unknown_caption": teach.unknown_view.caption.text(),
        "mistakes": teach.mistakes_button.isEnabled(),
        "compare": [(s.use.isChecked(), s.arch.currentData(), s.weights.currentData()) for s in window.compare.view.slots],
        "folder": sorted(r.source for r in window.folder.results()),
    }


def _train(qtbot, window: MainWindow, folder: Path, epochs: int = 3) -> None:
    teach = window.teach.view
    window.tabs.setCurrentWidget(teach)
    teach.data_edit.setText(str(folder))
    teach.epochs.setValue(epochs)
    teach.hflip.setChecked(False)
    teach.train_button.click()
    qtbot.waitUntil(lambda: teach.result is not None or not teach.running, timeout=180_000)
    assert teach.result is not None, window.banner.text()


def test_a_project_saved_after_training_reopens_with_every_tab_as_it_was(
        qtbot, window: MainWindow, small_folder: Path, photos: Path, tmp_path: Path, settings) -> None:
    assert window.model_info.source == "ImageNet, bundled"  # the default model: training starts from it offline
    _train(qtbot, window, small_folder)
    assert window.unsaved_model
    gallery = [str(photos / "dog_samoyed.jpg"), str(photos / "fish.png")]
    window.images.set_gallery(gallery, gallery[1])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() in ("digit 3", "digit 8"), timeout=30_000)
    window.folder.classify([photos])
    qtbot.waitUntil(lambda: not window.folder.view.running and len(window.folder.results()) == 15, timeout=120_000)
    window.tabs.setCurrentWidget(window.inside.widget)
    qtbot.waitUntil(lambda: window.inside.layer_tree.item_for("features.3") is not None, timeout=30_000)
    window.inside.layer_tree.tree.setCurrentItem(window.inside.layer_tree.item_for("features.3"))
    qtbot.waitUntil(lambda: window.inside.selected_layer == "features.3", timeout=10_000)
    window.compare.view.slots[1].use.setChecked(False)
    before = _tabs(window)
    assert before["curves"] and before["confusion"] and before["diagnosis"]

    path = tmp_path / "digits.convlens"
    job = window.projects.save(str(path))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert path.is_file() and not window.unsaved_model and window.projects.path == str(path)
    assert str(path) in window.settings.recent("recent_projects")
    project = read_project(path)
    assert project.model["kind"] == "trained" and project.has_checkpoint and project.run is not None
    window.close()

    # a new window, as after a restart: open the project (what a double-click or `convlens digits.convlens` does)
    again = MainWindow(settings)
    again.ask_unsaved = lambda: "discard"
    again.ask_recover = lambda _when: False
    qtbot.addWidget(again)
    again.resize(1280, 800)
    again.show()
    again.start()
    qtbot.waitUntil(lambda: again.model_info is not None, timeout=60_000)
    again.open_paths([str(path)])
    qtbot.waitUntil(lambda: again.model_info.labels == ("digit 3", "digit 8"), timeout=60_000)
    qtbot.waitUntil(lambda: again.images.predictions.top_text() == before["top"]
                    and len(again.folder.results()) == 15 and again.inside.selected_layer == "features.3",
                    timeout=120_000)
    after = _tabs(again)
    for key, value in before.items():
        assert after[key] == value, key
    assert not again.unsaved_model and "digits.convlens" in again.windowTitle()
    again.grab().save(str(tmp_path / "reopened.png"))
    again.close()


def test_damaged_and_newer_projects_are_refused_and_change_nothing(qtbot, window: MainWindow, tmp_path: Path) -> None:
    good = tmp_path / "good.convlens"
    job = window.projects.save(str(good))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    data = good.read_bytes()
    truncated = tmp_path / "truncated.convlens"
    truncated.write_bytes(data[: len(data) // 2])
    newer = tmp_path / "newer.convlens"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(newer, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "manifest.json":
                body = body.replace(b'"version": 1', f'"version": {FORMAT_VERSION + 1}'.encode())
            dst.writestr(item, body)
    bad_json = tmp_path / "badjson.convlens"
    with zipfile.ZipFile(bad_json, "w") as dst:
        dst.writestr("manifest.json", b"{not json")
    missing = tmp_path / "missing.convlens"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(missing, "w") as dst:
        manifest = src.read("manifest.json").replace(b'"members": []', b'"members": ["model.pth"]')
        dst.writestr("manifest.json", manifest)
    expected = {truncated: "damaged", newer: "newer ConvLens", bad_json: "not valid JSON", missing: "model.pth missing"}
    model = window.model_info
    for path, words in expected.items():
        job = window.projects.open(str(path))
        with qtbot.waitSignal(job.finished, timeout=30_000):
            pass
        assert words in window.banner.text() and path.name in window.banner.text(), (path.name, window.banner.text())
        assert window.model_info is model and window.projects.path == str(good)  # nothing changed


def _child_script(settings_file: Path, folder: Path) -> str:
    return textwrap.dedent(f"""
        import sys, time
        from PySide6.QtCore import QSettings
        from convlens.gui.app import make_application
        from convlens.gui.main_window import MainWindow
        app = make_application()
        w = MainWindow(QSettings({str(settings_file)!r}, QSettings.Format.IniFormat))
        w.ask_recover = lambda when: False
        w.show(); w.start()
        def wait(cond, seconds):
            end = time.monotonic() + seconds
            while time.monotonic() < end and not cond():
                app.processEvents()
                time.sleep(0.01)
            return cond()
        assert wait(lambda: w.model_info is not None, 120)
        teach = w.teach.view
        teach.data_edit.setText({str(folder)!r})
        teach.epochs.setValue(500)
        teach.patience.setValue(0)
        teach.hflip.setChecked(True)  # augmentation: slow epochs, no feature cache, still training when killed
        teach.train_button.click()
        assert wait(lambda: len(teach.curves.history) >= 1, 300)
        assert wait(lambda: w.projects.autosave_path.is_file(), 30)
        print("training", flush=True)
        wait(lambda: False, 600)
    """)


@pytest.mark.slow
def test_a_kill_during_training_is_offered_back_at_the_next_start(qtbot, settings, small_folder: Path,
                                                                  tmp_path: Path) -> None:
    settings_file = Path(settings.fileName())
    child = subprocess.Popen([sys.executable, "-c", _child_script(settings_file, small_folder)],
                             stdout=subprocess.PIPE, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        line = child.stdout.readline()
        assert line.strip() == "training", "the child never reached its training"
        autosave = autosave_dir() / f"session-{child.pid}.convlens"
        assert autosave.is_file()
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
    time.sleep(0.2)
    offered: list[str] = []
    make_application()
    window = MainWindow(settings)
    window.ask_unsaved = lambda: "discard"
    window.ask_recover = lambda when: offered.append(when) or True
    qtbot.addWidget(window)
    window.show()
    window.start()  # the offer comes once the engine has loaded (recovering opens a project on it)
    qtbot.waitUntil(lambda: bool(offered), timeout=60_000)
    qtbot.waitUntil(lambda: window.teach.view.data_edit.text() == str(small_folder), timeout=60_000)
    assert window.teach.view.epochs.value() == 500 and window.teach.view.hflip.isChecked()
    assert "Recovered the session of" in window.banner.text() and "did not finish" in window.banner.text()
    assert not autosave.exists()  # moved aside: the next start does not offer it again
    window.close()

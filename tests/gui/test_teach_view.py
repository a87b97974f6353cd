"""Teaching from the window: curves, confusion matrix, the model swapped (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from convlens.engine.data.datasets import load_mnist
from convlens.engine.training.diagnose import diagnose
from convlens.gui.jobs import wait_for
from convlens.gui.main_window import MainWindow
from tests.gui.helpers import drop_files, load


def test_fine_tune_in_the_window_swaps_the_model(qtbot, window: MainWindow, mobilenet_file: Path,
                                                 small_folder: Path, tmp_path: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    teach = window.teach.view
    window.tabs.setCurrentWidget(teach)
    teach.data_edit.setText(str(small_folder))
    teach.epochs.setValue(8)
    teach.train_button.click()
    assert teach.running and teach.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: len(teach.curves.history) >= 1, timeout=60_000)  # curves appear as epochs end
    qtbot.waitUntil(lambda: teach.result is not None, timeout=120_000)
    assert teach.confusion.rowCount() == 2 and teach.confusion.columnCount() == 2
    total = sum(int(teach.confusion.item(r, c).text()) for r in range(2) for c in range(2))
    assert total == 12  # 20% of 2 x 30
    assert teach.result.val_accuracy >= 0.8
    # the diagnosis says what the engine found, with its numbers: 24 training images a class is too few
    assert [f.kind for f in diagnose(teach.result)][-1] != "healthy"
    assert "Few images" in teach.diagnosis.text() and "digit 3 (24), digit 8 (24)" in teach.diagnosis.text()
    assert "Try: more images per class" in teach.diagnosis.text()
    # calibration on the validation split: 12 images cannot support a temperature; the tab says so and how many
    assert teach.result.loaded.temperature == 1.0
    assert teach.charts.isTabEnabled(1) and "validation, 12 images" in teach.reliability.caption.text()
    assert "too few to calibrate on" in teach.reliability.caption.text()
    teach.show_cell(0, 0)
    assert teach.cell_files.count() == int(teach.confusion.item(0, 0).text())
    # every mistake, most confident first: as many as the confusion matrix's off-diagonal cells count
    wrong = total - sum(int(teach.confusion.item(i, i).text()) for i in range(2))
    teach.mistakes_button.click()
    assert teach.cell_files.count() == wrong
    shown = [float(teach.cell_files.item(i).text().rsplit(" ", 1)[1].rstrip("%")) for i in range(wrong)]
    assert shown == sorted(shown, reverse=True)
    # the new model is the current one: classifying shows the new class names
    qtbot.waitUntil(lambda: window.model_info is not None and window.model_info.labels == ("digit 3", "digit 8"),
                    timeout=10_000)
    drop_files(window, [sorted((small_folder / "digit 8").iterdir())[0]])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() in ("digit 3", "digit 8"), timeout=20_000)
    # and it can be saved
    out = tmp_path / "digits.pth"
    assert window.unsaved_model and "not saved" in window.model_panel.in_use.text()
    job = window.save_checkpoint(str(out))
    with qtbot.waitSignal(job.finished, timeout=20_000):
        pass
    assert out.is_file() and not window.unsaved_model


def test_cancel_keeps_the_previous_model(qtbot, window: MainWindow, mobilenet_file: Path, small_folder: Path,
                                         photos: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    teach = window.teach.view
    teach.data_edit.setText(str(small_folder))
    teach.epochs.setValue(30)
    teach.rotation.setValue(15)  # augmentation: no cache, slow enough to cancel mid-way
    assert "cannot be computed once" in teach.aug_note.text()
    teach.train_button.click()
    qtbot.waitUntil(lambda: teach.progress.maximum() > 1 and teach.progress.value() >= 1, timeout=60_000)
    teach.cancel_button.click()
    qtbot.waitUntil(lambda: not teach.running, timeout=30_000)
    assert teach.result is None and "cancelled" in teach.status.text()
    assert len(window.model_info.labels) == 1000
    drop_files(window, [photos / "dog_samoyed.jpg"])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "Samoyed", timeout=20_000)


def test_jargon_carries_its_glossary_entry(window: MainWindow) -> None:
    """Dropout, patience, learning rate, backbone...: the control and its form label explain the term."""
    teach, live = window.teach.view, window.live.view
    assert "<b>Dropout</b>" in teach.dropout.toolTip() and "over-fitting" in teach.dropout.toolTip()
    form = teach.dropout.parentWidget().layout()
    assert form.labelForField(teach.dropout).toolTip() == teach.dropout.toolTip()
    assert "<b>Early stopping</b>" in teach.patience.toolTip()
    assert "<b>Learning rate</b>" in teach.lr.toolTip() and "<b>Input size</b>" in teach.image_size.toolTip()
    assert "<b>Backbone</b>" in teach.unfreeze.toolTip()
    assert "<b>Data augmentation</b>" in teach.rotation.parentWidget().toolTip()  # the Augmentation group
    assert "<b>Centre crop</b>" in live.crop.toolTip() and "<b>Class activation map (CAM)</b>" in live.cam.toolTip()
    assert "<b>Recording samples</b>" in live.record_button.parentWidget().toolTip()  # the Record samples group


def test_bad_training_folder_is_a_message(qtbot, window: MainWindow, mobilenet_file: Path, tmp_path: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    (tmp_path / "only_one_class").mkdir()
    window.teach.view.data_edit.setText(str(tmp_path))
    window.teach.view.train_button.click()
    qtbot.waitUntil(lambda: "at least 2 class subfolders" in window.banner.text(), timeout=20_000)
    assert not window.teach.view.running


def test_quitting_with_an_unsaved_trained_model_asks_first(qtbot, window: MainWindow) -> None:
    window.ctx.unsaved_model = True
    answers = ["cancel"]
    window.ask_unsaved = lambda: answers.pop(0)
    window.close()
    assert window.isVisible()  # cancelled: nothing lost
    window.ask_unsaved = lambda: "discard"
    window.close()
    assert not window.isVisible()


def test_evaluate_a_folder_in_the_teach_tab_then_open_a_cell_image_with_its_cam(
        qtbot, window: MainWindow, mobilenet_file: Path, photos: Path, tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "eval"
    for folder, files in {"Samoyed": ["dog_samoyed.jpg", "helloworld_android_a.jpg"],
                          "tabby": ["kitten_224.png", "kitten_seg.jpg"], "not a class": ["fish.png"]}.items():
        (root / folder).mkdir(parents=True)
        for f in files:
            shutil.copy(photos / f, root / folder / f)
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    job = window.teach.evaluate_folder(str(root))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    teach = window.teach.view
    assert window.tabs.currentWidget() is teach
    report = teach.report
    assert report.total == 4 and report.accuracy(1) == 0.75  # the Android photo is taken for an Eskimo dog
    assert teach.confusion.rowCount() == 2 and teach.confusion.columnCount() == 3  # Samoyed, tabby, (other)
    assert teach.confusion.horizontalHeaderItem(2).text() == "(other)"
    assert "top-1 accuracy 75.0%" in teach.per_class.text() and "not a class" in teach.per_class.text()
    teach.mistakes_button.click()  # every wrong answer of the evaluation, most confident first
    assert teach.cell_paths() == [v.source for v in teach.report.misclassified()] and teach.cell_paths()
    teach.show_cell(0, 2)  # Samoyed predicted as something else
    assert teach.cell_paths() == [str(root / "Samoyed" / "helloworld_android_a.jpg")]
    qtbot.waitUntil(lambda: not teach.cell_files.item(0).icon().isNull(), timeout=20_000)
    teach.cell_files.itemClicked.emit(teach.cell_files.item(0))  # a mistake: both classes' maps, side by side
    panel = teach.mistake
    predicted = report.labels[report.misclassified()[0].predicted[0]]
    assert panel.isVisible() and panel.classes == (predicted, "Samoyed") and predicted != "Samoyed"
    qtbot.waitUntil(lambda: all(p.pixmap() is not None and not p.pixmap().isNull() for p in panel.pictures),
                    timeout=30_000)
    images = [p.pixmap().toImage() for p in panel.pictures]
    assert images[0].size() == images[1].size() and images[0] != images[1]  # two classes, two different maps
    qtbot.wait(100)
    panel.grab().save(str(tmp_path / "mistake.png"))
    # the maps themselves differ (not only the pixels), computed on the engine thread for the named classes

    def maps(session) -> tuple:
        from convlens.engine.inspect.activations import class_activation_map

        predictor = session.torch_predictor
        x = predictor.prepare([session.open_image(panel.path)])
        labels = list(predictor.labels)
        return tuple(class_activation_map(predictor.model, x, session.default_cam_layer(), labels.index(c))[:2]
                     for c in (predicted, "Samoyed"))

    (cam_p, index_p), (cam_t, index_t) = wait_for(window.client.submit(maps, name="probe"), timeout=30)
    assert report.labels[index_p] == predicted and report.labels[index_t] == "Samoyed"
    assert abs(cam_p - cam_t).max() > 0.1
    panel.open_button.click()  # and the image itself, with the CAM of its answer, in the Images tab
    qtbot.waitUntil(lambda: window.images.image_view.has_overlay(), timeout=30_000)
    assert window.tabs.currentWidget() is window.images.widget
    assert window.images.image_view.caption.startswith("helloworld_android_a.jpg")


def test_check_data_before_training(qtbot, window: MainWindow, photos: Path, tmp_path: Path) -> None:
    """Check data: the report of the training folder in a dialog, duplicates and all (the engine's findings)."""
    import shutil

    for name in ("dogs", "cats"):
        (tmp_path / name).mkdir()
    shutil.copy(photos / "dog_samoyed.jpg", tmp_path / "dogs" / "a.jpg")
    shutil.copy(photos / "dog_samoyed.jpg", tmp_path / "dogs" / "b.jpg")
    shutil.copy(photos / "kitten_224.png", tmp_path / "cats" / "c.png")
    teach = window.teach.view
    window.tabs.setCurrentWidget(teach)
    teach.data_edit.setText(str(tmp_path))
    teach.check_button.click()
    qtbot.waitUntil(lambda: window.teach.health_dialog is not None and teach.check_button.isEnabled(), timeout=30_000)
    text = window.teach.health_dialog.text()
    assert "2 classes, 3 files: cats 1, dogs 2" in text
    assert "Identical files — groups: 1, extra copies: 1" in text and "dogs/a.jpg = " in text
    assert "Few images: fewer than 30 in cats (1), dogs (2)" in text
    window.teach.health_dialog.close()
    teach.data_edit.setText("")
    teach.check_button.click()
    assert "Choose a training folder" in window.banner.text()


def test_unknown_threshold_tuned_on_a_folder_then_shown_and_moved(qtbot, window: MainWindow, mobilenet_file: Path,
                                                                  photos: Path, shared_data: Path,
                                                                  tmp_path: Path) -> None:
    """Tune on a held-out folder (three ImageNet classes and 40 handwritten digits of no class): the curve, the
    threshold meeting the target, an "unknown" verdict for a digit, a lower threshold for a looser target, off."""
    import shutil

    root = tmp_path / "held out"
    for folder, files in {"Samoyed": ["dog_samoyed.jpg"], "tabby": ["kitten_224.png", "kitten_seg.jpg"],
                          "sports car": ["metal_car-1.jpg", "metal_car-2.jpg", "metal_car-3.jpg"]}.items():
        (root / folder).mkdir(parents=True)
        for f in files:
            shutil.copy(photos / f, root / folder / f)
    (root / "_unknown").mkdir()
    digits = load_mnist(shared_data / "mnist")
    for i in range(40):
        Image.fromarray(digits.val.images[i][:, :, 0]).convert("RGB").save(root / "_unknown" / f"{i:02d}.png")
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    teach = window.teach.view
    job = window.teach.tune_unknown(str(root), 0.1)
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    rule = window.model_info.unknown
    assert rule is not None and rule.target_far == 0.1 and rule.far <= 0.1 and rule.outside == 40
    assert rule.impostors == 41  # the 40 digits and the sports car taken for a minivan
    assert f"{100 * rule.threshold:.1f}%" in teach.unknown_view.caption.text()
    window.tabs.setCurrentWidget(teach)  # the chart is drawn once it is shown: the chosen point on the curve
    teach.charts.setCurrentIndex(2)
    assert teach.unknown_view.built and teach.unknown_view.isVisible()
    assert teach.unknown_view.chosen.getData()[0].tolist() == [pytest.approx(100 * rule.far)]
    window.tabs.setCurrentIndex(0)
    assert window.unsaved_model  # the threshold is part of the model: saving keeps it
    # a digit is none of ImageNet's classes: "unknown"; a lion is a lion
    drop_files(window, [root / "_unknown" / "05.png"])
    qtbot.waitUntil(lambda: "Unknown" in window.images.predictions.headline.text(), timeout=20_000)
    drop_files(window, [photos / "metal_animal-3.jpg"])
    qtbot.waitUntil(lambda: window.images.predictions.headline.text() == "lion", timeout=20_000)
    # a looser target moves the threshold down along the same curve; 0 turns it off
    with qtbot.waitSignal(window.ctx.model_changed, timeout=10_000):
        teach.far_spin.setValue(20.0)
    looser = window.model_info.unknown
    assert looser is not None and looser.threshold < rule.threshold and looser.far <= 0.2
    with qtbot.waitSignal(window.ctx.model_changed, timeout=10_000):
        teach.far_spin.setValue(0.0)
    assert window.model_info.unknown is None and "target off" in teach.unknown_view.caption.text()


def test_data_map_click_lasso_move_and_undo(qtbot, window: MainWindow, mobilenet_file: Path, photos: Path,
                                            tmp_path: Path) -> None:
    """The data map of a folder: a dot per image; a click opens it with its CAM; a lasso around the cars and Move
    puts their files in another class folder; Undo puts them back (nothing deleted)."""
    import shutil

    from PySide6.QtCore import QPointF

    root = tmp_path / "photos"
    for folder, files in {"Samoyed": ["dog_samoyed.jpg", "helloworld_ios.jpg"],
                          "tabby": ["kitten_224.png", "kitten_seg.jpg"],
                          "sports car": ["metal_car-1.jpg", "metal_car-2.jpg", "metal_car-3.jpg"]}.items():
        (root / folder).mkdir(parents=True)
        for f in files:
            shutil.copy(photos / f, root / folder / f)
    before = sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    job = window.teach.data_map(str(root))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    dialog = window.teach.map_dialog
    assert dialog is not None and dialog.isVisible() and len(dialog.scatter.points()) == 7
    assert "1280 features" in dialog.caption.text()
    # lasso: a box around the three cars' dots
    cars = [i for i, s in enumerate(dialog.sources) if "metal_car" in s]
    xy = dialog.embedding.points[cars]
    pad = 1e-3 + 0.01 * float(np.ptp(dialog.embedding.points))
    (x0, y0), (x1, y1) = xy.min(0) - pad, xy.max(0) + pad
    dialog.select_polygon([QPointF(x0, y0), QPointF(x1, y0), QPointF(x1, y1), QPointF(x0, y1)])
    assert set(cars) <= set(np.flatnonzero(dialog.selected).tolist())
    chosen = [dialog.sources[i] for i in np.flatnonzero(dialog.selected)]
    dialog.target.setCurrentText("minivan")  # a new class folder
    dialog.move_button.click()
    qtbot.waitUntil(dialog.undo_button.isEnabled, timeout=20_000)
    assert all((root / "minivan" / Path(p).name).is_file() for p in chosen)
    assert "minivan" in dialog.class_names()
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: not dialog.undo_button.isEnabled(), timeout=20_000)
    assert sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file()) == before
    # a click on a dot opens the image with its CAM
    dialog.image_chosen.emit(list(dialog.sources), dialog.sources[cars[0]])
    qtbot.waitUntil(lambda: window.images.image_view.has_overlay(), timeout=30_000)
    assert window.images.image_view.caption.startswith(Path(dialog.sources[cars[0]]).name)


def test_bundle_for_a_bigger_machine_and_load_what_comes_back(qtbot, window: MainWindow, mobilenet_file: Path,
                                                              photos: Path, tmp_path: Path, monkeypatch) -> None:
    import json

    from PySide6.QtWidgets import QFileDialog

    from convlens.engine.weights.checkpoints import save_checkpoint
    from convlens.engine.weights.load import load_weights

    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    teach = window.teach.view
    window.tabs.setCurrentWidget(teach)
    teach.bundle_action.trigger()  # no data folder yet: said, nothing written
    assert "Choose a training folder first" in teach.status.text()
    teach.set_data_folder(str(photos))
    teach.epochs.setValue(4)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    teach.bundle_action.trigger()
    qtbot.waitUntil(lambda: "Training bundle written" in teach.status.text(), timeout=30_000)
    folder = tmp_path / f"convlens-training-{photos.name}"
    manifest = json.loads((folder / "bundle.json").read_text())
    assert manifest["arch"] == "mobilenet_v2" and manifest["weights"] == f"weights/{mobilenet_file.name}"
    assert manifest["config"]["epochs"] == 4 and "--epochs" in manifest["command"]
    assert (folder / "run.sh").stat().st_mode & 0o111 and (folder / "weights" / mobilenet_file.name).is_file()
    # the model trained there comes back as a checkpoint that names its architecture
    trained = tmp_path / "model.pth"
    save_checkpoint(trained, load_weights("lenet5", "random"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(trained), ""))
    teach.load_trained_action.trigger()
    qtbot.waitUntil(lambda: window.ctx.model_info is not None and window.ctx.model_info.arch == "lenet5",
                    timeout=60_000)

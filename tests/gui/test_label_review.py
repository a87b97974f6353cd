"""Teach -> Find wrong labels, on the app's defaults (the bundled MobileNetV2): the planted mistakes first, each with
two CAMs; Move to the likely class and Not a mistake, each undone (pytest-qt, offscreen)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from convlens.gui.main_window import MainWindow

SHOTS = os.environ.get("CONVLENS_SCREENSHOTS")  # a folder: the dialog is saved there to be looked at


def test_find_move_keep_and_undo(qtbot, window: MainWindow, mislabelled_digits, tmp_path: Path) -> None:
    source, planted = mislabelled_digits
    root = tmp_path / "digits"
    shutil.copytree(source, root)
    planted = {str(root / Path(p).relative_to(source)) for p in planted}
    teach = window.teach.view
    window.tabs.setCurrentWidget(teach)
    teach.data_edit.setText(str(root))
    teach.labels_button.click()
    assert not teach.labels_button.isEnabled()
    qtbot.waitUntil(lambda: window.teach.label_dialog is not None, timeout=60_000)
    dialog = window.teach.label_dialog
    assert teach.labels_button.isEnabled()
    first = [dialog.list.item(i).data(256) for i in range(min(8, dialog.list.count()))]
    assert planted <= {s.path for s in first}
    assert "suspect labels" in dialog.summary.text() and dialog.conflicts.count() >= 1
    # the first suspect's two CAMs arrive
    qtbot.waitUntil(lambda: all(p.pixmap() is not None and not p.pixmap().isNull() for p in dialog.pictures),
                    timeout=20_000)
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "label_review.png"))

    # move a planted one to its likely class, then undo
    row = next(i for i in range(dialog.list.count()) if dialog.list.item(i).data(256).path in planted)
    dialog.list.setCurrentRow(row)
    suspect = dialog.list.currentItem().data(256)
    likely = dialog.review.classes[suspect.likely]
    assert dialog.move_button.text() == f"Move to {likely}"
    count = dialog.list.count()
    dialog.move_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == count - 1, timeout=10_000)
    moved_to = root / likely / Path(suspect.path).name
    assert moved_to.is_file() and not Path(suspect.path).exists()
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == count, timeout=10_000)
    assert Path(suspect.path).is_file() and not moved_to.exists()
    # not a mistake: off the list, the file untouched; undo brings it back
    kept = dialog.list.currentItem().data(256)
    dialog.keep_button.click()
    assert dialog.list.count() == count - 1 and Path(kept.path).is_file()
    assert kept.path not in {dialog.list.item(i).data(256).path for i in range(dialog.list.count())}
    dialog.undo_button.click()
    assert dialog.list.count() == count
    assert sorted(p.name for p in (root / "digit_0").iterdir()) == sorted(p.name for p in (source / "digit_0").iterdir())

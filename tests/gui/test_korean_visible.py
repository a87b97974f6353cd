"""In Korean mode no visible text is an English sentence (issue 26): every tab with a real model and image, and the
dialogs a learner opens (Glossary, About), are read widget by widget. Names stay (ResNet, ImageNet, PyTorch, file
names, numbers); three English words in a row do not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
)

from convlens.engine.core.resources import resources_dir
from convlens.gui.app import make_application
from convlens.gui.i18n import install_language
from convlens.gui.main_window import MainWindow
from tests.gui.helpers import english_sentence, visible_texts


#: Words that are names, not English: architectures, libraries, formats, the model's own layer and class names.
@pytest.fixture()
def korean_window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    app = make_application()
    if "convlens_ko" not in install_language(app, "ko"):
        pytest.skip("resources/translations/convlens_ko.qm is not built: `make test` builds it (pyside6-lrelease)")
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window.ask_unsaved = lambda: "discard"
    window.ask_recover = lambda _when: False
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.model_info is not None, timeout=60_000)
    yield window
    window.close()
    install_language(QApplication.instance(), "en")


def test_no_visible_english_sentence_in_korean_mode(qtbot, korean_window: MainWindow) -> None:
    window = korean_window
    window.images.set_gallery([str(resources_dir() / "samples" / "kitten.jpg")])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() != "", timeout=30_000)
    window.images.cam_controls.enabled.setChecked(True)
    qtbot.waitUntil(window.images.image_view.has_overlay, timeout=30_000)
    found: list[str] = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(300)
        for kind, text in visible_texts(window):
            sentence = english_sentence(text)
            if sentence:
                found.append(f"{window.tabs.tabText(index)} / {kind}: {sentence!r} in {text[:80]!r}")
    from convlens.gui.glossary import GlossaryDialog

    dialog = GlossaryDialog(window)
    dialog.show()
    for kind, text in visible_texts(dialog):
        sentence = english_sentence(text)
        if sentence:
            found.append(f"Glossary / {kind}: {sentence!r}")
    dialog.close()
    assert not found, "\n".join(sorted(set(found)))


def test_the_detector_finds_english_and_lets_names_pass() -> None:
    assert english_sentence("Drop images or a folder here") == "Drop images or"
    assert english_sentence("MobileNetV2 (ImageNet, bundled) · 155 ms · PyTorch f32") is None
    assert english_sentence("이미지를 여기에 놓으세요: kitten_224.png, /tmp/a b/c.jpg") is None

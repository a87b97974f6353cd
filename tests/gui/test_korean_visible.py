"""In Korean mode no visible text is an English sentence (issue 26): every tab with a real model and image, and the
dialogs a learner opens (Glossary, About), are read widget by widget. Names stay (ResNet, ImageNet, PyTorch, file
names, numbers); three English words in a row do not."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from convlens.engine.core.resources import resources_dir
from convlens.gui.app import make_application
from convlens.gui.i18n import install_language
from convlens.gui.main_window import MainWindow

#: Words that are names, not English: architectures, libraries, formats, the model's own layer and class names.
NAMES = {
    "resnet", "imagenet", "pytorch", "torchvision", "openvino", "onnx", "runtime", "grad", "cam", "layercam", "cpu",
    "cuda", "mps", "mobilenet", "mobilenetv2", "bundled", "viridis", "inferno", "magma", "jet", "turbo", "gray",
    "relu", "softmax", "dropout", "linear", "dense", "adam", "sgd", "rmsprop", "vgg", "alexnet", "lenet", "googlenet",
    "inception", "efficientnet", "nasnet", "se", "top", "fps", "ms", "mb", "gb", "px", "jpg", "png", "ok", "tabby",
    "cat", "tiger", "egyptian", "persian", "lynx", "sequential", "conv", "invertedresidual", "bn", "batchnorm", "none",
    "f32", "bf16", "ece", "bgr", "rtsp", "http", "csv", "torchscript", "keras", "h5",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def english_sentence(text: str) -> str | None:
    """The first run of three or more English words in ``text`` that are not names, else None."""
    text = re.sub(r"<[^>]+>", " ", text)  # markup
    text = re.sub(r"\S+\.(?:jpg|jpeg|png|pth|pt|onnx|h5|csv|avi|mp4|convlens)\b", " ", text, flags=re.I)  # files
    text = re.sub(r"(?:/|[A-Za-z]:\\)\S+", " ", text)  # paths
    run: list[str] = []
    for token in re.split(r"(\s+)", text):
        if not token.strip():
            continue
        words = _WORD.fullmatch(token.strip(".,:;()[]\"'!?…"))
        if words and words.group(0).lower().strip("'’-") not in NAMES and len(words.group(0)) > 1:
            run.append(words.group(0))
            if len(run) >= 3:
                return " ".join(run)
        else:
            run = []
    return None


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        name = type(w).__name__
        if isinstance(w, QLabel):
            yield name, w.text()
        elif isinstance(w, QAbstractButton):
            yield name, w.text()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, QComboBox):
            yield name, w.currentText()
        elif isinstance(w, QTextBrowser):
            yield name, w.toPlainText()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield name, w.tabText(i)


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

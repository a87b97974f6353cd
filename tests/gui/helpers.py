"""What several GUI tests do: drop files on the window as the window system does, load a model, set up the Compare
tab, find visible English in a Korean window."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
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

from convlens.gui.main_window import MainWindow


def drop_files(window: MainWindow, paths: list[Path]) -> None:
    """A real drag-enter + drop with file URLs, as the window system sends them."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(window.width() / 2, window.height() / 2)
    with warnings.catch_warnings():  # PySide 6.12 marks the only constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()


def two_models(view, mobilenet_file: Path) -> None:
    """MobileNetV2 (the shared weights) and a random LeNet-5; the other two slots off."""
    first, second, third, fourth = view.slots
    first.arch.setCurrentIndex(first.arch.findData("mobilenet_v2"))
    first.set_file(str(mobilenet_file))
    second.arch.setCurrentIndex(second.arch.findData("lenet5"))
    second.weights.setCurrentIndex(second.weights.findData("random"))
    third.use.setChecked(False)
    fourth.use.setChecked(False)


def load(qtbot: object, window: MainWindow, arch: str, kind: str, path: str = "", timeout: int = 120_000) -> None:
    """Choose a model in the panel and wait until the engine has it."""
    before = window.model_info
    window.model_panel.set_choice(arch, kind, path)
    qtbot.waitUntil(lambda: window.model_info is not None and window.model_info is not before,  # type: ignore[attr-defined]
                    timeout=timeout)


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

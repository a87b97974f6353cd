"""Shared test set-up: offscreen Qt, private TORCH_HOME/QSettings, the real-data fixture."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

# Before anything can import Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

if TYPE_CHECKING:
    from convlens.engine.data.datasets import Split

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA_ENV = "CONVLENS_TEST_DATA"

# ImageNet top-1 of the shared MobileNetV2 weights on the shared photos where
# it is confident (>= 0.5; see ../shared/data/README.md).
CONFIDENT_PHOTOS = {
    "dog_samoyed.jpg": "Samoyed",
    "fish.png": "tench",
    "kitten_224.png": "tabby",
    "kitten_seg.jpg": "tabby",
    "kitten_winml.png": "tabby",
    "metal_animal-1.jpg": "tiger",
    "metal_animal-2.jpg": "tusker",
    "metal_animal-3.jpg": "lion",
    "metal_car-1.jpg": "sports car",
    "metal_car-2.jpg": "sports car",
    "metal_car-3.jpg": "minivan",
    "metal_kitten_small.jpg": "tabby",
}


@pytest.fixture(autouse=True)
def _private_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's torch cache or settings."""
    home = tmp_path_factory.mktemp("torch_home")
    monkeypatch.setenv("TORCH_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))  # log files
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))  # compiled runtimes
    # Nothing pins the runtime: every test meets the app's default ("auto": PyTorch's own numbers from the fastest
    # runtime that gives them). A test that needs PyTorch itself pins it where it says why.
    monkeypatch.delenv("CONVLENS_DEFAULT_RUNTIME", raising=False)


@pytest.fixture(autouse=True)
def _no_thread_left_running(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail any test that leaves a thread running (after napari's ``dangling_qthreads`` fixture): Python threads
    (capture threads, decoder pools) and QThreads (the engine's) started during the test must have ended, given
    a few seconds to finish what they were told to stop."""
    before = set(threading.enumerate())
    started: list[object] = []
    qt = sys.modules.get("PySide6.QtCore")
    original_start = None
    if qt is not None:
        original_start = qt.QThread.start

        def recording_start(self, *args, **kwargs):
            started.append(self)
            return original_start(self, *args, **kwargs)

        qt.QThread.start = recording_start
    try:
        yield
    finally:
        if original_start is not None:
            qt.QThread.start = original_start
    # A thread that Python did not start (a QThread running Python code) shows up as a "dummy" Thread that
    # cannot be joined and never goes away; QThreads are checked below, through QThread.start.
    left = [t for t in threading.enumerate()
            if t not in before and type(t).__name__ != "_DummyThread"]
    for thread in left:
        thread.join(timeout=5)
    running = [t.name for t in left if t.is_alive()]
    for qthread in started:
        try:
            if qthread.isRunning() and not qthread.wait(5000):  # type: ignore[attr-defined]
                running.append(f"QThread {qthread.objectName() or type(qthread).__name__}")  # type: ignore[attr-defined]
        except RuntimeError:  # its C++ object is gone: it was deleted, so it is not running
            continue
    if running:
        pytest.fail(f"{request.node.name} left threads running: {', '.join(running)}", pytrace=False)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real test data (../shared/data, or $CONVLENS_TEST_DATA); skips when absent."""
    path = Path(os.environ.get(SHARED_DATA_ENV, ROOT.parent / "shared" / "data"))
    if not (path / "models" / "mobilenet_v2_imagenet.pth").is_file():
        pytest.skip(f"real test data not found at {path} (set {SHARED_DATA_ENV} to its folder)")
    return path


@pytest.fixture(scope="session")
def mobilenet_file(shared_data: Path) -> Path:
    return shared_data / "models" / "mobilenet_v2_imagenet.pth"


@pytest.fixture(scope="session")
def photos(shared_data: Path) -> Path:
    return shared_data / "images"


# ------------------------------------------------------------ data shared by the engine's and the CLI's tests
CLASSES = (0, 1, 3, 7)


@pytest.fixture(scope="module")
def mnist_digit_folder(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real MNIST digits 0 / 1 / 3 / 7 as PNG files, 150 per class, in class subfolders (600 images: streamed)."""
    from PIL import Image

    from convlens.engine.data.datasets import load_mnist

    mnist = load_mnist(shared_data / "mnist")
    root = tmp_path_factory.mktemp("digits")
    counts = dict.fromkeys(CLASSES, 0)
    for image, label in zip(mnist.train.images, mnist.train.labels, strict=True):
        if label in counts and counts[label] < 150:
            (root / f"digit_{label}").mkdir(exist_ok=True)
            Image.fromarray(image[:, :, 0]).save(root / f"digit_{label}" / f"{counts[label]:03d}.png")
            counts[label] += 1
    return root


@pytest.fixture(scope="module")
def lenet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LeNet-5 (no BatchNorm, no dropout: nothing random or batch-dependent in training) to fine-tune."""
    import torch

    from convlens.engine.weights.checkpoints import save_checkpoint
    from convlens.engine.weights.load import load_weights

    torch.manual_seed(3)
    path = tmp_path_factory.mktemp("lenet") / "lenet.pth"
    save_checkpoint(path, load_weights("lenet5", "random"))
    return path


@pytest.fixture()
def planted(photos: Path, tmp_path: Path) -> tuple[Path, Path]:
    """dogs/: the Samoyed, an exact copy, a resized copy, a tiny image, a broken file; cats/: two kittens and the
    Samoyed again (filed under the wrong class); val/cats: a copy of a training kitten."""
    import shutil

    from PIL import Image

    root, val = tmp_path / "train", tmp_path / "val"
    dogs, cats = root / "dogs", root / "cats"
    for d in (dogs, cats, val / "dogs", val / "cats"):
        d.mkdir(parents=True)
    shutil.copy(photos / "dog_samoyed.jpg", dogs / "samoyed.jpg")
    shutil.copy(photos / "dog_samoyed.jpg", dogs / "samoyed copy.jpg")
    with Image.open(photos / "dog_samoyed.jpg") as im:
        im.resize((im.width // 3, im.height // 3)).save(dogs / "samoyed small.png")
    Image.new("RGB", (20, 16), (200, 30, 30)).save(dogs / "tiny.png")
    (dogs / "broken.jpg").write_text("not a jpeg")
    shutil.copy(photos / "kitten_224.png", cats / "kitten.png")
    shutil.copy(photos / "metal_kitten_small.jpg", cats / "kitten2.jpg")
    shutil.copy(photos / "dog_samoyed.jpg", cats / "not a cat.jpg")
    shutil.copy(photos / "kitten_224.png", val / "cats" / "kitten again.png")
    shutil.copy(photos / "fish.png", val / "dogs" / "fish.png")
    return root, val


REFERENCE_ENV = "CONVLENS_KERAS_REFERENCE"


@pytest.fixture(scope="session")
def keras_reference() -> tuple[Path, dict]:
    import json

    folder = Path(os.environ.get(REFERENCE_ENV, ROOT / ".keras-reference"))
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        pytest.skip(f"no Keras-written reference files at {folder}: .ci/run makes them in a test-only environment "
                    f"(tensorflow-cpu + tf-keras); set {REFERENCE_ENV} to their folder")
    return folder, json.loads(manifest.read_text())


@pytest.fixture(scope="module")
def video(photos: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.live_video import write_video

    folder = tmp_path_factory.mktemp("video")
    return write_video(folder / "samoyed_then_tabby.avi", [photos / "dog_samoyed.jpg", photos / "kitten_224.png"])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, photos: Path) -> tuple[Path, dict[str, str | None]]:
    from tests.odd_corpus import build_corpus

    folder = tmp_path_factory.mktemp("odd")
    return folder, build_corpus(folder, photos / "dog_samoyed.jpg")


@pytest.fixture(scope="module")
def open_set_digits(shared_data: Path) -> dict[str, Split]:
    """Real MNIST: digits 0-4 split train / val / test; the digits 5-9 in two disjoint halves."""
    from convlens.engine.data.datasets import Split, load_mnist

    mnist = load_mnist(shared_data / "mnist", train_count=9999)
    images = list(mnist.train.images) + list(mnist.val.images)
    labels = mnist.train.labels + mnist.val.labels
    known = [i for i, y in enumerate(labels) if y < 5]
    other = [i for i, y in enumerate(labels) if y >= 5]

    def split(idx: list[int]) -> Split:
        return Split([images[i] for i in idx], [labels[i] if labels[i] < 5 else -1 for i in idx],
                     [f"mnist:{i}" for i in idx])

    half = len(other) // 2
    return {"train": split(known[:3000]), "val": split(known[3000:4000]), "test": split(known[4000:]),
            "unknown_a": split(other[:half]), "unknown_b": split(other[half:])}


@pytest.fixture(scope="module")
def mnist(shared_data: Path):
    from convlens.engine.data.datasets import load_mnist

    return load_mnist(shared_data / "mnist")


@pytest.fixture(scope="module")
def digit_folder(mnist, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real MNIST digits 0 / 1 / 7 saved as PNG files, 60 per class, in class subfolders."""
    from PIL import Image

    root = tmp_path_factory.mktemp("digits")
    counts = {0: 0, 1: 0, 7: 0}
    for image, label in zip(mnist.train.images, mnist.train.labels, strict=True):
        if label in counts and counts[label] < 60:
            folder = root / f"digit_{label}"
            folder.mkdir(exist_ok=True)
            Image.fromarray(image[:, :, 0]).save(folder / f"{counts[label]:03d}.png")
            counts[label] += 1
    return root


@pytest.fixture(scope="module")
def mislabelled_digits(mnist, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    """Real MNIST digits 0 / 1 / 7, 60 each, with five filed under the wrong class (three 1s in digit_7, two 0s in
    digit_1) and one 7 filed twice, under digit_7 and digit_0 (a label conflict). Returns the folder and the paths
    of the five planted mistakes."""
    from PIL import Image

    root = tmp_path_factory.mktemp("mislabelled")
    counts = {0: 0, 1: 0, 7: 0}
    planted: set[str] = set()
    for image, label in zip(mnist.train.images, mnist.train.labels, strict=True):
        if label not in counts or counts[label] >= 60:
            continue
        n = counts[label]
        folder = 7 if label == 1 and n < 3 else 1 if label == 0 and n < 2 else label
        path = root / f"digit_{folder}" / f"{label}_{n:03d}.png"
        path.parent.mkdir(exist_ok=True)
        Image.fromarray(image[:, :, 0]).save(path)
        if folder != label:
            planted.add(str(path))
        if label == 7 and n == 10:
            Image.fromarray(image[:, :, 0]).save(root / "digit_0" / "seven_again.png")
        counts[label] += 1
    return root, planted

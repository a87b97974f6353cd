"""Shared test set-up: offscreen Qt, private TORCH_HOME/QSettings, the real-data fixture."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

# Before anything can import Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

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


#: Threads that outlive a test by design: the start window's import thread (a daemon that ends with the imports).
_LONG_LIVED = ("ConvLensImports",)


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
            if t not in before and t.name not in _LONG_LIVED and type(t).__name__ != "_DummyThread"]
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

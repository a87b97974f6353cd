"""Shared test set-up: offscreen Qt, private TORCH_HOME/QSettings, the real-data fixture."""

from __future__ import annotations

import os
from pathlib import Path

# Before anything can import Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

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
    # Classification defaults to the fastest runtime that agrees with PyTorch ("auto"); the suite pins PyTorch so
    # that expected probabilities stay PyTorch's. tests/engine/test_runtimes.py exercises auto and OpenVINO.
    monkeypatch.setenv("CONVLENS_DEFAULT_RUNTIME", "torch")


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

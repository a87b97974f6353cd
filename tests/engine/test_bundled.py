"""The bundled model and project files from the command line (issue 25): real ImageNet answers offline with nothing
named; a pretrained choice that cannot be downloaded falls back with a note; `--weights my.convlens` uses the
project's model; damaged projects are refused with a message and a non-zero exit."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import torch

from convlens.engine.core.errors import ConvLensError
from convlens.engine.weights import bundled
from convlens.engine.weights.bundled import BUNDLED_SHA256, bundled_path, load_bundled
from convlens.engine.weights.load import load_weights
from convlens.engine.weights.project import Project, write_project
from tests.conftest import ROOT


def test_the_bundled_file_is_the_shared_real_weights_with_its_notice(mobilenet_file: Path) -> None:
    assert hashlib.sha256(bundled_path().read_bytes()).hexdigest() == BUNDLED_SHA256
    assert bundled_path().read_bytes() == mobilenet_file.read_bytes()
    notice = (bundled_path().parent / "NOTICE.md").read_text()
    assert "BSD 3-Clause" in notice and "torchvision" in notice and BUNDLED_SHA256 in notice


def test_the_bundled_model_is_torchvisions_mobilenet_v2_with_those_weights(mobilenet_file: Path) -> None:
    """Against the reference: torchvision's own model with the file's state dict, same numbers."""
    from torchvision.models import mobilenet_v2

    reference = mobilenet_v2(weights=None).eval()
    reference.load_state_dict(torch.load(mobilenet_file, weights_only=True))
    loaded = load_bundled()
    x = torch.randn(2, 3, 224, 224, generator=torch.Generator().manual_seed(0))
    with torch.inference_mode():
        assert torch.equal(loaded.model(x), reference(x))
    assert loaded.labels[258] == "Samoyed" and loaded.source == "ImageNet, bundled"


def test_bundled_does_not_fit_another_architecture_and_a_damaged_copy_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConvLensError, match="do not fit ResNet-18"):
        load_weights("resnet18", "bundled")
    damaged = tmp_path / "models" / bundled.BUNDLED_FILE
    damaged.parent.mkdir()
    data = bytearray(bundled_path().read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    monkeypatch.setattr(bundled, "resources_dir", lambda: tmp_path)
    with pytest.raises(ConvLensError, match="is damaged .its sha256 does not match"):
        load_bundled()
    damaged.unlink()
    with pytest.raises(ConvLensError, match="missing from .*installation is incomplete"):
        load_bundled()


def test_a_wheel_installs_the_bundled_model_and_samples(tmp_path: Path) -> None:
    """`pip install .` (not only the editable install) carries resources/: the model, its NOTICE, the samples."""
    if shutil.which("git") is None:
        pytest.skip("git is needed to copy the source tree")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                             "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    wheel = next(tmp_path.glob("convlens-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for member in ("convlens/resources/models/mobilenet_v2_imagenet.pth", "convlens/resources/models/NOTICE.md",
                   "convlens/resources/samples/kitten.jpg", "convlens/resources/labels/imagenet_classes.txt"):
        assert member in names, member


def test_a_project_whose_weights_file_is_gone_opens_on_the_bundled_model_and_says_so(tmp_path: Path) -> None:
    from convlens.engine.app.session import EngineSession
    from convlens.engine.app.tasks import open_project

    gone = tmp_path / "gone.pth"
    path = tmp_path / "ref.convlens"
    write_project(path, Project(model={"kind": "file", "arch": "mobilenet_v2", "path": str(gone)},
                                state={"images": {"gallery": []}}))
    opened = open_project(EngineSession("cpu"), str(path))
    assert opened.info.source == "ImageNet, bundled"
    assert str(gone) in opened.notes[0] and "bundled model is in use instead" in opened.notes[0]
    assert opened.state == {"images": {"gallery": []}} and opened.run is None

"""The ``convlens`` command's side of bundled (the engine's is in tests/engine/test_bundled.py)."""

from __future__ import annotations

import json
import shutil
import socket
import zipfile
from pathlib import Path

import pytest

from convlens.cli import main as cli_main
from convlens.engine.weights.bundled import load_bundled
from convlens.engine.weights.checkpoints import checkpoint_bytes
from convlens.engine.weights.project import Project, read_project, write_project


@pytest.fixture()
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(101, "Network is unreachable (test: offline)")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_classify_with_nothing_named_gives_a_real_answer_offline(offline: None, photos: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["classify", str(photos / "dog_samoyed.jpg"), "--json", "--topk", "2"]) == 0
    out = json.loads(capsys.readouterr().out)
    top = out[0]["predictions"][0]
    assert top["label"] == "Samoyed" and abs(top["probability"] - 0.81) < 0.02


def test_a_pretrained_choice_that_cannot_be_downloaded_falls_back_with_a_note(
        offline: None, photos: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["classify", str(photos / "metal_animal-3.jpg"), "--arch", "resnet50", "--topk", "1"]) == 0
    out = capsys.readouterr()
    assert "1. lion" in out.out
    assert "ResNet-50's pretrained weights are not on this computer and could not be downloaded" in out.err
    assert "bundled MobileNetV2 (ImageNet, bundled) instead" in out.err


def test_cam_features_and_live_default_to_the_bundled_model(offline: None, photos: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["cam", str(photos / "dog_samoyed.jpg"), "--out", str(tmp_path / "cam.png")]) == 0
    assert cli_main(["features", str(photos / "dog_samoyed.jpg"), "--layer", "features.3",
                     "--out", str(tmp_path / "f.png")]) == 0
    assert (tmp_path / "cam.png").is_file() and (tmp_path / "f.png").is_file()
    assert "Samoyed" in capsys.readouterr().out


def _trained_project(tmp_path: Path) -> Path:
    """A project holding a real two-class model (the bundled backbone with a new head)."""
    from convlens.engine.models.heads import HeadLayout

    loaded = load_bundled()
    spec = loaded.arch
    layout = HeadLayout("replace", 0, 0.2)
    model = layout.build(spec, 2)
    state = {k: v for k, v in loaded.model.state_dict().items() if not k.startswith("classifier")}
    model.load_state_dict(state, strict=False)
    loaded.model, loaded.labels, loaded.head_layout = model.eval(), ("cat", "dog"), layout
    path = tmp_path / "pets.convlens"
    write_project(path, Project(model={"kind": "trained", "arch": "mobilenet_v2"}, checkpoint=checkpoint_bytes(loaded)))
    return path


def test_classify_reads_a_projects_model(offline: None, tmp_path: Path, photos: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = _trained_project(tmp_path)
    assert cli_main(["classify", str(photos / "kitten_224.png"), "--weights", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {p["label"] for p in out[0]["predictions"]} == {"cat", "dog"}


def test_damaged_projects_are_refused_by_the_cli(tmp_path: Path, photos: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = _trained_project(tmp_path)
    truncated = tmp_path / "cut.convlens"
    truncated.write_bytes(path.read_bytes()[:5000])
    no_model = tmp_path / "nomodel.convlens"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(no_model, "w") as dst:
        dst.writestr("manifest.json", src.read("manifest.json"))
    flipped = tmp_path / "flipped.convlens"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    flipped.write_bytes(bytes(data))
    for bad, words in ((truncated, "damaged"), (no_model, "model.pth missing"), (flipped, "damaged")):
        assert cli_main(["classify", str(photos / "kitten_224.png"), "--weights", str(bad)]) == 1
        err = capsys.readouterr().err
        assert words in err and bad.name in err and "Traceback" not in err, err
    assert read_project(path).has_checkpoint  # the good one still reads


def test_finetune_and_live_default_to_the_bundled_backbone(offline: None, photos: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from tests.live_video import write_video

    data = tmp_path / "pets"
    for cls, names in {"cat": ("kitten_224.png", "kitten_seg.jpg", "kitten_winml.png", "metal_kitten_small.jpg"),
                       "car": ("metal_car-1.jpg", "metal_car-2.jpg", "metal_car-3.jpg", "metal_animal-1.jpg")}.items():
        (data / cls).mkdir(parents=True)
        for name in names:
            shutil.copy(photos / name, data / cls / name)
    out = tmp_path / "pets.pth"
    assert cli_main(["finetune", str(data), "--out", str(out), "--epochs", "2", "--val-split", "0.25"]) == 0
    printed = capsys.readouterr().out
    assert "fine-tuning a new head on a frozen backbone: mobilenet_v2" in printed and out.is_file()
    video = write_video(tmp_path / "kitten.avi", [photos / "kitten_224.png"], seconds_each=1.0)
    assert cli_main(["live", str(video), "--max-frames", "3", "--no-realtime"]) == 0
    assert "tabby" in capsys.readouterr().out

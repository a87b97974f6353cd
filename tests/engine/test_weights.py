"""Weights from files, checkpoints, labels files, and the real download path."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.images import load_image
from convlens.engine.models.labels import read_labels_file
from convlens.engine.models.registry import get_arch
from convlens.engine.runtime.predict import Predictor
from convlens.engine.weights.checkpoints import save_checkpoint
from convlens.engine.weights.hub import download_pretrained, hub_checkpoint_dir, load_pretrained, pretrained_file
from convlens.engine.weights.load import load_weights


def test_other_class_count_is_detected_and_labels_come_from_the_checkpoint(tmp_path: Path) -> None:
    torch.manual_seed(1)
    model = get_arch("lenet5").build(num_classes=3)
    plain = tmp_path / "three.pth"
    torch.save(model.state_dict(), plain)
    loaded = load_weights("lenet5", str(plain))
    assert loaded.num_classes == 3
    assert loaded.labels == ("class 0", "class 1", "class 2")
    assert any("3 classes" in n for n in loaded.notes)

    labels = tmp_path / "rps.txt"
    labels.write_text("rock\npaper\nscissors\n")
    assert load_weights("lenet5", str(plain), labels).labels == ("rock", "paper", "scissors")

    loaded.labels = ("rock", "paper", "scissors")
    ckpt = tmp_path / "rps.pth"
    save_checkpoint(ckpt, loaded)
    again = load_weights(None, str(ckpt))  # the checkpoint names its architecture
    assert again.arch.name == "lenet5" and again.labels == ("rock", "paper", "scissors")
    x = torch.randn(2, 1, 28, 28)
    with torch.inference_mode():
        assert torch.equal(again.model(x), model.eval()(x))


def test_labels_file_with_wrong_count_is_an_error(tmp_path: Path) -> None:
    labels = tmp_path / "two.txt"
    labels.write_text("a\nb\n")
    with pytest.raises(ConvLensError, match="two.txt has 2 names but the model has 10 classes"):
        load_weights("lenet5", "random", labels)


def test_labels_files_json_forms(tmp_path: Path, shared_data: Path) -> None:
    keras = read_labels_file(shared_data / "labels" / "imagenet_class_index.json")
    txt = read_labels_file(shared_data / "labels" / "imagenet_classes.txt")
    assert len(keras) == len(txt) == 1000 and keras[258] == "Samoyed" and txt[258] == "Samoyed"
    p = tmp_path / "l.json"
    p.write_text(json.dumps(["x", "y"]))
    assert read_labels_file(p) == ("x", "y")
    p.write_text("{broken")
    with pytest.raises(ConvLensError, match="l.json: not valid JSON"):
        read_labels_file(p)


def test_safetensors_and_dataparallel_prefix(tmp_path: Path, mobilenet_file: Path, photos: Path) -> None:
    state = torch.load(mobilenet_file, weights_only=True)
    st = tmp_path / "mnv2.safetensors"
    save_file({k: v.contiguous() for k, v in state.items()}, st)
    dp = tmp_path / "dp.pt"
    torch.save({"state_dict": {f"module.{k}": v for k, v in state.items()}}, dp)
    image = load_image(photos / "metal_animal-3.jpg")
    for path in (st, dp):
        top = Predictor(load_weights("mobilenet_v2", str(path)), "cpu").predict([image])[0][0]
        assert top.label == "lion", path.name


def test_torchscript_archive(shared_data: Path, photos: Path) -> None:
    loaded = load_weights(None, str(shared_data / "models" / "mobilenet_v2_quantized_torchscript.pt"))
    assert loaded.scripted and loaded.num_classes == 1000
    predictor = Predictor(loaded, "cpu")
    tops = predictor.predict([load_image(photos / n) for n in ("metal_animal-3.jpg", "metal_car-2.jpg")])
    assert [t[0].label for t in tops] == ["lion", "sports car"]


# ------------------------------------------------------------- downloads


@dataclass(frozen=True)
class _FakeWeights:
    url: str
    name: str = "TEST"


@pytest.fixture()
def http_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    root = tmp_path / "srv"
    root.mkdir()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a: object, **kw: object) -> None:
            super().__init__(*a, directory=str(root), **kw)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_download_shows_progress_checks_hash_and_caches(http_server: tuple[str, Path]) -> None:
    base, root = http_server
    payload = torch.randn(50_000).numpy().tobytes()
    digest = hashlib.sha256(payload).hexdigest()
    good = f"model-{digest[:8]}.pth"
    bad = f"model-{'0' * 8}.pth"
    (root / good).write_bytes(payload)
    (root / bad).write_bytes(payload)

    steps = list(download_pretrained(_FakeWeights(f"{base}/{good}")))
    assert steps[-1].done == steps[-1].total == len(payload)
    assert len(steps) > 2
    assert (hub_checkpoint_dir() / good).read_bytes() == payload
    assert list(download_pretrained(_FakeWeights(f"{base}/{good}"))) == []  # cached: nothing to do

    with pytest.raises(ConvLensError, match="does not match its published hash"):
        list(download_pretrained(_FakeWeights(f"{base}/{bad}")))
    assert not (hub_checkpoint_dir() / bad).exists()
    assert not list(hub_checkpoint_dir().glob("*.partial"))


def test_cancelled_download_leaves_no_partial_file(http_server: tuple[str, Path]) -> None:
    base, root = http_server
    payload = b"x" * 500_000
    name = f"big-{hashlib.sha256(payload).hexdigest()[:8]}.pth"
    (root / name).write_bytes(payload)
    gen = download_pretrained(_FakeWeights(f"{base}/{name}"))
    next(gen)
    next(gen)
    gen.close()  # the user pressed Cancel
    assert not (hub_checkpoint_dir() / name).exists()
    assert not list(hub_checkpoint_dir().glob("*.partial"))


def test_offline_download_names_the_file_and_the_folder() -> None:
    weights = _FakeWeights("http://127.0.0.1:9/resnet18-f37072fd.pth")  # discard port: refused
    with pytest.raises(ConvLensError) as info:
        list(download_pretrained(weights))
    message = str(info.value)
    assert "resnet18-f37072fd.pth is not cached" in message and str(hub_checkpoint_dir()) in message


def test_pretrained_not_cached_says_where_to_put_it() -> None:
    spec = get_arch("resnet18")
    with pytest.raises(ConvLensError, match=r"resnet18-f37072fd\.pth\) are not downloaded yet"):
        load_pretrained(spec)
    assert pretrained_file(spec.weights_enum.DEFAULT).parent == hub_checkpoint_dir()
    with pytest.raises(ConvLensError, match="has no pretrained weights"):
        load_weights("lenet5", "pretrained")


#: ``training`` exactly as ConvLens wrote it into checkpoints before the record was typed (a plain dict): the
#: settings, the best epoch, the calibration (no ``calibration_fitted`` yet), the unknown rule and its curve.
OLDER_TRAINING = {
    "epochs": 8, "lr": 0.001, "optimizer": "adam", "seed": 0, "best_epoch": 5, "val_accuracy": 0.9,
    "temperature": 1.7, "ece_before": 0.12, "ece_after": 0.04, "calibration_images": 80, "calibration_errors": 9,
    "calibration_note": "Temperature T = 1.70 fitted on 80 validation images (9 wrong).",
    "calibration_note_template": "Temperature T = {t:.2f} fitted on {n} validation images ({errors} wrong).",
    "calibration_note_values": {"t": 1.7, "n": 80, "errors": 9},
    "unknown": {"threshold": 0.6, "target_far": 0.05, "far": 0.04, "tar": 0.93, "impostors": 25, "genuine": 80,
                "outside": 0},
    "unknown_curve": {"genuine": [0.55, 0.8, 0.99], "impostor": [0.3, 0.61], "outside": 0},
}


def test_a_checkpoint_of_an_older_convlens_keeps_its_training_record(tmp_path: Path) -> None:
    """A checkpoint whose ``training`` is the plain dict of an older ConvLens: its temperature, calibration,
    unknown rule and settings come back typed, and saving it again writes every key it had, unchanged."""
    from convlens.engine.weights.checkpoints import CHECKPOINT_FORMAT

    model = get_arch("lenet5").build(num_classes=3)
    older = tmp_path / "older.pth"
    torch.save({"format": CHECKPOINT_FORMAT, "arch": "lenet5", "classes": ["a", "b", "c"], "preprocess": None,
                "build_options": {}, "head_layout": None, "training": OLDER_TRAINING,
                "state_dict": model.state_dict()}, older)
    loaded = load_weights(None, str(older))
    record = loaded.training
    assert record is not None and loaded.temperature == 1.7 and record.best_epoch == 5
    assert record.calibration is not None and record.calibration.fitted and record.calibration.images == 80
    assert record.calibration.ece_after == 0.04 and "fitted on 80" in record.calibration.note
    assert loaded.unknown is not None and loaded.unknown.threshold == 0.6
    assert record.unknown_curve is not None and record.unknown_curve.genuine.tolist() == [0.55, 0.8, 0.99]
    assert record.config == {"epochs": 8, "lr": 0.001, "optimizer": "adam", "seed": 0}
    assert Predictor(loaded, "cpu").unknown_threshold == 0.6
    again = tmp_path / "again.pth"
    save_checkpoint(again, loaded)
    written = torch.load(again, weights_only=True)["training"]
    assert {k: written[k] for k in OLDER_TRAINING} == OLDER_TRAINING


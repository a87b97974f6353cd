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

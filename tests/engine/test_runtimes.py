"""OpenVINO and ``auto``: the fastest runtime here that agrees with PyTorch, cached; inspection stays on PyTorch."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from convlens.engine.app.requests import WeightsRequest
from convlens.engine.app.session import EngineSession
from convlens.engine.core.errors import ConvLensError
from convlens.engine.core.steps import run_to_end
from convlens.engine.runtime.runtimes import FAITHFUL_TOLERANCE, best_precision, cache_dir, choose_runtime, convert, weights_hash
from convlens.engine.weights.load import load_weights

# not importorskip: a plain ``import openvino`` would start OpenVINO's telemetry in this process
pytestmark = pytest.mark.skipif(importlib.util.find_spec("openvino") is None,
                                reason="OpenVINO is one of the app's dependencies; install it to run these")


def test_openvino_through_the_engine_sends_no_telemetry(tmp_path: Path) -> None:
    """``import openvino`` alone writes a Google Analytics client id to ~/intel and starts a sender thread; the
    engine's import leaves OpenVINO's converter on its no-op stub, so nothing is written and nothing is sent."""
    code = (
        "import threading\n"
        "from convlens.engine.runtime.runtimes import best_precision, import_openvino\n"
        "ov = import_openvino(); best_precision(); ov.convert_model\n"
        "from openvino.tools.ovc import telemetry_utils\n"
        "print(telemetry_utils.tm.__name__, sorted(t.name for t in threading.enumerate()))\n"
    )
    env = {**os.environ, "HOME": str(tmp_path), "CI": "", "TF_BUILD": "", "JENKINS_URL": ""}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("openvino.tools.ovc.telemetry_stub ['MainThread']"), out.stdout
    assert not (tmp_path / "intel").exists()


@pytest.fixture(scope="module")
def mobilenet(mobilenet_file: Path):
    return load_weights("mobilenet_v2", str(mobilenet_file))


def test_openvino_f32_gives_pytorchs_own_numbers(mobilenet, photos: Path) -> None:
    from convlens.engine.data.images import load_image

    fast = convert(mobilenet, "openvino")
    assert fast.runtime == "openvino" and fast.precision == "f32" and fast.reference is None
    assert "parity 5/5 top-1 agree" in fast.notes[-1]
    x = mobilenet.preprocess(load_image(photos / "dog_samoyed.jpg"))[None]
    with torch.inference_mode():
        ref = mobilenet.model(x).softmax(1)
        got = fast.model(x).softmax(1)
    assert int(got.argmax()) == int(ref.argmax()) == 258  # Samoyed
    assert float((got - ref).abs().max()) <= FAITHFUL_TOLERANCE == 1e-4


def test_fast_is_reduced_precision_named_and_measured_on_the_users_images(mobilenet, photos: Path) -> None:
    from convlens.engine.data.images import iter_image_paths
    from convlens.engine.runtime.predict import Predictor

    fast = convert(mobilenet, "fast")
    assert fast.runtime == "openvino" and fast.precision == best_precision()
    if fast.precision == "f32":
        pytest.skip("this CPU has no reduced precision for OpenVINO")
    predictor = Predictor(fast, "cpu")
    results = [r for step in predictor.classify_files(list(iter_image_paths([photos])), 5) for r in step.results]
    assert all(r.error is None for r in results)
    a = predictor.agreement
    assert a is not None and a.images == len(results) and a.precision == "bf16"
    # measured against PyTorch f32 itself, row by row
    ref = Predictor(mobilenet, "cpu")
    same = sum(ref.predict_tensor(ref.preprocess(__import__("PIL").Image.open(r.source).convert("RGB"))[None], 1)[0][0]
               .index == r.predictions[0].index for r in results)
    assert a.top1_agree == same and 0 < a.max_diff < 0.05
    assert "reduced precision" in a.text() and f"{a.top1_agree} of {a.images}" in a.text()


def test_auto_does_not_convert_for_one_image(mobilenet) -> None:
    chosen, choice = choose_runtime(mobilenet, "cpu", images=1)
    assert chosen is mobilenet and choice.runtime == "torch"
    assert "one image" in choice.reason
    assert not list(cache_dir().glob("*.onnx")) and not list(cache_dir().glob("speed-*.json"))


def test_auto_times_once_per_architecture_and_checks_parity_per_weights(mobilenet) -> None:
    chosen, choice = choose_runtime(mobilenet, "cpu", images=10_000)
    assert choice.runtime in ("openvino", "onnxruntime", "torch") and chosen.runtime == choice.runtime
    assert chosen.precision == "f32" and "ms" in choice.reason
    profiles = list(cache_dir().glob("speed-mobilenet_v2-3x224-*.json"))
    assert len(profiles) == 1
    before = profiles[0].read_text()
    # New weights of the same architecture (as after a fine-tune): no new timing, only the parity check.
    other = load_weights("mobilenet_v2", "random")
    again, second = choose_runtime(other, "cpu", images=10_000)
    assert profiles[0].read_text() == before and len(list(cache_dir().glob("speed-*.json"))) == 1
    assert second.runtime == choice.runtime
    if second.runtime != "torch":
        assert again.model is not other.model and "parity" in again.notes[-1]
        # ... and a half-written export in the cache is rebuilt, not trusted for good
        cached = next(p for p in cache_dir().glob("mobilenet_v2-*.onnx") if weights_hash(other) in p.name)
        cached.write_bytes(cached.read_bytes()[:1000])
        rebuilt, third = choose_runtime(other, "cpu", images=10_000)
        assert third.runtime == second.runtime and cached.stat().st_size > 1000


def test_on_a_gpu_auto_keeps_pytorch_there(mobilenet) -> None:
    chosen, choice = choose_runtime(mobilenet, "cuda")  # the code path; no GPU is needed to decide
    assert chosen is mobilenet and choice.runtime == "torch" and "GPU" in choice.reason


def test_session_classifies_with_openvino_and_inspects_with_pytorch(mobilenet_file: Path, photos: Path) -> None:
    session = EngineSession("cpu")
    session.runtime = "openvino"
    info = run_to_end(session.load(WeightsRequest("mobilenet_v2", "file", str(mobilenet_file))))
    assert info.runtime == "openvino" and info.runtime_title == "OpenVINO f32" and not info.reduced_precision
    image = session.open_image(str(photos / "dog_samoyed.jpg"))
    result = session.classify_image(image, "samoyed", 5)
    assert result.predictions[0].label == "Samoyed"
    cam = session.cam()  # Grad-CAM needs gradients: the PyTorch model behind OpenVINO
    assert cam.label == "Samoyed" and cam.heatmap.max() == pytest.approx(1.0)
    assert session.feature_view("features.3").maps.shape == (24, 56, 56)
    assert session.pytorch_model.runtime == "torch" and not session.pytorch_model.scripted
    info = session.set_runtime("torch")
    assert info.runtime == "torch"
    with pytest.raises(ConvLensError, match="Unknown runtime"):
        session.set_runtime("tensorrt")


def test_session_on_auto_answers_in_pytorch_and_moves_for_a_folder(mobilenet_file: Path, photos: Path) -> None:
    from convlens.engine.app import tasks

    session = EngineSession("cpu")
    session.runtime = "auto"
    info = run_to_end(session.load(WeightsRequest("mobilenet_v2", "file", str(mobilenet_file))))
    assert info.runtime == "torch" and "one image" in info.runtime_reason
    image = session.open_image(str(photos / "dog_samoyed.jpg"))
    alone = session.classify_image(image, "samoyed", 5, inspect=True)
    moved = session.prepare_for(10_000)
    if moved is None:
        pytest.skip("PyTorch is the fastest runtime on this computer")
    assert moved.runtime in ("openvino", "onnxruntime") and moved.precision == "f32"
    assert session.current_key == "samoyed"  # the current image and its layers stay
    assert session.cam().label == "Samoyed"
    again = session.classify_image(image, "samoyed", 5)
    for a, b in zip(alone.predictions, again.predictions, strict=True):
        assert a.index == b.index and abs(a.probability - b.probability) <= 1e-4
    steps = list(tasks.classify_folder(session, [str(photos)], 1))
    assert not any(isinstance(s, tasks.RuntimeChanged) for s in steps)  # already moved


def test_the_cache_keeps_only_the_recent_models(tmp_path: Path) -> None:
    import os
    import time

    from convlens.engine.runtime.runtimes import prune_cache

    folder = cache_dir()
    for i in range(12):
        for suffix in (".onnx", ".auto.json"):
            path = folder / f"model{i}{suffix}"
            path.write_text("x")
            os.utime(path, (time.time() + i, time.time() + i))
    prune_cache(keep=8)
    left = sorted(p.name for p in folder.glob("model*.onnx"))
    assert len(left) == 7 and "model11.onnx" in left and "model0.onnx" not in left  # room for the new one
    assert not (folder / "model0.auto.json").exists()

"""OpenVINO and ``auto``: the fastest runtime here that agrees with PyTorch, cached; inspection stays on PyTorch."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from convlens.engine.errors import ConvLensError
from convlens.engine.runtimes import best_precision, cache_dir, choose_runtime, convert, tolerance
from convlens.engine.session import EngineSession, WeightsRequest
from convlens.engine.steps import run_to_end
from convlens.engine.weights import load_weights

# not importorskip: a plain ``import openvino`` would start OpenVINO's telemetry in this process
pytestmark = pytest.mark.skipif(importlib.util.find_spec("openvino") is None,
                                reason="OpenVINO is one of the app's dependencies; install it to run these")


def test_openvino_through_the_engine_sends_no_telemetry(tmp_path: Path) -> None:
    """``import openvino`` alone writes a Google Analytics client id to ~/intel and starts a sender thread; the
    engine's import leaves OpenVINO's converter on its no-op stub, so nothing is written and nothing is sent."""
    code = (
        "import threading\n"
        "from convlens.engine.runtimes import best_precision, import_openvino\n"
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
def mobilenet(mobilenet_file: Path):  # noqa: ANN201
    return load_weights("mobilenet_v2", str(mobilenet_file))


def test_openvino_runs_the_model_at_the_best_precision_and_agrees(mobilenet, photos: Path) -> None:
    from convlens.engine.images import load_image

    fast = convert(mobilenet, "openvino")
    assert fast.runtime == "openvino" and fast.precision == best_precision()
    assert "parity 5/5 top-1 agree" in fast.notes[-1]
    x = mobilenet.preprocess(load_image(photos / "dog_samoyed.jpg"))[None]
    with torch.inference_mode():
        ref = mobilenet.model(x).softmax(1)
        got = fast.model(x).softmax(1)
    assert int(got.argmax()) == int(ref.argmax()) == 258  # Samoyed
    assert float((got - ref).abs().max()) <= tolerance(fast.precision)


def test_auto_picks_a_runtime_that_agrees_says_why_and_caches_it(mobilenet) -> None:
    chosen, choice = choose_runtime(mobilenet, "cpu")
    assert choice.runtime in ("openvino", "onnxruntime", "torch") and chosen.runtime == choice.runtime
    assert "fastest here at batch 1" in choice.reason and "ms/image" in choice.reason
    assert list(cache_dir().glob("mobilenet_v2-*.auto.json"))
    again, second = choose_runtime(mobilenet, "cpu")
    assert second.runtime == choice.runtime and second.reason.endswith("(cached)")


def test_on_a_gpu_auto_keeps_pytorch_there(mobilenet) -> None:
    chosen, choice = choose_runtime(mobilenet, "cuda")  # the code path; no GPU is needed to decide
    assert chosen is mobilenet and choice.runtime == "torch" and "GPU" in choice.reason


def test_session_classifies_with_openvino_and_inspects_with_pytorch(mobilenet_file: Path, photos: Path) -> None:
    session = EngineSession("cpu")
    session.runtime = "openvino"
    info = run_to_end(session.load(WeightsRequest("mobilenet_v2", "file", str(mobilenet_file))))
    assert info.runtime == "openvino" and info.runtime_title.startswith("OpenVINO ")
    image = session.open_image(str(photos / "dog_samoyed.jpg"))
    result = session.classify_image(image, "samoyed", 5)
    assert result.predictions[0].label == "Samoyed"
    cam = session.cam()  # Grad-CAM needs gradients: the PyTorch model behind OpenVINO
    assert cam.label == "Samoyed" and cam.heatmap.max() == pytest.approx(1.0)
    assert session.feature_view("features.3").maps.shape == (24, 56, 56)
    info = session.set_runtime("torch")
    assert info.runtime == "torch"
    with pytest.raises(ConvLensError, match="Unknown runtime"):
        session.set_runtime("tensorrt")


def test_cli_auto_is_the_default_and_says_what_it_chose(mobilenet_file: Path, photos: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from convlens.cli import main

    monkeypatch.delenv("CONVLENS_DEFAULT_RUNTIME")
    assert main(["classify", str(photos / "dog_samoyed.jpg"), "--arch", "mobilenet_v2",
                 "--weights", str(mobilenet_file), "--topk", "1"]) == 0
    out = capsys.readouterr()
    assert "runtime: " in out.err and "fastest here" in out.err
    assert "1. Samoyed" in out.out


def test_the_cache_keeps_only_the_recent_models(tmp_path: Path) -> None:
    import os
    import time

    from convlens.engine.runtimes import prune_cache

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

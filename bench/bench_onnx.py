"""torch eager vs bare ONNX Runtime vs the app's ONNX Runtime path; live mode on both runtimes.

For MobileNetV2 and ResNet-18 (random weights) at batch 1 and 32: median time
of ``model(x)`` in torch, of ``session.run`` on the exported file, and of the
app's path (``Predictor.predict_tensor`` over an ``OnnxClassifier``: run,
softmax, top-k). Goal: the app's path within 5 % of bare ONNX Runtime. Then
live mode on a 120 fps video with each runtime (goal: ONNX Runtime >= 1.5x
the inference FPS of torch).

    python bench/bench_onnx.py
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import add_quick, median_seconds, paired_seconds  # noqa: E402

from convlens.engine.app.session import EngineSession  # noqa: E402
from convlens.engine.app.tasks import live  # noqa: E402
from convlens.engine.core.steps import run_to_end  # noqa: E402
from convlens.engine.runtime.predict import Predictor  # noqa: E402
from convlens.engine.runtime.runtimes import convert  # noqa: E402
from convlens.engine.weights.load import load_weights  # noqa: E402

PHOTOS = Path(os.environ.get("CONVLENS_TEST_DATA", ROOT.parent / "shared" / "data")) / "images"


def _live_fps(session: EngineSession, video: Path) -> float:
    return run_to_end(live(session, str(video))).infer_fps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_quick(parser)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, cpu")
    print(f"{'model':<14}{'batch':>6}{'torch ms':>10}{'ORT ms':>9}{'app ORT ms':>12}{'torch/ORT':>11}{'app/ORT':>9}")
    worst = 0.0
    models = {}
    for arch in ("mobilenet_v3_small",) if args.quick else ("mobilenet_v2", "resnet18"):
        loaded = load_weights(arch, "random")
        ort_loaded = convert(loaded, "onnxruntime")
        models[arch] = (loaded, ort_loaded)
        onnx_model = ort_loaded.model
        app = Predictor(ort_loaded, "cpu")
        for batch in (1,) if args.quick else (1, 32):
            x = torch.randn(batch, 3, 224, 224)
            feed = {onnx_model.input.name: x.numpy().astype(np.float32)}
            reps = 1 if args.quick else 30 if batch == 1 else 5

            def eager(x: torch.Tensor = x, model: torch.nn.Module = loaded.model) -> None:
                with torch.inference_mode():
                    model(x)

            def bare(feed: dict = feed, s=onnx_model.session, name=onnx_model.output.name) -> None:
                s.run([name], feed)

            def app_path(x: torch.Tensor = x, app: Predictor = app) -> None:
                app.predict_tensor(x, 5)

            t = min(median_seconds(eager, reps) for _ in range(2))
            a, o, ratio = paired_seconds(app_path, bare, 2 * reps)  # in turns, the ratio call by call
            worst = max(worst, ratio)
            print(f"{arch:<14}{batch:>6}{1000 * t:>10.2f}{1000 * o:>9.2f}{1000 * a:>12.2f}{t / o:>11.2f}{ratio:>9.3f}")
    print(f"worst app/bare ONNX Runtime ratio {worst:.3f} (goal <= 1.05)")
    if PHOTOS.is_dir():
        from tests.live_video import write_video

        video = write_video(tmp / "live120.avi", [PHOTOS / "dog_samoyed.jpg", PHOTOS / "kitten_224.png"],
                            0.25 if args.quick else 2.0, 120)
        print("live mode, 120 fps 640x480 video:")
        for arch, (loaded, ort_loaded) in models.items():
            fps = {}
            for name, model in (("torch", loaded), ("onnxruntime", ort_loaded)):
                session = EngineSession("cpu")
                session.install(model)
                fps[name] = _live_fps(session, video)
            print(f"  {arch:<14} torch {fps['torch']:6.1f} fps   ONNX Runtime {fps['onnxruntime']:6.1f} fps   "
                  f"ratio {fps['onnxruntime'] / fps['torch']:.2f} (goal >= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Live inspection on every frame: how many frames per second get a CAM overlay and a layer's feature maps.

A 30 fps 640x480 video (the shared photos) is read in real time; the live task classifies with the chosen
runtime (auto: the fastest that agrees) and computes Grad-CAM at the last block and the feature maps of a
middle layer with the PyTorch model for every inferred frame. Prints inference FPS, CAM FPS and feature-map
FPS next to the bare PyTorch model's batch-1 rate. One PyTorch pass per frame makes the answer, the CAM (its
backward runs through the head only) and the maps. Goal: CAM + maps at the source's rate (30 fps) for ResNet-18;
a CPU whose bare ResNet-18 is slower than the source cannot, so the ratio to min(bare, source) is printed too.

    python bench/bench_live_inspect.py [--seconds 6]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import add_quick, median_seconds  # noqa: E402
from convlens.engine.app import tasks  # noqa: E402
from convlens.engine.app.live import LiveResult  # noqa: E402
from convlens.engine.app.session import EngineSession  # noqa: E402
from convlens.engine.data.video import FrameMailbox  # noqa: E402
from convlens.engine.weights.load import load_weights  # noqa: E402
from tests.live_video import write_video  # noqa: E402

PHOTOS = Path(os.environ.get("CONVLENS_TEST_DATA", ROOT.parent / "shared" / "data")) / "images"
SOURCE_FPS = 30
LAYERS = {"resnet18": "layer2", "mobilenet_v3_small": "features.4"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--runtime", default="auto")
    add_quick(parser)
    args = parser.parse_args()
    layers = {"mobilenet_v3_small": LAYERS["mobilenet_v3_small"]} if args.quick else LAYERS
    if args.quick:
        args.seconds, args.runtime = 0.5, "torch"
    tmp = Path(tempfile.mkdtemp())
    os.environ.setdefault("XDG_CACHE_HOME", str(tmp / "cache"))
    video = write_video(tmp / "live30.avi", [PHOTOS / "dog_samoyed.jpg", PHOTOS / "kitten_224.png"],
                        args.seconds / 2, SOURCE_FPS)
    print(f"{'model':<20}{'runtime':>18}{'bare torch fps':>16}{'infer fps':>11}{'CAM fps':>9}{'maps fps':>10}")
    goals: list[str] = []
    for arch, layer in layers.items():
        loaded = load_weights(arch, "random")
        x = torch.randn(1, 3, 224, 224)
        model = loaded.model.eval()
        bare = 1.0 / median_seconds(lambda model=model, x=x: model(x), 2 if args.quick else 20)
        session = EngineSession("cpu")
        session.runtime = args.runtime
        info = session.install_with_runtime(loaded)
        control = tasks.LiveControl(tasks.LiveOptions(layer=layer, cam=True))
        counts = {"infer": 0, "cam": 0, "maps": 0}
        start = time.perf_counter()
        for event in tasks.live(session, str(video), control, FrameMailbox(every_frame=True)):
            if isinstance(event, tasks.LiveStarted):  # the source's clock: not the runtime chosen before it
                start = event.started_at
            elif isinstance(event, LiveResult):
                counts["infer"] += 1
            elif isinstance(event, tasks.LiveCam):
                counts["cam"] += 1
            elif isinstance(event, tasks.LiveFeatures):
                counts["maps"] += 1
        span = time.perf_counter() - start
        print(f"{arch:<20}{info.runtime_title:>18}{bare:>16.1f}{counts['infer'] / span:>11.1f}"
              f"{counts['cam'] / span:>9.1f}{counts['maps'] / span:>10.1f}")
        both = min(counts["cam"], counts["maps"]) / span
        goals.append(f"{arch}: CAM + maps at {both / SOURCE_FPS:.2f} of the source's {SOURCE_FPS} fps (goal >= 1.00 "
                     f"for ResNet-18 where its bare rate allows), {both / min(bare, SOURCE_FPS):.2f} of "
                     f"min(bare {bare:.1f}, source) fps")
    for line in goals:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

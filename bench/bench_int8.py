"""int8 (NNCF on OpenVINO) against the bare OpenVINO f32 script, and what it keeps of the f32 answers.

1. Speed, whole process: `convlens classify FOLDER --arch resnet50 --precision int8 --calibration FOLDER` (the
   quantized model cached by a first run, as for a user's second run) against bench/bare_openvino.py in f32 on the
   same 207 photos (the shared photos, copied). Goal: <= 0.60.
2. Agreement: MobileNetV2 with the real ImageNet weights, calibrated on 240 views of the shared photos (crops,
   mirrors, small turns), classifying 240 other views: top-1 agreement with PyTorch f32. Goal: >= 0.97.

    python bench/bench_int8.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import add_quick  # noqa: E402

DATA = Path(os.environ.get("CONVLENS_TEST_DATA", ROOT.parent / "shared" / "data"))


def whole_process(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    run = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[1:4])}... failed ({run.returncode}): {run.stderr.strip()[-2000:]}")
    return time.perf_counter() - start


def speed(tmp: Path, arch: str, photos: int, pairs: int) -> None:
    import torch
    from torchvision import models

    folder = tmp / "photos"
    folder.mkdir()
    shared = sorted((DATA / "images").iterdir())
    for i in range(photos):
        src = shared[i % len(shared)]
        shutil.copy(src, folder / f"{i:03d}_{src.name}")
    weights = tmp / f"{arch}.pth"
    torch.save(getattr(models, arch)(weights=None).state_dict(), weights)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "cache")}
    int8 = [sys.executable, "-m", "convlens.gui.main", "classify", str(folder), "--arch", arch, "--weights",
            str(weights), "--topk", "1", "--batch-size", "32", "--precision", "int8", "--calibration", str(folder)]
    bare = [sys.executable, str(ROOT / "bench" / "bare_openvino.py"), str(weights), str(folder), "f32", arch]
    cold = whole_process(int8, env)  # export, quantize, check against f32: once per weights and calibration set
    ratios, mine, theirs = [], [], []
    for _ in range(pairs):  # in turns, the ratio pair by pair
        a, b = whole_process(int8, env), whole_process(bare, env)
        mine.append(a)
        theirs.append(b)
        ratios.append(a / b)
    print(f"{photos} photos, {arch}, whole process (median of {pairs} pairs):")
    print(f"  convlens classify --precision int8 (cached)  {statistics.median(mine):6.2f} s   (first run, "
          f"quantizing: {cold:.2f} s)")
    print(f"  bare OpenVINO f32 script                     {statistics.median(theirs):6.2f} s")
    print(f"  int8 / bare OpenVINO f32 = {statistics.median(ratios):.2f}  (goal <= 0.60)")


def agreement(tmp: Path, n: int, arch: str = "mobilenet_v2", weights: Path | None = None,
              calibration: Path | None = None) -> None:
    """``weights`` and ``calibration``: a quick run's, from ``speed`` (its int8 model is then taken from the cache,
    as a user's second run takes it)."""
    import torch

    from convlens.engine.data.images import load_image
    from convlens.engine.runtime.quantize import quantize
    from convlens.engine.weights.load import load_weights
    from tests.photo_views import views

    os.environ["XDG_CACHE_HOME"] = str(tmp / "cache")
    real = DATA / "models" / "mobilenet_v2_imagenet.pth"
    real_weights = arch == "mobilenet_v2" and real.is_file()
    loaded = load_weights(arch, str(weights) if weights else str(real) if real_weights else "random")
    int8, measured = quantize(loaded, calibration or views(DATA / "images", tmp / "calibration", n, seed=1))
    held_out = sorted(views(DATA / "images", tmp / "held out", n, seed=2).iterdir())
    x = torch.stack([loaded.preprocess(load_image(p)) for p in held_out])
    with torch.inference_mode():
        f32 = loaded.model.eval()(x).softmax(1)
    got = int8.model(x).softmax(1)
    same = f32.argmax(1) == got.argmax(1)
    sure = f32.max(1).values >= 0.5
    source = "the speed run's photos" if calibration else f"{n} views of the shared photos"
    print(f"{loaded.name} ({'ImageNet weights' if real_weights else 'random weights'}), calibrated on {source}: "
          f"{measured.text()}")
    print(f"  held-out views: top-1 agreement {same.float().mean():.3f} ({int(same.sum())} of {n}); on the "
          f"{int(sure.sum())} f32 is >= 50% sure of: {same[sure].float().mean():.3f}  (goal >= 0.97)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_quick(parser)
    args = parser.parse_args()
    if not (DATA / "images").is_dir():
        print(f"no photos at {DATA / 'images'}: set CONVLENS_TEST_DATA", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp())
    try:
        if args.quick:
            speed(tmp, "mobilenet_v3_small", 12, 1)  # int8 calibration takes at least 10 images
            agreement(tmp, 12, "mobilenet_v3_small", tmp / "mobilenet_v3_small.pth", tmp / "photos")
        else:
            speed(tmp, "resnet50", 207, 3)
            agreement(tmp, 240)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

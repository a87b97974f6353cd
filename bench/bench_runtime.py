"""Runtimes side by side in one run (ratios; lower is better):

1. folder classification, whole process: `convlens classify FOLDER` (the default, auto: faithful f32) against
   bench/bare_openvino.py in f32 (PIL + torchvision transforms + OpenVINO, batch 32); goal <= 1.15; and
   `--runtime fast` against the same script in bf16;
2. the app's predict path against the bare runtime it uses, batch 1 and 32, in one process; goal <= 1.05;
3. the cold start of `auto` (export, compile, parity, timing) and the warm (cached) one;
4. the first answer for new weights (as after every fine-tune): one photo through a ResNet-50 weights file the
   cache has never seen, default against `--runtime torch`, whole process, alternating; goal <= 1.2.

Real weights: the shared MobileNetV2 (../shared/data), 15 real photos copied to 210 files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = Path(os.environ.get("CONVLENS_TEST_DATA", ROOT.parent / "shared" / "data"))

from bench.timing import add_quick, paired_seconds  # noqa: E402


def whole_process(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_quick(parser)
    args = parser.parse_args()
    runs = 1 if args.quick else 2
    weights = DATA / "models" / "mobilenet_v2_imagenet.pth"
    if not weights.is_file():
        print(f"no weights at {weights}", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp())
    folder = tmp / "photos"
    folder.mkdir()
    for i in range(1 if args.quick else 14):
        for p in sorted((DATA / "images").iterdir())[: 2 if args.quick else None]:
            shutil.copy(p, folder / f"{i:02d}_{p.name}")
    n = len(list(folder.iterdir()))
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "cache")}
    convlens = [sys.executable, "-m", "convlens.gui.main", "classify", str(folder), "--arch", "mobilenet_v2",
                "--weights", str(weights), "--topk", "1", "--batch-size", "32"]

    bare_script = [sys.executable, str(ROOT / "bench" / "bare_openvino.py"), str(weights), str(folder)]
    cold = whole_process(convlens, env)  # first start: export, compile, check, time
    app = min(whole_process(convlens, env) for _ in range(runs))
    bare = min(whole_process([*bare_script, "f32"], env) for _ in range(runs))
    fast = bare_bf16 = torch_eager = float("nan")  # a quick run leaves them out
    if not args.quick:
        fast = min(whole_process([*convlens, "--runtime", "fast"], env) for _ in range(runs))
        bare_bf16 = min(whole_process([*bare_script, "bf16"], env) for _ in range(runs))
        torch_eager = whole_process([*convlens, "--runtime", "torch"], env)
    print(f"folder of {n} photos, whole process (MobileNetV2):")
    print(f"  convlens classify (default auto, cached)  {app:6.2f} s")
    print(f"  convlens classify (default auto, cold)    {cold:6.2f} s")
    print(f"  convlens classify (torch)                 {torch_eager:6.2f} s")
    print(f"  bare OpenVINO f32 script                  {bare:6.2f} s")
    print(f"  convlens classify --runtime fast          {fast:6.2f} s")
    print(f"  bare OpenVINO bf16 script                 {bare_bf16:6.2f} s")
    print(f"  default / bare OpenVINO f32 = {app / bare:.2f}  (goal <= 1.15)")
    print(f"  fast / bare OpenVINO bf16 = {fast / bare_bf16:.2f}")
    if not args.quick:  # five pairs of whole processes: too long for a quick run
        first_answer(tmp)

    # 2. predict path vs bare runtime, in process
    os.environ["XDG_CACHE_HOME"] = str(tmp / "cache")
    import torch

    from convlens.engine.runtime.predict import Predictor
    from convlens.engine.runtime.runtimes import convert
    from convlens.engine.weights.load import load_weights

    loaded = load_weights("mobilenet_v2", str(weights))
    for runtime in ("openvino",) if args.quick else ("openvino", "onnxruntime"):
        fast = convert(loaded, runtime)
        predictor = Predictor(fast, "cpu")
        for batch in (1,) if args.quick else (1, 32):
            x = torch.randn(batch, 3, 224, 224)
            repeats = 1 if args.quick else 15 if batch == 1 else 5
            app_t, bare_t, ratio = paired_seconds(lambda: predictor.predict_tensor(x, 5), lambda: fast.model(x),
                                                  repeats)  # in turns, the ratio call by call
            print(f"{runtime} {fast.precision} batch {batch:2d}: app {1000 * app_t:7.1f} ms, bare "
                  f"{1000 * bare_t:7.1f} ms, ratio {ratio:.3f} (goal <= 1.05)")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


def first_answer(tmp: Path, pairs: int = 5, arch: str = "resnet50") -> None:
    """One photo through new ``arch`` weights (ResNet-50), whole process, each run with an empty runtime cache (weights the
    cache has never seen): the default against --runtime torch, in turns, the ratio taken pair by pair."""
    import statistics

    import torch
    from torchvision import models

    weights = tmp / f"{arch}_new.pth"
    torch.save(getattr(models, arch)(weights=None).state_dict(), weights)
    photo = DATA / "images" / "dog_samoyed.jpg"
    base = [sys.executable, "-m", "convlens.gui.main", "classify", str(photo), "--arch", arch,
            "--weights", str(weights), "--topk", "1"]
    ratios, defaults, torches = [], [], []
    for i in range(pairs):
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp / f"fresh{i}a")}
        default = whole_process(base, env)
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp / f"fresh{i}b")}
        eager = whole_process([*base, "--runtime", "torch"], env)
        defaults.append(default)
        torches.append(eager)
        ratios.append(default / eager)
    print(f"one photo, new {arch} weights, whole process (median of {pairs} pairs):")
    print(f"  default {statistics.median(defaults):.2f} s, --runtime torch {statistics.median(torches):.2f} s, "
          f"ratio {statistics.median(ratios):.2f} (goal <= 1.2)")


if __name__ == "__main__":
    sys.exit(main())

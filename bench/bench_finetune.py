"""Frozen-backbone fine-tune of MobileNetV2: total time vs one backbone forward pass.

300 real MNIST digits (classes 0-4, 60 each; 240 train / 60 validation),
5 epochs, head only. Goal: total <= 1.3x one forward pass over the 300
images, thanks to the feature cache; the same run without the cache for
comparison. Uses the shared real MobileNetV2 weights when present.

    python bench/bench_finetune.py
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from timing import add_quick  # noqa: E402

from convlens.engine.core.steps import run_to_end  # noqa: E402
from convlens.engine.data.datasets import Dataset, Split, load_mnist, stratified_split  # noqa: E402
from convlens.engine.training.loop import TrainConfig, fine_tune  # noqa: E402
from convlens.engine.weights.load import load_weights  # noqa: E402

DATA = Path(os.environ.get("CONVLENS_TEST_DATA", ROOT.parent / "shared" / "data"))


def _three_hundred(per_class: int = 60) -> Dataset:
    mnist = load_mnist(DATA / "mnist")
    picked: dict[int, list[int]] = {c: [] for c in range(5)}
    for i, y in enumerate(mnist.train.labels):
        if y in picked and len(picked[y]) < per_class:
            picked[y].append(i)
    idx = sorted(i for v in picked.values() for i in v)
    images = [mnist.train.images[i] for i in idx]
    labels = [mnist.train.labels[i] for i in idx]
    train, val = stratified_split(labels, 0.2, 0)
    split = lambda ids: Split([images[i] for i in ids], [labels[i] for i in ids], [str(i) for i in ids])  # noqa: E731
    return Dataset(tuple(str(c) for c in range(5)), split(train), split(val))


def _run(loaded, data, cfg) -> tuple[float, float]:
    start = time.perf_counter()
    result = run_to_end(fine_tune(loaded, data, cfg))
    return time.perf_counter() - start, result.val_accuracy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_quick(parser)
    args = parser.parse_args()
    epochs = 1 if args.quick else 5
    weights = DATA / "models" / "mobilenet_v2_imagenet.pth"
    loaded = load_weights("mobilenet_v2", str(weights) if weights.is_file() else "random")
    data = _three_hundred(6 if args.quick else 60)
    n = len(data.train) + len(data.val)
    x = torch.stack([loaded.preprocess(img) for img in [*data.train.images, *data.val.images]])
    model = loaded.model.eval()
    with torch.inference_mode():
        model(x[:32])  # warm-up
        t = time.perf_counter()
        for i in range(0, n, 32):
            model(x[i : i + 32])
        forward = time.perf_counter() - t
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, cpu; MobileNetV2, {n} images "
          f"({len(data.train)} train / {len(data.val)} val), {epochs} epochs, frozen backbone")
    print(f"one backbone forward pass over {n} images: {forward:.2f} s")
    cfg = TrainConfig(epochs=epochs, patience=0)
    cached, acc = _run(loaded, data, cfg)
    print(f"fine-tune with the feature cache:    {cached:6.2f} s  ratio {cached / forward:.2f} (goal <= 1.30), "
          f"val accuracy {100 * acc:.1f}%")
    uncached, acc = _run(loaded, data, TrainConfig(epochs=epochs, patience=0, cache=False))
    print(f"fine-tune without the cache:         {uncached:6.2f} s  ratio {uncached / forward:.2f}, "
          f"val accuracy {100 * acc:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Engine predict path vs a bare ``model(x)`` on the same tensors.

For MobileNetV2 and ResNet-18 at batch 1 and 32: median time of
``Predictor.predict_tensor`` (forward + softmax + top-k + Python results)
against ``model(x)`` under ``torch.inference_mode``; preprocessing (decode
excluded, resize/crop/normalise of PIL images) is timed on its own. Prints
the ratio; the goal is <= 1.10.

    python bench/bench_predict.py [--repeats N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import add_quick, median_seconds, paired_seconds

from convlens.engine.data.images import load_image
from convlens.engine.runtime.predict import Predictor
from convlens.engine.weights.load import load_weights

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    add_quick(parser)
    args = parser.parse_args()
    archs, batches = (("mobilenet_v2",), (1, 2)) if args.quick else (("mobilenet_v2", "resnet18"), (1, 32))
    if args.quick:
        args.repeats = 1
    torch.manual_seed(0)
    sample = SHARED / "images" / "dog_samoyed.jpg"
    image = load_image(sample) if sample.is_file() else None
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, device cpu")
    print(f"{'model':<14}{'batch':>6}{'bare ms':>10}{'engine ms':>11}{'ratio':>8}{'preproc ms/img':>16}")
    worst = 0.0
    for arch in archs:
        predictor = Predictor(load_weights(arch, "random"), "cpu")
        model = predictor.model
        for batch in batches:
            x = torch.randn(batch, 3, 224, 224)
            reps = args.repeats if batch == 1 or args.quick else max(3, args.repeats // 3)

            def bare(x: torch.Tensor = x) -> None:
                with torch.inference_mode():
                    model(x)

            def engine(x: torch.Tensor = x) -> None:
                predictor.predict_tensor(x, topk=5)

            # in turns, call by call, so any drift in machine load falls on both sides of each ratio
            e, b, ratio = paired_seconds(engine, bare, reps if args.quick else 3 * reps)
            pre = ""
            if image is not None:
                p = median_seconds(lambda: predictor.prepare([image] * batch), 1 if args.quick else max(3, reps // 2)) / batch
                pre = f"{1000 * p:16.2f}"
            worst = max(worst, ratio)
            print(f"{arch:<14}{batch:>6}{1000 * b:>10.2f}{1000 * e:>11.2f}{ratio:>8.3f}{pre}")
    print(f"worst ratio {worst:.3f} (goal <= 1.10)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

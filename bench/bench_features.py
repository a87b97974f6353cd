"""Feature capture of every conv layer vs a plain forward; Grad-CAM time per image.

For ResNet-18 and VGG16 (random weights, batch 1, 224x224): median time of a
forward with every Conv2d's output captured (the engine's ``capture``) against
the same forward without hooks. Goal: ratio <= 1.30. Then the engine's
Grad-CAM (forward + backward to the default layer) per image, and its ratio
to the plain forward.

    python bench/bench_features.py [--repeats N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import add_quick, median_seconds, paired_seconds

from convlens.engine.inspect.activations import ActivationRecorder, class_activation_map, default_cam_layer
from convlens.engine.models.registry import get_arch


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    add_quick(parser)
    args = parser.parse_args()
    if args.quick:
        args.repeats = 1
    torch.manual_seed(0)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, cpu, batch 1")
    print(f"{'model':<10}{'convs':>6}{'plain ms':>10}{'capture ms':>12}{'ratio':>7}{'Grad-CAM ms':>13}{'cam/plain':>11}")
    worst = 0.0
    for arch in ("resnet18",) if args.quick else ("resnet18", "vgg16"):
        model = get_arch(arch).build().eval()
        convs = [n for n, m in model.named_modules() if isinstance(m, nn.Conv2d)]
        x = torch.randn(1, 3, 224, 224)
        layer = default_cam_layer(model, (3, 224, 224))

        def plain(model: nn.Module = model, x: torch.Tensor = x) -> None:
            with torch.inference_mode():
                model(x)

        recorder = ActivationRecorder()  # as the app keeps one per model

        def captured(model: nn.Module = model, x: torch.Tensor = x, convs: list[str] = convs) -> None:
            with recorder.record(model, convs), torch.inference_mode():
                model(x)

        def cam(model: nn.Module = model, x: torch.Tensor = x, layer: str = layer) -> None:
            class_activation_map(model, x, layer)

        # in turns, call by call: a drift in the machine's speed falls on both sides of each ratio
        c, p, ratio = paired_seconds(captured, plain, args.repeats if args.quick else 3 * args.repeats)
        g = median_seconds(cam, 1 if args.quick else max(3, args.repeats // 2))
        worst = max(worst, ratio)
        print(f"{arch:<10}{len(convs):>6}{1000 * p:>10.1f}{1000 * c:>12.1f}{ratio:>7.3f}{1000 * g:>13.1f}{g / p:>11.2f}")
    print(f"worst capture ratio {worst:.3f} (goal <= 1.30)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

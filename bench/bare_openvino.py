"""The plain script a practitioner would write: PIL decode + torchvision transforms + OpenVINO, batch 32. The
reference for bench_runtime.py's whole-process folder classification: f32 (the default, ConvLens' faithful default's
peer) or bf16 where the CPU has it (the peer of ``--runtime fast``).

    python bench/bare_openvino.py WEIGHTS.pth FOLDER [f32|bf16] [ARCH]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import openvino as ov
import torch
from PIL import Image
from torchvision import models, transforms


def main(weights: str, folder: str, precision: str = "f32", arch: str = "mobilenet_v2") -> None:
    model = getattr(models, arch)(weights=None)
    model.load_state_dict(torch.load(weights, weights_only=True))
    model.eval()
    core = ov.Core()
    if precision == "bf16" and "BF16" not in core.get_property("CPU", "OPTIMIZATION_CAPABILITIES"):
        precision = "f32"
    ov_model = ov.convert_model(model, example_input=torch.zeros(1, 3, 224, 224))
    compiled = core.compile_model(ov_model, "CPU", {"INFERENCE_PRECISION_HINT": precision})
    tf = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(),
                             transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    files = sorted(p for p in Path(folder).rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png"))
    for i in range(0, len(files), 32):
        batch = torch.stack([tf(Image.open(p).convert("RGB")) for p in files[i : i + 32]]).numpy()
        logits = compiled(batch)[0]
        for p, row in zip(files[i : i + 32], np.asarray(logits), strict=True):
            print(p.name, int(row.argmax()))


if __name__ == "__main__":
    main(*sys.argv[1:5])

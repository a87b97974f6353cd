"""torchvision loads without TorchDynamo (issue 28, start time), and nothing that needs either is worse off."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

CHECK = """
import sys, time
import convlens.engine
import torch
start = time.perf_counter()
import torchvision
print("torchvision-seconds", round(time.perf_counter() - start, 2))
print("dynamo-imported", "torch._dynamo" in sys.modules, "stand-in-left", "torch._dynamo.utils" in sys.modules)
from PIL import Image
from convlens.engine.models.preprocess import Preprocess  # transforms.v2, and so tv_tensors
x = Preprocess()(Image.new("RGB", (300, 200)))
print("preprocessed", tuple(x.shape), "torch._dynamo" in sys.modules)
from torchvision.ops import roi_align  # the one user of the name: it asks TorchDynamo when it runs
out = roi_align(torch.randn(1, 4, 16, 16), torch.tensor([[0, 1.0, 1.0, 8.0, 8.0]]), output_size=2)
print("roi_align", tuple(out.shape))
import torch._dynamo.utils as real
print("real-dynamo", hasattr(real, "counters"))
print("efficientnet", tuple(torchvision.models.efficientnet_b0()(torch.randn(1, 3, 64, 64)).shape))
from torchvision import tv_tensors
import torchvision.transforms.v2.functional as F
out = F.resize(tv_tensors.Image(torch.zeros(3, 8, 8, dtype=torch.uint8)), [4, 4], antialias=True)
print("tv_tensor", type(out).__name__, torch.compiler.disable.__module__)
"""


def _run(env_extra: dict[str, str]) -> dict[str, list[str]]:
    import os

    out = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, **env_extra})
    return {line.split()[0]: line.split()[1:] for line in out.stdout.splitlines()}


@pytest.mark.serial  # compares two processes' import times: run alone (make test)
def test_torchvision_loads_without_dynamo_and_still_works() -> None:
    lines = _run({})
    assert lines["dynamo-imported"] == ["False", "stand-in-left", "False"]
    assert lines["roi_align"] == ["(1,", "4,", "2,", "2)"]
    assert lines["real-dynamo"] == ["True"]  # imported later, it is TorchDynamo itself, not the stand-in
    assert lines["efficientnet"] == ["(1,", "1000)"]
    assert lines["preprocessed"] == ["(3,", "224,", "224)", "False"]  # ConvLens' preprocessing needs none of it
    assert lines["tv_tensor"] == ["Image", "torch.compiler"]  # a TVTensor keeps its type; disable is torch's again
    plain = _run({"CONVLENS_TORCHVISION": "plain"})
    assert plain["dynamo-imported"][0] == "True"  # torchvision's own import does load it
    assert float(lines["torchvision-seconds"][0]) < float(plain["torchvision-seconds"][0])

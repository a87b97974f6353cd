"""The batch cliff (issue 28): freed activation memory is reused, not unmapped and faulted in again at every batch."""

from __future__ import annotations

import os
import platform
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = [
    pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="the tuning is for glibc's malloc"),
    pytest.mark.serial,  # counts page faults, which a busy neighbour process changes: run alone (make test)
]

PASSES = """
import resource, torch, torchvision
from convlens.engine.runtime.device import select_device
select_device("cpu")
torch.set_num_threads(1)
model = torchvision.models.resnet18().eval()
x = torch.randn(16, 3, 224, 224)
with torch.inference_mode():
    model(x)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    model(x)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults_of_a_second_pass(malloc: str) -> int:
    env = {**os.environ, "CONVLENS_MALLOC": malloc}
    out = subprocess.run([sys.executable, "-c", PASSES], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1])


def test_a_second_forward_pass_reuses_the_first_ones_memory() -> None:
    tuned, system = _faults_of_a_second_pass(""), _faults_of_a_second_pass("system")
    # glibc's defaults: the activations (ResNet-18, batch 16) are mapped and faulted in again, page by page;
    # tuned, the second pass finds most of them in the heap
    assert system > 10_000, system
    assert tuned < system / 4, (tuned, system)  # measured here: ~6,000 against ~50,000

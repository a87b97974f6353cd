"""The garbage collector never walks torch's import-time objects while the window is up (issue 28, a 117 ms stall
a CI run saw while VGG16 classified a folder), and the layer table's FLOP count needs no TorchDynamo."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

CHECK = """
import gc, sys, time
walks = []
def note(phase, info, started=[0.0]):
    if phase == "start":
        started[0] = time.perf_counter()
    elif info["generation"] == 2:
        walks.append(1000 * (time.perf_counter() - started[0]))
gc.callbacks.append(note)
from convlens.engine.core import gc_pauses
with gc_pauses.loading():  # what the app's engine thread does first
    from convlens.engine.app import tasks
    tasks.import_all()
print("loading-walks", len(walks), "frozen", gc.get_freeze_count() > 200_000, "enabled", gc.isenabled())
import torch, torchvision
from PIL import Image
from convlens.engine.inspect.summary import summarize
from convlens.engine.models.preprocess import Preprocess
model = torchvision.models.resnet18().eval()
summary = summarize(model, (3, 224, 224))
with torch.no_grad():
    model(Preprocess()(Image.new("RGB", (320, 240))).unsqueeze(0))
print("dynamo", "torch._dynamo" in sys.modules)
gc.collect()
print("full-walk-objects", len(gc.get_objects(2)))
from torch.utils.flop_counter import FlopCounterMode  # torch's own count, with TorchDynamo as torch has it
import torch._dynamo
with FlopCounterMode(display=False) as counter, torch.no_grad():
    model(torch.zeros(1, 3, 224, 224))
print("flops", summary.flops, counter.get_total_flops())
"""


def _run(**env: str) -> dict[str, list[str]]:
    import os

    out = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env={**os.environ, **env})
    assert out.returncode == 0, out.stderr[-3000:]
    return {line.split()[0]: line.split()[1:] for line in out.stdout.splitlines()}


def test_loading_makes_no_full_walks_and_leaves_little_to_walk_later() -> None:
    lines = _run()
    assert lines["loading-walks"] == ["0", "frozen", "True", "enabled", "True"]
    assert lines["dynamo"] == ["False"]  # the layer table's FLOP counter and a forward pass import none of it
    assert int(lines["full-walk-objects"][0]) < 30_000  # against ~300,000 unfrozen
    flops, reference = lines["flops"]
    assert flops == reference and int(flops) > 1_800_000_000  # ResNet-18: 1.8 GMACs, counted as torch counts them


def test_plain_gc_leaves_the_collector_alone() -> None:
    lines = _run(CONVLENS_GC="plain")
    assert lines["loading-walks"][0] != "0"  # the imports set off full collections of their own
    assert lines["loading-walks"][2] == "False"
    assert int(lines["full-walk-objects"][0]) > 200_000

"""The ``convlens`` command's side of distributed (the engine's is in tests/engine/test_distributed.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from convlens.engine.core.errors import ConvLensError
from convlens.engine.training.loop import TrainConfig
from tests.conftest import CLASSES, ROOT


def peak_rss_mb(argv: list[str]) -> float:
    """The peak resident memory of a command (its largest process), through a fresh parent that waits for it."""
    probe = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
             "sys.stderr.write(r.stdout + r.stderr); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if r.returncode == 0 else -1)")
    run = subprocess.run([sys.executable, "-c", probe, *argv], cwd=ROOT, capture_output=True, text=True, timeout=900)
    kb = int(run.stdout.strip().splitlines()[-1])
    assert kb > 0, run.stderr
    return kb / 1024


def test_streamed_memory_is_flat_from_1000_to_10000_images(tmp_path: Path) -> None:
    """A streamed fine-tune's peak memory does not grow with the number of images: 10,000 generated images take
    at most 60 MB more than 1,000 (an image kept as a 3x28x28 tensor would add 85 MB), and at most 300 MB above
    importing torch and torchvision (measured here: 20,000 images 885 vs 877 MB, torch alone 813 MB; 50,000 images:
    895 MB)."""
    from tests.synthetic_images import write_class_folders

    base = peak_rss_mb([sys.executable, "-c", "import torch, torchvision"])
    peaks = {}
    for count in (1000, 10000):
        data = write_class_folders(tmp_path / f"n{count}", count)
        peaks[count] = peak_rss_mb([sys.executable, "-m", "convlens.cli", "finetune", str(data), "--arch", "lenet5",
                                    "--weights", "random", "--epochs", "1", "--batch-size", "64", "--far", "0",
                                    "--device", "cpu", "--out", str(tmp_path / f"n{count}.pth")])
    print(f"peak memory: torch {base:.0f} MB, 1,000 images {peaks[1000]:.0f} MB, 10,000 images {peaks[10000]:.0f} MB")
    assert peaks[10000] - peaks[1000] < 60, peaks
    assert peaks[10000] - base < 300, (base, peaks)


def test_a_training_bundle_runs_on_the_bigger_machine_and_its_model_comes_back(mnist_digit_folder: Path, lenet: Path,
                                                                              tmp_path: Path) -> None:
    """The bundle's command line is the training set up (parsed back by the CLI's own parser into the same
    settings); its run.sh runs it under torchrun (2 processes here) and the model.pth it writes loads."""
    from convlens.cli.commands.finetune import finetune_config
    from convlens.cli.parser import build_parser
    from convlens.engine.training.bundle import TrainingBundle, finetune_arguments, read_bundle, write_bundle

    cfg = TrainConfig(epochs=2, lr=0.003, batch_size=32, optimizer="sgd", patience=1, hidden=64, dropout=0.0,
                      rotation=5.0, hflip=True, seed=4, far=0.0, freeze_backbone=False)
    bundle = TrainingBundle("lenet5", str(lenet), str(mnist_digit_folder), "", 0.25, cfg)
    parsed = build_parser().parse_args(finetune_arguments(bundle))
    assert parsed.weights == str(lenet) and parsed.val_split == 0.25 and parsed.data == str(mnist_digit_folder)
    back = finetune_config(parsed)
    machine = {"workers": back.workers, "cache_budget": 0, "cache_dir": ""}
    assert back == TrainConfig(**{**cfg.__dict__, **machine})
    folder = write_bundle(tmp_path / "bundle", bundle)
    assert sorted(p.name for p in folder.iterdir()) == ["README.txt", "bundle.json", "run.sh", "weights"]
    assert (folder / "weights" / "lenet.pth").read_bytes() == lenet.read_bytes()  # the bigger machine has no copy
    again = read_bundle(folder)
    assert again.config == TrainConfig(**{**cfg.__dict__, "workers": 0}) and again.weights == str(folder / "weights"
                                                                                                   / "lenet.pth")
    with pytest.raises(ConvLensError, match="not empty"):
        write_bundle(mnist_digit_folder, bundle)  # never written over a folder of other things
    env = {**os.environ, "NPROC": "2", "OMP_NUM_THREADS": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    run = subprocess.run(["sh", str(folder / "run.sh"), str(mnist_digit_folder)], cwd=tmp_path, capture_output=True, text=True,
                         timeout=600, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "distributed: 2 processes (gloo)" in run.stdout and (folder / "model.pth").is_file()
    from convlens.engine.weights.load import load_file

    trained = load_file(folder / "model.pth", None)
    assert trained.arch.name == "lenet5" and trained.labels == tuple(f"digit_{c}" for c in CLASSES)
    assert trained.training is not None
    assert trained.training.config["processes"] == 2 and trained.training.config["optimizer"] == "sgd"

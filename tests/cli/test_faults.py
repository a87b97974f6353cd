"""Faults are input too: a full disk, crafted checkpoint metadata, odd flags, files that are not files, outputs
that would destroy inputs. Each gets a clear message naming the file or flag, exit 1 (2 for a flag), no traceback,
no partial or empty file, nothing lost. The "full disk" is RLIMIT_FSIZE on the CLI process: every write past
the limit fails with an OSError as on a full file system (EFBIG instead of ENOSPC), with no mount needed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import torch

from convlens.engine.weights.checkpoints import save_checkpoint
from convlens.engine.weights.load import load_weights
from tests.cli.runner import run_convlens as _cli


def _no_traceback(run: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in run.stderr, run.stderr


@pytest.fixture(scope="module")
def lenet_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lenet") / "lenet.pth"
    save_checkpoint(path, load_weights("lenet5", "random"))
    return path


def test_export_on_a_full_disk_is_a_message_and_leaves_nothing(mobilenet_file: Path, tmp_path: Path) -> None:
    for fmt, name in (("torchscript", "m.pt"), ("onnx", "m.onnx")):
        run = _cli("export", "--arch", "mobilenet_v2", "--weights", str(mobilenet_file), "--format", fmt,
                   "--out", str(tmp_path / name), limit=3_000_000)
        _no_traceback(run)
        assert run.returncode == 1 and f"Cannot write {tmp_path / name}" in run.stderr, run.stderr
        assert sorted(os.listdir(tmp_path)) == [], os.listdir(tmp_path)  # no partial, no 0-byte file


def test_small_writers_on_a_full_disk_leave_no_empty_file(mobilenet_file: Path, photos: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "Samoyed").mkdir(parents=True)
    (data / "Samoyed" / "a.jpg").write_bytes((photos / "dog_samoyed.jpg").read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    run = _cli("cam", str(photos / "dog_samoyed.jpg"), "--arch", "mobilenet_v2", "--weights", str(mobilenet_file),
               "--out", str(out / "c.png"), "--overlay", str(out / "o.png"), limit=100_000)
    _no_traceback(run)
    assert run.returncode == 1 and "Cannot write" in run.stderr
    assert not any(p.stat().st_size == 0 for p in out.iterdir()) and not list(out.glob(".*partial"))
    # stdout onto a full disk: a message and exit 1, not a traceback at exit
    with open(out / "results.json", "w") as f:
        run = _cli("classify", str(photos), "--arch", "mobilenet_v2", "--weights", str(mobilenet_file), "--json",
                   limit=200, stdout=f)
    _no_traceback(run)
    assert run.returncode == 1 and "cannot write the output (standard output)" in run.stderr


def test_a_trained_model_is_never_lost_to_its_out_file(lenet_file: Path, shared_data: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from convlens.cli import main
    from convlens.engine.core.errors import ConvLensError
    from convlens.engine.weights import checkpoints

    # refused before training: a folder that does not exist, an --out that is the weights file
    assert main(["finetune", str(shared_data / "mnist"), "--arch", "lenet5", "--weights", str(lenet_file),
                 "--out", str(tmp_path / "missing" / "m.pth"), "--epochs", "1"]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["finetune", str(shared_data / "mnist"), "--arch", "lenet5", "--weights", str(lenet_file),
                 "--out", str(lenet_file), "--epochs", "1"]) == 1
    assert "would destroy the input" in capsys.readouterr().err
    # the final write fails anyway (the disk filled during training): the model is kept elsewhere, and said where
    real = checkpoints.save_checkpoint
    target = tmp_path / "m.pth"

    def fail_there(path, loaded):
        if Path(path) == target:
            raise ConvLensError("Cannot write {path}: No space left on device.", path=path)
        return real(path, loaded)

    monkeypatch.setattr(checkpoints, "save_checkpoint", fail_there)
    assert main(["finetune", str(shared_data / "mnist"), "--arch", "lenet5", "--weights", "random",
                 "--out", str(target), "--epochs", "1"]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "the trained model is kept in " in err
    kept = Path(err.split("the trained model is kept in ")[1].split(":")[0])
    assert kept.is_file() and load_weights(None, str(kept)).labels[:3] == ("0", "1", "2")


@pytest.mark.parametrize(("meta", "message"), [
    ({"preprocess": {"std": [0.0, 0.2, 0.2], "mean": [0.5, 0.5, 0.5]}}, "std"),
    ({"preprocess": {"crop": 0}}, "crop 0"),
    ({"preprocess": {"crop": 60000}}, "crop 60000"),
    ({"preprocess": {"interpolation": "magic"}}, "interpolation 'magic'"),
    ({"head_layout": {"kind": "replace", "hidden": 10**9}}, "hidden size 1000000000"),
    ({"build_options": {"no_such_option": True}}, "build options"),
    ({"training": {"temperature": float("nan")}}, "temperature"),
])
def test_crafted_checkpoint_metadata_is_refused_before_use(meta: dict, message: str, tmp_path: Path,
                                                           photos: Path) -> None:
    loaded = load_weights("lenet5", "random")
    payload = {"format": "convlens-checkpoint", "arch": "lenet5", "classes": [str(i) for i in range(10)],
               "preprocess": loaded.preprocess.to_dict(), "build_options": {}, "head_layout": None, "training": None,
               "state_dict": loaded.model.state_dict()}
    for key, value in meta.items():
        payload[key] = {**payload[key], **value} if isinstance(payload.get(key), dict) else value
    path = tmp_path / "crafted.pth"
    torch.save(payload, path)
    run = _cli("classify", str(photos / "fish.png"), "--weights", str(path))
    _no_traceback(run)
    assert run.returncode == 1 and "crafted.pth" in run.stderr and message in run.stderr, run.stderr


@pytest.mark.parametrize("flags", [
    ["classify", "x.png", "--batch-size", "0"], ["classify", "x.png", "--batch-size", "-4"],
    ["finetune", "d", "--arch", "lenet5", "--out", "o.pth", "--lr", "nan"],
    ["finetune", "d", "--arch", "lenet5", "--out", "o.pth", "--dropout", "2"],
    ["finetune", "d", "--arch", "lenet5", "--out", "o.pth", "--input-size", "20000"],
    ["finetune", "d", "--arch", "lenet5", "--out", "o.pth", "--workers", "-1"],
    ["finetune", "d", "--arch", "lenet5", "--out", "o.pth", "--hidden", "-5"],
    ["finetune", "d", "--arch", "lenet5", "--out", "o.pth", "--far", "2"],
    ["evaluate", "d", "--far", "2"], ["classify", "x.png", "--topk", "0"],
])
def test_odd_flags_are_refused_at_parse_time_naming_the_flag(flags: list[str]) -> None:
    run = _cli(*flags)
    _no_traceback(run)
    flag = next(f for f in flags if f.startswith("--") and f not in ("--arch", "--out"))
    assert run.returncode == 2 and f"argument {flag}:" in run.stderr, run.stderr


def test_what_is_not_a_regular_file_is_never_read(mobilenet_file: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    sparse = tmp_path / "huge.png"
    with open(sparse, "wb") as f:
        f.truncate(4 * 1024**3)  # 4 GiB, no blocks: read whole it would cost 4 GB
    folder = tmp_path / "x.pth"
    folder.mkdir()
    run = _cli("classify", str(fifo), "/dev/zero", str(sparse), "--arch", "mobilenet_v2", "--weights",
               str(mobilenet_file))
    _no_traceback(run)
    assert "pipe.png: not a regular file" in run.stdout and "zero: not a regular file" in run.stdout
    assert "huge.png: 4.3 GB" in run.stdout and run.returncode == 1
    run = _cli("classify", str(fifo), "--arch", "mobilenet_v2", "--weights", str(folder))
    assert run.returncode == 1 and "x.pth: is a folder, not a weights file" in run.stderr


def test_outputs_that_would_destroy_an_input_are_refused(mobilenet_file: Path, photos: Path, tmp_path: Path) -> None:
    image = tmp_path / "fish.png"
    image.write_bytes((photos / "fish.png").read_bytes())
    weights = tmp_path / "w.pth"
    weights.write_bytes(mobilenet_file.read_bytes())
    data = tmp_path / "data" / "fish"
    data.mkdir(parents=True)
    (data / "a.png").write_bytes(image.read_bytes())
    before = {p: p.read_bytes() for p in (image, weights, data / "a.png")}
    for args in (["cam", str(image), "--arch", "mobilenet_v2", "--weights", str(weights), "--out", str(image)],
                 ["export", "--arch", "mobilenet_v2", "--weights", str(weights), "--format", "onnx", "--out",
                  str(weights)],
                 ["evaluate", str(tmp_path / "data"), "--arch", "mobilenet_v2", "--weights", str(weights), "--out",
                  str(data / "a.png")]):
        run = _cli(*args)
        _no_traceback(run)
        assert run.returncode == 1 and "would destroy" in run.stderr, run.stderr
    assert all(p.read_bytes() == b for p, b in before.items())


def test_compare_takes_the_images_after_models_as_its_usage_line_shows(photos: Path) -> None:
    run = _cli("compare", "--models", "lenet5:random", "alexnet:random", str(photos / "fish.png"), "--json")
    _no_traceback(run)
    assert run.returncode == 0, run.stderr
    assert '"fish.png"' in run.stdout or "fish.png" in run.stdout


def test_an_error_after_a_progress_bar_starts_on_its_own_line(mobilenet_file: Path, tmp_path: Path) -> None:
    import io

    from convlens.cli.streams import _Stderr

    buffer = io.StringIO()
    stderr = _Stderr(buffer)
    stderr.write("\rclassifying 3/10")
    stderr.error("something failed")
    assert buffer.getvalue() == "\rclassifying 3/10\nerror: something failed\n"


def test_a_nan_head_is_an_error_not_nan_percent(tmp_path: Path, photos: Path) -> None:
    loaded = load_weights("lenet5", "random")
    with torch.no_grad():
        for p in loaded.model.parameters():
            p.fill_(float("nan"))
    path = tmp_path / "nan.pth"
    save_checkpoint(path, loaded)
    run = _cli("classify", str(photos / "fish.png"), "--weights", str(path))
    _no_traceback(run)
    assert run.returncode == 1 and "not a number" in run.stderr and "nan%" not in run.stdout

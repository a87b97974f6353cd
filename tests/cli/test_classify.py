"""The ``convlens`` command's side of classify (the engine's is in tests/engine/test_classify.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.cli.runner import run_convlens as _cli
from tests.conftest import CONFIDENT_PHOTOS, ROOT


def test_cli_classify_prints_samoyed_first(mobilenet_file: Path, photos: Path) -> None:
    run = _cli("classify", str(photos / "dog_samoyed.jpg"), "--arch", "mobilenet_v2",
               "--weights", str(mobilenet_file), "--topk", "3")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].endswith("dog_samoyed.jpg")
    assert lines[1].split()[:2] == ["1.", "Samoyed"]
    assert len([line for line in lines if line.strip()[:2] in ("1.", "2.", "3.")]) == 3


def test_cli_classify_json_for_a_folder(mobilenet_file: Path, photos: Path) -> None:
    run = _cli("classify", str(photos), "--arch", "mobilenet_v2", "--weights", str(mobilenet_file),
               "--topk", "2", "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    by_name = {Path(d["file"]).name: d for d in data}
    assert set(by_name) == {p.name for p in photos.iterdir()}
    for name, label in CONFIDENT_PHOTOS.items():
        assert by_name[name]["predictions"][0]["label"] == label
        assert len(by_name[name]["predictions"]) == 2


def test_cli_errors_are_one_line_and_exit_1(tmp_path: Path, photos: Path) -> None:
    run = _cli("classify", str(photos / "dog_samoyed.jpg"), "--arch", "mobilenet_v2",
               "--weights", str(tmp_path / "missing.pth"))
    assert run.returncode == 1
    assert run.stderr.strip().startswith("error:") and "missing.pth" in run.stderr
    assert "Traceback" not in run.stderr
    run = _cli("classify", str(photos / "dog_samoyed.jpg"), "--arch", "nonsense", "--weights", "random")
    assert run.returncode == 1 and "Unknown architecture 'nonsense'" in run.stderr
    assert "Traceback" not in run.stderr


def test_cli_summary_vgg16() -> None:
    run = _cli("summary", "vgg16")
    assert run.returncode == 0, run.stderr
    assert "Total params: 138,357,544" in run.stdout
    assert "(None, 7, 7, 512)" in run.stdout  # Keras order, as the notes print it


def test_cli_models_lists_names() -> None:
    run = _cli("models")
    assert run.returncode == 0
    for name in ("lenet5", "resnet18", "vgg16", "mobilenet_v2", "inception_v3"):
        assert f"  {name} " in run.stdout


def test_cli_and_engine_never_import_qt() -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "import convlens.engine as engine, convlens.cli as cli\n"
        "for m in pkgutil.walk_packages(engine.__path__, 'convlens.engine.'): importlib.import_module(m.name)\n"
        "cli.main(['models'])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6')]\n"
        "assert not bad, bad\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    for source in [*(ROOT / "engine").rglob("*.py"), *(ROOT / "cli").rglob("*.py")]:
        text = source.read_text()
        assert "PySide6" not in text and "PyQt" not in text, source

"""The ``convlens`` command's side of health (the engine's is in tests/engine/test_health.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from convlens.cli import main as cli_main
from convlens.engine.core.steps import run_to_end
from convlens.engine.evaluation.health import check_folder


def test_clean_folder_and_cli(photos: Path, tmp_path: Path, planted: tuple[Path, Path],
                              capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "clean"
    for name, files in (("a", ["fish.png", "kitten_224.png"]), ("b", ["metal_car-1.jpg", "metal_animal-1.jpg"])):
        (clean / name).mkdir(parents=True)
        for f in files:
            shutil.copy(photos / f, clean / name / f)
    report = run_to_end(check_folder(clean))
    assert [i.kind for i in report.issues] == ["few_images"]
    assert cli_main(["check", str(planted[0]), "--val-dir", str(planted[1])]) == 0
    out = capsys.readouterr().out
    assert "1 group of identical files (1 extra copy): delete the copies" in out
    assert "1 picture in both the training and the validation folder" in out
    assert cli_main(["check", str(planted[0]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["classes"] == {"cats": 3, "dogs": 4} and {"unreadable", "tiny", "duplicates"} <= {
        i["kind"] for i in data["issues"]}
    assert cli_main(["check", str(tmp_path / "missing")]) == 1

"""The ``convlens`` command's side of runtimes (the engine's is in tests/engine/test_runtimes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_cli_auto_is_the_default_and_says_what_it_chose(mobilenet_file: Path, photos: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from convlens.cli import main

    monkeypatch.delenv("CONVLENS_DEFAULT_RUNTIME", raising=False)
    assert main(["classify", str(photos / "dog_samoyed.jpg"), "--arch", "mobilenet_v2",
                 "--weights", str(mobilenet_file), "--topk", "1"]) == 0
    out = capsys.readouterr()
    assert "runtime: PyTorch f32: converting the model would not pay for one image" in out.err
    assert "1. Samoyed" in out.out and "80.8" in out.out

"""``convlens label-issues``: the planted mistakes first in the table and the JSON, bad input one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convlens.cli import main as cli_main


def test_cli_label_issues_json_and_table(mislabelled_digits, mobilenet_file: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    root, planted = mislabelled_digits
    assert cli_main(["label-issues", str(root), "--arch", "mobilenet_v2", "--weights", str(mobilenet_file),
                     "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["classes"] == ["digit_0", "digit_1", "digit_7"] and data["images"] == 181 and data["folds"] == 5
    files = [s["file"] for s in data["suspects"]]
    assert planted <= set(files[:8])
    assert all(s["given"] != s["likely"] and s["given_probability"] < s["likely_probability"] for s in data["suspects"])
    assert [s["given_probability"] for s in data["suspects"]] == sorted(s["given_probability"] for s in data["suspects"])
    assert any(set(c["classes"]) == {"digit_0", "digit_7"} and c["hash_bits"] == 0 for c in data["conflicts"])

    assert cli_main(["label-issues", str(root), "--folds", "3"]) == 0  # the bundled model by default
    table = capsys.readouterr().out
    assert "cross-validated in 3 folds" in table and "suspect labels, most suspect first" in table
    ranked = [line.split()[-1] for line in table.splitlines() if line.strip()[:1].isdigit() and "p(given)" in line]
    assert planted <= set(ranked[:8])


def test_cli_label_issues_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["label-issues", str(tmp_path / "gone")]) == 1
    assert "gone not found" in capsys.readouterr().err
    (tmp_path / "one").mkdir()
    assert cli_main(["label-issues", str(tmp_path)]) == 1
    assert "at least 2 classes" in capsys.readouterr().err
    assert cli_main(["label-issues", str(tmp_path), "--folds", "1"]) == 1
    assert "--folds must be at least 2" in capsys.readouterr().err

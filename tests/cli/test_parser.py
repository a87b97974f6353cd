"""The command line's shape: the subcommands the window's entry point knows are exactly the parser's, and each
has its own help."""

from __future__ import annotations

import argparse

import pytest

from convlens.cli import SUBCOMMANDS
from convlens.cli.parser import build_parser


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(actions) == 1
    return dict(actions[0].choices)


def test_the_entry_points_list_is_the_parsers() -> None:
    """``convlens embed DATA`` once worked only because an unknown word fell through to argparse: the list the
    window's entry point reads is the one the parser is built from, so none can be missing."""
    assert tuple(_subcommands(build_parser())) == SUBCOMMANDS
    assert {"embed", "check", "compare", "finetune", "evaluate", "export"} <= set(SUBCOMMANDS)


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_every_subcommand_has_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args([name, "--help"])
    assert done.value.code == 0
    assert f"usage: convlens {name}" in capsys.readouterr().out


def test_the_window_entry_point_sends_every_subcommand_to_the_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    from convlens import cli
    from convlens.gui import main as entry

    seen: list[list[str]] = []
    monkeypatch.setattr(cli, "main", lambda argv: seen.append(list(argv)) or 0)
    for name in SUBCOMMANDS:
        assert entry.main([name, "x"]) == 0
    assert [s[0] for s in seen] == list(SUBCOMMANDS)


def test_a_usage_error_is_said_before_torch_is_imported() -> None:
    """Parsing imports no torch (the parser once took 4 s to say a flag was missing): help and usage errors are
    instant, as ``convlens.cli.commands`` promises."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("import sys\nfrom convlens.cli.main import main\n"
            "rc = main(['export', '--format', 'onnx-int8', '--out', 'x.onnx'])\n"
            "print(rc, 'torch' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.stdout.split() == ["2", "False"], run.stdout + run.stderr
    assert "--format onnx-int8 needs --calibration DIR" in run.stderr

"""The ``convlens`` argument parser, built from the subcommands' own modules."""

from __future__ import annotations

import argparse
import importlib

from convlens.cli.commands import COMMANDS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="convlens",
        description="ConvLens: see inside and teach convolutional networks. "
        "Without a subcommand, opens the desktop app.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"convlens.cli.commands.{name.replace('-', '_')}").add_parser(sub)
    return parser

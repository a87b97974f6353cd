"""``convlens models``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("models", help="list the architectures ConvLens offers")


def run(args: argparse.Namespace) -> int:
    from convlens.engine.models.registry import FAMILIES, list_architectures

    for family in FAMILIES:
        print(f"{family}:")
        for spec in list_architectures(family):
            size = f"{spec.channels}x{spec.input_size}x{spec.input_size}"
            print(f"  {spec.name:<20} {size:<11} {spec.description}")
    return 0

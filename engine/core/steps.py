"""Driving the engine's long-running generators to the end."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Generator

Step = TypeVar("Step")
Result = TypeVar("Result")


def run_to_end(steps: Generator[Step, None, Result], on_step: Callable[[Step], object] | None = None) -> Result:
    """Iterate ``steps`` (calling ``on_step`` for each) and return the generator's return value."""
    while True:
        try:
            step = next(steps)
        except StopIteration as done:
            return done.value
        if on_step is not None:
            on_step(step)

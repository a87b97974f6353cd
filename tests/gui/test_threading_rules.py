"""Rules for how the window talks to the engine thread."""

from __future__ import annotations


def test_worker_signals_are_never_connected_to_lambdas() -> None:
    """A lambda has no thread affinity: PySide runs it in the emitting (engine) thread."""
    import re

    from tests.conftest import ROOT

    for source in (ROOT / "gui").rglob("*.py"):
        for line in source.read_text().splitlines():
            assert not re.search(r"worker\.\w+\.connect\(lambda", line), f"{source.name}: {line.strip()}"

"""The ``convlens`` entry point.

A subcommand goes to ``engine.cli`` without importing Qt; no subcommand opens
the window.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in args:
        from convlens.gui.self_test import run_self_test

        return run_self_test()
    from convlens.cli import SUBCOMMANDS

    if args and (args[0] in SUBCOMMANDS or args[0] in ("-h", "--help")):
        from convlens.cli import main as cli_main

        return cli_main(args)
    if args and not args[0].startswith("-") and not _looks_like_path(args[0]):
        from convlens.cli import main as cli_main

        return cli_main(args)  # unknown subcommand: argparse explains
    from convlens.gui.display_check import display_problem

    problem = display_problem()  # no screen, or Qt's X11 plugin without its libraries: Qt would abort with a core
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from convlens.gui.app import run_app

    return run_app(args)


def _looks_like_path(arg: str) -> bool:
    """``photo.jpg``, ``more/``, ``model.pth``, ``run.convlens``: something to open in the app (which says so when
    it is not there), not a mistyped subcommand (``clasify``: argparse lists the real ones)."""
    import os
    from pathlib import Path

    return Path(arg).exists() or bool(Path(arg).suffix) or os.sep in arg or (os.altsep or os.sep) in arg


if __name__ == "__main__":
    sys.exit(main())

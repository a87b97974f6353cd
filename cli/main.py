"""``convlens SUBCOMMAND ...``: parse, run the command, and turn what a user can cause into one line on stderr and an
exit code (1 an error, 130 Ctrl-C, 143 SIGTERM), never a traceback."""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING

from convlens.cli.args import check_precision
from convlens.cli.common import Kept
from convlens.cli.parser import build_parser
from convlens.cli.streams import _on_sigterm, _OutputFailed, _Stderr, _Stdout, _Terminated
from convlens.engine.core.errors import ConvLensError

if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    import signal

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    check_precision(parser, args)
    stderr = _Stderr(sys.stderr)
    sys.stderr = stderr
    stdout = sys.stdout
    sys.stdout = _Stdout(stdout)
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if _main_thread() else None
    try:
        code = _dispatch(args)
        sys.stdout.flush()  # `convlens classify ... > full/out.json`: a full disk is an error here, not at exit
        return code
    except ConvLensError as exc:
        stderr.error(str(exc))
        return 1
    except Kept:
        return 1  # said where the model is
    except KeyboardInterrupt:
        print("\ninterrupted" if stderr.line_open else "interrupted", file=sys.stderr)
        return 130
    except _Terminated:
        print("\nterminated" if stderr.line_open else "terminated", file=sys.stderr)
        return 143
    except BrokenPipeError:  # `convlens summary ... | head`: the reader has gone, which is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        return 0
    except _OutputFailed as exc:
        os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())  # no second error when Python flushes at exit
        stderr.error(f"cannot write the output (standard output): {exc}.")
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        sys.stderr = stderr.stream
        sys.stdout = stdout


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _dispatch(args) -> int:
    return int(importlib.import_module(f"convlens.cli.commands.{args.command.replace('-', '_')}").run(args))

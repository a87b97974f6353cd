"""Standard output and error for a command: an error starts on its own line, a full disk is a message, SIGTERM
unwinds like Ctrl-C."""

from __future__ import annotations

from typing import Any


class _Stderr:
    """Standard error that knows whether a progress line (``\r...`` without a newline) is open, so an error
    message starts on a line of its own instead of on the progress bar's."""

    def __init__(self, stream: Any) -> None:  # a text stream (sys.stderr, sys.stdout)
        self.stream = stream
        self.line_open = False

    def write(self, text: str) -> int:
        if text:
            self.line_open = not text.endswith(("\n", "\r"))
        return self.stream.write(text)

    def error(self, message: str) -> None:
        if self.line_open:
            self.write("\n")
        self.write(f"error: {message}\n")
        self.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


class _OutputFailed(Exception):
    """Standard output cannot be written (``> full/out.json`` on a full disk)."""


class _Stdout:
    """Standard output whose write errors (other than a reader that has gone) end the command with a message."""

    def __init__(self, stream: Any) -> None:  # a text stream (sys.stderr, sys.stdout)
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputFailed(exc.strerror or str(exc)) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputFailed(exc.strerror or str(exc)) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


class _Terminated(BaseException):  # not an Exception: no `except Exception` on the way may swallow it
    """SIGTERM: unwound like Ctrl-C, so loader workers, the fork server and temporary files are cleaned up."""


def _on_sigterm(_signum: int, _frame: object) -> None:
    raise _Terminated

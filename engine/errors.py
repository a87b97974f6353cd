"""The one error type a user can cause and should read."""

from __future__ import annotations


class ConvLensError(Exception):
    """A problem the user can fix (bad file, wrong weights, no network...).

    The message is written for a person and names the file or setting it is
    about. Bugs are not wrapped in this type: they stay ordinary exceptions.

    ``ConvLensError("Cannot read {name}: {reason}.", name=..., reason=...)``: the message is a template and its
    values, so a front end can show it in the user's language (the window translates ``template`` with Qt's
    translator, then fills in ``values``); ``str(error)`` is the English text. ``make translations`` collects the
    templates of every ``ConvLensError`` in the engine for the translators.
    """

    def __init__(self, message: str, /, **values: object) -> None:
        self.template = message
        self.values = values
        super().__init__(message.format(**values) if values else message)

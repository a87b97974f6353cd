"""The one error type a user can cause and should read."""

from __future__ import annotations


class ConvLensError(Exception):
    """A problem the user can fix (bad file, wrong weights, no network...).

    The message is written for a person and names the file or setting it is
    about. Bugs are not wrapped in this type: they stay ordinary exceptions.
    """

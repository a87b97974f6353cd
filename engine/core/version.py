"""The version, one place: the package metadata (pyproject) and the About box read it."""

__version__ = "0.2.0"

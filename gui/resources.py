"""Finding app resources, from the source tree or a frozen (PyInstaller) bundle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

from convlens.engine.core.resources import resources_dir


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "convlens.svg")))

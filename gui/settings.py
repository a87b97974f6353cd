"""What the app remembers between runs: every key named once, typed reads over ``QSettings``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

__all__ = ["Key", "Settings"]


class Key:
    """The settings keys (``QSettings`` groups them per user and platform)."""

    GEOMETRY = "geometry"
    ARCH = "arch"
    WEIGHTS_KIND = "weights_kind"
    WEIGHTS_FILE = "weights_file"
    LABELS_FILE = "labels_file"
    RUNTIME = "runtime"
    INT8_CALIBRATION = "int8_calibration"  # the folder int8 was last calibrated on (with RUNTIME "int8")
    TOPK = "topk"
    LAST_FOLDER = "last_folder"
    RECENT = "recent"
    RECENT_PROJECTS = "recent_projects"
    COMPARE_SLOTS = "compare_slots"  # JSON: each slot's on/off, architecture, weights and file
    LIVE_SOURCE = "live_source"
    DATASET = "dataset"
    TRAIN_DATA = "train_data"
    MAX_MEGAPIXELS = "max_megapixels"
    ONNX_PRESET = "onnx_preset"  # a group: one entry per ONNX file path
    LANGUAGE = "language"  # "system", "en" or "ko" (gui.i18n)


class Settings:
    """Typed access to the app's ``QSettings``; a value of the wrong type reads as the default."""

    MAX_RECENT = 10

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings()

    def text(self, key: str, default: str = "") -> str:
        value = self.store.value(key, default)
        return str(value) if value not in (None, "") else default

    def integer(self, key: str, default: int) -> int:
        try:
            return int(self.store.value(key, default))  # type: ignore[call-overload]  # QSettings.value is untyped
        except (TypeError, ValueError):
            return default

    def bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set(self, key: str, value: object) -> None:
        self.store.setValue(key, value)

    def onnx_preset(self, path: str) -> str:
        return self.text(f"{Key.ONNX_PRESET}/{path}")

    def set_onnx_preset(self, path: str, preset: str) -> None:
        self.set(f"{Key.ONNX_PRESET}/{path}", preset)

    def recent(self, key: str = Key.RECENT) -> list[str]:
        value = self.store.value(key, [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in (value or [])]  # type: ignore[attr-defined]  # a list from QSettings

    def add_recent(self, path: str, key: str = Key.RECENT) -> list[str]:
        recent = [path, *(p for p in self.recent(key) if p != path)][: self.MAX_RECENT]
        self.set(key, recent)
        return recent

    def start_folder(self) -> str:
        """Where file dialogs open: the last folder used, else the home folder (never the app's folder)."""
        folder = self.text(Key.LAST_FOLDER)
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def sync(self) -> None:
        self.store.sync()

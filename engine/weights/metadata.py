"""Keys under which exported files carry what ConvLens needs to run them correctly later."""

from __future__ import annotations

import json
from typing import Any

META_CLASSES = "convlens.classes"  # JSON list of class names
META_PREPROCESS = "convlens.preprocess"  # JSON of Preprocess.to_dict()
META_ARCH = "convlens.arch"  # registry name, "" if none
META_TEMPERATURE = "convlens.temperature"  # temperature scaling fitted after fine-tuning: softmax(logits / T)
META_UNKNOWN = "convlens.unknown"  # JSON of the "unknown" rule (engine.models.openset.UnknownRule.to_dict), if any


def training_from_meta(meta: dict[str, str]) -> dict[str, Any] | None:
    """The ``training`` entries an exported file restores: its temperature and unknown threshold (None: neither)."""
    training: dict[str, Any] = {}
    try:
        value = float(meta.get(META_TEMPERATURE, ""))
        if 0 < value < float("inf"):
            training["temperature"] = value
    except ValueError:
        pass
    try:
        unknown = json.loads(meta.get(META_UNKNOWN, "") or "null")
    except ValueError:
        unknown = None
    if isinstance(unknown, dict) and "threshold" in unknown:
        training["unknown"] = unknown
    return training or None
TORCHSCRIPT_META_FILE = "convlens.json"  # extra file in a TorchScript archive holding the keys above

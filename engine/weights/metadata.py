"""Keys under which exported files carry what ConvLens needs to run them correctly later."""

from __future__ import annotations

import json

from convlens.engine.models.openset import UnknownRule
from convlens.engine.models.training_record import TrainingRecord

META_CLASSES = "convlens.classes"  # JSON list of class names
META_PREPROCESS = "convlens.preprocess"  # JSON of Preprocess.to_dict()
META_ARCH = "convlens.arch"  # registry name, "" if none
META_TEMPERATURE = "convlens.temperature"  # temperature scaling fitted after fine-tuning: softmax(logits / T)
META_UNKNOWN = "convlens.unknown"  # JSON of the "unknown" rule (engine.models.openset.UnknownRule.to_dict), if any


def training_from_meta(meta: dict[str, str]) -> TrainingRecord | None:
    """What an exported file restores of its model's training: its temperature and unknown threshold (None:
    neither)."""
    temperature = 1.0
    try:
        value = float(meta.get(META_TEMPERATURE, ""))
        if 0 < value < float("inf"):
            temperature = value
    except ValueError:
        pass
    try:
        entry = json.loads(meta.get(META_UNKNOWN, "") or "null")
    except ValueError:
        entry = None
    unknown = UnknownRule.from_dict(entry) if isinstance(entry, dict) else None
    if temperature == 1.0 and unknown is None:
        return None
    return TrainingRecord(temperature=temperature, unknown=unknown)


TORCHSCRIPT_META_FILE = "convlens.json"  # extra file in a TorchScript archive holding the keys above

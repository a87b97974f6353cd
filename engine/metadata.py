"""Keys under which exported files carry what ConvLens needs to run them correctly later."""

from __future__ import annotations

META_CLASSES = "convlens.classes"  # JSON list of class names
META_PREPROCESS = "convlens.preprocess"  # JSON of Preprocess.to_dict()
META_ARCH = "convlens.arch"  # registry name, "" if none
META_TEMPERATURE = "convlens.temperature"  # temperature scaling fitted after fine-tuning: softmax(logits / T)


def temperature_training(meta: dict[str, str]) -> dict[str, float] | None:
    """The ``training`` entry an exported file's temperature restores (None when it has none or it is invalid)."""
    try:
        value = float(meta.get(META_TEMPERATURE, ""))
    except ValueError:
        return None
    return {"temperature": value} if value > 0 else None
TORCHSCRIPT_META_FILE = "convlens.json"  # extra file in a TorchScript archive holding the keys above

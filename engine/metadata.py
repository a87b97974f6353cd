"""Keys under which exported files carry what ConvLens needs to run them correctly later."""

from __future__ import annotations

META_CLASSES = "convlens.classes"  # JSON list of class names
META_PREPROCESS = "convlens.preprocess"  # JSON of Preprocess.to_dict()
META_ARCH = "convlens.arch"  # registry name, "" if none
TORCHSCRIPT_META_FILE = "convlens.json"  # extra file in a TorchScript archive holding the keys above

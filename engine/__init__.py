"""ConvLens engine: everything that computes. Pure Python + torch; never imports Qt.

The tree (each subpackage's ``__init__`` says what it holds; ``docs/architecture.md`` explains the layers):
``core`` < ``models`` | ``data`` < ``weights`` < ``inspect`` | ``runtime`` < ``training`` | ``evaluation`` < ``app``.

This module is the public surface the front ends use: the names below are imported on first use (importing
``convlens.engine`` itself costs nothing: no torch), e.g. ``from convlens.engine import EngineSession``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from convlens.engine.core import torchvision_start
from convlens.engine.core.version import __version__

torchvision_start.install()  # torchvision will load without TorchDynamo (1.5 s and more of every start)

#: public name -> the module that defines it
_PUBLIC = {
    "ConvLensError": "convlens.engine.core.errors",
    "Text": "convlens.engine.core.errors",
    "EngineSession": "convlens.engine.app.session",
    "tasks": "convlens.engine.app.tasks",
    "list_architectures": "convlens.engine.models.registry",
    "get_arch": "convlens.engine.models.registry",
    "LoadedModel": "convlens.engine.models.loaded",
    "load_weights": "convlens.engine.weights.load",
    "save_checkpoint": "convlens.engine.weights.checkpoints",
    "Predictor": "convlens.engine.runtime.predict",
    "TrainConfig": "convlens.engine.training.loop",
    "EvaluationReport": "convlens.engine.models.metrics",
}

__all__ = ["ConvLensError", "EngineSession", "EvaluationReport", "LoadedModel", "Predictor", "Text", "TrainConfig",
           "__version__", "get_arch", "list_architectures", "load_weights", "save_checkpoint", "tasks"]

if TYPE_CHECKING:
    from convlens.engine.app import tasks
    from convlens.engine.app.session import EngineSession
    from convlens.engine.core.errors import ConvLensError, Text
    from convlens.engine.models.loaded import LoadedModel
    from convlens.engine.models.metrics import EvaluationReport
    from convlens.engine.models.registry import get_arch, list_architectures
    from convlens.engine.runtime.predict import Predictor
    from convlens.engine.training.loop import TrainConfig
    from convlens.engine.weights.checkpoints import save_checkpoint
    from convlens.engine.weights.load import load_weights


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'convlens.engine' has no attribute {name!r}")
    loaded = importlib.import_module(module)
    value = loaded if name == "tasks" else getattr(loaded, name)
    globals()[name] = value
    return value

"""Where the model runs: CUDA, Apple MPS or the CPU."""

from __future__ import annotations

import torch

from convlens.engine.core.errors import ConvLensError
from convlens.engine.runtime.allocator import reuse_freed_memory


def select_device(preference: str = "auto") -> torch.device:
    """``auto`` picks CUDA, then MPS, then the CPU; ``cpu``/``cuda``/``mps``/``cuda:1`` force one.

    Whatever runs a model asks for its device here first: the CPU allocator is tuned then (``allocator``)."""
    reuse_freed_memory()
    pref = (preference or "auto").lower()
    if pref == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    try:
        device = torch.device(pref)
    except RuntimeError:
        raise ConvLensError("Unknown device '{preference}': use auto, cpu, cuda or mps.", preference=preference) from None
    if device.type == "cuda" and not torch.cuda.is_available():
        raise ConvLensError(
            "Device '{preference}' was asked for, but no CUDA GPU is available here.",
            preference=preference,
        )
    if device.type == "mps" and not torch.backends.mps.is_available():
        raise ConvLensError(
            "Device '{preference}' was asked for, but Apple MPS is not available here.",
            preference=preference,
        )
    return device


def describe_device(device: torch.device) -> str:
    """A short name for the status bar: ``CPU``, ``CUDA: <GPU name>``, ``Apple MPS``."""
    if device.type == "cuda":
        return f"CUDA: {torch.cuda.get_device_name(device)}"
    if device.type == "mps":
        return "Apple MPS"
    return "CPU"

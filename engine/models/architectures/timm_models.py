"""timm's architectures by name: ``timm:NAME`` (e.g. ``timm:resnet18d``), built by timm with its pretrained
configuration (input size, preprocessing, class count), so they get the same inspection, training and export as
torchvision's. timm is imported only when such a name is used."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from convlens.engine.core.errors import ConvLensError
from convlens.engine.models.preprocess import Preprocess

if TYPE_CHECKING:
    from torch import nn

    from convlens.engine.models.registry import ArchSpec

PREFIX = "timm:"


def _timm():
    try:
        import timm
    except ImportError:
        raise ConvLensError("timm is not installed (pip install timm): timm:NAME architectures need it.") from None
    return timm


def pretrained_config(name: str) -> dict[str, Any]:
    """timm's pretrained configuration of ``name`` (its default tag, or ``name`` as ``arch.tag``)."""
    timm = _timm()
    cfg = timm.models.get_pretrained_cfg(name, allow_unregistered=False) if "." in name else None
    if cfg is None:
        cfg = timm.models.get_pretrained_cfg(name.split(".")[0])
    return cfg.to_dict() if cfg is not None else {}


def timm_spec(full_name: str) -> ArchSpec:
    """The ArchSpec of ``timm:NAME``."""
    from convlens.engine.models.registry import ArchSpec

    name = full_name[len(PREFIX):]
    timm = _timm()
    base = name.split(".")[0]
    if not base or not timm.is_model(base):
        close = timm.list_models(f"*{base[:6]}*")[:8] if base else []
        raise ConvLensError("timm has no architecture '{name}'{hint}. `timm.list_models()` lists them.", name=name,
                            hint=f" (similar: {', '.join(close)})" if close else "")
    cfg = pretrained_config(name)
    channels, size = cfg.get("input_size", (3, 224, 224))[0], cfg.get("input_size", (3, 224, 224))[-1]
    crop_pct = float(cfg.get("crop_pct", 0.875) or 0.875)
    preprocess = Preprocess(
        resize=int(math.floor(size / crop_pct)), crop=int(size),
        mean=tuple(float(v) for v in cfg.get("mean", (0.485, 0.456, 0.406))),
        std=tuple(float(v) for v in cfg.get("std", (0.229, 0.224, 0.225))),
        channels=int(channels),
        interpolation="bicubic" if cfg.get("interpolation") == "bicubic" else "bilinear",
    )
    tag = f", weights {cfg['architecture']}.{cfg['tag']}" if cfg.get("tag") else ""
    classes = int(cfg.get("num_classes") or 1000)
    return ArchSpec(
        name=PREFIX + name, family="timm", title=f"{name} (timm)",
        description=f"timm's {base}: built by timm with its pretrained configuration ({size}x{size} input, "
                    f"{classes} classes{tag}).",
        input_size=int(size), channels=int(channels), torchvision=False,
        builder_path="convlens.engine.models.architectures.timm_models:build",
        build_kwargs=(("model_name", name),), default_preprocess=preprocess,
        default_labels=None if classes == 1000 else tuple(f"class {i}" for i in range(classes)),
    )


def build(model_name: str, num_classes: int | None = None, **kwargs: Any) -> nn.Module:
    """timm's model with random weights (``num_classes`` defaults to its pretrained configuration's)."""
    timm = _timm()
    if num_classes is not None:
        kwargs["num_classes"] = num_classes
    return timm.create_model(model_name, pretrained=False, **kwargs)


def cached_weights(model_name: str) -> str | None:
    """The file of ``model_name``'s pretrained weights in the Hugging Face cache, if it is there."""
    from huggingface_hub import try_to_load_from_cache

    repo = pretrained_config(model_name).get("hf_hub_id")
    if not repo:
        return None
    for filename in ("model.safetensors", "pytorch_model.bin"):
        found = try_to_load_from_cache(repo, filename)
        if isinstance(found, str):
            return found
    return None


def _hub_reachable(timeout: float = 3.0) -> bool:
    import socket

    try:
        socket.create_connection(("huggingface.co", 443), timeout=timeout).close()
    except OSError:
        return False
    return True


def load_pretrained(spec: ArchSpec) -> nn.Module:
    """timm's pretrained weights: from the Hugging Face cache when they are there, else downloaded (an explicit
    request); not cached with the Hub out of reach is said at once, naming the model and the cache."""
    from huggingface_hub.constants import HF_HUB_CACHE

    timm = _timm()
    name = dict(spec.build_kwargs)["model_name"]
    cached = cached_weights(name)
    if cached is None and not _hub_reachable():
        raise ConvLensError("timm's pretrained weights for {name} are not in the Hugging Face cache ({cache}) and "
                            "huggingface.co cannot be reached: connect once to download them, or copy the cache "
                            "from a computer that has them.", name=name, cache=HF_HUB_CACHE)
    try:
        overlay = {"file": cached} if cached else None
        return timm.create_model(name, pretrained=True, pretrained_cfg_overlay=overlay).eval()
    except Exception as exc:  # huggingface_hub and torch raise many types for a failed fetch or load
        first = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        raise ConvLensError("timm's pretrained weights for {name} could not be loaded ({why}); the cache is "
                            "{cache}.", name=name, why=first, cache=HF_HUB_CACHE) from None

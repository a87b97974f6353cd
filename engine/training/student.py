"""The model a training run trains: a copy of the loaded one with a new head (or cut, or from scratch), frozen where
asked, and the preprocessing and augmentation it trains with."""

from __future__ import annotations

import copy
import dataclasses
from typing import TYPE_CHECKING, Any, NamedTuple

import torch
from torch import nn

from convlens.engine.core.errors import ConvLensError
from convlens.engine.inspect.hooks import watch
from convlens.engine.models.heads import HeadLayout, cut_model, find_classifier, replace_head

if TYPE_CHECKING:
    from convlens.engine.models.loaded import LoadedModel
    from convlens.engine.models.preprocess import Preprocess
    from convlens.engine.training.config import TrainConfig


def augmenter(cfg: TrainConfig) -> nn.Module | None:
    if not cfg.augments:
        return None
    from torchvision.transforms import v2

    ops: list[nn.Module] = []
    if cfg.rotation or cfg.shift or cfg.shear or cfg.zoom:
        ops.append(v2.RandomAffine(degrees=cfg.rotation, translate=(cfg.shift, cfg.shift) if cfg.shift else None,
                                   shear=cfg.shear or None, scale=(1 - cfg.zoom, 1 + cfg.zoom) if cfg.zoom else None))
    if cfg.hflip:
        ops.append(v2.RandomHorizontalFlip())
    return v2.Compose(ops)


class Student(NamedTuple):
    """The model to train (a copy), its new head, and what a checkpoint records to rebuild it."""

    model: nn.Module
    head: nn.Module
    layout: HeadLayout
    build_options: dict[str, Any]


def build_student(loaded: LoadedModel, num_classes: int, cfg: TrainConfig) -> Student:
    """The model to train (a copy) and its new head; plus the head layout a checkpoint records."""
    if loaded.scripted or loaded.arch is None:
        raise ConvLensError("A TorchScript model cannot be fine-tuned: load the architecture with a state-dict file.")
    if cfg.from_scratch:
        options = {"batch_norm": True, "dropout": 0.25} if cfg.batch_norm and loaded.arch.name == "lenet5" else {}
        torch.manual_seed(cfg.seed)
        model = loaded.arch.build(num_classes=num_classes, **options)
        return Student(model, find_classifier(model)[1], HeadLayout("scratch"), options)
    model = copy.deepcopy(loaded.model).cpu()
    torch.manual_seed(cfg.seed)
    options = dict(loaded.build_options or {})
    if cfg.cut_at:
        pre = training_preprocess(loaded.preprocess, cfg)
        hidden = cfg.hidden or 1024
        model = cut_model(model, cfg.cut_at, num_classes, (pre.channels, pre.crop, pre.crop), hidden, cfg.dropout)
        head: nn.Module = model.head
        layout = HeadLayout("cut", hidden, cfg.dropout, cfg.cut_at, (pre.channels, pre.crop, pre.crop))
        prefix = "backbone."
    else:
        name = replace_head(model, num_classes, cfg.hidden, cfg.dropout)
        head = model.get_submodule(name)
        layout = HeadLayout("replace", cfg.hidden, cfg.dropout)
        prefix = ""
    if cfg.freeze_backbone:
        _freeze(model, head, prefix + cfg.freeze_until if cfg.freeze_until else "")
    return Student(model, head, layout, options)


def _freeze(model: nn.Module, head: nn.Module, until: str) -> None:
    """Freeze everything but the head, or (``until``) only the layers up to and including that one."""
    head_params = {id(p) for p in head.parameters()}
    if not until:
        for p in model.parameters():
            p.requires_grad_(id(p) in head_params)
        return
    names = [n for n, _ in model.named_modules()]
    if until not in names:
        raise ConvLensError(
            "No layer '{until}' to freeze up to; `convlens summary ARCH --all` lists the layers.",
            until=until,
        )
    frozen = True
    for name, module in model.named_modules():
        if frozen and name and not (name == until or name.startswith(until + ".")) and names.index(name) > names.index(
                until):
            frozen = False
        for p in module.parameters(recurse=False):
            p.requires_grad_(not frozen or id(p) in head_params)


def training_preprocess(preprocess: Preprocess, cfg: TrainConfig) -> Preprocess:
    """The weights' preprocessing, at ``cfg.image_size`` when one is asked for (same resize/crop ratio)."""
    if not cfg.image_size or cfg.image_size == preprocess.crop:
        return preprocess
    resize = round(cfg.image_size * preprocess.resize / preprocess.crop) if preprocess.resize else 0
    return dataclasses.replace(preprocess, resize=resize, crop=cfg.image_size)


def head_is_output(model: nn.Module, head: nn.Module, x: torch.Tensor) -> bool:
    seen: dict[str, torch.Tensor] = {}
    with watch([("head", head)], lambda _key, out: seen.setdefault("out", out)), torch.inference_mode():
        out = model(x)
    return "out" in seen and seen["out"] is out


def set_train_mode(model: nn.Module, head: nn.Module) -> None:
    """Train mode where something is trained; frozen BatchNorm keeps its statistics."""
    model.train()
    for m in model.modules():
        if isinstance(m, nn.modules.batchnorm._BatchNorm) and not any(p.requires_grad for p in m.parameters()):
            m.eval()
    head.train()

"""Keras application weight files (``.h5``) into the matching torchvision model.

Supported: VGG16 and VGG19 with their top (``vgg16_weights_tf_dim_ordering_tf_kernels.h5``,
``vgg19_weights_tf_dim_ordering_tf_kernels.h5``), and Inception v3 with or without its top
(``inception_v3_weights_tf_dim_ordering_tf_kernels[_notop].h5``). What the conversion does:

* conv kernels: Keras stores (height, width, in, out) ("HWIO"); torch wants (out, in, height, width);
* dense kernels: Keras (in, out), torch (out, in);
* the first dense layer (``fc1``) reads a flattened 7x7x512 map: Keras flattens channels-last
  (h, w, c), torch channels-first (c, h, w), so its input rows are reordered;
* Inception v3: Keras' 94 conv2d / batch_normalization pairs, in the order Keras *creates* them,
  are torchvision's 94 ``BasicConv2d`` modules in registration order (the branches are built in
  the same order in both). The file's ``layer_names`` is ``model.layers`` order (topological:
  branches interleave), so the creation order comes from the automatic names' numbers instead
  (``conv2d``, ``conv2d_1``, ... in current Keras; from ``conv2d_1`` in the 2017 release files; any
  offset when several models were built in one session). Keras' BN has no scale (gamma = 1).
  Keras' ``AveragePooling2D(padding='same')`` leaves the padding out of the average
  (``count_include_pad=False``); torchvision's Inception counts it, so the pool branches of an
  imported model divide by the number of real pixels (``keras_structure``);
* ResNet50: current Keras names (``conv2_block1_1_conv``) and the 2017 release names
  (``res2a_branch2a``, ``bn2a_branch2a``) map to torchvision's ``layer1[0].conv1`` / ``bn1``; Keras'
  convolutions have a bias, which is folded into the following batch norm's mean; Keras strides in
  the first 1x1 convolution of a stage (torchvision's v1.5 in the 3x3) and uses BN epsilon 1.001e-5;
  ``keras_structure`` makes the torchvision model do the same;
* the preprocessing the weights were trained with is attached: VGG Caffe style, BGR, 0-255, minus
  the ImageNet mean (103.939, 116.779, 123.68), 224x224; Inception scaled to [-1, 1], 299x299
  (the whole image resized, as Keras' examples do).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from convlens.engine.core.errors import ConvLensError
from convlens.engine.models.architectures.keras_variants import keras_structure
from convlens.engine.models.preprocess import Preprocess

KERAS_CAFFE = Preprocess(resize=0, crop=224, mean=(103.939, 116.779, 123.68), std=(1.0, 1.0, 1.0),
                         channel_order="BGR", scale=255.0)
KERAS_INCEPTION = Preprocess(resize=0, crop=299, mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5))
_VGG_BLOCKS = {"vgg16": (2, 2, 3, 3, 3), "vgg19": (2, 2, 4, 4, 4)}
SUPPORTED = (*_VGG_BLOCKS, "inception_v3", "resnet50")
INCEPTION_CONVS = 94
_RESNET_STAGES = (3, 4, 6, 3)

#: Keras layer names that are one torchvision module (for ``--cut`` and feature comparisons).
KERAS_ALIASES = {
    "inception_v3": {**{f"mixed{i}": m for i, m in enumerate(
        ["Mixed_5b", "Mixed_5c", "Mixed_5d", "Mixed_6a", "Mixed_6b", "Mixed_6c", "Mixed_6d", "Mixed_6e", "Mixed_7a",
         "Mixed_7b", "Mixed_7c"])}},
    "resnet50": {f"conv{s + 2}_block{n}_out": f"layer{s + 1}.{n - 1}" for s, blocks in enumerate(_RESNET_STAGES)
                 for n in range(1, blocks + 1)},
    "vgg16": {f"block{b}_pool": f"features.{i}" for b, i in enumerate((4, 9, 16, 23, 30), 1)},
    "vgg19": {f"block{b}_pool": f"features.{i}" for b, i in enumerate((4, 9, 18, 27, 36), 1)},
}


def resolve_layer_alias(arch: str, layer: str) -> str:
    """A Keras layer name that maps one to one onto a torchvision module (``mixed7`` -> ``Mixed_6e``), else as given."""
    return KERAS_ALIASES.get(arch, {}).get(layer, layer)


def _creation_key(name: str) -> tuple[str, int]:
    """Keras' automatic names in creation order: ``conv2d`` (0), ``conv2d_1``, ``conv2d_2``, ..."""
    import re

    found = re.fullmatch(r"(.*?)(?:_(\d+))?", name)
    assert found is not None
    return found.group(1), int(found.group(2) or 0)


def keras_vgg_layer_names(arch: str) -> list[str]:
    """The Keras applications' layer names for VGG16/VGG19 (convolutions, then fc1, fc2, predictions)."""
    convs = [f"block{b}_conv{i}" for b, n in enumerate(_VGG_BLOCKS[arch], 1) for i in range(1, n + 1)]
    return convs + ["fc1", "fc2", "predictions"]


def torch_vgg_layers(model: Any) -> list[Any]:
    """torchvision VGG's conv and linear layers, in the order of ``keras_vgg_layer_names``."""
    convs: list[Any] = [m for m in model.features if isinstance(m, nn.Conv2d)]
    return convs + [m for m in model.classifier if isinstance(m, nn.Linear)]


def is_hdf5(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(8) == b"\x89HDF\r\n\x1a\n"


def _read_layers(path: Path) -> dict[str, list[np.ndarray]]:
    import h5py

    if not is_hdf5(path):
        raise ConvLensError("{name}: not a Keras weights file (not an HDF5 file).", name=path.name)
    layers: dict[str, list[np.ndarray]] = {}
    with h5py.File(path, "r") as f:
        root = f["model_weights"] if "model_weights" in f else f  # a whole saved model, or save_weights()
        names = root.attrs.get("layer_names")
        if names is None:
            raise ConvLensError("{name}: an HDF5 file, but not Keras weights (no layer_names).", name=path.name)
        for raw in names:
            name = raw.decode() if isinstance(raw, bytes) else str(raw)
            group = root[name]
            weight_names = [w.decode() if isinstance(w, bytes) else str(w) for w in group.attrs.get("weight_names", [])]
            layers[name] = [np.asarray(group[w]) for w in weight_names]
    return layers


@dataclass(frozen=True)
class KerasModel:
    """torchvision's model filled from a Keras file, the preprocessing its weights expect, and whether the
    file had its top (classifier): a no-top file leaves the classifier untrained."""

    model: nn.Module
    preprocess: Preprocess
    has_top: bool


def load_keras_h5(path: str | Path, arch: str, num_classes: int | None = None) -> KerasModel:
    """Build torchvision's ``arch`` and fill it from a Keras ``.h5`` file."""
    path = Path(path)
    if arch not in SUPPORTED:
        raise ConvLensError(
            "Keras weight files can be loaded into {value}; not into {arch}.",
            value=', '.join(SUPPORTED), arch=arch,
        )
    layers = _read_layers(path)
    if arch == "inception_v3":
        return _load_inception(path, layers)
    if arch == "resnet50":
        return _load_resnet50(path, layers)
    wanted = keras_vgg_layer_names(arch)
    present = [n for n in wanted if layers.get(n)]
    missing = [n for n in wanted if not layers.get(n)]
    if missing:
        if missing == ["fc1", "fc2", "predictions"]:
            raise ConvLensError(
                "{name} has no top (fc1, fc2, predictions): ConvLens needs the with-top file to "
                "classify (…_tf_kernels.h5, not …_notop.h5).",
                name=path.name,
            )
        raise ConvLensError(
            "{name} does not fit {value}: missing Keras layers {value2}{value3}. {layers}",
            name=path.name, value=arch.upper(), value2=', '.join(missing[:4]), value3=' …' if len(missing) > 4 else '', layers=describe_keras_file(layers),
        )
    extra = [n for n in layers if layers[n] and n not in wanted]
    if extra and not present:
        raise ConvLensError(
            "{name} holds Keras layers {value}, not {value2}'s. {layers}",
            name=path.name, value=', '.join(extra[:4]), value2=arch.upper(), layers=describe_keras_file(layers),
        )
    classes = layers["predictions"][0].shape[1]
    from torchvision import models

    model: Any = models.get_model(arch, weights=None, num_classes=num_classes or classes)
    targets = torch_vgg_layers(model)
    with torch.no_grad():
        for name, module in zip(wanted, targets, strict=True):
            kernel, bias = layers[name][:2]
            if isinstance(module, nn.Conv2d):
                w = kernel.transpose(3, 2, 0, 1)  # HWIO -> OIHW
            elif name == "fc1":
                c = [m for m in model.features if isinstance(m, nn.Conv2d)][-1].out_channels
                side = int(round((kernel.shape[0] / c) ** 0.5))
                # rows are (h, w, c) flattened in Keras, (c, h, w) in torch
                w = kernel.reshape(side, side, c, -1).transpose(2, 0, 1, 3).reshape(kernel.shape[0], -1).T
            else:
                w = kernel.T
            if tuple(w.shape) != tuple(module.weight.shape):
                raise ConvLensError(
                    "{name}: layer {name2} has shape {shape}, which does not fit {value} ({shape2} "
                    "after conversion).",
                    name=path.name, name2=name, shape=tuple(kernel.shape), value=arch.upper(), shape2=tuple(module.weight.shape),
                )
            module.weight.copy_(torch.from_numpy(np.ascontiguousarray(w)))
            module.bias.copy_(torch.from_numpy(bias))
    return KerasModel(model.eval(), KERAS_CAFFE, has_top=True)


def torch_inception_units(model: nn.Module) -> list[Any]:
    """torchvision Inception v3's conv+BN units (``BasicConv2d``) in Keras' creation order (aux head excluded)."""
    from torchvision.models.inception import BasicConv2d

    return [m for n, m in model.named_modules() if isinstance(m, BasicConv2d) and not n.startswith("AuxLogits")]


def _load_inception(path: Path, layers: dict[str, list[np.ndarray]]) -> KerasModel:
    from torchvision import models

    convs = sorted(((n, w) for n, w in layers.items() if len(w) == 1 and w[0].ndim == 4),
                   key=lambda item: _creation_key(item[0]))
    norms = sorted(((n, w) for n, w in layers.items() if len(w) in (3, 4) and all(a.ndim == 1 for a in w)),
                   key=lambda item: _creation_key(item[0]))
    dense = [(n, w) for n, w in layers.items() if len(w) == 2 and w[0].ndim == 2]
    if len(convs) != INCEPTION_CONVS or len(norms) != INCEPTION_CONVS:
        raise ConvLensError(
            "{name} does not fit Inception v3: it has {n} bias-free convolutions and {n2} batch "
            "norms; Keras' InceptionV3 has {INCEPTION_CONVS} of each. {layers}",
            name=path.name, n=len(convs), n2=len(norms), INCEPTION_CONVS=INCEPTION_CONVS, layers=describe_keras_file(layers),
        )
    model: Any = keras_structure(models.get_model("inception_v3", weights=None, aux_logits=False, init_weights=True),
                            "inception_v3")
    with torch.no_grad():
        for (name, (kernel,)), (_, bn_weights), unit in zip(convs, norms, torch_inception_units(model), strict=True):
            w = kernel.transpose(3, 2, 0, 1)
            if tuple(w.shape) != tuple(unit.conv.weight.shape):
                raise ConvLensError(
                    "{name}: layer {name2} has shape {shape}, which does not fit Inception v3 "
                    "({shape2} after conversion).",
                    name=path.name, name2=name, shape=tuple(kernel.shape), shape2=tuple(unit.conv.weight.shape),
                )
            unit.conv.weight.copy_(torch.from_numpy(np.ascontiguousarray(w)))
            gamma, beta, mean, var = ([np.ones_like(bn_weights[0])] + bn_weights) if len(bn_weights) == 3 \
                else bn_weights
            for target, value in ((unit.bn.weight, gamma), (unit.bn.bias, beta), (unit.bn.running_mean, mean),
                                  (unit.bn.running_var, var)):
                target.copy_(torch.from_numpy(np.asarray(value)))
        if dense:  # with top: GlobalAveragePooling -> Dense "predictions" (2048 -> 1000)
            kernel, bias = dense[-1][1]
            if kernel.shape != (model.fc.in_features, model.fc.out_features):
                raise ConvLensError(
                    "{name}: its top layer {dense} has shape {shape}, not ({in_features}, "
                    "{out_features}).",
                    name=path.name, dense=dense[-1][0], shape=kernel.shape, in_features=model.fc.in_features, out_features=model.fc.out_features,
                )
            model.fc.weight.copy_(torch.from_numpy(np.ascontiguousarray(kernel.T)))
            model.fc.bias.copy_(torch.from_numpy(bias))
    return KerasModel(model.eval(), KERAS_INCEPTION, has_top=bool(dense))


def _resnet_names(layers: dict[str, list[np.ndarray]]) -> dict[str, tuple[str, str]]:
    """torchvision module name -> (Keras conv layer, Keras BN layer), for current or 2017 names."""
    current = "conv1_conv" in layers
    names: dict[str, tuple[str, str]] = {"": ("conv1_conv", "conv1_bn") if current else ("conv1", "bn_conv1")}
    for s, blocks in enumerate(_RESNET_STAGES):
        for b in range(blocks):
            tv = f"layer{s + 1}.{b}"
            for part, (new, old) in {"conv1": ("1", "2a"), "conv2": ("2", "2b"), "conv3": ("3", "2c"),
                                     "downsample": ("0", "1")}.items():
                if part == "downsample" and b:
                    continue
                if current:
                    keras = f"conv{s + 2}_block{b + 1}_{new}"
                    names[f"{tv}.{part}"] = (f"{keras}_conv", f"{keras}_bn")
                else:
                    letter = "abcdef"[b]
                    names[f"{tv}.{part}"] = (f"res{s + 2}{letter}_branch{old}", f"bn{s + 2}{letter}_branch{old}")
    return names


def _load_resnet50(path: Path, layers: dict[str, list[np.ndarray]]) -> KerasModel:
    from torchvision import models

    names = _resnet_names(layers)
    missing = [k for pair in names.values() for k in pair if not layers.get(k)]
    if missing:
        raise ConvLensError(
            "{name} does not fit ResNet50: missing Keras layers {value}{value2}. {layers}",
            name=path.name, value=', '.join(missing[:4]), value2=' …' if len(missing) > 4 else '', layers=describe_keras_file(layers),
        )
    top = layers.get("predictions") or layers.get("fc1000")
    model: Any = keras_structure(models.get_model("resnet50", weights=None, num_classes=top[0].shape[1] if top else 1000),
                            "resnet50")
    with torch.no_grad():
        for tv, (conv_name, bn_name) in names.items():
            if tv == "":
                conv, bn = model.conv1, model.bn1
            elif tv.endswith("downsample"):
                block = model.get_submodule(tv)
                conv, bn = block[0], block[1]
            else:
                conv = model.get_submodule(tv)
                bn = model.get_submodule(tv.replace("conv", "bn"))
            kernel, bias = layers[conv_name][:2]
            w = kernel.transpose(3, 2, 0, 1)
            if tuple(w.shape) != tuple(conv.weight.shape):
                raise ConvLensError(
                    "{name}: layer {conv_name} has shape {shape}, which does not fit ResNet50 "
                    "({shape2} after conversion).",
                    name=path.name, conv_name=conv_name, shape=tuple(kernel.shape), shape2=tuple(conv.weight.shape),
                )
            conv.weight.copy_(torch.from_numpy(np.ascontiguousarray(w)))
            gamma, beta, mean, var = layers[bn_name]
            # conv(x) + bias, then BN: the same as BN with its mean moved by the bias (torch's conv has none)
            for target, value in ((bn.weight, gamma), (bn.bias, beta), (bn.running_mean, mean - bias),
                                  (bn.running_var, var)):
                target.copy_(torch.from_numpy(np.asarray(value, np.float32)))
        if top:
            kernel, bias = top
            model.fc.weight.copy_(torch.from_numpy(np.ascontiguousarray(kernel.T)))
            model.fc.bias.copy_(torch.from_numpy(bias))
    return KerasModel(model.eval(), KERAS_CAFFE, has_top=bool(top))


def guess_arch(path: str | Path) -> str | None:
    """The supported architecture a Keras weights file fits, when its layer names say so unambiguously."""
    layers = _read_layers(Path(path))
    names = set(layers)
    if {"block1_conv1", "block5_conv3"} <= names:
        return "vgg19" if "block5_conv4" in names else "vgg16"
    if "conv5_block3_3_conv" in names or "res5c_branch2c" in names:
        return "resnet50" if not ("conv4_block7_1_conv" in names or "res4g_branch2a" in names) else None
    if sum(1 for w in layers.values() if len(w) == 1 and w[0].ndim == 4) == INCEPTION_CONVS:
        return "inception_v3"
    return None


def describe_keras_file(layers: dict[str, list[np.ndarray]]) -> str:
    """What a Keras weights file looks like, for a message when it fits no supported architecture."""
    names = set(layers)
    convs = sum(1 for w in layers.values() if w and w[0].ndim == 4)
    guesses = []
    if {"block1_conv1", "block5_conv3"} <= names:
        guesses.append("VGG19" if "block5_conv4" in names else "VGG16")
    if "conv1_conv" in names or "res2a_branch2a" in names:
        blocks = sum(1 for n in names if n.endswith("_1_conv") or n.endswith("_branch2a"))
        depth = {16: "ResNet50", 33: "ResNet101", 50: "ResNet152"}.get(blocks, f"a ResNet with {blocks} blocks")
        guesses.append(depth)
    if "mixed10" in names or convs == INCEPTION_CONVS:
        guesses.append("Inception v3")
    if any(n.startswith("block_") and "expand" in n for n in names) or "Conv1" in names:
        guesses.append("MobileNetV2")
    if any(n.startswith("stem_conv") for n in names) or "top_conv" in names:
        guesses.append("EfficientNet")
    if any("separable" in n or n.startswith("normal_") for n in names):
        guesses.append("NASNet or Xception")
    what = " or ".join(guesses) if guesses else f"an unknown network ({len(layers)} layers, {convs} convolutions)"
    return f"It looks like {what} weights."

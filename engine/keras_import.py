"""Keras application weight files (``.h5``) into the matching torchvision model.

Supported: VGG16 and VGG19 with their top (``vgg16_weights_tf_dim_ordering_tf_kernels.h5``,
``vgg19_weights_tf_dim_ordering_tf_kernels.h5``), and Inception v3 with or without its top
(``inception_v3_weights_tf_dim_ordering_tf_kernels[_notop].h5``). What the conversion does:

* conv kernels: Keras stores (height, width, in, out) ("HWIO"); torch wants (out, in, height, width);
* dense kernels: Keras (in, out), torch (out, in);
* the first dense layer (``fc1``) reads a flattened 7x7x512 map: Keras flattens channels-last
  (h, w, c), torch channels-first (c, h, w), so its input rows are reordered;
* Inception v3: Keras' 94 conv2d / batch_normalization pairs, in the order Keras creates them,
  are torchvision's 94 ``BasicConv2d`` modules in registration order (the branches are built in
  the same order in both); Keras' BN has no scale (gamma = 1): beta, moving mean and variance;
* the preprocessing the weights were trained with is attached: VGG Caffe style, BGR, 0-255, minus
  the ImageNet mean (103.939, 116.779, 123.68), 224x224; Inception scaled to [-1, 1], 299x299
  (the whole image resized, as Keras' examples do).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from torch import nn

from engine.errors import ConvLensError
from engine.preprocess import Preprocess

KERAS_CAFFE = Preprocess(resize=0, crop=224, mean=(103.939, 116.779, 123.68), std=(1.0, 1.0, 1.0),
                         channel_order="BGR", scale=255.0)
KERAS_INCEPTION = Preprocess(resize=0, crop=299, mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5))
_VGG_BLOCKS = {"vgg16": (2, 2, 3, 3, 3), "vgg19": (2, 2, 4, 4, 4)}
SUPPORTED = (*_VGG_BLOCKS, "inception_v3")
INCEPTION_CONVS = 94


def keras_vgg_layer_names(arch: str) -> list[str]:
    """The Keras applications' layer names for VGG16/VGG19 (convolutions, then fc1, fc2, predictions)."""
    convs = [f"block{b}_conv{i}" for b, n in enumerate(_VGG_BLOCKS[arch], 1) for i in range(1, n + 1)]
    return convs + ["fc1", "fc2", "predictions"]


def torch_vgg_layers(model: nn.Module) -> list[nn.Module]:
    """torchvision VGG's conv and linear layers, in the order of ``keras_vgg_layer_names``."""
    convs = [m for m in model.features if isinstance(m, nn.Conv2d)]
    dense = [m for m in model.classifier if isinstance(m, nn.Linear)]
    return convs + dense


def is_hdf5(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(8) == b"\x89HDF\r\n\x1a\n"


def _read_layers(path: Path) -> dict[str, list[np.ndarray]]:
    import h5py

    if not is_hdf5(path):
        raise ConvLensError(f"{path.name}: not a Keras weights file (not an HDF5 file).")
    layers: dict[str, list[np.ndarray]] = {}
    with h5py.File(path, "r") as f:
        root = f["model_weights"] if "model_weights" in f else f  # a whole saved model, or save_weights()
        names = root.attrs.get("layer_names")
        if names is None:
            raise ConvLensError(f"{path.name}: an HDF5 file, but not Keras weights (no layer_names).")
        for raw in names:
            name = raw.decode() if isinstance(raw, bytes) else str(raw)
            group = root[name]
            weight_names = [w.decode() if isinstance(w, bytes) else str(w) for w in group.attrs.get("weight_names", [])]
            layers[name] = [np.asarray(group[w]) for w in weight_names]
    return layers


def load_keras_h5(path: str | Path, arch: str, num_classes: int | None = None) -> tuple[nn.Module, Preprocess]:
    """Build torchvision's ``arch`` and fill it from a Keras ``.h5`` file."""
    path = Path(path)
    if arch not in SUPPORTED:
        raise ConvLensError(f"Keras weight files can be loaded into {', '.join(SUPPORTED)}; "
                            f"not into {arch}.")
    layers = _read_layers(path)
    if arch == "inception_v3":
        return _load_inception(path, layers)
    wanted = keras_vgg_layer_names(arch)
    present = [n for n in wanted if layers.get(n)]
    missing = [n for n in wanted if not layers.get(n)]
    if missing:
        if missing == ["fc1", "fc2", "predictions"]:
            raise ConvLensError(f"{path.name} has no top (fc1, fc2, predictions): ConvLens needs the "
                                f"with-top file to classify (…_tf_kernels.h5, not …_notop.h5).")
        others = [a for a in _VGG_BLOCKS if a != arch and all(layers.get(n) for n in keras_vgg_layer_names(a))]
        hint = f" It looks like {others[0].upper()} weights." if others else ""
        raise ConvLensError(f"{path.name} does not fit {arch.upper()}: missing Keras layers "
                            f"{', '.join(missing[:4])}{' …' if len(missing) > 4 else ''}.{hint}")
    extra = [n for n in layers if layers[n] and n not in wanted]
    if extra and not present:
        raise ConvLensError(f"{path.name} holds Keras layers {', '.join(extra[:4])}, not {arch.upper()}'s.")
    classes = layers["predictions"][0].shape[1]
    from torchvision import models

    model = models.get_model(arch, weights=None, num_classes=num_classes or classes)
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
                raise ConvLensError(f"{path.name}: layer {name} has shape {tuple(kernel.shape)}, which does not fit "
                                    f"{arch.upper()} ({tuple(module.weight.shape)} after conversion).")
            module.weight.copy_(torch.from_numpy(np.ascontiguousarray(w)))
            module.bias.copy_(torch.from_numpy(bias))
    return model.eval(), KERAS_CAFFE


def torch_inception_units(model: nn.Module) -> list[nn.Module]:
    """torchvision Inception v3's conv+BN units (``BasicConv2d``) in Keras' creation order (aux head excluded)."""
    from torchvision.models.inception import BasicConv2d

    return [m for n, m in model.named_modules() if isinstance(m, BasicConv2d) and not n.startswith("AuxLogits")]


def _load_inception(path: Path, layers: dict[str, list[np.ndarray]]) -> tuple[nn.Module, Preprocess]:
    from torchvision import models

    convs = [(n, w) for n, w in layers.items() if len(w) == 1 and w[0].ndim == 4]
    norms = [(n, w) for n, w in layers.items() if len(w) in (3, 4) and all(a.ndim == 1 for a in w)]
    dense = [(n, w) for n, w in layers.items() if len(w) == 2 and w[0].ndim == 2]
    if len(convs) != INCEPTION_CONVS or len(norms) != INCEPTION_CONVS:
        raise ConvLensError(f"{path.name} does not fit Inception v3: it has {len(convs)} bias-free convolutions and "
                            f"{len(norms)} batch norms; Keras' InceptionV3 has {INCEPTION_CONVS} of each.")
    model = models.get_model("inception_v3", weights=None, aux_logits=False, init_weights=True)
    with torch.no_grad():
        for (name, (kernel,)), (_, bn_weights), unit in zip(convs, norms, torch_inception_units(model), strict=True):
            w = kernel.transpose(3, 2, 0, 1)
            if tuple(w.shape) != tuple(unit.conv.weight.shape):
                raise ConvLensError(f"{path.name}: layer {name} has shape {tuple(kernel.shape)}, which does not fit "
                                    f"Inception v3 ({tuple(unit.conv.weight.shape)} after conversion).")
            unit.conv.weight.copy_(torch.from_numpy(np.ascontiguousarray(w)))
            gamma, beta, mean, var = ([np.ones_like(bn_weights[0])] + bn_weights) if len(bn_weights) == 3 \
                else bn_weights
            for target, value in ((unit.bn.weight, gamma), (unit.bn.bias, beta), (unit.bn.running_mean, mean),
                                  (unit.bn.running_var, var)):
                target.copy_(torch.from_numpy(np.asarray(value)))
        if dense:  # with top: GlobalAveragePooling -> Dense "predictions" (2048 -> 1000)
            kernel, bias = dense[-1][1]
            if kernel.shape != (model.fc.in_features, model.fc.out_features):
                raise ConvLensError(f"{path.name}: its top layer {dense[-1][0]} has shape {kernel.shape}, "
                                    f"not ({model.fc.in_features}, {model.fc.out_features}).")
            model.fc.weight.copy_(torch.from_numpy(np.ascontiguousarray(kernel.T)))
            model.fc.bias.copy_(torch.from_numpy(bias))
    model.keras_top = bool(dense)  # type: ignore[attr-defined]
    return model.eval(), KERAS_INCEPTION

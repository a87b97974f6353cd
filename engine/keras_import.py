"""Keras application weight files (``.h5``) into the matching torchvision model.

Supported: VGG16 and VGG19 with their top (``vgg16_weights_tf_dim_ordering_tf_kernels.h5``,
``vgg19_weights_tf_dim_ordering_tf_kernels.h5``). What the conversion does:

* conv kernels: Keras stores (height, width, in, out) ("HWIO"); torch wants (out, in, height, width);
* dense kernels: Keras (in, out), torch (out, in);
* the first dense layer (``fc1``) reads a flattened 7x7x512 map: Keras flattens channels-last
  (h, w, c), torch channels-first (c, h, w), so its input rows are reordered;
* the preprocessing the weights were trained with is attached: Caffe style, BGR, 0-255, minus the
  ImageNet mean (103.939, 116.779, 123.68), the whole image resized to 224x224 (as Keras' examples do).
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
_VGG_BLOCKS = {"vgg16": (2, 2, 3, 3, 3), "vgg19": (2, 2, 4, 4, 4)}
SUPPORTED = tuple(_VGG_BLOCKS)


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
    if arch not in _VGG_BLOCKS:
        raise ConvLensError(f"Keras weight files can be loaded into {', '.join(SUPPORTED)}; "
                            f"not into {arch}.")
    layers = _read_layers(path)
    wanted = keras_vgg_layer_names(arch)
    present = [n for n in wanted if layers.get(n)]
    missing = [n for n in wanted if not layers.get(n)]
    if missing:
        if missing == ["fc1", "fc2", "predictions"]:
            raise ConvLensError(f"{path.name} has no top (fc1, fc2, predictions): ConvLens needs the "
                                f"with-top file to classify (…_tf_kernels.h5, not …_notop.h5).")
        others = [a for a in SUPPORTED if a != arch and all(layers.get(n) for n in keras_vgg_layer_names(a))]
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

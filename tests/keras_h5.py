"""Test helper: write a torchvision VGG's weights as a Keras applications ``.h5`` file.

The inverse of ``engine.weights.keras``: no real Keras file is available here, so the tests
make one in Keras' own layout (layer groups with ``weight_names``, HWIO kernels, channels-last
flatten before fc1) from a torch model, and check that importing it gives the same model back.
"""

from __future__ import annotations

from pathlib import Path

import h5py
import numpy as np
from torch import nn

from convlens.engine.weights.keras import keras_vgg_layer_names, torch_vgg_layers


def write_keras_vgg_h5(model: nn.Module, arch: str, path: Path, keras1_names: bool = False,
                       top: bool = True) -> Path:
    names = keras_vgg_layer_names(arch)
    layers = list(zip(names, torch_vgg_layers(model), strict=True))
    if not top:
        layers = layers[:-3]
    with h5py.File(path, "w") as f:
        f.attrs["layer_names"] = [n.encode() for n, _ in layers] + [b"flatten"] * top
        f.attrs["backend"] = b"tensorflow"
        f.attrs["keras_version"] = b"1.2.2" if keras1_names else b"2.2.4"
        for name, module in layers:
            w = module.weight.detach().numpy()
            if isinstance(module, nn.Conv2d):
                kernel = w.transpose(2, 3, 1, 0)  # OIHW -> HWIO
            elif name == "fc1":
                out, inp = w.shape
                c = 512
                side = int(round((inp / c) ** 0.5))
                kernel = w.T.reshape(c, side, side, out).transpose(1, 2, 0, 3).reshape(inp, out)  # (c,h,w) -> (h,w,c)
            else:
                kernel = w.T
            group = f.create_group(name)
            wn = [f"{name}_W_1:0", f"{name}_b_1:0"] if keras1_names else [f"{name}/kernel:0", f"{name}/bias:0"]
            group.attrs["weight_names"] = [x.encode() for x in wn]
            group.create_dataset(wn[0], data=np.ascontiguousarray(kernel))
            group.create_dataset(wn[1], data=module.bias.detach().numpy())
        if top:
            f.create_group("flatten").attrs["weight_names"] = []
    return path


def write_keras_inception_h5(model: nn.Module, path: Path, top: bool = True) -> Path:
    """Inception v3 in Keras' layout: conv2d_N (no bias) + batch_normalization_N (no scale), then predictions."""
    from convlens.engine.weights.keras import torch_inception_units

    names: list[str] = []
    with h5py.File(path, "w") as f:
        for i, unit in enumerate(torch_inception_units(model), 1):
            conv, bn = f"conv2d_{i}", f"batch_normalization_{i}"
            g = f.create_group(conv)
            g.attrs["weight_names"] = [f"{conv}/kernel:0".encode()]
            g.create_dataset(f"{conv}/kernel:0", data=unit.conv.weight.detach().numpy().transpose(2, 3, 1, 0))
            g = f.create_group(bn)
            wn = [f"{bn}/beta:0", f"{bn}/moving_mean:0", f"{bn}/moving_variance:0"]
            g.attrs["weight_names"] = [x.encode() for x in wn]
            for key, value in zip(wn, (unit.bn.bias, unit.bn.running_mean, unit.bn.running_var), strict=True):
                g.create_dataset(key, data=value.detach().numpy())
            names += [conv, bn]
        if top:
            g = f.create_group("predictions")
            wn = ["predictions/kernel:0", "predictions/bias:0"]
            g.attrs["weight_names"] = [x.encode() for x in wn]
            g.create_dataset(wn[0], data=model.fc.weight.detach().numpy().T)
            g.create_dataset(wn[1], data=model.fc.bias.detach().numpy())
            names.append("predictions")
        f.attrs["layer_names"] = [n.encode() for n in names]
    return path

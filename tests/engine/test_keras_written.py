"""Keras application files that Keras itself wrote load and give Keras' own outputs.

The files and Keras' outputs come from ``tests/keras_reference/make_keras_files.py`` run in a test-only
environment with tensorflow-cpu + tf-keras (``.ci/run`` creates it and points ``CONVLENS_KERAS_REFERENCE``
at the folder). Without it these tests skip and say so. The 2017 release layout (automatic names numbered
from 1, Keras 1 weight names such as ``block1_conv1_W_1:0``, ResNet50's ``res2a_branch2a`` names) is made
by renaming the layers of a Keras-written file: the arrays are still Keras' own.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
import torch

from convlens.engine.core.errors import ConvLensError
from convlens.engine.models.registry import get_arch
from convlens.engine.weights.keras import resolve_layer_alias
from convlens.engine.weights.load import load_file

PROBABILITY_TOLERANCE = 1e-5  # absolute, on probabilities
FEATURE_TOLERANCE = 1e-5  # relative to the largest feature value of the layer


def _outputs(model: torch.nn.Module, x: torch.Tensor, layers: list[str], arch: str) -> tuple[torch.Tensor, dict]:
    found: dict[str, np.ndarray] = {}
    hooks = [model.get_submodule(resolve_layer_alias(arch, name)).register_forward_hook(
        lambda _m, _i, out, name=name: found.__setitem__(name, out.permute(0, 2, 3, 1).numpy())) for name in layers]
    try:
        with torch.no_grad():
            logits = model(x)
    finally:
        for h in hooks:
            h.remove()
    return logits, found


def _check(path: Path, arch: str, reference: dict, entry: dict) -> None:
    loaded = load_file(path, get_arch(arch))
    x = torch.from_numpy(reference["input"]).permute(0, 3, 1, 2).contiguous()
    logits, features = _outputs(loaded.model, x, entry["features"], arch)
    if entry["top"]:
        probs = torch.softmax(logits, 1).numpy()
        assert np.abs(probs - reference["probabilities"]).max() < PROBABILITY_TOLERANCE
        assert (probs.argmax(1) == reference["probabilities"].argmax(1)).all()
        # random weights give near-uniform probabilities: hold the log-probabilities too
        assert np.abs(np.log(probs) - np.log(reference["probabilities"])).max() < 1e-3
    for name in entry["features"]:
        want = reference[f"features_{name}"]
        assert features[name].shape == want.shape, name
        assert np.abs(features[name] - want).max() <= FEATURE_TOLERANCE * np.abs(want).max(), name


@pytest.mark.parametrize("name", ["vgg16", "vgg19", "inception_v3", "inception_v3_notop", "resnet50", "resnet50_notop"])
def test_keras_written_file_gives_keras_outputs(keras_reference, name: str) -> None:
    folder, manifest = keras_reference
    entry = manifest["files"][name]
    _check(folder / entry["h5"], name.replace("_notop", ""), dict(np.load(folder / f"{name}.npz")), entry)


def _rename(source: Path, target: Path, rename, weight_name=None) -> None:
    """Copy a Keras weights file with its layers (and weight names) renamed, in reversed layer order."""
    import h5py

    with h5py.File(source, "r") as src, h5py.File(target, "w") as dst:
        for key, value in src.attrs.items():
            if key != "layer_names":
                dst.attrs[key] = value
        new_names = []
        for raw in src.attrs["layer_names"]:
            old = raw.decode() if isinstance(raw, bytes) else str(raw)
            new = rename(old)
            new_names.append(new.encode())
            group = dst.create_group(new)
            weight_names = []
            for raw_w in src[old].attrs.get("weight_names", []):
                w = raw_w.decode() if isinstance(raw_w, bytes) else str(raw_w)
                kind = w.split("/")[-1].split(":")[0]
                new_w = weight_name(new, kind) if weight_name else f"{new}/{kind}:0"
                group.create_dataset(new_w, data=np.asarray(src[old][w]))
                weight_names.append(new_w.encode())
            group.attrs["weight_names"] = np.array(weight_names, dtype="S")
        dst.attrs["layer_names"] = np.array(list(reversed(new_names)), dtype="S")


def _plus_one(name: str) -> str:
    found = re.fullmatch(r"(conv2d|batch_normalization|activation|max_pooling2d|average_pooling2d)(?:_(\d+))?", name)
    return f"{found.group(1)}_{int(found.group(2) or 0) + 1}" if found else name


def test_2017_layouts_load_to_the_same_outputs(keras_reference, tmp_path: Path) -> None:
    folder, manifest = keras_reference
    # Inception v3: numbered from conv2d_1, layers listed in another order
    old = tmp_path / "inception_v3_weights_tf_dim_ordering_tf_kernels_notop.h5"
    _rename(folder / "inception_v3_notop.h5", old, _plus_one)
    _check(old, "inception_v3", dict(np.load(folder / "inception_v3_notop.npz")), manifest["files"]["inception_v3_notop"])
    # VGG16: Keras 1 weight names (block1_conv1_W_1:0, block1_conv1_b_1:0)
    vgg = tmp_path / "vgg16_weights_tf_dim_ordering_tf_kernels.h5"
    _rename(folder / "vgg16.h5", vgg, lambda n: n,
            lambda layer, kind: f"{layer}_{ {'kernel': 'W', 'bias': 'b'}[kind]}_1:0")
    _check(vgg, "vgg16", dict(np.load(folder / "vgg16.npz")), manifest["files"]["vgg16"])
    # ResNet50: the 2017 names (conv1, bn_conv1, res2a_branch2a, bn2a_branch2a, res2a_branch1, fc1000)

    def resnet_2017(name: str) -> str:
        if name in ("conv1_conv", "conv1_bn"):
            return {"conv1_conv": "conv1", "conv1_bn": "bn_conv1"}[name]
        if name == "predictions":
            return "fc1000"
        found = re.fullmatch(r"conv(\d)_block(\d+)_(\d)_(conv|bn)", name)
        if not found:
            return name
        stage, block, part, kind = found.groups()
        branch = {"0": "1", "1": "2a", "2": "2b", "3": "2c"}[part]
        letter = "abcdef"[int(block) - 1]
        return f"{'res' if kind == 'conv' else 'bn'}{stage}{letter}_branch{branch}"

    res = tmp_path / "resnet50_weights_tf_dim_ordering_tf_kernels.h5"
    _rename(folder / "resnet50.h5", res, resnet_2017)
    _check(res, "resnet50", dict(np.load(folder / "resnet50.npz")), manifest["files"]["resnet50"])


def test_a_file_that_fits_no_architecture_says_what_it_looks_like(keras_reference) -> None:
    folder, _ = keras_reference
    with pytest.raises(ConvLensError, match=r"does not fit ResNet50.*It looks like Inception v3 weights"):
        load_file(folder / "inception_v3_notop.h5", get_arch("resnet50"))
    with pytest.raises(ConvLensError, match=r"does not fit VGG16.*It looks like ResNet50 weights"):
        load_file(folder / "resnet50.h5", get_arch("vgg16"))
    with pytest.raises(ConvLensError, match=r"does not fit Inception v3.*It looks like VGG19 weights"):
        load_file(folder / "vgg19.h5", get_arch("inception_v3"))


def test_the_architecture_is_recognised_when_not_given(keras_reference) -> None:
    folder, _ = keras_reference
    for name, arch in (("vgg19", "vgg19"), ("inception_v3_notop", "inception_v3"), ("resnet50", "resnet50")):
        loaded = load_file(folder / f"{name}.h5", None)
        assert loaded.arch.name == arch and "recognised from its layer names" in loaded.notes[0]


def test_the_default_path_gives_keras_probabilities_for_vgg19(keras_reference) -> None:
    """The issue's case: through the default runtime (Auto, here moved to the fastest runtime as live video or a
    large folder moves it) a Keras-written VGG19 gives Keras' own probabilities, not bf16's (which moved a
    held-out photo's top-1 and read the astronaut's "bobsled" 3 points low)."""
    from convlens.engine.app.session import EngineSession
    from convlens.engine.runtime.runtimes import OPEN_ENDED

    folder, manifest = keras_reference
    reference = dict(np.load(folder / "vgg19.npz"))
    session = EngineSession("cpu")
    session.runtime = "auto"  # the app's default
    session.install_with_runtime(load_file(folder / manifest["files"]["vgg19"]["h5"], get_arch("vgg19")))
    session.prepare_for(OPEN_ENDED)
    assert session.info is not None and session.info.precision == "f32"
    x = torch.from_numpy(reference["input"]).permute(0, 3, 1, 2).contiguous()
    got = np.asarray([[p.probability for p in sorted(row, key=lambda p: p.index)]
                      for row in session.predictor.predict_tensor(x, 1000)])
    assert np.abs(got - reference["probabilities"]).max() < 1e-4, session.info.runtime_title
    assert (got.argmax(1) == reference["probabilities"].argmax(1)).all()

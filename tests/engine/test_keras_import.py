"""Keras applications .h5 weights into torchvision's VGG16 / VGG19."""

from __future__ import annotations

from pathlib import Path

import h5py
import pytest
import torch

from convlens.engine.core.errors import ConvLensError
from convlens.engine.models.registry import get_arch
from convlens.engine.weights.keras import keras_vgg_layer_names
from convlens.engine.weights.load import load_weights
from tests.keras_h5 import write_keras_vgg_h5


def test_keras_layer_names_are_the_documented_ones() -> None:
    # keras.applications.VGG19: block1_conv1 ... block5_conv4, flatten, fc1, fc2, predictions
    names = keras_vgg_layer_names("vgg19")
    assert names[:3] == ["block1_conv1", "block1_conv2", "block2_conv1"]
    assert "block3_conv4" in names and names[-4:] == ["block5_conv4", "fc1", "fc2", "predictions"]
    assert len(keras_vgg_layer_names("vgg16")) == 16 and len(names) == 19


@pytest.mark.parametrize(("arch", "keras1"), [("vgg19", False), ("vgg16", True)])
def test_round_trip_gives_identical_outputs(arch: str, keras1: bool, tmp_path: Path) -> None:
    torch.manual_seed(0)
    model = get_arch(arch).build().eval()
    h5 = write_keras_vgg_h5(model, arch, tmp_path / f"{arch}_weights_tf_dim_ordering_tf_kernels.h5", keras1)
    def first_weight(group: h5py.Group) -> h5py.Dataset:
        name = group.attrs["weight_names"][0]
        return group[name.decode() if isinstance(name, bytes) else name]

    with h5py.File(h5) as f:  # really Keras' layout: HWIO kernels, (in, out) dense kernels
        assert first_weight(f["block1_conv1"]).shape == (3, 3, 3, 64)
        assert first_weight(f["fc1"]).shape == (25088, 4096)
    loaded = load_weights(arch, str(h5))
    assert loaded.preprocess.channel_order == "BGR" and loaded.preprocess.scale == 255.0
    assert loaded.preprocess.mean == (103.939, 116.779, 123.68)
    x = torch.randn(2, 3, 224, 224)
    with torch.inference_mode():
        assert torch.equal(loaded.model(x), model(x))


def test_wrong_files_are_clear_errors(tmp_path: Path) -> None:
    text = tmp_path / "notes.h5"
    text.write_text("not hdf5")
    with pytest.raises(ConvLensError, match="notes.h5: not a Keras weights file"):
        load_weights("vgg19", str(text))
    plain = tmp_path / "plain.h5"
    with h5py.File(plain, "w") as f:
        f.create_dataset("x", data=[1, 2, 3])
    with pytest.raises(ConvLensError, match="not Keras weights"):
        load_weights("vgg19", str(plain))
    vgg16 = write_keras_vgg_h5(get_arch("vgg16").build(), "vgg16", tmp_path / "vgg16.h5")
    with pytest.raises(ConvLensError, match=r"vgg16.h5 does not fit VGG19: missing Keras layers block3_conv4.*VGG16"):
        load_weights("vgg19", str(vgg16))
    notop = write_keras_vgg_h5(get_arch("vgg19").build(), "vgg19", tmp_path / "notop.h5", top=False)
    with pytest.raises(ConvLensError, match="has no top"):
        load_weights("vgg19", str(notop))
    with pytest.raises(ConvLensError, match="can be loaded into vgg16, vgg19"):
        load_weights("resnet18", str(vgg16))


@pytest.mark.parametrize("top", [True, False])
def test_inception_v3_round_trip_with_and_without_top(top: bool, tmp_path: Path) -> None:
    from tests.keras_h5 import write_keras_inception_h5

    torch.manual_seed(0)
    model = get_arch("inception_v3").build().eval()
    with torch.no_grad():  # Keras' BN has no scale: gamma 1; the rest made non-trivial
        for m in model.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.bias.uniform_(-0.2, 0.2)
                m.running_mean.uniform_(-0.1, 0.1)
                m.running_var.uniform_(0.5, 1.5)
    h5 = write_keras_inception_h5(model, tmp_path / "inception.h5", top)
    # The weight mapping round trip; Keras' own semantics (pooling without the padding) are held to files Keras
    # wrote in test_keras_written.py, so the reference here computes the same way.
    from convlens.engine.models.architectures.keras_variants import keras_structure

    keras_structure(model, "inception_v3")
    loaded = load_weights("inception_v3", str(h5))
    assert loaded.preprocess.crop == 299 and loaded.preprocess.mean == (0.5, 0.5, 0.5)  # scaled to [-1, 1]
    x = torch.randn(1, 3, 299, 299)
    with torch.inference_mode():
        if top:
            assert torch.allclose(loaded.model(x), model(x), atol=1e-5)
        else:
            assert any("no top" in n for n in loaded.notes)
            features = torch.nn.Sequential(*list(loaded.model.children())[:-2])
            reference = torch.nn.Sequential(*list(model.children())[:-2])
            assert torch.allclose(features(x), reference(x), atol=1e-5)
    vgg = write_keras_vgg_h5(get_arch("vgg16").build(), "vgg16", tmp_path / "vgg.h5")
    with pytest.raises(ConvLensError, match="does not fit Inception v3"):
        load_weights("inception_v3", str(vgg))

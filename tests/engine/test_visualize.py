"""What a channel wants: the made image held against the model itself (it must excite its channel far more than
real photos), the dataset examples against the model's own activations, and bad requests as messages."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from convlens.engine.core.errors import ConvLensError
from convlens.engine.core.steps import run_to_end
from convlens.engine.inspect.activations import capture
from convlens.engine.inspect.visualize import example_tile, top_examples, visualize_channel, wanted_picture
from convlens.engine.weights.load import load_weights


@pytest.fixture(scope="module")
def mobilenet(mobilenet_file: Path):
    return load_weights("mobilenet_v2", str(mobilenet_file))


def test_the_made_image_excites_its_channel_far_more_than_real_photos(mobilenet, photos: Path) -> None:
    layer, channel = "features.4", 7
    steps: list = []
    wanted = run_to_end(visualize_channel(mobilenet.model, mobilenet.preprocess, layer, channel, steps=48, size=96),
                        steps.append)
    assert len(steps) == 48 and wanted.mode == "fourier" and wanted.image.shape == (96, 96, 3)
    assert wanted.image.dtype == np.uint8 and wanted.image.std() > 5  # a picture, not a flat grey
    examples = run_to_end(top_examples(mobilenet.model, mobilenet.preprocess, layer, channel, photos))
    assert len(examples) == 9
    assert wanted.activation > 3 * examples[0].activation > 0
    assert all(p.requires_grad for p in mobilenet.model.parameters())  # the model is left as it was


def test_examples_are_the_models_own_top_activations(mobilenet, photos: Path) -> None:
    from convlens.engine.data.images import load_image

    layer, channel = "features.10", 5
    examples = run_to_end(top_examples(mobilenet.model, mobilenet.preprocess, layer, channel, photos, k=4))
    # the model's own activations of every photo, through a plain forward hook on the whole network
    means = {}
    for path in sorted(photos.iterdir()):
        x = mobilenet.preprocess(load_image(path))[None]
        with capture(mobilenet.model, [layer]) as store, torch.inference_mode():
            mobilenet.model(x)
        means[str(path)] = float(store[layer][0, channel].mean())
    expected = sorted(means, key=means.get, reverse=True)[:4]
    assert [e.path for e in examples] == expected
    assert np.allclose([e.activation for e in examples], [means[p] for p in expected], atol=1e-5)
    tile = example_tile(examples[0], mobilenet.preprocess)
    assert max(tile.shape[:2]) == 160 and tile.shape[2] == 3
    assert wanted_picture(None, [tile] * 4).shape[1] == 3 * 160 + 2 * 4


def test_small_models_get_the_pixel_mode(lenet: Path, digit_folder: Path) -> None:
    loaded = load_weights("lenet5", str(lenet))
    wanted = run_to_end(visualize_channel(loaded.model, loaded.preprocess, "features.3", 2, steps=80))
    assert wanted.mode == "pixels" and wanted.image.shape == (28, 28, 3)
    examples = run_to_end(top_examples(loaded.model, loaded.preprocess, "features.3", 2, digit_folder))
    assert wanted.activation > 2 * max(examples[0].activation, 1e-3)
    assert examples[0].map.shape == (10, 10)


def test_bad_requests_are_messages(mobilenet, photos: Path) -> None:
    model, pre = mobilenet.model, mobilenet.preprocess
    with pytest.raises(ConvLensError, match="has 32 channels .* no channel 99"):
        run_to_end(visualize_channel(model, pre, "features.4", 99, steps=2, size=64))
    with pytest.raises(ConvLensError, match="No layer 'features.99'"):
        run_to_end(visualize_channel(model, pre, "features.99", 0, steps=2, size=64))
    with pytest.raises(ConvLensError, match="convolutional layer"):
        run_to_end(visualize_channel(model, pre, "classifier.1", 0, steps=2, size=64))
    with pytest.raises(ConvLensError, match="--size must be between"):
        run_to_end(visualize_channel(model, pre, "features.4", 0, steps=2, size=4))
    with pytest.raises(ConvLensError, match="not a folder"):
        run_to_end(top_examples(model, pre, "features.4", 0, photos / "fish.png"))

"""The odd and broken corpus (tests/odd_corpus.py) through the engine and the CLI: a result or a clear message."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.images import load_image, load_thumbnail, max_pixels, set_max_pixels
from convlens.engine.models.preprocess import Preprocess


def test_corpus_has_at_least_30_files_and_each_gives_an_image_or_its_message(corpus) -> None:
    folder, expected = corpus
    assert len(expected) >= 30
    for name, expect in expected.items():
        if expect is None:
            image = load_image(folder / name)
            assert image.mode in ("RGB", "L") and min(image.size) >= 1, name
        else:
            with pytest.raises(ConvLensError) as info:
                load_image(folder / name)
            message = str(info.value)
            assert message.startswith(name + ":") and re.search(expect, message), message


def test_one_limit_stated_truly_and_configurable(corpus) -> None:
    folder, _ = corpus
    before = max_pixels()
    try:
        set_max_pixels(50_000_000)
        with pytest.raises(ConvLensError, match=r"100\.0 megapixels, more than the limit of 50 megapixels"):
            load_image(folder / "big_100mp.png")
    finally:
        set_max_pixels(before)
    assert load_image(folder / "big_100mp.png").size == (10_000, 10_000)  # 100 MP < 120: Pillow's 89.5 MP guard is off


def test_animated_and_multipage_files_say_only_the_first_frame_is_used(corpus) -> None:
    folder, _ = corpus
    assert "2 frames" in load_image(folder / "animated.gif").info["convlens_notes"][0]
    assert "only the first" in load_image(folder / "multipage.tiff").info["convlens_notes"][0]


@pytest.mark.parametrize("size", [(100_000, 1), (1, 100_000), (2, 50_000), (30_000, 3), (8000, 200), (200, 9000)])
def test_preprocessing_is_bounded_by_the_model_input_whatever_the_shape(size: tuple[int, int]) -> None:
    pre = Preprocess()
    left, top, right, bottom = pre.bounded_region(*size) or (0, 0, *size)
    w, h = right - left, bottom - top
    resized = (pre.resize * max(w, h) / min(w, h)) * pre.resize
    assert resized <= 32 * pre.resize * pre.resize  # <= 256 x 8192 pixels, never 256 x 25 million
    image = Image.fromarray(np.random.default_rng(0).integers(0, 255, (size[1], size[0], 3), dtype=np.uint8))
    assert tuple(pre(image).shape) == (3, 224, 224)
    assert tuple(pre(np.asarray(image)).shape) == (3, 224, 224)


@pytest.mark.parametrize("size", [(1546, 400), (400, 1213), (8000, 200), (200, 9000)])
def test_bounded_preprocessing_matches_torchvision(photos: Path, size: tuple[int, int]) -> None:
    from torchvision.transforms import v2 as T

    pre = Preprocess()
    ref = T.Compose([T.ToImage(), T.Resize(256, antialias=True), T.CenterCrop(224),
                     T.ToDtype(torch.float32, scale=True), T.Normalize(pre.mean, pre.std)])
    image = Image.open(photos / "dog_samoyed.jpg").convert("RGB").resize(size)
    assert float((pre(image) - ref(image)).abs().max()) < 1e-5


def test_thumbnails_are_small_for_every_shape(corpus) -> None:
    folder, expected = corpus
    for name, expect in expected.items():
        if expect is None:
            thumb = load_thumbnail(folder / name, 96)
            assert thumb.ndim == 3 and thumb.shape[2] == 3 and max(thumb.shape[:2]) <= 96, name



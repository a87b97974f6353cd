"""What a channel wants (the Inside tab): the made image of one channel, its dataset examples, and a whole layer's
made images, each cached for the model in use (``engine.inspect.visualize``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from convlens.engine.core.steps import run_to_end
from convlens.engine.inspect.visualize import (
    STEPS,
    example_tile,
    layer_channels,
    top_examples,
    visualize_channel,
    wanted_picture,
)

if TYPE_CHECKING:
    from collections.abc import Generator

    import numpy as np

    from convlens.engine.app.session import EngineSession
    from convlens.engine.inspect.visualize import ChannelExample, VisualizeProgress, WantedImage

#: A whole layer is made with fewer steps on a smaller image: one picture per channel, several seconds each.
LAYER_STEPS, LAYER_SIDE = 96, 96


@dataclass(frozen=True)
class ExamplesFound:
    layer: str
    channel: int
    folder: str
    examples: tuple[ChannelExample, ...]
    tiles: tuple[np.ndarray, ...]  # each example with the channel's map over it, RGB
    picture: np.ndarray  # the tiles in a 3-column grid


@dataclass(frozen=True)
class LayerWant:
    """One channel of a whole layer is done."""

    index: int  # how many are done, 1-based
    total: int
    wanted: WantedImage


def channel_wants(session: EngineSession, layer: str, channel: int, steps: int = STEPS, size: int = 0,
                  ) -> Generator[VisualizeProgress, None, WantedImage]:
    """The made image of ``channel`` of ``layer`` for the current (PyTorch) model; cached until the model changes."""
    predictor = session.model.require_torch()
    key = (layer, channel, steps, size)
    cached = session.inspection.wanted.get(key)
    if cached is not None:
        return cached
    wanted = yield from visualize_channel(predictor.model, predictor.preprocess, layer, channel, steps, size or None)
    session.inspection.wanted[key] = wanted
    return wanted


def channel_examples(session: EngineSession, layer: str, channel: int, folder: str,
                     ) -> Generator[VisualizeProgress, None, ExamplesFound]:
    """The 9 images under ``folder`` that excite the channel most, with its map over each."""
    predictor = session.model.require_torch()
    examples = yield from top_examples(predictor.model, predictor.preprocess, layer, channel, folder)
    tiles = tuple(example_tile(e, predictor.preprocess) for e in examples)
    return ExamplesFound(layer, channel, folder, examples, tiles, wanted_picture(None, list(tiles)))


def layer_wants(session: EngineSession, layer: str, steps: int = LAYER_STEPS, size: int = LAYER_SIDE,
                ) -> Generator[LayerWant, None, int]:
    """Every channel's made image, one yield per channel (cancel between channels); cached like one channel's."""
    predictor = session.model.require_torch()
    total = layer_channels(predictor.model, predictor.preprocess, layer)
    for channel in range(total):
        wanted = run_to_end(channel_wants(session, layer, channel, steps, size))  # the layer job reports channels
        yield LayerWant(channel + 1, total, wanted)
    return total

"""What a channel wants: activation maximisation (Olah et al. 2017, as Lucid and Lucent do it) and DeepVis' dataset
examples (Yosinski et al. 2015).

An image is optimised to raise the mean activation of one channel of one layer. It lives in a decorrelated
parameterisation: a Fourier spectrum scaled by 1/frequency (so high frequencies, which a network answers to but a
person reads as noise, cost more to make) in a colour space decorrelated by Lucid's ImageNet colour matrix, squashed
to [0, 1] by a sigmoid. Each step sees it padded, jittered, scaled and rotated a little (Lucent's standard
transforms), so what survives is what the channel answers to wherever it appears. Small-input models (LeNet-5 at
28x28, one channel) get a mode that works at their size: pixels directly, a jitter of a pixel or two and a light
total-variation penalty, since a Fourier image of 28 pixels has almost no frequencies to shape.

The forward pass stops at the layer (its hook raises), so a layer early in VGG16 costs a fraction of the network,
and a model whose later layers want a fixed input size still works at any image size.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch
import torch.nn.functional as F

from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.images import iter_image_paths, load_image
from convlens.engine.inspect.activations import _as_tensor, get_layer, require_inspectable
from convlens.engine.inspect.hooks import watch

if TYPE_CHECKING:
    from collections.abc import Generator

    from torch import nn

    from convlens.engine.models.preprocess import Preprocess

__all__ = ["STEPS", "ChannelExample", "VisualizeProgress", "WantedImage", "channel_activation", "layer_channels",
           "top_examples", "visualize_channel"]

STEPS = 256
#: Below this input side a model gets the pixel mode (LeNet-5's 28x28).
SMALL_SIDE = 64
#: Lucid's square root of the ImageNet colour covariance: decorrelated colour -> RGB.
_COLOR_SQRT = torch.tensor([[0.26, 0.09, 0.02], [0.27, 0.00, -0.05], [0.27, -0.09, 0.03]])


@dataclass(frozen=True)
class VisualizeProgress:
    step: int
    steps: int
    activation: float  # the channel's mean activation on this step's transformed image


@dataclass(frozen=True)
class WantedImage:
    layer: str
    channel: int
    image: np.ndarray  # (size, size, 3) uint8
    activation: float  # the channel's mean activation on the final image, untransformed
    steps: int
    mode: str  # "fourier" | "pixels"


@dataclass(frozen=True)
class ChannelExample:
    path: str
    activation: float  # the channel's mean activation on the image as the model sees it
    map: np.ndarray  # (h, w) the channel's map at the layer's resolution


class _Reached(Exception):
    """Raised by the layer's hook: nothing after the layer needs computing."""


def _channel_output(model: nn.Module, layer: str, x: torch.Tensor) -> torch.Tensor:
    """The layer's output for ``x``, (batch, channels, h, w), computing only up to the layer."""
    module = get_layer(model, layer)
    kept: list[torch.Tensor] = []

    def keep(_key: str, out: object) -> None:
        t = _as_tensor(out)
        if t is not None:
            kept.append(t)
            raise _Reached

    with watch([(layer, module)], keep):
        try:
            model(x)
        except _Reached:
            pass
    if not kept:
        raise ConvLensError("Layer '{layer}' is not used when this model classifies an image.", layer=layer)
    out = kept[0]
    if out.dim() != 4:
        raise ConvLensError("Layer '{layer}' gives a {shape} output; a channel to visualise needs a convolutional "
                            "layer with a (channels, height, width) output.", layer=layer, shape=tuple(out.shape[1:]))
    return out


def _check_channel(out: torch.Tensor, layer: str, channel: int) -> None:
    if not 0 <= channel < out.shape[1]:
        raise ConvLensError("Layer '{layer}' has {n} channels (0-{last}); there is no channel {channel}.",
                            layer=layer, n=out.shape[1], last=out.shape[1] - 1, channel=channel)


def _normalise(image: torch.Tensor, pre: Preprocess) -> torch.Tensor:
    """[0, 1] RGB (or grey) -> the model's input, as its preprocessing would have made it."""
    x = image
    if pre.channels == 1 and x.shape[1] == 3:
        x = x.mean(dim=1, keepdim=True)
    if pre.invert:
        x = 1 - x
    if pre.channel_order == "BGR":
        x = x.flip(1)
    mean = torch.tensor(pre.mean, dtype=x.dtype, device=x.device).view(1, -1, 1, 1)
    std = torch.tensor(pre.std, dtype=x.dtype, device=x.device).view(1, -1, 1, 1)
    return (x * pre.scale - mean) / std


def channel_activation(model: nn.Module, layer: str, channel: int, x: torch.Tensor) -> torch.Tensor:
    """The channel's mean activation for each image of the model-ready batch ``x``."""
    with torch.inference_mode():
        out = _channel_output(model, layer, x)
    _check_channel(out, layer, channel)
    return out[:, channel].float().mean(dim=(1, 2))


# ------------------------------------------------------------------ parameterisations
class _FourierImage:
    """Lucent's ``fft_image`` + ``to_valid_rgb(decorrelate=True)``."""

    def __init__(self, size: int, generator: torch.Generator) -> None:
        fy = torch.fft.fftfreq(size)[:, None]
        fx = torch.fft.rfftfreq(size)[None, :]
        freqs = torch.sqrt(fx * fx + fy * fy)
        self.scale = (1.0 / torch.clamp(freqs, min=1.0 / size))[None, None]
        self.size = size
        self.spectrum = (0.01 * torch.randn(1, 3, size, size // 2 + 1, 2, generator=generator)).requires_grad_(True)
        self.colors = _COLOR_SQRT / _COLOR_SQRT.norm(dim=0).max()

    @property
    def parameters(self) -> list[torch.Tensor]:
        return [self.spectrum]

    def image(self) -> torch.Tensor:
        scaled = self.scale[..., None] * self.spectrum
        pixels = torch.fft.irfft2(torch.view_as_complex(scaled), s=(self.size, self.size), norm="ortho") / 4
        rgb = torch.einsum("bchw,dc->bdhw", pixels, self.colors)
        return torch.sigmoid(rgb)


class _PixelImage:
    """Pixels through a sigmoid: for models whose input is too small for a spectrum to shape (LeNet-5)."""

    def __init__(self, size: int, channels: int, generator: torch.Generator) -> None:
        self.pixels = (0.1 * torch.randn(1, channels, size, size, generator=generator)).requires_grad_(True)

    @property
    def parameters(self) -> list[torch.Tensor]:
        return [self.pixels]

    def image(self) -> torch.Tensor:
        return torch.sigmoid(self.pixels)


def _transform(x: torch.Tensor, generator: torch.Generator, small: bool) -> torch.Tensor:
    """Lucent's standard transforms: pad 12 (grey), jitter 8, scale 0.9-1.1, rotate -10..10 degrees, jitter 4; the
    pixel mode only pads 2 and jitters 2."""

    def rand(n: int) -> int:
        return int(torch.randint(0, n, (1,), generator=generator))

    def jitter(t: torch.Tensor, d: int) -> torch.Tensor:
        dx, dy = rand(d), rand(d)
        return t[:, :, dy : t.shape[2] - d + dy, dx : t.shape[3] - d + dx]

    if small:
        return jitter(F.pad(x, (2, 2, 2, 2), mode="replicate"), 3)
    x = jitter(F.pad(x, (12, 12, 12, 12), value=0.5), 8)
    scale = 1 + (rand(11) - 5) / 50
    x = F.interpolate(x, scale_factor=scale, mode="bilinear", align_corners=False)
    angle = math.radians([*range(-10, 11), 0, 0, 0, 0, 0][rand(26)])
    theta = torch.tensor([[math.cos(angle), -math.sin(angle), 0.0], [math.sin(angle), math.cos(angle), 0.0]],
                         dtype=x.dtype)[None]
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    x = F.grid_sample(x, grid, padding_mode="border", align_corners=False)
    return jitter(x, 4)


def visualize_channel(model: nn.Module, preprocess: Preprocess, layer: str, channel: int, steps: int = STEPS,
                      size: int | None = None, lr: float = 0.05, seed: int = 0,
                      ) -> Generator[VisualizeProgress, None, WantedImage]:
    """Optimise an image to raise ``channel`` of ``layer``; yields each step (cancel between them)."""
    require_inspectable(model, "What a channel wants")
    if steps < 1:
        raise ConvLensError("--steps must be at least {min} (got {n}).", min=1, n=steps)
    small = preprocess.crop < SMALL_SIDE or preprocess.channels == 1
    side = int(size or (preprocess.crop if small else 128))  # Lucent's default size: the network still sees it whole
    if not 8 <= side <= 1024:
        raise ConvLensError("--size must be between {min} and {max} pixels (got {n}).", min=8, max=1024, n=side)
    device = next(model.parameters()).device
    generator = torch.Generator().manual_seed(seed)
    param = _PixelImage(side, preprocess.channels, generator) if small else _FourierImage(side, generator)
    optimiser = torch.optim.Adam(param.parameters, lr=lr)
    was_training = model.training
    model.eval()
    frozen = [p for p in model.parameters() if p.requires_grad]
    for p in frozen:
        p.requires_grad_(False)  # gradients for the image only: no 138M weight gradients for VGG16
    try:
        with torch.enable_grad():
            for step in range(steps):
                optimiser.zero_grad()
                image = param.image()
                x = _normalise(_transform(image, generator, small), preprocess).to(device)
                out = _channel_output(model, layer, x)
                if step == 0:
                    _check_channel(out, layer, channel)
                activation = out[0, channel].mean()
                loss = -activation
                if small:  # total variation, in proportion to the activation: the pixel mode's guard against speckle
                    tv = ((image[..., 1:, :] - image[..., :-1, :]).abs().mean()
                          + (image[..., 1:] - image[..., :-1]).abs().mean())
                    loss = loss + 0.05 * tv * abs(float(activation.detach()))
                loss.backward()
                optimiser.step()
                yield VisualizeProgress(step + 1, steps, float(activation.detach()))
    finally:
        for p in frozen:
            p.requires_grad_(True)
        model.train(was_training)
    with torch.no_grad():
        final = param.image().detach()
    achieved = float(channel_activation(model, layer, channel, _normalise(final, preprocess).to(device))[0])
    picture = final[0].permute(1, 2, 0).cpu().numpy()
    if picture.shape[2] == 1:
        picture = np.repeat(picture, 3, axis=2)
    return WantedImage(layer, channel, (picture * 255).round().clip(0, 255).astype(np.uint8), achieved, steps,
                       "pixels" if small else "fourier")


# ------------------------------------------------------------------ dataset examples
def top_examples(model: nn.Module, preprocess: Preprocess, layer: str, channel: int, folder: str | Path,
                 k: int = 9, batch_size: int = 16) -> Generator[VisualizeProgress, None, tuple[ChannelExample, ...]]:
    """The ``k`` images under ``folder`` that raise the channel's mean activation most, with its map over each
    (DeepVis' "top 9"); memory holds only those ``k`` maps. Unreadable files are passed over."""
    require_inspectable(model, "What a channel wants")
    if not Path(folder).is_dir():
        raise ConvLensError("{folder} is not a folder (or no longer exists).", folder=folder)
    files = list(iter_image_paths([folder]))
    if not files:
        raise ConvLensError("No image files found in {folder}.", folder=folder)
    device = next(model.parameters()).device
    best: list[tuple[float, int, ChannelExample]] = []
    for start in range(0, len(files), batch_size):
        chunk: list[Path] = []
        tensors = []
        for path in files[start : start + batch_size]:
            try:
                tensors.append(preprocess(load_image(path)))
            except ConvLensError:
                continue
            chunk.append(path)
        if tensors:
            with torch.inference_mode():
                out = _channel_output(model, layer, torch.stack(tensors).to(device))
            _check_channel(out, layer, channel)
            maps = out[:, channel].float().cpu()
            for i, path in enumerate(chunk):
                example = ChannelExample(str(path), float(maps[i].mean()), maps[i].numpy().copy())
                item = (example.activation, -(start + i), example)
                if len(best) < k:
                    heapq.heappush(best, item)
                else:
                    heapq.heappushpop(best, item)
        yield VisualizeProgress(min(start + batch_size, len(files)), len(files), best[0][0] if best else 0.0)
    if not best:
        raise ConvLensError("None of the images in {folder} could be read.", folder=folder)
    return tuple(e for _, _, e in sorted(best, key=lambda t: (-t[0], -t[1])))


def layer_channels(model: nn.Module, preprocess: Preprocess, layer: str) -> int:
    """How many channels ``layer`` has (one forward pass up to it on a grey image)."""
    x = _normalise(torch.full((1, preprocess.channels, preprocess.crop, preprocess.crop), 0.5), preprocess)
    with torch.inference_mode():
        return int(_channel_output(model, layer, x.to(next(model.parameters()).device)).shape[1])


def example_tile(example: ChannelExample, preprocess: Preprocess, side: int = 160) -> np.ndarray:
    """An example image (longest side ``side``) with the channel's map over what the model saw, scaled to its own
    maximum (a map that never rises stays untinted)."""
    import cv2

    from convlens.engine.inspect.activations import cam_to_image
    from convlens.engine.inspect.overlays import display_picture
    from convlens.engine.inspect.render import overlay
    from convlens.engine.models.preprocess import crop_box

    shown = display_picture(load_image(example.path), side)
    if max(shown.shape[:2]) < side:  # a 28x28 digit: enlarged, its pixels kept sharp
        grow = side / max(shown.shape[:2])
        shown = cv2.resize(shown, (round(shown.shape[1] * grow), round(shown.shape[0] * grow)),
                           interpolation=cv2.INTER_NEAREST)
    size = (shown.shape[1], shown.shape[0])
    peak = float(example.map.max())
    heat = cam_to_image(np.clip(example.map, 0, None) / peak if peak > 0 else np.zeros_like(example.map),
                        preprocess, size)
    box = tuple(round(v) for v in crop_box(preprocess, size))
    return overlay(shown, heat, 0.45, box=box)  # type: ignore[arg-type]


def wanted_picture(wanted: WantedImage | None, tiles: list[np.ndarray], tile: int = 160, gap: int = 4) -> np.ndarray:
    """The made image (three tiles high) beside a 3-column grid of example tiles, on white."""
    import cv2

    if not tiles:
        return wanted.image if wanted is not None else np.full((tile, tile, 3), 255, np.uint8)
    rows = math.ceil(len(tiles) / 3)
    height = rows * tile + (rows - 1) * gap
    left = 0
    if wanted is not None:
        left = max(3 * tile + 2 * gap, height) if tiles else wanted.image.shape[0]
        height = max(height, left)
    width = left + (gap * 3 if wanted is not None and tiles else 0) + (3 * tile + 2 * gap if tiles else 0)
    canvas = np.full((height, width, 3), 255, np.uint8)
    if wanted is not None:
        small = wanted.image.shape[0] < left / 4  # the pixel mode's 28x28: enlarged without blurring
        made = cv2.resize(wanted.image, (left, left), interpolation=cv2.INTER_NEAREST if small else cv2.INTER_LINEAR
                          ) if tiles else wanted.image
        canvas[: made.shape[0], : made.shape[1]] = made
    x0 = left + (gap * 3 if wanted is not None else 0)
    for i, t in enumerate(tiles):
        r, c = divmod(i, 3)
        y, x = r * (tile + gap), x0 + c * (tile + gap)
        h, w = t.shape[:2]
        canvas[y + (tile - h) // 2 : y + (tile - h) // 2 + h, x + (tile - w) // 2 : x + (tile - w) // 2 + w] = t
    return canvas

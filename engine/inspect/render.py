"""Turning activations, CAMs and kernels into pictures (numpy uint8 RGB)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import cv2
import numpy as np

from convlens.engine.core.errors import ConvLensError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from convlens.engine.inspect.activations import FeatureMaps

COLORMAPS = {
    "viridis": cv2.COLORMAP_VIRIDIS,
    "inferno": cv2.COLORMAP_INFERNO,
    "magma": cv2.COLORMAP_MAGMA,
    "jet": cv2.COLORMAP_JET,
    "turbo": cv2.COLORMAP_TURBO,
    "gray": None,
}
NORMALISATIONS = ("channel", "shared")


def colorize(values: np.ndarray, vmin: float, vmax: float, cmap: str = "viridis") -> np.ndarray:
    """(H, W) floats -> (H, W, 3) uint8 RGB through a colour map."""
    return _map_gray(_gray(values, vmin, vmax), cmap)


def _gray(values: np.ndarray, vmin: float | np.ndarray, vmax: float | np.ndarray) -> np.ndarray:
    """Values stretched from [vmin, vmax] to 0-255 (0 where the range is empty); vmin/vmax may be per map."""
    span = vmax - vmin
    safe = np.where(span > 0, span, 1) if isinstance(span, np.ndarray) else (span if span > 0 else 1)
    scaled = (values - vmin) / safe
    if isinstance(span, np.ndarray):
        scaled = np.where(span > 0, scaled, 0)
    elif not span > 0:
        scaled = np.zeros_like(values)
    return np.clip(scaled * 255.0 + 0.5, 0, 255).astype(np.uint8)


def _map_gray(gray: np.ndarray, cmap: str) -> np.ndarray:
    if cmap not in COLORMAPS:
        raise ConvLensError(
            "Unknown colour map '{cmap}': choose one of {value}.",
            cmap=cmap, value=', '.join(COLORMAPS),
        )
    code = COLORMAPS[cmap]
    if code is None:
        return np.repeat(gray[:, :, None], 3, axis=2)
    return cv2.cvtColor(cv2.applyColorMap(gray, code), cv2.COLOR_BGR2RGB)


def grid_shape(count: int, columns: int | None = None) -> tuple[int, int]:
    cols = columns or max(1, math.ceil(math.sqrt(count)))
    return math.ceil(count / cols), cols


def feature_grid(fm: FeatureMaps, channels: list[int] | None = None, columns: int | None = None,
                 normalise: str = "channel", cmap: str = "viridis", tile: int = 64, gap: int = 2) -> np.ndarray:
    """Channels as a grid of colour-mapped tiles (most active first unless ``channels`` is given).

    ``normalise="channel"`` stretches each map over its own range; ``"shared"``
    uses one range for all shown maps, so tiles compare with each other.
    """
    if normalise not in NORMALISATIONS:
        raise ConvLensError("Unknown normalisation '{normalise}': use channel or shared.", normalise=normalise)
    chosen = list(fm.order) if channels is None else channels
    if not chosen:
        raise ConvLensError("Layer '{layer}' has no channels to show.", layer=fm.layer)
    rows, cols = grid_shape(len(chosen), columns)
    maps = fm.maps[chosen]
    lo, hi = float(maps.min()), float(maps.max())
    h, w = maps.shape[1:]
    scale = max(1, tile // max(h, w))
    th, tw = h * scale, w * scale
    if normalise == "channel":
        gray = _gray(maps, maps.min(axis=(1, 2), keepdims=True), maps.max(axis=(1, 2), keepdims=True))
    else:
        gray = _gray(maps, lo, hi)
    if scale > 1:
        gray = gray.repeat(scale, axis=1).repeat(scale, axis=2)  # nearest-neighbour enlargement
    # every tile placed in one grayscale grid, colour-mapped once (live mode draws this every frame)
    plane = np.zeros((rows * (th + gap) + gap, cols * (tw + gap) + gap), np.uint8)
    tiles = np.zeros(plane.shape, bool)
    for i, g in enumerate(gray):
        r, c = divmod(i, cols)
        y, x = gap + r * (th + gap), gap + c * (tw + gap)
        plane[y : y + th, x : x + tw] = g
        tiles[y : y + th, x : x + tw] = True
    out = _map_gray(plane, cmap)
    out[~tiles] = 40
    return out


def channel_image(fm: FeatureMaps, channel: int, cmap: str = "viridis", size: int = 384,
                  value_range: tuple[float, float] | None = None) -> np.ndarray:
    """One channel enlarged, coloured over its own range, or over ``value_range`` (the page's shared range, so the
    enlarged tile matches the grid)."""
    m = fm.maps[channel]
    lo, hi = value_range if value_range is not None else (float(m.min()), float(m.max()))
    img = colorize(m, lo, hi, cmap)
    h, w = m.shape
    scale = max(1, size // max(h, w))
    return cv2.resize(img, (w * scale, h * scale), interpolation=cv2.INTER_NEAREST)


def heatmap_png(heat: np.ndarray) -> np.ndarray:
    """[0, 1] heatmap -> 8-bit grayscale (255 = most important)."""
    return np.clip(heat * 255.0 + 0.5, 0, 255).astype(np.uint8)


def overlay(image_rgb: np.ndarray, heat: np.ndarray, alpha: float = 0.5, cmap: str = "jet",
            box: tuple[int, int, int, int] | None = None) -> np.ndarray:
    """Blend a colour-mapped heatmap over an image of the same size (alpha = heatmap opacity).

    With ``box`` (in ``heat``'s pixels), only that part (what the model saw) is tinted.
    """
    heat_h, heat_w = heat.shape
    if heat.shape != image_rgb.shape[:2]:
        heat = cv2.resize(heat.astype(np.float32), (image_rgb.shape[1], image_rgb.shape[0]),
                          interpolation=cv2.INTER_LINEAR)
    height, width = heat.shape
    opacity = float(np.clip(alpha, 0.0, 1.0))
    rows = slice(0, height)
    cols = slice(0, width)
    if box is not None:  # only what the model saw is tinted
        sy, sx = heat_h / image_rgb.shape[0], heat_w / image_rgb.shape[1]
        left, top, right, bottom = box
        rows = slice(max(0, round(top / sy)), max(0, round(bottom / sy)))
        cols = slice(max(0, round(left / sx)), max(0, round(right / sx)))
    out = np.array(image_rgb, dtype=np.uint8, copy=True)
    # In strips of rows: a 110-megapixel photo's float intermediates would otherwise take several GB.
    for start in range(rows.start, min(rows.stop, height), _STRIP):
        stop = min(start + _STRIP, rows.stop, height)
        coloured = colorize(heat[start:stop, cols], 0.0, 1.0, cmap).astype(np.float32)
        base = out[start:stop, cols].astype(np.float32)
        out[start:stop, cols] = np.clip(base * (1 - opacity) + coloured * opacity + 0.5, 0, 255).astype(np.uint8)
    return out


#: Rows blended at a time by ``overlay``.
_STRIP = 256


def kernel_grid(tiles: np.ndarray, tile: int = 48, gap: int = 2) -> np.ndarray:
    """(N, kh, kw, 3) kernels in [0, 1] -> one grid picture (nearest-neighbour enlarged)."""
    n, kh, kw, _ = tiles.shape
    rows, cols = grid_shape(n)
    scale = max(1, tile // max(kh, kw))
    th, tw = kh * scale, kw * scale
    out = np.full((rows * (th + gap) + gap, cols * (tw + gap) + gap, 3), 255, np.uint8)
    for i in range(n):
        r, c = divmod(i, cols)
        img = np.clip(tiles[i] * 255 + 0.5, 0, 255).astype(np.uint8)
        img = cv2.resize(img, (tw, th), interpolation=cv2.INTER_NEAREST)
        y, x = gap + r * (th + gap), gap + c * (tw + gap)
        out[y : y + th, x : x + tw] = img
    return out


def heat_rgba(heat: np.ndarray, size: tuple[int, int], box: tuple[int, int, int, int] | None = None,
              cmap: str = "jet") -> np.ndarray:
    """A colour-mapped heatmap as an (H, W, 4) RGBA layer of ``size`` (W, H) to paint over the image.

    Opaque inside ``box`` (given in ``heat``'s pixels: what the model saw), transparent outside;
    the viewer sets the overall opacity.
    """
    width, height = size
    heat_h, heat_w = heat.shape
    resized = cv2.resize(heat.astype(np.float32), (width, height), interpolation=cv2.INTER_LINEAR)
    rgba = np.empty((height, width, 4), np.uint8)
    rgba[:, :, :3] = colorize(resized, 0.0, 1.0, cmap)
    rgba[:, :, 3] = 255
    if box is not None:
        sx, sy = width / heat_w, height / heat_h
        left, top, right, bottom = box
        mask = np.zeros((height, width), bool)
        mask[max(0, round(top * sy)) : round(bottom * sy), max(0, round(left * sx)) : round(right * sx)] = True
        rgba[~mask, 3] = 0
    return rgba


def similarity_picture(matrix: np.ndarray, rows: Sequence[str], columns: Sequence[str], title: str,
                       row_title: str, column_title: str, cmap: str = "viridis") -> np.ndarray:
    """A heat map of ``matrix`` (values 0-1, NaN grey) with its row and column names, a title and a colour bar:
    (H, W, 3) uint8 RGB. Names are written on every row while they fit, else on every k-th."""
    from PIL import Image, ImageDraw, ImageFont

    from convlens.engine.core.resources import resources_dir

    a, b = matrix.shape
    cell = int(max(4, min(28, 720 // max(a, b, 1))))
    font_file = resources_dir() / "fonts" / "NotoSansCJKkr-Regular-subset.otf"
    font = ImageFont.truetype(str(font_file), 12) if font_file.is_file() else ImageFont.load_default()
    step_rows, step_cols = max(1, math.ceil(14 / cell)), max(1, math.ceil(14 / cell))
    label_w = max((int(font.getlength(n)) for n in rows[::step_rows]), default=0) + 10
    label_h = max((int(font.getlength(n)) for n in columns[::step_cols]), default=0) + 10
    top, bar = 48, 70
    width, height = label_w + b * cell + bar + 10, top + a * cell + label_h + 24
    picture = Image.new("RGB", (max(width, 420), height), "white")
    heat = colorize(np.nan_to_num(matrix, nan=0.0), 0.0, 1.0, cmap)
    heat[np.isnan(matrix)] = 160
    picture.paste(Image.fromarray(np.ascontiguousarray(heat)).resize((b * cell, a * cell), Image.Resampling.NEAREST),
                  (label_w, top))
    draw = ImageDraw.Draw(picture)
    draw.text((8, 6), title, fill="black", font=font)
    draw.text((label_w, top - 18), f"{row_title} (rows)  \u00d7  {column_title} (columns)", fill=(70, 70, 70), font=font)
    for i in range(0, a, step_rows):
        draw.text((label_w - 5, top + i * cell + cell / 2), rows[i], fill="black", font=font, anchor="rm")
    for j in range(0, b, step_cols):  # written sideways under the map
        w = int(font.getlength(columns[j])) + 2
        label = Image.new("L", (w, 16), 0)
        ImageDraw.Draw(label).text((0, 8), columns[j], fill=255, font=font, anchor="lm")
        sideways = label.rotate(90, expand=True)
        x = label_w + j * cell + (cell - sideways.width) // 2
        picture.paste((0, 0, 0), (x, top + a * cell + 5, x + sideways.width, top + a * cell + 5 + sideways.height),
                      sideways)
    x0, y0, y1 = label_w + b * cell + 14, top, top + max(a * cell, 60)
    ramp = colorize(np.linspace(1, 0, y1 - y0)[:, None].repeat(12, 1), 0.0, 1.0, cmap)
    picture.paste(Image.fromarray(np.ascontiguousarray(ramp)), (x0, y0))
    for value in (0.0, 0.5, 1.0):
        draw.text((x0 + 16, y1 - value * (y1 - y0)), f"{value:.1f}", fill="black", font=font, anchor="lm")
    return np.asarray(picture)

"""Decode and validate images.

Every unreadable input raises ``ConvLensError`` naming the file and the
reason. Decoded images come back as 8-bit RGB (or L) Pillow images with EXIF
orientation applied.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from engine.errors import ConvLensError

#: Largest image we decode (pixels). Pillow's own guard is 89.5M; we refuse
#: anything past this *before* decoding, from the header alone.
MAX_PIXELS = 120_000_000

_LIMIT_TEXT = f"{MAX_PIXELS // 1_000_000} megapixels"

IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".ppm", ".pgm", ".pbm", ".jfif"}
)


def load_image(source: str | Path | bytes, name: str | None = None) -> Image.Image:
    """Open ``source`` (a path or encoded bytes) as an RGB image.

    Grayscale stays "L"; RGBA/LA/palette-with-transparency are composited on
    white; CMYK, 16-bit and float images are converted to 8-bit RGB.
    """
    if isinstance(source, bytes):
        label = name or "pasted image"
        data = source
    else:
        path = Path(source)
        label = name or path.name
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise ConvLensError(f"{label}: file not found ({path}).") from None
        except IsADirectoryError:
            raise ConvLensError(f"{label}: is a folder, not an image file.") from None
        except OSError as exc:
            raise ConvLensError(f"{label}: cannot be read ({exc.strerror or exc}).") from None
    if not data:
        raise ConvLensError(f"{label}: the file is empty (0 bytes).")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ConvLensError(
                    f"{label}: {width}x{height} pixels is too large to decode safely; the limit is {_LIMIT_TEXT}."
                )
            image.load()
    except ConvLensError:
        raise
    except UnidentifiedImageError:
        raise ConvLensError(f"{label}: not an image file, or a format that cannot be read.") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow refuses absurd headers inside open(); say how big it claimed to be.
        found = re.search(r"\((\d+) pixels\)", str(exc))
        size = f" ({int(found.group(1)) / 1e6:,.0f} megapixels)" if found else ""
        raise ConvLensError(
            f"{label}: the image is too large to decode safely{size}; the limit is {_LIMIT_TEXT}."
        ) from None
    except (OSError, SyntaxError, ValueError) as exc:
        reason = str(exc) or type(exc).__name__
        if "truncated" in reason:
            reason = "the file is truncated (incomplete download or copy?)"
        raise ConvLensError(f"{label}: the image data is damaged: {reason}.") from None
    try:
        image = ImageOps.exif_transpose(image)
    except Exception:  # noqa: BLE001 - a broken EXIF block must not cost the picture
        pass
    return _to_8bit(image)


def _to_8bit(image: Image.Image) -> Image.Image:
    mode = image.mode
    if mode in ("RGB", "L"):
        return image
    if mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
        mode = image.mode
    if mode in ("RGBA", "LA", "RGBa", "La", "PA"):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    if mode.startswith("I") or mode == "F":
        # 16-bit / 32-bit / float: stretch the real range onto 0..255;
        # Pillow's own convert("L") clips everything above 255 to white.
        arr = np.asarray(image, dtype=np.float64)
        lo, hi = float(arr.min()), float(arr.max())
        if mode.startswith("I;16") or (mode.startswith("I") and hi > 255):
            lo, hi = 0.0, 65535.0 if hi > 255 else 255.0
        scaled = np.zeros_like(arr) if hi <= lo else (arr - lo) * (255.0 / (hi - lo))
        return Image.fromarray(np.clip(scaled + 0.5, 0, 255).astype(np.uint8), "L")
    return image.convert("RGB")  # CMYK, YCbCr, LAB, HSV, 1-bit


def is_image_path(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_SUFFIXES


def iter_image_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; folders expanded recursively to their image files, sorted."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and is_image_path(p))
        else:
            yield path

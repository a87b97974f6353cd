"""Decode and validate images.

Every unreadable input raises ``ConvLensError`` naming the file and the
reason. Decoded images come back as 8-bit RGB (or L) Pillow images with EXIF
orientation applied.
"""

from __future__ import annotations

import contextlib
import io
import math
import warnings
from pathlib import Path
from typing import IO, TYPE_CHECKING

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from convlens.engine.core.errors import ConvLensError, Text

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

#: Largest image we decode by default (pixels). We refuse anything past the
#: limit *before* decoding, from the header alone. This is the only limit:
#: Pillow's own guard (a warning at 89.5 MP, an error at twice that) is
#: switched off so that it can never contradict ours.
DEFAULT_MAX_PIXELS = 120_000_000
_max_pixels = DEFAULT_MAX_PIXELS
Image.MAX_IMAGE_PIXELS = None


def max_pixels() -> int:
    return _max_pixels


def set_max_pixels(pixels: int) -> None:
    """Change the limit (the app's setting); at least 1 megapixel."""
    global _max_pixels
    _max_pixels = max(1_000_000, int(pixels))


def _limit_text() -> str:
    return f"{_max_pixels / 1e6:g} megapixels"


def _check_size(label: str, width: int, height: int) -> None:
    if width * height > _max_pixels:
        raise ConvLensError(
            "{label}: {width}x{height} is {megapixels:,.1f} megapixels, more than the limit of {limit}. "
            "Scale it down first (or raise the limit in the settings).",
            label=label, width=width, height=height, megapixels=width * height / 1e6, limit=_limit_text(),
        )

IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".ppm", ".pgm", ".pbm", ".jfif"}
)


def load_image(source: str | Path | bytes, name: str | None = None, min_side: int | None = None) -> Image.Image:
    """Open ``source`` (a path or encoded bytes) as an RGB image.

    Grayscale stays "L"; RGBA/LA/palette-with-transparency are composited on
    white; CMYK, 16-bit and float images are converted to 8-bit RGB. With
    ``min_side``, a JPEG is decoded at the smallest of its built-in scales
    (1/2, 1/4, 1/8) whose shorter side is still at least ``min_side``: the model
    resizes to that anyway, and decoding a quarter of the pixels is several
    times faster (folder classification).
    """
    if isinstance(source, bytes):
        label = name or "pasted image"
        if not source:
            raise ConvLensError("{label}: the file is empty (0 bytes).", label=label)
        with _decoding(label):
            image, frames = _open_and_decode(io.BytesIO(source), label, min_side)
    else:
        path = Path(source)
        label = name or path.name
        check_image_file(path, label)
        try:
            handle = open(path, "rb")
        except OSError as exc:
            raise ConvLensError("{label}: cannot be read ({value}).", label=label, value=exc.strerror or exc) from None
        with handle, _decoding(label):
            image, frames = _open_and_decode(handle, label, min_side)
    try:
        image = ImageOps.exif_transpose(image)
    except Exception:
        pass
    out = _to_8bit(image)
    if frames > 1:
        out.info[NOTES_KEY] = (Text(
            "{label} has {frames} frames (an animation or several pages): only the first is used.",
            label=label, frames=frames,
        ),)
    return out


def _open_and_decode(stream: IO[bytes], label: str, min_side: int | None) -> tuple[Image.Image, int]:
    """Read the header, check the size from it alone, then decode (only the header is read before the check)."""
    image = Image.open(stream)
    width, height = image.size
    _check_size(label, width, height)
    frames = int(getattr(image, "n_frames", 1) or 1)
    if min_side and image.format == "JPEG" and min(width, height) >= 2 * min_side:
        scale = min_side / min(width, height)
        image.draft(image.mode, (math.ceil(width * scale), math.ceil(height * scale)))
    image.load()
    return image, frames


#: Largest image file read (bytes): no picture within the pixel limit needs more, even uncompressed.
MAX_FILE_BYTES = 2 * 1024**3


def check_image_file(path: Path, label: str) -> None:
    """Refuse, before reading a byte, what cannot be an image to read: a missing file, a folder, a FIFO or device
    (which could block or never end), an empty file, or one larger than ``MAX_FILE_BYTES``."""
    import stat

    try:
        info = path.stat()
    except FileNotFoundError:
        raise ConvLensError("{label}: file not found ({path}).", label=label, path=path) from None
    except OSError as exc:
        raise ConvLensError("{label}: cannot be read ({value}).", label=label, value=exc.strerror or exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise ConvLensError("{label}: is a folder, not an image file.", label=label)
    if not stat.S_ISREG(info.st_mode):
        raise ConvLensError("{label}: not a regular file (a pipe or a device), so it is not read.", label=label)
    if info.st_size == 0:
        raise ConvLensError("{label}: the file is empty (0 bytes).", label=label)
    if info.st_size > MAX_FILE_BYTES:
        raise ConvLensError("{label}: {size:.1f} GB, larger than any image file within the limit of {limit} "
                            "({max:.0f} GB).", label=label, size=info.st_size / 1e9, limit=_limit_text(),
                            max=MAX_FILE_BYTES / 1e9)


#: ``Image.info`` key holding notes about how an image was read (e.g. "animated: frame 1 used").
NOTES_KEY = "convlens_notes"


def image_notes(image: Image.Image | np.ndarray) -> tuple[str, ...]:
    return tuple(image.info.get(NOTES_KEY, ())) if isinstance(image, Image.Image) else ()


def load_thumbnail(source: str | Path, size: int) -> np.ndarray:
    """A small RGB preview (longest side <= ``size``) decoded with bounded memory.

    JPEGs are decoded at a reduced scale (draft mode); other formats are
    decoded once and shrunk. The same size limit and error messages as
    ``load_image``.
    """
    path = Path(source)
    label = path.name
    check_image_file(path, label)
    with _decoding(label), Image.open(path) as image:
        _check_size(label, *image.size)
        image.draft("RGB", (size, size))
        image = ImageOps.exif_transpose(image) or image  # type: ignore[assignment]
        image.thumbnail((size, size), Image.Resampling.BILINEAR)
        rgb = _to_8bit(image).convert("RGB")
    return np.ascontiguousarray(np.asarray(rgb, dtype=np.uint8))


@contextlib.contextmanager
def _decoding(label: str) -> Iterator[None]:
    """Pillow's errors while opening or decoding, as one message for a person (the same for every reader)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            yield
    except ConvLensError:
        raise
    except UnidentifiedImageError:
        raise ConvLensError("{label}: not an image file, or a format that cannot be read.", label=label) from None
    except Image.DecompressionBombError as exc:  # only if someone re-enabled Pillow's guard
        raise ConvLensError("{label}: too large to decode safely ({exc}).", label=label, exc=exc) from None
    except (OSError, SyntaxError, ValueError, MemoryError) as exc:
        reason = str(exc) or type(exc).__name__
        if "truncated" in reason.lower():  # PIL: "image file is truncated", "Truncated File Read"
            reason = Text("the file is truncated (incomplete download or copy?)")
        raise ConvLensError("{label}: the image data is damaged: {reason}.", label=label, reason=reason) from None


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

"""A corpus of broken, odd and extreme image files, built on demand for the bad-input tests.

``build_corpus(folder, photo)`` writes the files and returns, per file name,
either ``None`` (it must be classified) or a regular expression its error
message must match. Every file is small on disk; several would need
gigabytes if preprocessed naively (extreme aspect ratios) or are huge
decoded (100 megapixels, within the limit).
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import numpy as np
from PIL import Image


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_header_only(width: int, height: int) -> bytes:
    """A valid PNG header claiming ``width`` x ``height`` with almost no data (a decompression bomb)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + \
        _chunk(b"IEND", b"")


def flat_png(width: int, height: int, rgb: bool = True) -> bytes:
    """A real, fully decodable PNG of a gradient, compressed row by row (a few KB even when huge)."""
    channels = 3 if rgb else 1
    row = (np.arange(width * channels, dtype=np.uint32) * 7 % 251).astype(np.uint8).tobytes()
    comp = zlib.compressobj(9)
    body = b"".join(comp.compress(b"\x00" + row) for _ in range(height)) + comp.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2 if rgb else 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", body) + _chunk(b"IEND", b"")


def _save(image: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt, **kw)
    return buf.getvalue()


OK = None


def build_corpus(folder: Path, photo: Path) -> dict[str, str | None]:
    folder.mkdir(parents=True, exist_ok=True)
    base = Image.open(photo).convert("RGB")
    small = base.resize((160, 120))
    jpeg = _save(base, "JPEG", quality=90)
    png = _save(small, "PNG")
    rng = np.random.default_rng(0)
    files: dict[str, tuple[bytes, str | None]] = {
        # extreme shapes: gigabytes if the shorter side were resized to 256 naively
        "line_100000x1.png": (flat_png(100_000, 1), OK),
        "line_1x100000.png": (flat_png(1, 100_000), OK),
        "strip_2x50000.png": (flat_png(2, 50_000), OK),
        "strip_50000x2.png": (flat_png(50_000, 2), OK),
        "strip_30000x3_gray.png": (flat_png(30_000, 3, rgb=False), OK),
        "one_pixel.png": (_save(Image.new("RGB", (1, 1), (200, 10, 10)), "PNG"), OK),
        "three_pixels.jpg": (_save(Image.new("RGB", (3, 3), (10, 200, 10)), "JPEG"), OK),
        "panorama_8000x200.jpg": (_save(base.resize((8000, 200)), "JPEG"), OK),
        "big_100mp.png": (flat_png(10_000, 10_000), OK),
        # too large: refused from the header, one message naming the one limit
        "bomb_100000x100000.png": (png_header_only(100_000, 100_000), r"more than the limit of 120 megapixels"),
        "over_limit_13000x10000.png": (png_header_only(13_000, 10_000), r"130\.0 megapixels, more than the limit"),
        # broken
        "empty.jpg": (b"", r"empty \(0 bytes\)"),
        "text_as.jpg": (b"shopping list: milk, eggs\n" * 20, r"not an image file"),
        "html_as.png": (b"<!doctype html><html><body>404</body></html>", r"not an image file"),
        "random_bytes.png": (rng.integers(0, 256, 4096, dtype=np.uint8).tobytes(), r"not an image file"),
        "truncated.jpg": (jpeg[: len(jpeg) // 3], r"truncated|damaged"),
        "truncated.png": (png[: len(png) // 2], r"truncated|damaged"),
        "header_only.jpg": (jpeg[:200], r"truncated|damaged|not an image"),
        "bad_crc.png": (png[:40] + bytes([png[40] ^ 0xFF]) + png[41:], r"damaged|not an image|broken|crc"),
        # odd but valid
        "animated.gif": (_save(small.convert("P"), "GIF", save_all=True,
                               append_images=[small.rotate(90).convert("P")], duration=100, loop=0), OK),
        "gray16.png": (_save(Image.fromarray((np.arange(120 * 160).reshape(120, 160) * 3).astype(np.uint16)),
                             "PNG"), OK),
        "rgba.png": (_save(small.convert("RGBA"), "PNG"), OK),
        "palette_transparent.png": (_save(small.convert("P"), "PNG", transparency=0), OK),
        "la.png": (_save(small.convert("LA"), "PNG"), OK),
        "cmyk.jpg": (_save(small.convert("CMYK"), "JPEG"), OK),
        "gray.jpg": (_save(small.convert("L"), "JPEG"), OK),
        "bilevel.bmp": (_save(small.convert("1"), "BMP"), OK),
        "float.tif": (_save(Image.fromarray(np.linspace(0, 1, 120 * 160, dtype=np.float32).reshape(120, 160)),
                            "TIFF"), OK),
        "image.webp": (_save(small, "WEBP"), OK),
        "progressive.jpg": (_save(base, "JPEG", progressive=True), OK),
        "portable.ppm": (_save(small, "PPM"), OK),
        "png_named.jpg": (png, OK),
        "multipage.tiff": (_save(small, "TIFF", save_all=True, append_images=[small.rotate(180)]), OK),
    }
    # EXIF orientation 6 (rotate 90)
    exif = Image.Exif()
    exif[0x0112] = 6
    files["exif_rotated.jpg"] = (_save(small, "JPEG", exif=exif.tobytes()), OK)
    expected: dict[str, str | None] = {}
    for name, (data, expect) in files.items():
        (folder / name).write_bytes(data)
        expected[name] = expect
    # a dangling symlink with an image name
    link = folder / "dangling_link.jpg"
    if not link.exists():
        try:
            os.symlink(folder / "does_not_exist.jpg", link)
            expected[link.name] = r"file not found|cannot be read"
        except OSError:
            pass
    return expected

"""Views of the real photos: crops, mirrors and small turns, for tests that need more real images than there are."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageOps


def views(photos: Path, out: Path, n: int, seed: int) -> Path:
    """``n`` views of the real photos (a crop of 55-100 % of the picture, maybe mirrored, turned up to 12°)."""
    rng = random.Random(seed)
    out.mkdir(parents=True)
    files = sorted(photos.iterdir())
    for i in range(n):
        with Image.open(files[i % len(files)]) as im:
            im = im.convert("RGB")
            w, h = im.size
            s = rng.uniform(0.55, 1.0)
            cw, ch = int(w * s), int(h * s)
            x, y = rng.randint(0, w - cw), rng.randint(0, h - ch)
            view = im.crop((x, y, x + cw, y + ch))
            if rng.random() < 0.5:
                view = ImageOps.mirror(view)
            view.rotate(rng.uniform(-12, 12), resample=Image.Resampling.BILINEAR).save(out / f"{i:03d}.jpg")
    return out

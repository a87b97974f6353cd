"""A class activation map painted over a display copy of the photo, for any class (the answer, the truth, ...).

Shared by the side-by-side comparison and the misclassified gallery: both show a CAM as a picture rather than
as a layer over the Images tab's viewer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from convlens.engine.inspect.activations import cam_to_image, class_activation_map
from convlens.engine.inspect.render import overlay
from convlens.engine.models.preprocess import crop_box

if TYPE_CHECKING:
    import torch
    from PIL import Image

    from convlens.engine.models.preprocess import Preprocess

__all__ = ["cam_picture", "display_picture"]


def display_picture(picture: Image.Image, side: int) -> np.ndarray:
    """An RGB copy of ``picture`` whose longest side is at most ``side``."""
    copy = picture.convert("RGB")
    copy.thumbnail((side, side))
    return np.asarray(copy)


def cam_picture(model: torch.nn.Module, preprocess: Preprocess, picture: Image.Image, x: torch.Tensor, layer: str,
                class_index: int | None = None, side: int = 256, method: str = "gradcam",
                ) -> tuple[np.ndarray, int]:
    """(the CAM of ``class_index`` (None: the top-1) at ``layer`` over ``picture``, RGB uint8 at most ``side``
    pixels; the class used). ``x`` is ``picture`` as the model's input; only what the model saw is tinted."""
    shown = display_picture(picture, side)
    size = (shown.shape[1], shown.shape[0])
    cam, index, _ = class_activation_map(model, x, layer, class_index, method)
    heat = cam_to_image(cam, preprocess, size)
    box = tuple(round(v) for v in crop_box(preprocess, size))
    return overlay(shown, heat, 0.5, box=box), index  # type: ignore[arg-type]

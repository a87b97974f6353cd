"""Preprocessing that belongs to a set of weights (not to the UI).

One description, ``Preprocess``, is used for torch and (later) ONNX Runtime so
that an exported model sees exactly what the app's model sees. It mirrors
torchvision's ``ImageClassification`` transform: resize the shorter side,
centre crop, scale to [0, 1], normalise with mean/std.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from PIL import Image

from convlens.engine.core.errors import ConvLensError

if TYPE_CHECKING:
    import torch

def import_decoders() -> None:
    """Import now what the first image would: PIL's file decoders and torchvision's v2 transforms (for a process
    that loads everything up front, ``engine.core.gc_pauses``)."""
    import torchvision.transforms.v2.functional  # noqa: F401

    Image.init()


IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)

#: The model input sides a file's metadata may ask for (LeNet-5's 28 is small; nothing here needs more than 2048).
MIN_CROP, MAX_CROP = 8, 2048

#: Images longer than this many times their width are centre-cropped to it before resizing.
MAX_ASPECT = 32
#: torchvision's ``InterpolationMode`` values, named here so that describing and checking a preprocessing needs no
#: torch (the app's window is built before torch is imported); a test holds this to torchvision's own list.
INTERPOLATIONS = ("nearest", "nearest-exact", "bilinear", "bicubic", "box", "hamming", "lanczos")


@dataclass(frozen=True)
class Preprocess:
    """How an image becomes the model's input tensor.

    ``resize`` is the target of the shorter side (0 = resize straight to the
    crop size), ``crop`` the square centre crop. ``channels`` is 1 (grayscale)
    or 3; ``channel_order`` "RGB" or "BGR"; ``scale`` multiplies the [0, 1]
    pixel values before ``mean``/``std`` (255 for Caffe-style models).
    """

    resize: int = 256
    crop: int = 224
    mean: tuple[float, ...] = IMAGENET_MEAN
    std: tuple[float, ...] = IMAGENET_STD
    channels: int = 3
    channel_order: str = "RGB"
    scale: float = 1.0
    interpolation: str = "bilinear"
    invert: bool = False  # MNIST-style: white strokes on black
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["mean"] = list(self.mean)
        d["std"] = list(self.std)
        d.pop("extra")
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Preprocess:
        """Preprocessing read from a file's metadata: checked like any input (``validate``), since a crafted or
        damaged file could otherwise ask for a 60,000-pixel crop or divide by a zero std."""
        known = {f for f in cls.__dataclass_fields__ if f != "extra"}
        kwargs = {k: v for k, v in d.items() if k in known}
        try:
            for key in ("mean", "std"):
                if key in kwargs:
                    kwargs[key] = tuple(float(v) for v in kwargs[key])
            for key in ("resize", "crop", "channels"):
                if key in kwargs:
                    if isinstance(kwargs[key], bool) or float(kwargs[key]) != int(kwargs[key]):
                        raise ValueError(key)
                    kwargs[key] = int(kwargs[key])
            if "scale" in kwargs:
                kwargs["scale"] = float(kwargs["scale"])
        except (TypeError, ValueError, OverflowError):
            raise ConvLensError("its preprocessing metadata is not usable (values of the wrong type: {value}).",
                                value=", ".join(f"{k}={d.get(k)!r}"[:60] for k in kwargs)) from None
        return cls(**kwargs).validate()

    @classmethod
    def from_json(cls, text: str, name: str) -> Preprocess:
        """The preprocessing an exported file's metadata records (JSON), checked; errors name the file."""
        import json

        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise ConvLensError("{name}: its preprocessing metadata is not readable JSON.", name=name)
        try:
            return cls.from_dict(data)
        except ConvLensError as exc:
            raise ConvLensError("{name}: {problem}", name=name, problem=str(exc)) from None

    def validate(self) -> Preprocess:
        """This preprocessing, if every value is one a model can use; else a ConvLensError saying which is not."""
        import math

        problems = []
        if not MIN_CROP <= self.crop <= MAX_CROP:
            problems.append(f"crop {self.crop} (must be {MIN_CROP} to {MAX_CROP} pixels)")
        if self.resize and not self.crop <= self.resize <= 4 * MAX_CROP:
            problems.append(f"resize {self.resize} (0, or from the crop size to {4 * MAX_CROP} pixels)")
        if self.channels not in (1, 3):
            problems.append(f"channels {self.channels} (1 or 3)")
        if self.channel_order not in ("RGB", "BGR"):
            problems.append(f"channel order {self.channel_order!r} (RGB or BGR)")
        for name, values in (("mean", self.mean), ("std", self.std)):
            if len(values) not in (1, self.channels) or not all(math.isfinite(v) for v in values):
                problems.append(f"{name} {list(values)} (one finite number per channel)")
        if any(v <= 0 for v in self.std):
            problems.append(f"std {list(self.std)} (every value above 0: the pixels are divided by it)")
        if not (math.isfinite(self.scale) and self.scale > 0):
            problems.append(f"scale {self.scale} (a number above 0)")
        if self.interpolation not in INTERPOLATIONS:
            problems.append(f"interpolation {self.interpolation!r} ({', '.join(INTERPOLATIONS)})")
        if not isinstance(self.invert, bool):
            problems.append(f"invert {self.invert!r} (true or false)")
        if problems:
            raise ConvLensError("its preprocessing is not usable: {problems}.", problems="; ".join(problems))
        return self

    @classmethod
    def from_torchvision(cls, transform: Any) -> Preprocess:
        """Read a torchvision ``ImageClassification`` transform."""
        return cls(
            resize=int(transform.resize_size[0]),
            crop=int(transform.crop_size[0]),
            mean=tuple(transform.mean),
            std=tuple(transform.std),
            interpolation=transform.interpolation.value,
        )

    def __call__(self, image: Image.Image | np.ndarray) -> torch.Tensor:
        """PIL image (or an H x W x C uint8 array) -> float tensor (C, crop, crop).

        Resizing runs on a uint8 tensor (torchvision's antialiased kernels):
        the same result as on the PIL image to within one grey level, and
        several times faster, which matters for live video.
        """
        import torch
        from torchvision.transforms import InterpolationMode
        from torchvision.transforms.v2 import functional as F

        if isinstance(image, Image.Image):
            region = self.bounded_region(*image.size)
            if region is not None:
                image = image.crop(region)
            mode = "L" if self.channels == 1 else "RGB"
            if image.mode != mode:
                image = image.convert(mode)
            array = np.array(image)
        else:
            region = self.bounded_region(image.shape[1], image.shape[0])
            if region is not None:
                left, top, right, bottom = region
                image = image[top:bottom, left:right]
            array = np.ascontiguousarray(image)
            if array.ndim == 3 and array.shape[2] == 1:
                array = array[:, :, 0]
            if self.channels == 1 and array.ndim == 3:
                array = np.asarray(Image.fromarray(array).convert("L"))
            elif self.channels == 3 and array.ndim == 2:
                array = np.repeat(array[:, :, None], 3, axis=2)
        if array.ndim == 2:
            array = array[:, :, None]
        if not array.flags.writeable:  # torch wants to own writable memory (read-only views from PIL/mmap)
            array = array.copy()
        x = torch.from_numpy(array).permute(2, 0, 1)
        interp = InterpolationMode(self.interpolation)
        size = [self.resize] if self.resize else [self.crop, self.crop]
        x = F.resize(x, size, interpolation=interp, antialias=True)
        x = F.center_crop(x, [self.crop, self.crop])
        x = x.float().div_(255.0)
        if self.invert:
            x = 1.0 - x
        if self.channel_order == "BGR" and x.shape[0] == 3:
            x = x.flip(0)
        if self.scale != 1.0:
            x.mul_(self.scale)
        return F.normalize(x, list(self.mean), list(self.std))

    def bounded_region(self, width: int, height: int) -> tuple[int, int, int, int] | None:
        """The part of a very elongated image worth resizing, or None to use it whole.

        Resizing the shorter side to ``resize`` scales the longer side by the
        same factor: a 100000 x 1 image would become 256 x 25.6 million pixels
        (gigabytes) before the centre crop throws almost all of it away. For an
        image more than ``MAX_ASPECT`` times longer than wide, only its centre
        ``MAX_ASPECT``:1 part is resized; the centre crop lies far inside it, so
        the model sees the same pixels (up to a source pixel of rounding) and
        memory is bounded by ``resize`` x ``MAX_ASPECT * resize`` whatever the
        image's shape. Ordinary photos and panoramas take the exact path.
        """
        if not self.resize:
            return None  # resized straight to crop x crop: already bounded
        short, long = min(width, height), max(width, height)
        if long <= MAX_ASPECT * short:
            return None
        keep = MAX_ASPECT * short
        if width > height:
            left = (width - keep) // 2
            return left, 0, left + keep, height
        top = (height - keep) // 2
        return 0, top, width, top + keep

    def describe(self) -> str:
        order = "" if self.channel_order == "RGB" else f", {self.channel_order}"
        resize = f"resize {self.resize}, " if self.resize else ""
        return f"{resize}crop {self.crop}{order}, mean {list(self.mean)}, std {list(self.std)}"


MNIST = Preprocess(resize=0, crop=28, mean=(0.1307,), std=(0.3081,), channels=1)


#: Preprocessing for a model file that does not say how its images were prepared (an ONNX file made elsewhere).
PRESETS = {
    "imagenet": "torchvision ImageNet: RGB, 0-1, ImageNet mean/std, resize + centre crop",
    "caffe": "Caffe: BGR, 0-255, minus the mean (104, 117, 123), no std, resize + centre crop",
    "bgr255": "Windows ML / Caffe2 model zoo: BGR, 0-255 as is, whole image resized to the input",
    "unit": "0-1 scaling only: RGB, 0-1, no mean/std, resize + centre crop",
}


def preset(name: str, size: int = 224, channels: int = 3) -> Preprocess:
    """A preprocessing preset for an ONNX file that does not carry its own; for a 1-channel (grayscale) model, the
    same preset on the gray image (one mean and std: the average of the preset's three)."""
    from dataclasses import replace

    chosen = _preset(name, size)
    if channels == 1:
        return replace(chosen, channels=1, channel_order="RGB", mean=(sum(chosen.mean) / 3,),
                       std=(sum(chosen.std) / 3,))
    return chosen


def _preset(name: str, size: int) -> Preprocess:
    resize = round(size * 256 / 224)
    if name == "imagenet":
        return Preprocess(resize=resize, crop=size, mean=IMAGENET_MEAN, std=IMAGENET_STD)
    if name == "caffe":
        return Preprocess(resize=resize, crop=size, mean=(104.0, 117.0, 123.0), std=(1.0, 1.0, 1.0),
                          channel_order="BGR", scale=255.0)
    if name == "bgr255":
        return Preprocess(resize=0, crop=size, mean=(0.0, 0.0, 0.0), std=(1.0, 1.0, 1.0), channel_order="BGR",
                          scale=255.0)
    if name == "unit":
        return Preprocess(resize=resize, crop=size, mean=(0.0, 0.0, 0.0), std=(1.0, 1.0, 1.0))
    raise ConvLensError("Unknown preprocessing preset '{name}': use {value}.", name=name, value=', '.join(PRESETS))


def crop_box(preprocess: Preprocess, size: tuple[int, int]) -> tuple[float, float, float, float]:
    """Where the model's input square sits in the original image (left, top, right, bottom), in pixels."""
    width, height = size
    if preprocess.resize:
        scale = preprocess.resize / min(width, height)
        rw, rh = width * scale, height * scale
    else:  # resized straight to the square
        return 0.0, 0.0, float(width), float(height)
    left = (rw - preprocess.crop) / 2 / scale
    top = (rh - preprocess.crop) / 2 / scale
    return left, top, left + preprocess.crop / scale, top + preprocess.crop / scale

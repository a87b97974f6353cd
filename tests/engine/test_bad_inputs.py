"""Bad inputs give one clear error; odd-but-valid images just work."""

from __future__ import annotations

import io
import pickle
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.images import load_image
from convlens.engine.runtime.predict import Predictor
from convlens.engine.weights.load import load_weights


@pytest.fixture(scope="module")
def predictor(mobilenet_file: Path) -> Predictor:
    return Predictor(load_weights("mobilenet_v2", str(mobilenet_file)), "cpu")


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def test_zero_byte_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.jpg"
    p.write_bytes(b"")
    with pytest.raises(ConvLensError, match=r"empty\.jpg: the file is empty"):
        load_image(p)


def test_text_renamed_jpg(tmp_path: Path) -> None:
    p = tmp_path / "notes.jpg"
    p.write_text("shopping list: milk, eggs\n" * 20)
    with pytest.raises(ConvLensError, match=r"notes\.jpg: not an image file"):
        load_image(p)


def test_truncated_jpeg(tmp_path: Path, photos: Path) -> None:
    data = (photos / "dog_samoyed.jpg").read_bytes()
    p = tmp_path / "half.jpg"
    p.write_bytes(data[: len(data) // 3])
    with pytest.raises(ConvLensError, match=r"half\.jpg: .*truncated"):
        load_image(p)


def test_huge_dimension_png_header_is_refused_before_decoding(tmp_path: Path) -> None:
    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    p = tmp_path / "bomb.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b""))
    with pytest.raises(ConvLensError, match=r"bomb\.png: 100000x100000 is 10,000\.0 megapixels, more than the limit of 120 megapixels"):
        load_image(p)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ConvLensError, match="nothere.png: file not found"):
        load_image(tmp_path / "nothere.png")
    with pytest.raises(ConvLensError, match="is a folder"):
        load_image(tmp_path)


class _RunsCode:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.marker,))


def test_pickle_that_would_run_code_is_refused_and_does_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    evil = tmp_path / "evil.pth"
    torch.save({"conv.weight": torch.zeros(1), "payload": _RunsCode(marker)}, evil)
    # plain pickle too, not only torch's zip format
    evil_plain = tmp_path / "evil_plain.pt"
    evil_plain.write_bytes(pickle.dumps({"w": _RunsCode(marker)}, protocol=2))
    for path in (evil, evil_plain):
        with pytest.raises(ConvLensError, match=rf"{path.name}: refused. Loading it would run code"):
            load_weights("lenet5", str(path))
    newer = tmp_path / "evil_p5.pt"  # a protocol torch's safe unpickler does not even parse
    newer.write_bytes(pickle.dumps({"w": _RunsCode(marker)}, protocol=5))
    with pytest.raises(ConvLensError, match="evil_p5.pt: not a PyTorch weights file"):
        load_weights("lenet5", str(newer))
    assert not marker.exists(), "loading the file ran code from it"


def test_weights_for_another_architecture(tmp_path: Path, mobilenet_file: Path) -> None:
    with pytest.raises(ConvLensError, match=r"mobilenet_v2_imagenet\.pth does not fit ResNet-18: .*missing keys"):
        load_weights("resnet18", str(mobilenet_file))
    lenet = tmp_path / "lenet.pth"
    torch.save(load_weights("lenet5", "random").model.state_dict(), lenet)
    with pytest.raises(ConvLensError, match="does not fit MobileNetV2"):
        load_weights("mobilenet_v2", str(lenet))


def test_text_file_as_weights(tmp_path: Path) -> None:
    p = tmp_path / "weights.pth"
    p.write_text("hello")
    with pytest.raises(ConvLensError, match=r"weights\.pth: not a PyTorch weights file"):
        load_weights("lenet5", str(p))


# ------------------------------------------------------------- just work


def test_jpeg_named_png_works(predictor: Predictor, photos: Path) -> None:
    assert (photos / "kitten_winml.png").read_bytes()[:2] == b"\xff\xd8"  # really a JPEG
    assert predictor.predict([load_image(photos / "kitten_winml.png")])[0][0].label == "tabby"


def _samoyed(photos: Path) -> Image.Image:
    return Image.open(photos / "dog_samoyed.jpg").convert("RGB")


def test_exif_rotated_jpeg_is_turned_upright(predictor: Predictor, photos: Path, tmp_path: Path) -> None:
    upright = _samoyed(photos)
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # pixels stored sideways
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to display"
    p = tmp_path / "sideways.jpg"
    stored.save(p, exif=exif.tobytes(), quality=95)
    loaded = load_image(p)
    assert loaded.size == upright.size
    diff = np.abs(np.asarray(loaded, dtype=np.int16) - np.asarray(upright, dtype=np.int16)).mean()
    assert diff < 6
    assert predictor.predict([loaded])[0][0].label == "Samoyed"


def test_grayscale_rgba_palette_cmyk_16bit(predictor: Predictor, photos: Path, tmp_path: Path) -> None:
    rgb = _samoyed(photos)
    gray = rgb.convert("L")
    variants = {
        "gray.png": gray,
        "rgba.png": rgb.convert("RGBA"),
        "palette.png": rgb.convert("P", palette=Image.Palette.ADAPTIVE),
        "cmyk.jpg": rgb.convert("CMYK"),
        "sixteen.png": Image.fromarray(np.asarray(gray, dtype=np.uint16) * 257),
    }
    for name, image in variants.items():
        image.save(tmp_path / name)
    sixteen = load_image(tmp_path / "sixteen.png")
    assert sixteen.mode == "L"
    assert np.abs(np.asarray(sixteen, dtype=np.int16) - np.asarray(gray, dtype=np.int16)).max() <= 1
    for name in variants:
        img = load_image(tmp_path / name)
        assert img.mode in ("RGB", "L") and img.size == rgb.size
        top = predictor.predict([img], topk=5)[0]
        if name in ("rgba.png", "palette.png", "cmyk.jpg"):
            assert top[0].label == "Samoyed", name
        else:  # colour is gone: still a dog of the spitz family in the top 5
            assert "Samoyed" in [p.label for p in top], name


def test_transparent_pixels_become_white(tmp_path: Path) -> None:
    rgba = Image.new("RGBA", (8, 8), (255, 0, 0, 0))
    p = tmp_path / "clear.png"
    rgba.save(p)
    assert load_image(p).getpixel((0, 0)) == (255, 255, 255)


def test_pasted_bytes(photos: Path) -> None:
    buf = io.BytesIO()
    _samoyed(photos).save(buf, format="PNG")
    assert load_image(buf.getvalue()).size == _samoyed(photos).size

"""What kind of weights file a path is, from its first bytes (its signature), not from its name."""

from __future__ import annotations

import zipfile
from typing import TYPE_CHECKING, Literal

from convlens.engine.core.errors import ConvLensError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["WeightsFormat", "sniff_format"]

#: keras: a Keras HDF5 weights file; torchscript: a TorchScript archive; onnx: an ONNX model; safetensors;
#: torch: a ``torch.save`` state dict or checkpoint (zip or legacy pickle).
WeightsFormat = Literal["keras", "torchscript", "onnx", "safetensors", "torch"]

_HDF5 = b"\x89HDF\r\n\x1a\n"
_BY_SUFFIX: dict[str, WeightsFormat] = {".h5": "keras", ".hdf5": "keras", ".keras": "keras", ".onnx": "onnx",
                                        ".safetensors": "safetensors"}


def sniff_format(path: Path) -> WeightsFormat:
    """The format of the weights file at ``path``.

    By signature: HDF5's magic; a zip holding TorchScript's ``code/`` or ``constants.pkl`` (any other zip is
    ``torch.save``'s); safetensors' little-endian header length followed by ``{``; a pickle's protocol byte;
    an ONNX ``ModelProto`` (its first field, ``ir_version``). A file that matches none is taken at its suffix's
    word, so its own reader says what is wrong with it.
    """
    if path.is_dir():
        raise ConvLensError("Weights file {name}: is a folder, not a weights file ({path}).", name=path.name,
                            path=path)
    if path.exists() and not path.is_file():  # a FIFO, a device: never read (it could block or never end)
        raise ConvLensError("Weights file {name}: not a regular file ({path}).", name=path.name, path=path)
    if not path.is_file():
        raise ConvLensError("Weights file {name}: not found ({path}).", name=path.name, path=path)
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise ConvLensError(
            "Weights file {name}: cannot be read ({value}).",
            name=path.name, value=exc.strerror or exc,
        ) from None
    if not head:
        raise ConvLensError("Weights file {name}: the file is empty (0 bytes).", name=path.name)
    if head.startswith(_HDF5):
        return "keras"
    if head.startswith(b"PK\x03\x04") and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
        if any(n.endswith("/constants.pkl") or "/code/" in n for n in names):
            return "torchscript"
        return "torch"
    if len(head) >= 9 and head[8:9] == b"{" and 0 < int.from_bytes(head[:8], "little") < path.stat().st_size:
        return "safetensors"
    if head[0] == 0x80:  # pickle protocol 2+ (torch.save's legacy format)
        return "torch"
    suffix = _BY_SUFFIX.get(path.suffix.lower())
    if suffix:
        return suffix
    if head[0] == 0x08:  # protobuf field 1 (ir_version), varint: how every ONNX file begins
        return "onnx"
    return "torch"

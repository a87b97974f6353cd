"""Export to ONNX / TorchScript, with a parity check against the torch model.

The exported file carries its class names and preprocessing (ONNX metadata
properties; a JSON file inside the TorchScript archive), so ConvLens - and
anyone - can run it correctly later. After every export the file is run on
real sample images and compared with the torch model; the result is stored
beside the file (``<file>.parity.json``) and an export that disagrees is
reported as failed.
"""

from __future__ import annotations

import io
import json
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch

from convlens.engine.core.choices import EXPORT_FORMATS
from convlens.engine.core.errors import ConvLensError
from convlens.engine.core.fileio import write_atomic
from convlens.engine.core.resources import resources_dir
from convlens.engine.weights.metadata import META_ARCH, META_CLASSES, META_PREPROCESS, META_TEMPERATURE, META_UNKNOWN, TORCHSCRIPT_META_FILE
from convlens.engine.weights.onnx import OnnxClassifier

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PIL import Image

    from convlens.engine.core.choices import ExportFormat
    from convlens.engine.models.loaded import LoadedModel

OPSET = 17
PARITY_TOLERANCE = 1e-3  # max |p_exported - p_torch| over all classes and images


@dataclass(frozen=True)
class ParityReport:
    """How the exported model agrees with the torch model on real images."""

    file: str
    format: str
    images: int
    top1_agree: int
    max_abs_diff: float

    @property
    def ok(self) -> bool:
        return self.images > 0 and self.top1_agree == self.images and self.max_abs_diff <= PARITY_TOLERANCE

    def summary(self) -> str:
        verdict = "ok" if self.ok else "FAILED"
        return (f"parity: {self.top1_agree}/{self.images} top-1 agree, max diff {self.max_abs_diff:.1e} "
                f"({verdict})")


def export_metadata(loaded: LoadedModel) -> dict[str, str]:
    return {
        META_CLASSES: json.dumps(list(loaded.labels), ensure_ascii=False),
        META_PREPROCESS: json.dumps(loaded.preprocess.to_dict()),
        META_ARCH: loaded.arch.name if loaded.arch else "",
        META_TEMPERATURE: repr(loaded.temperature),
        META_UNKNOWN: json.dumps(loaded.unknown.to_dict()) if loaded.unknown else "",
    }


def export(loaded: LoadedModel, path: str | Path, fmt: ExportFormat, samples: Sequence[Image.Image] = ()) -> ParityReport:
    """Write ``loaded`` as ONNX (opset 17, dynamic batch) or TorchScript and check parity on ``samples``."""
    if fmt not in EXPORT_FORMATS:
        raise ConvLensError("Unknown export format '{fmt}': use onnx or torchscript.", fmt=fmt)
    if fmt.endswith("-int8"):
        raise ConvLensError("An {fmt} export needs a calibration folder of your own images (engine.runtime.export_int8).",
                            fmt=fmt)
    model = loaded.model
    if not isinstance(model, torch.nn.Module) or isinstance(model, torch.jit.ScriptModule):
        raise ConvLensError("Only a PyTorch model can be exported; this one is already an exported file.")
    path = Path(path)
    pre = loaded.preprocess
    device = next(model.parameters()).device
    model = model.eval()
    dummy = torch.zeros(2, pre.channels, pre.crop, pre.crop, device=device)
    # The exporters write to memory and ConvLens writes the file: a full disk is then an OSError with a message and
    # no partial file, never a C++ abort inside torch.jit.save (exit 134, a .partial filling the disk).
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tracer and deprecation chatter from torch.onnx / torch.jit
            if fmt == "onnx":
                data = _export_onnx(model, dummy, export_metadata(loaded))
            else:
                with torch.no_grad():
                    traced = torch.jit.trace(model, dummy, check_trace=False)
                buffer = io.BytesIO()
                torch.jit.save(traced, buffer, _extra_files={TORCHSCRIPT_META_FILE: json.dumps(export_metadata(loaded))})
                data = buffer.getvalue()
                del buffer, traced
    except ConvLensError:
        raise
    except Exception as exc:
        raise ConvLensError(
            "Export to {fmt} failed: {value}",
            fmt=fmt, value=str(exc).strip().splitlines()[0][:200],
        ) from None
    write_atomic(path, data)
    del data
    report = check_parity(loaded, path, fmt, samples)
    write_atomic(Path(f"{path}.parity.json"), json.dumps({**asdict(report), "ok": report.ok}, indent=2).encode())
    return report


def _export_onnx(model: torch.nn.Module, dummy: torch.Tensor, metadata: dict[str, str]) -> bytes:
    import onnx

    buffer = io.BytesIO()
    # (the TorchScript-based exporter writes to a file object too; its annotation names paths only)
    torch.onnx.export(model, (dummy,), buffer, dynamo=False,  # type: ignore[arg-type]
                      opset_version=OPSET, input_names=["input"], output_names=["logits"], dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})
    proto = onnx.load_from_string(buffer.getvalue())
    del buffer
    for key, value in metadata.items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    proto.doc_string = "Exported by ConvLens; class names and preprocessing in metadata_props (convlens.*)."
    return proto.SerializeToString()


def check_parity(loaded: LoadedModel, path: str | Path, fmt: ExportFormat, samples: Sequence[Image.Image]) -> ParityReport:
    """Run the exported file and the torch model on the same images; compare probabilities and top-1."""
    path = Path(path)
    if not samples:
        samples = sample_images()
    x = torch.stack([loaded.preprocess(im) for im in samples])
    model = loaded.model
    device = next(model.parameters()).device
    with torch.inference_mode():
        ref = model(x.to(device)).float().softmax(1).cpu().numpy()
    if fmt == "onnx":
        exported = OnnxClassifier(path)
        out = exported(x).softmax(1).numpy()
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            scripted = torch.jit.load(str(path), map_location="cpu")
        with torch.inference_mode():
            out = scripted(x).float().softmax(1).numpy()
    agree = int((ref.argmax(1) == out.argmax(1)).sum())
    return ParityReport(str(path), fmt, len(samples), agree, float(np.abs(ref - out).max()))


def sample_images() -> list[Image.Image]:
    """The built-in sample photos (resources/samples), for parity checks when the user has none open."""
    from convlens.engine.data.images import iter_image_paths, load_image

    folder = resources_dir() / "samples"
    images = [load_image(p) for p in iter_image_paths([folder])] if folder.is_dir() else []
    if not images:
        raise ConvLensError(
            "No sample images for the parity check in {folder}; open some images first.",
            folder=folder,
        )
    return images

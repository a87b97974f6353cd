"""Export to int8: OpenVINO IR (``.xml`` + ``.bin``) or ONNX with quantize/dequantize pairs (QDQ), both quantized by
NNCF on a folder of the user's own images.

An int8 file does not compute the model's f32 numbers, so an int8 export has no parity in the f32 sense: what it
has is a cost, measured on the written file itself (loaded back by OpenVINO or ONNX Runtime, as its user will) against
the PyTorch f32 model on the calibration images: top-1 agreement and the largest probability difference. That is the
report (``<file>.parity.json``, as for every export), and the result names the reduced precision. The class names
and preprocessing travel with the file: ONNX metadata properties, OpenVINO runtime info under ``convlens``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import torch

from convlens.engine.core.errors import ConvLensError
from convlens.engine.core.fileio import write_atomic
from convlens.engine.runtime.quantize import (
    QuantizeProgress,
    calibration_files,
    import_nncf,
    measure_agreement,
    nncf_quantize,
    quantize_steps,
    read_calibration,
)
from convlens.engine.runtime.runtimes import OpenVinoClassifier, _exported, _key, import_openvino

if TYPE_CHECKING:
    from collections.abc import Generator

    from convlens.engine.models.loaded import LoadedModel

INT8_FORMATS = ("openvino-int8", "onnx-int8")
SUFFIXES = {"openvino-int8": ".xml", "onnx-int8": ".onnx"}


@dataclass(frozen=True)
class Int8ExportReport:
    """The written int8 file against the PyTorch f32 model, on the calibration images."""

    file: str
    format: str
    images: int
    top1_agree: int
    max_abs_diff: float
    precision: str = "int8"

    @property
    def ok(self) -> bool:
        """The file was written and runs; what int8 costs is in ``summary`` (a reduced precision the user chose)."""
        return self.images > 0

    def summary(self) -> str:
        rate = 100 * self.top1_agree / self.images if self.images else 0.0
        return (f"int8: top-1 agrees with PyTorch f32 on {self.top1_agree}/{self.images} calibration images "
                f"({rate:.1f}%), max diff {self.max_abs_diff:.3f}")


def export_int8(loaded: LoadedModel, path: str | Path, fmt: str, calibration: str | Path,
                ) -> Generator[QuantizeProgress, None, Int8ExportReport]:
    """Quantize ``loaded`` on the images of ``calibration`` and write it as ``fmt``; then measure the written file."""
    if fmt not in INT8_FORMATS:
        raise ConvLensError("Unknown int8 export format '{fmt}': use {formats}.", fmt=fmt, formats=" or ".join(INT8_FORMATS))
    path = Path(path)
    if path.suffix.lower() != SUFFIXES[fmt]:
        raise ConvLensError("An {fmt} export is a {suffix} file, not {name}.", fmt=fmt, suffix=SUFFIXES[fmt], name=path.name)
    if not isinstance(loaded.model, torch.nn.Module) or loaded.scripted:
        raise ConvLensError("Only a PyTorch model can be exported; this one is already an exported file.")
    tensors = yield from read_calibration(loaded, calibration_files(calibration), calibration)  # read once
    if fmt == "openvino-int8":
        int8, _agreement = yield from quantize_steps(loaded, calibration, tensors)  # cached per weights and images
        cached = int8.model
        assert isinstance(cached, OpenVinoClassifier)  # what quantize_steps runs
        _write_openvino(cached.path, path, loaded)
        written: object = OpenVinoClassifier(path, "int8")
    else:
        import onnx

        nncf = import_nncf()
        yield QuantizeProgress("quantize", 0, 1)
        f32 = onnx.load(str(_exported(loaded, _key(loaded))))
        quantized = nncf_quantize(nncf, f32, tensors, input_name=f32.graph.input[0].name)
        del quantized.metadata_props[:]
        for prop in f32.metadata_props:  # the class names and preprocessing, as in the f32 export
            entry = quantized.metadata_props.add()
            entry.key, entry.value = prop.key, prop.value
        quantized.doc_string = "Exported by ConvLens: int8 (NNCF, QDQ); class names and preprocessing in metadata_props."
        write_atomic(path, quantized.SerializeToString())
        yield QuantizeProgress("quantize", 1, 1)
        from convlens.engine.weights.onnx import OnnxClassifier

        written = OnnxClassifier(path)
    measured = yield from measure_agreement(loaded, written, tensors, str(calibration))
    report = Int8ExportReport(str(path), fmt, measured.images, measured.top1_agree, measured.max_diff)
    write_atomic(Path(f"{path}.parity.json"), json.dumps({**asdict(report), "ok": report.ok}, indent=2).encode())
    return report


def _write_openvino(cached_xml: Path, path: Path, loaded: LoadedModel) -> None:
    """The cached int8 IR, with ConvLens' metadata in its runtime info, written as ``path`` and its ``.bin``."""
    from convlens.engine.runtime.export import export_metadata
    from convlens.engine.runtime.quantize import save_ir_atomically

    ov = import_openvino()
    model = ov.Core().read_model(str(cached_xml))
    for key, value in export_metadata(loaded).items():
        model.set_rt_info(value, ["convlens", key])
    try:
        save_ir_atomically(ov, model, path)
    except OSError as exc:
        raise ConvLensError("Could not write {file}: {reason}", file=path, reason=exc.strerror or exc) from None

"""int8: post-training quantization with NNCF on OpenVINO, calibrated on a folder of the user's own images.

NNCF (OpenVINO's own compression library) inserts int8 quantize/dequantize pairs into the exported model and sets
each one's range from what the calibration images make the layers output (``nncf.quantize``, default preset:
symmetric weights and activations, fast bias correction). It is a reduced-precision choice: the model's answers
change. So ConvLens measures what it costs before the model is used, the top-1 agreement with the PyTorch f32 model
on every calibration image, and the predictor keeps measuring it on the images it then classifies
(``engine.runtime.predict.Agreement``). The quantized model is cached per weights and calibration set, like the
other runtimes' exports.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch

from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.core.fileio import write_atomic
from convlens.engine.data.images import iter_image_paths, load_image
from convlens.engine.runtime.runtimes import (
    OpenVinoClassifier,
    _exported,
    _key,
    agreement_on,
    cache_dir,
    import_openvino,
)

if TYPE_CHECKING:
    from collections.abc import Generator, Sequence

    from convlens.engine.models.loaded import LoadedModel

__all__ = ["CALIBRATION_IMAGES", "Int8Agreement", "QuantizeProgress", "calibration_files", "measure_agreement",
           "nncf_quantize", "quantize", "quantize_steps", "read_calibration"]

#: NNCF's own default calibration subset: more images than this change the ranges little and cost time.
CALIBRATION_IMAGES = 300
#: Fewest images a calibration set may have: each activation range is a statistic over them.
MIN_CALIBRATION_IMAGES = 10


@dataclass(frozen=True)
class QuantizeProgress:
    phase: str  # "read" (decoding the calibration images), "quantize" (NNCF), "check" (agreement with f32)
    done: int
    total: int


@dataclass(frozen=True)
class Int8Agreement:
    """The int8 model against PyTorch f32 on the calibration images: top-1 agreement, the largest probability gap."""

    images: int
    top1_agree: int
    max_diff: float
    folder: str

    @property
    def rate(self) -> float:
        return self.top1_agree / self.images if self.images else 0.0

    def text(self) -> Text:
        return Text("OpenVINO int8, calibrated on {n} images of {folder}: top-1 agrees with PyTorch f32 on {agree} of "
                    "them ({rate:.1f}%), probabilities within {diff:.3f}", n=self.images, folder=Path(self.folder).name,
                    agree=self.top1_agree, rate=100 * self.rate, diff=self.max_diff)


def calibration_files(folder: str | Path) -> list[Path]:
    """Up to ``CALIBRATION_IMAGES`` images under ``folder``, spread evenly over it (sorted, then every k-th): a
    folder of class subfolders gives each class its share."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ConvLensError("The calibration folder {folder} is not a folder.", folder=folder)
    files = sorted(iter_image_paths([folder]))
    if len(files) < MIN_CALIBRATION_IMAGES:
        raise ConvLensError("The calibration folder {folder} has {n} images; int8 calibration takes at least {min} of "
                            "the kind the model will see.", folder=folder, n=len(files), min=MIN_CALIBRATION_IMAGES)
    if len(files) > CALIBRATION_IMAGES:
        step = len(files) / CALIBRATION_IMAGES
        files = [files[int(i * step)] for i in range(CALIBRATION_IMAGES)]
    return files


def _calibration_key(weights_key: str, files: Sequence[Path]) -> str:
    h = hashlib.sha256(f"{weights_key} nncf {nncf_version()}".encode())
    for f in files:
        st = f.stat()
        h.update(f"{f.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return f"{weights_key}-int8-{h.hexdigest()[:12]}"


def quantize_steps(loaded: LoadedModel, folder: str | Path, tensors: Sequence[torch.Tensor] | None = None,
                   ) -> Generator[QuantizeProgress, None, tuple[LoadedModel, Int8Agreement]]:
    """``loaded`` quantized to int8 on the images of ``folder`` and run by OpenVINO, with its agreement with f32;
    yields progress (NNCF's own step is one call: no progress inside it). ``tensors``: those images, when the caller
    has read them already (``read_calibration``)."""
    if loaded.runtime != "torch" or loaded.scripted:
        raise ConvLensError("Only a PyTorch model can be quantized; {source} is not one.", source=loaded.source)
    # OpenVINO first, with its telemetry off: NNCF imports OpenVINO's converter, which would otherwise start Intel's
    # usage telemetry (nothing ConvLens does is ever uploaded), and NNCF's own telemetry then finds none either
    ov = import_openvino()
    files = calibration_files(folder)
    weights_key = _key(loaded)  # hashes the weights (a second for VGG16): once
    key = _calibration_key(weights_key, files)
    xml = cache_dir() / f"{key}.xml"
    record = xml.with_suffix(".agreement.json")
    agreement = _cached_agreement(record, xml)
    if agreement is not None:  # quantized and checked before: the images need not be read again
        return _int8(loaded, OpenVinoClassifier(xml, "int8"), agreement), agreement
    nncf = import_nncf()  # only to quantize: 0.8 s of a cached run's start here
    if tensors is None:
        tensors = yield from read_calibration(loaded, files, folder)
    yield QuantizeProgress("quantize", 0, 1)
    onnx_file = _exported(loaded, weights_key)
    quantized = nncf_quantize(nncf, ov.Core().read_model(str(onnx_file)), tensors)
    save_ir_atomically(ov, quantized, xml)
    yield QuantizeProgress("quantize", 1, 1)
    model = OpenVinoClassifier(xml, "int8")
    agreement = yield from measure_agreement(loaded, model, tensors, str(folder))
    write_atomic(record, json.dumps({"images": agreement.images, "top1_agree": agreement.top1_agree,
                                     "max_diff": agreement.max_diff, "folder": agreement.folder}).encode())
    return _int8(loaded, model, agreement), agreement


def read_calibration(loaded: LoadedModel, files: Sequence[Path], folder: str | Path,
                     ) -> Generator[QuantizeProgress, None, list[torch.Tensor]]:
    """The calibration images, preprocessed as the model sees them (unreadable ones left out, as from any folder)."""
    tensors: list[torch.Tensor] = []
    for i, f in enumerate(files):
        try:
            tensors.append(loaded.preprocess(load_image(f)))
        except ConvLensError:
            pass
        if i % 16 == 15 or i == len(files) - 1:
            yield QuantizeProgress("read", i + 1, len(files))
    if len(tensors) < MIN_CALIBRATION_IMAGES:
        raise ConvLensError("Only {n} images of the calibration folder {folder} could be read; int8 calibration takes "
                            "at least {min}.", n=len(tensors), folder=folder, min=MIN_CALIBRATION_IMAGES)
    return tensors


def nncf_quantize(nncf: Any, model: Any, tensors: Sequence[torch.Tensor], input_name: str | None = None) -> Any:
    """``nncf.quantize`` (an OpenVINO model, or an ONNX one fed by ``input_name``) with ranges from ``tensors``, one
    image per step."""
    items: list[Any] = [t.unsqueeze(0).numpy() for t in tensors]
    if input_name is not None:  # NNCF's ONNX backend feeds ONNX Runtime: a name for each input
        items = [{input_name: item} for item in items]
    # NNCF draws its own progress bars on stdout (where `--json` output goes) and logs at INFO: kept quiet
    nncf.set_log_level(logging.ERROR)
    with contextlib.redirect_stdout(io.StringIO()):
        return nncf.quantize(model, nncf.Dataset(items), subset_size=len(items))


def _no_nncf() -> ConvLensError:
    return ConvLensError("int8 needs NNCF, which this installation does not have (pip install nncf).")


def import_nncf() -> Any:
    """NNCF, after OpenVINO with its telemetry off (see ``quantize_steps``)."""
    import_openvino()
    # NNCF imports torch.utils.cpp_extension, which warns "No CUDA runtime is found, using CUDA_HOME=..." on a
    # machine with a CUDA toolkit and no GPU: nothing the user can act on, and ConvLens builds no extension
    logging.getLogger("torch.utils.cpp_extension").setLevel(logging.ERROR)
    try:
        import nncf
    except ImportError:
        raise _no_nncf() from None
    return nncf


def nncf_version() -> str:
    """The installed NNCF's version, read from its metadata: importing NNCF takes 0.8 s, which a run whose int8 model
    is cached need not spend."""
    from importlib import metadata

    try:
        return metadata.version("nncf")
    except metadata.PackageNotFoundError:
        raise _no_nncf() from None


def _int8(loaded: LoadedModel, model: OpenVinoClassifier, agreement: Int8Agreement) -> LoadedModel:
    return replace(loaded, model=model, runtime="openvino",  # type: ignore[arg-type]  # the torch-model surface
                   scripted=True, precision="int8", reference=loaded.model,
                   notes=[*loaded.notes, str(agreement.text())])


def quantize(loaded: LoadedModel, folder: str | Path) -> tuple[LoadedModel, Int8Agreement]:
    from convlens.engine.core.steps import run_to_end

    return run_to_end(quantize_steps(loaded, folder))


def measure_agreement(loaded: LoadedModel, model: object, tensors: Sequence[torch.Tensor],
                      folder: str) -> Generator[QuantizeProgress, None, Int8Agreement]:
    """``model`` (an int8 model, or an int8 file loaded back) against ``loaded``'s PyTorch f32, 32 images a step."""
    agree, diff = 0, 0.0
    for start in range(0, len(tensors), 32):
        same, gap = agreement_on(loaded.model, model, torch.stack(list(tensors[start : start + 32])),
                                 loaded.temperature)
        agree, diff = agree + same, max(diff, gap)
        yield QuantizeProgress("check", min(start + 32, len(tensors)), len(tensors))
    return Int8Agreement(len(tensors), agree, diff, folder)


def _cached_agreement(record: Path, xml: Path) -> Int8Agreement | None:
    if not (xml.is_file() and xml.with_suffix(".bin").is_file() and record.is_file()):
        return None
    try:
        d = json.loads(record.read_text())
        agreement = Int8Agreement(int(d["images"]), int(d["top1_agree"]), float(d["max_diff"]), str(d["folder"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for path in (xml, xml.with_suffix(".bin"), record):
        path.touch()  # recently used
    return agreement


def save_ir_atomically(ov: object, model: object, xml: Path) -> None:
    """The .xml and .bin side by side, both or neither: written in a private folder, then moved in (.bin first,
    so an .xml is never there without its weights)."""
    xml.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".int8-", dir=xml.parent))
    try:
        ov.save_model(model, str(work / xml.name), compress_to_fp16=False)  # type: ignore[attr-defined]
        os.replace(work / xml.with_suffix(".bin").name, xml.with_suffix(".bin"))
        os.replace(work / xml.name, xml)
    finally:
        shutil.rmtree(work, ignore_errors=True)


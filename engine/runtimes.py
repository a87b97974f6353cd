"""Which runtime classifies: PyTorch, ONNX Runtime, OpenVINO, or ``auto`` (the fastest that agrees with PyTorch).

* OpenVINO compiles the model (exported to ONNX with its metadata) for the CPU with the best inference
  precision the hardware has: bf16 where the CPU has AVX-512 BF16 / AMX, f16 where it computes in half
  precision, else f32. The precision is part of the runtime's name ("OpenVINO bf16").
* ``auto`` builds every runtime available here, checks each against the PyTorch model on the sample
  photos (top-1 must agree on every image; probabilities within ``tolerance(precision)``: 1e-3 for f32,
  0.05 for bf16/f16, whose 8-bit mantissa moves probabilities by a few hundredths), times each at batch 1
  and picks the fastest that passes. With a CUDA GPU, PyTorch on the GPU is the choice (no timing needed;
  the code path is written but no GPU was available to run it here).
* Everything is cached under the user cache folder by (architecture, weights hash, runtime, precision):
  the exported ONNX file, OpenVINO's compiled blob (its own ``CACHE_DIR``) and the ``auto`` decision, so the
  second start costs a hash of the weights and a blob load.

Feature maps, CAM and training always use the PyTorch model; the fast runtime only classifies, and the
parity check is what makes the two the same model.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import torch

from convlens.engine.errors import ConvLensError
from convlens.engine.loaded import LoadedModel

__all__ = ["RUNTIMES", "AutoChoice", "OpenVinoClassifier", "best_precision", "cache_dir", "choose_runtime",
           "convert", "tolerance"]

RUNTIMES = ("auto", "torch", "onnxruntime", "openvino")
TITLES = {"torch": "PyTorch", "onnxruntime": "ONNX Runtime", "openvino": "OpenVINO"}


def tolerance(precision: str) -> float:
    """Largest |p_runtime - p_torch| accepted: tight for f32, looser for 16-bit inference."""
    return 1e-3 if precision == "f32" else 0.05


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    path = Path(user_cache_dir("ConvLens", appauthor=False)) / "runtimes"
    path.mkdir(parents=True, exist_ok=True)
    return path


def weights_hash(loaded: LoadedModel) -> str:
    """A short hash of the model's weights and preprocessing (the cache key with the architecture)."""
    h = hashlib.sha256()
    for name, tensor in loaded.model.state_dict().items():
        h.update(name.encode())
        h.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    h.update(json.dumps(loaded.preprocess.to_dict(), sort_keys=True).encode())
    h.update(json.dumps(list(loaded.labels)).encode())
    return h.hexdigest()[:16]


def import_openvino() -> Any:
    """The ``openvino`` module, with its usage telemetry off: nothing ConvLens does is ever uploaded.

    ``import openvino`` imports its model converter, which starts Intel's telemetry (Google Analytics; a client id
    in ``~/intel``, a sender thread) unless the user opted out. Its modules fall back to a built-in no-op stub when
    ``openvino_telemetry`` cannot be imported, so the engine makes that import fail before OpenVINO is loaded.
    """
    if "openvino_telemetry" not in sys.modules:
        sys.modules["openvino_telemetry"] = None  # type: ignore[assignment]  # import -> ImportError -> the stub
    import openvino

    return openvino


def openvino_available() -> bool:
    try:
        import_openvino()
    except ImportError:
        return False
    return True


def best_precision() -> str:
    """bf16 where the CPU has it, f16 where it infers in half precision natively, else f32."""
    ov = import_openvino()
    caps = ov.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES")
    if "BF16" in caps:
        return "bf16"
    import platform

    if "FP16" in caps and platform.machine().lower() in ("arm64", "aarch64"):
        return "f16"  # ARM CPUs compute f16 natively; on x86 "FP16" only means f16 weights are accepted
    return "f32"


class OpenVinoClassifier:
    """An OpenVINO compiled model with the torch-model surface the Predictor uses."""

    def __init__(self, onnx_path: str | Path, precision: str) -> None:
        ov = import_openvino()
        self.path = Path(onnx_path)
        self.precision = precision
        core = ov.Core()
        core.set_property({"CACHE_DIR": str(cache_dir() / "openvino")})
        hint = {"bf16": "bf16", "f16": "f16", "f32": "f32"}[precision]
        try:
            self.compiled = core.compile_model(str(self.path), "CPU", {"INFERENCE_PRECISION_HINT": hint,
                                                                     "PERFORMANCE_HINT": "LATENCY"})
        except Exception as exc:  # noqa: BLE001 - OpenVINO raises its own RuntimeError subclasses
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ConvLensError("OpenVINO cannot compile {name} ({first}).", name=self.path.name, first=first[:200]) from None
        self.request = self.compiled.create_infer_request()
        self.max_batch = 64
        self.training = False

    def to(self, _device: Any) -> OpenVinoClassifier:
        return self

    def eval(self) -> OpenVinoClassifier:
        return self

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        feed = np.ascontiguousarray(x.detach().cpu().numpy(), dtype=np.float32)
        out = self.request.infer({0: feed})
        return torch.from_numpy(np.asarray(next(iter(out.values())), dtype=np.float32).reshape(feed.shape[0], -1))


@dataclass(frozen=True)
class AutoChoice:
    runtime: str
    precision: str
    reason: str


def _exported(loaded: LoadedModel, key: str) -> Path:
    """The model as ONNX (with metadata) in the cache; exported once per weights."""
    from convlens.engine.export import export

    out = cache_dir() / f"{key}.onnx"
    if not out.is_file():
        prune_cache()
        report = export(loaded, out, "onnx")
        if report.top1_agree != report.images:
            raise ConvLensError("The ONNX export of this model disagrees with it ({value}).", value=report.summary())
    else:
        out.touch()  # recently used: kept by prune_cache
    return out


#: Exported models kept in the cache (each fine-tune is a new model; VGG16 alone is 0.5 GB).
CACHE_KEEP = 8


def prune_cache(keep: int = CACHE_KEEP) -> None:
    """Drop the least recently used exports (and their decisions) beyond ``keep``."""
    exports = sorted(cache_dir().glob("*.onnx"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in exports[keep - 1 :]:
        for path in (old, old.with_suffix(".auto.json"), old.with_name(old.name + ".parity.json")):
            path.unlink(missing_ok=True)
    blobs = cache_dir() / "openvino"  # OpenVINO's compiled models, one or two per export and precision
    if blobs.is_dir():
        for old_blob in sorted(blobs.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)[2 * keep :]:
            old_blob.unlink(missing_ok=True)


def _parity(loaded: LoadedModel, fast: torch.nn.Module | Any, precision: str,
            samples: torch.Tensor) -> tuple[bool, str]:
    with torch.inference_mode():
        ref = loaded.model.eval()(samples).float().softmax(1).numpy()
        got = fast(samples).float().softmax(1).numpy()
    agree = int((ref.argmax(1) == got.argmax(1)).sum())
    diff = float(np.abs(ref - got).max())
    ok = agree == len(ref) and diff <= tolerance(precision)
    return ok, f"{agree}/{len(ref)} top-1 agree, max |Δp| {diff:.1e} (tolerance {tolerance(precision):g})"


def _samples(loaded: LoadedModel) -> torch.Tensor:
    from convlens.engine.export import sample_images

    return torch.stack([loaded.preprocess(im) for im in sample_images()])


def convert(loaded: LoadedModel, runtime: str, precision: str = "auto") -> LoadedModel:
    """``loaded`` run by ``runtime`` (checked against PyTorch); the PyTorch model itself for "torch"."""
    if runtime == "torch":
        return loaded
    if loaded.runtime != "torch" or loaded.scripted:
        raise ConvLensError(
            "Only a PyTorch model can move to another runtime; {source} is not one.",
            source=loaded.source,
        )
    key = f"{loaded.name}-{weights_hash(loaded)}"
    onnx_file = _exported(loaded, key)
    if runtime == "onnxruntime":
        from convlens.engine.onnx_runtime import load_onnx

        fast = load_onnx(onnx_file)
        precision = "f32"
        model: Any = fast.model
    elif runtime == "openvino":
        if not openvino_available():
            raise ConvLensError("OpenVINO is not installed (pip install openvino).")
        precision = best_precision() if precision == "auto" else precision
        model = OpenVinoClassifier(onnx_file, precision)
    else:
        raise ConvLensError("Unknown runtime '{runtime}': use {value}.", runtime=runtime, value=', '.join(RUNTIMES))
    ok, detail = _parity(loaded, model, precision, _samples(loaded))
    if not ok:
        raise ConvLensError(
            "{TITLES} {precision} disagrees with the PyTorch model ({detail}).",
            TITLES=TITLES[runtime], precision=precision, detail=detail,
        )
    return replace(loaded, model=model, runtime=runtime, scripted=True, precision=precision,  # type: ignore[arg-type]
                   notes=[*loaded.notes, f"running in {TITLES[runtime]} {precision}: parity {detail}"])


def _time_batch1(model: Any, samples: torch.Tensor, repeats: int = 5) -> float:
    x = samples[:1]
    with torch.inference_mode():
        model(x)  # warm-up
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            model(x)
            times.append(time.perf_counter() - t)
    return float(np.median(times))


def choose_runtime(loaded: LoadedModel, device: torch.device | str = "cpu") -> tuple[LoadedModel, AutoChoice]:
    """The fastest runtime here whose parity check passes (cached per weights); with CUDA, PyTorch on the GPU."""
    device = torch.device(device)
    if device.type in ("cuda", "mps"):
        return loaded, AutoChoice("torch", "f32", f"PyTorch on the {device.type.upper()} GPU")
    if loaded.runtime != "torch" or loaded.scripted:
        return loaded, AutoChoice(loaded.runtime, "f32", "this model file runs only in its own runtime")
    key = f"{loaded.name}-{weights_hash(loaded)}"
    decision_file = cache_dir() / f"{key}.auto.json"
    if decision_file.is_file():
        try:
            decided = json.loads(decision_file.read_text())
            chosen = convert(loaded, decided["runtime"], decided["precision"])
            return chosen, AutoChoice(decided["runtime"], decided["precision"], decided["reason"] + " (cached)")
        except (ConvLensError, KeyError, ValueError):
            decision_file.unlink(missing_ok=True)
    samples = _samples(loaded)
    timings: dict[str, tuple[float, LoadedModel, str]] = {}
    timings["torch"] = (_time_batch1(loaded.model.eval(), samples), loaded, "f32")
    failures = []
    for runtime in ("openvino", "onnxruntime"):
        if runtime == "openvino" and not openvino_available():
            failures.append("OpenVINO not installed")
            continue
        try:
            fast = convert(loaded, runtime)
        except ConvLensError as exc:
            failures.append(str(exc))
            continue
        except Exception as exc:  # noqa: BLE001 - a runtime that cannot be built here is left out, with why
            import logging

            logging.getLogger("convlens.runtimes").exception("building %s", runtime)
            failures.append(f"{TITLES[runtime]} could not be built here ({type(exc).__name__}: {str(exc)[:120]})")
            continue
        timings[runtime] = (_time_batch1(fast.model, samples), fast, fast.precision)
    best = min(timings, key=lambda r: timings[r][0])
    seconds, chosen, precision = timings[best]
    others = ", ".join(f"{TITLES[r]} {1000 * t:.1f} ms" for r, (t, _, _) in timings.items() if r != best)
    reason = (f"{TITLES[best]} {precision}: fastest here at batch 1 ({1000 * seconds:.1f} ms/image; {others})"
              + (f"; left out: {'; '.join(failures)}" if failures else ""))
    decision_file.write_text(json.dumps({"runtime": best, "precision": precision, "reason": reason}))
    assert chosen is not None
    return chosen, AutoChoice(best, precision, reason)
